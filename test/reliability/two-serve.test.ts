// Two `aduan serve` processes on one SQLite store, both bots in webhook mode against the fake Bot API (issue 13
// item 6). Telegram may deliver an update to either instance and, after a timeout, again to the other: here every
// update is posted to both at once. Each inbound message is handled once, each outbox item sent once, a scheduled
// job that both instances find due at start runs once, and each staff update is applied once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { lastKey } from '../../src/scheduler/runner.js';
import { fakeNlp, testAgency } from '../support/fake-nlp.js';
import { makeCase } from '../support/fixtures.js';
import { BIN } from '../support/cli.js';
import { FakeTelegram } from '../support/fake-telegram/server.js';
import { groupMessage, privateMessage } from '../support/fake-telegram/updates.js';

const CITIZEN_TOKEN = '111:citizen-token';
const STAFF_TOKEN = '222:staff-token';
const GROUP = -1005550002222;
const STAFF = { id: 501, first_name: 'Rina' };
const SUPERVISOR = { id: 601, first_name: 'Pak Kabid' };
const SECRET = 'rahasia_webhook-0123456789';
const TICKET = 'ADU-DWAK-0001';
const TOPIC = 7001;
const CASE_CITIZEN = 8801;
const CITIZENS = 12;
const MESSAGES_EACH = 4;
const RELAYS = 5;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('two serve processes on one SQLite store (webhook mode)', () => {
  let fake: FakeTelegram;
  let dir: string;
  const children: Array<{ child: ChildProcess; port: number; stderr: string }> = [];

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    fake.addBot(CITIZEN_TOKEN, 111, 'AduanWargaBot');
    fake.addBot(STAFF_TOKEN, 222, 'AduanStafBot');
    fake.setForum(GROUP, true);
    dir = mkdtempSync(join(tmpdir(), 'aduan-two-serve-'));
    writeFileSync(join(dir, 'agency.json'), JSON.stringify(testAgency));
    // A case with its topic, and a daily digest last done two days ago: both instances find it due at start.
    const app = await createApp(loadConfig({ DATA_DIR: dir, AGENCY_CONFIG: join(dir, 'agency.json') }), {
      log: silentLogger,
      nlp: fakeNlp(),
      manualDispatch: true,
      repeatIndex: 'skip',
    });
    const citizen = {
      channel: 'telegram' as const,
      userId: String(CASE_CITIZEN),
      chatId: String(CASE_CITIZEN),
      language: 'id' as const,
    };
    await app.store.commit({
      cases: [{ record: makeCase({ ticket: TICKET, stage: 'forwarded', citizen }), expectedVersion: null }],
    });
    await app.store.setCaseThread(TICKET, { kind: 'topic', id: TOPIC });
    await app.store.setValue(lastKey('digest-daily'), String(Date.now() - 2 * 86_400_000));
    await app.close();
  });
  afterAll(async () => {
    for (const c of children) c.child.kill('SIGKILL');
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<void> {
    const port = await freePort();
    const entry = { child: null as unknown as ChildProcess, port, stderr: '' };
    entry.child = spawn(BIN, ['serve', '--no-console'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        DATA_DIR: dir,
        AGENCY_CONFIG: join(dir, 'agency.json'),
        HTTP_PORT: String(port),
        TELEGRAM_BOT_TOKEN: CITIZEN_TOKEN,
        TELEGRAM_STAFF_BOT_TOKEN: STAFF_TOKEN,
        TELEGRAM_STAFF_CHAT_ID: String(GROUP),
        STAFF_TELEGRAM_IDS: String(STAFF.id),
        SUPERVISOR_TELEGRAM_IDS: String(SUPERVISOR.id),
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_WEBHOOK_URL: 'https://aduan.example.go.id/tg',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    entry.child.stderr?.on('data', (d: Buffer) => (entry.stderr += d.toString()));
    children.push(entry);
  }

  /** Posts one update to one instance as Telegram would; resolves with the HTTP status. */
  async function post(port: number, bot: 'citizen' | 'staff', body: unknown): Promise<number> {
    const res = await fetch(`http://127.0.0.1:${port}/tg/${bot}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  }

  /** The same update to both instances at once; each must answer 200 (stored, so Telegram may forget it). */
  async function toBoth(bot: 'citizen' | 'staff', body: unknown): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const statuses = await Promise.all(children.map((c) => post(c.port, bot, body)));
      if (statuses.every((s) => s === 200)) return;
      // A refused update is sent again by Telegram; so does this test.
      if (attempt > 20) throw new Error(`update refused: ${statuses.join(', ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it(
    'handles each update once and sends each reply once; a due job and each staff update run once',
    { timeout: 240_000 },
    async () => {
      await start();
      await start();
      await fake.waitFor(() => fake.calls.filter((c) => c.method === 'setWebhook').length >= 4, {
        timeoutMs: 90_000,
        what: `four webhook registrations (stderr: ${children.map((c) => c.stderr.slice(-400)).join('\n---\n')})`,
      });

      let updateId = 90_000;
      const texts = ['Tagihan PBB saya naik dua kali lipat', 'di kantor Bapenda', 'lewati', 'makasih min'];
      // Citizens write side by side; each citizen's messages in order, every update posted to both instances.
      await Promise.all(
        Array.from({ length: CITIZENS }, async (_, c) => {
          const from = { id: 9100 + c, first_name: `Warga${c}` };
          for (let m = 0; m < MESSAGES_EACH; m++)
            await toBoth('citizen', { ...privateMessage(from, `${texts[m]} (warga ${c})`), update_id: updateId++ });
        }),
      );
      for (let r = 0; r < RELAYS; r++)
        await toBoth('staff', {
          ...groupMessage(GROUP, STAFF, `Pesan RELAY-${r} untuk warga`, { topicId: TOPIC }),
          update_id: updateId++,
        });

      const db = new Database(join(dir, 'aduan.sqlite'), { readonly: true });
      const one = <T>(sql: string) => db.prepare(sql).get() as T;
      // Wait until everything committed has left the outbox.
      for (let i = 0; i < 600; i++) {
        const { n } = one<{ n: number }>(
          "SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending' AND chat_key NOT LIKE 'staff:%'",
        );
        const digests = fake.calls.filter((c) => c.status === 200 && Number(c.params.chat_id) === SUPERVISOR.id).length;
        if (n === 0 && digests > 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      // Staff cards and acknowledgements too (paced per chat, so they may take a little longer).
      for (
        let i = 0;
        i < 600 && one<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").n > 0;
        i++
      )
        await new Promise((r) => setTimeout(r, 200));

      // Inbound: every update stored once (the second delivery found its dedupe key), every one handled.
      const inbound = one<{ n: number; handled: number }>(
        'SELECT COUNT(*) AS n, COUNT(handled_at) AS handled FROM inbound',
      );
      expect(inbound).toEqual({ n: CITIZENS * MESSAGES_EACH + RELAYS, handled: CITIZENS * MESSAGES_EACH + RELAYS });

      // Outbox: each item sent exactly once, by one of the two instances.
      const delivered = db.prepare("SELECT chat_key, payload FROM outbox WHERE status = 'delivered'").all() as Array<{
        chat_key: string;
        payload: string;
      }>;
      const left = db
        .prepare("SELECT chat_key, status, attempts, last_error FROM outbox WHERE status <> 'delivered'")
        .all();
      expect(left).toEqual([]);
      const sent = fake.calls.filter(
        (c) => c.status === 200 && ['sendMessage', 'sendPhoto'].includes(c.method) && c.params.chat_id !== undefined,
      );
      const citizenItems = delivered.filter((d) => d.chat_key.startsWith('telegram:'));
      expect(sent.filter((c) => c.token === CITIZEN_TOKEN)).toHaveLength(citizenItems.length);
      for (let c = 0; c < CITIZENS; c++) {
        const chat = 9100 + c;
        const items = citizenItems.filter((d) => d.chat_key === `telegram:${chat}`).length;
        expect(items).toBeGreaterThan(0);
        expect(sent.filter((s) => s.token === CITIZEN_TOKEN && Number(s.params.chat_id) === chat)).toHaveLength(items);
      }
      // A staff item is a message, or (the acknowledgement of a staff member's relay) a reaction on their message.
      const staffItems = delivered.filter((d) => d.chat_key.startsWith('staff:'));
      const acks = staffItems.filter((d) => (JSON.parse(d.payload) as { ack?: boolean; answers?: string }).ack);
      expect(sent.filter((c) => c.token === STAFF_TOKEN)).toHaveLength(staffItems.length - acks.length);
      // (Posted straight to the webhooks, the members' messages are unknown to the fake, which refuses the reaction.)
      const reactions = fake.calls.filter((c) => c.method === 'setMessageReaction');
      expect(new Set(reactions.map((c) => `${String(c.params.chat_id)}:${String(c.params.message_id)}`)).size).toBe(
        acks.length,
      );

      // Staff updates: each relay applied once (one event, one message to the citizen).
      for (let r = 0; r < RELAYS; r++) {
        const relayed = sent.filter(
          (s) =>
            s.token === CITIZEN_TOKEN &&
            Number(s.params.chat_id) === CASE_CITIZEN &&
            String(s.params.text).includes(`RELAY-${r}`),
        );
        expect(relayed).toHaveLength(1);
        const events = db
          .prepare('SELECT COUNT(*) AS n FROM case_events WHERE ticket = ? AND doc LIKE ?')
          .get(TICKET, `%RELAY-${r}%`) as { n: number };
        expect(events.n).toBe(1);
      }

      // The digest both instances found due at start ran once, in one of them, and reached the supervisor once.
      const ran = children.flatMap((c) =>
        c.stderr.split('\n').filter((l) => l.includes('"job ran"') && l.includes('"digest-daily"')),
      );
      expect(ran).toHaveLength(1);
      expect(sent.filter((s) => Number(s.params.chat_id) === SUPERVISOR.id)).toHaveLength(1);
      db.close();
    },
  );
});
