// A staff action survives a crash at any instant: the real `aduan serve` (both Telegram bots on the fake Bot API) is
// killed with SIGKILL at each point of handling a staff relay — just after the update is stored, just before and
// just after its commit, and after the commit while the citizen's copy waits in the outbox — and started again.
// Each time the action is applied exactly once (one event, one relay to the citizen, one acknowledgement), and a
// staff update sent while the process was down is handled after the restart without waiting for any lease.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { fakeNlp, testAgency } from '../support/fake-nlp.js';
import { makeCase } from '../support/fixtures.js';
import { FakeTelegram } from '../support/fake-telegram/server.js';
import { groupMessage } from '../support/fake-telegram/updates.js';

const CITIZEN_TOKEN = '111:citizen-token';
const STAFF_TOKEN = '222:staff-token';
const GROUP = -1005550001111;
const STAFF = { id: 501, first_name: 'Rina' };
const CITIZEN = 7601;
const OTHER_CITIZEN = 7602;
const TICKET = 'ADU-CRSH-0001';
const OTHER = 'ADU-CRSH-0002';
const TOPIC = 9001;
const OTHER_TOPIC = 9002;

describe('a staff action and a crash at every point of its handling', () => {
  let fake: FakeTelegram;
  let dir: string;
  let child: ChildProcess | null = null;
  let stderr = '';

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    fake.addBot(CITIZEN_TOKEN, 111, 'AduanWargaBot');
    fake.addBot(STAFF_TOKEN, 222, 'AduanStafBot');
    fake.setForum(GROUP, true);
    dir = mkdtempSync(join(tmpdir(), 'aduan-staff-crash-'));
    writeFileSync(join(dir, 'agency.json'), JSON.stringify(testAgency));
    // Two cases with their topics, written straight into the store the service will open.
    const app = await createApp(loadConfig({ DATA_DIR: dir, AGENCY_CONFIG: join(dir, 'agency.json') }), {
      log: silentLogger,
      nlp: fakeNlp(),
      manualDispatch: true,
    });
    for (const [ticket, user, topic] of [
      [TICKET, CITIZEN, TOPIC],
      [OTHER, OTHER_CITIZEN, OTHER_TOPIC],
    ] as const) {
      const citizen = {
        channel: 'telegram' as const,
        userId: String(user),
        chatId: String(user),
        language: 'id' as const,
      };
      await app.store.commit({
        cases: [{ record: makeCase({ ticket, stage: 'forwarded', citizen }), expectedVersion: null }],
      });
      await app.store.setCaseThread(ticket, { kind: 'topic', id: topic });
    }
    await app.close();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function start(crash: Record<string, string> = {}): ChildProcess {
    const root = projectRoot();
    const p = spawn(resolve(root, 'bin/aduan-dev'), ['serve'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        DATA_DIR: dir,
        HTTP_PORT: '0', // a free port: never one another test (or program) holds
        AGENCY_CONFIG: join(dir, 'agency.json'),
        TELEGRAM_BOT_TOKEN: CITIZEN_TOKEN,
        TELEGRAM_STAFF_BOT_TOKEN: STAFF_TOKEN,
        TELEGRAM_STAFF_CHAT_ID: String(GROUP),
        STAFF_TELEGRAM_IDS: String(STAFF.id),
        TELEGRAM_API_ROOT: fake.apiRoot,
        ...crash,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    p.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    return p;
  }
  const running = (from: number) =>
    fake.waitFor((c) => c.token === STAFF_TOKEN && c.method === 'deleteWebhook', {
      from,
      timeoutMs: 45_000,
      what: `the staff bot to start (stderr: ${stderr.slice(-500)})`,
    });
  const exited = (p: ChildProcess) =>
    new Promise<NodeJS.Signals | null>((r) =>
      p.exitCode !== null || p.signalCode !== null ? r(p.signalCode) : p.once('exit', (_c, s) => r(s)),
    );
  const relaysOf = (marker: string, user: number) =>
    fake.calls.filter(
      (c) =>
        c.token === CITIZEN_TOKEN &&
        c.method === 'sendMessage' &&
        c.status === 200 &&
        Number(c.params.chat_id) === user &&
        String(c.params.text).includes(marker),
    );
  // A relay is acknowledged with a reaction on the member's message (set twice, it is still one reaction).
  const acksOf = (messageId: number, from: number) =>
    fake.calls
      .slice(from)
      .filter(
        (c) =>
          c.token === STAFF_TOKEN &&
          c.status === 200 &&
          c.method === 'setMessageReaction' &&
          Number(c.params.chat_id) === GROUP &&
          Number(c.params.message_id) === messageId,
      );
  const idOf = (update: Record<string, unknown>) => (update.message as { message_id: number }).message_id;

  async function eventsWith(marker: string, ticket = TICKET): Promise<number> {
    const app = await createApp(loadConfig({ DATA_DIR: dir, AGENCY_CONFIG: join(dir, 'agency.json') }), {
      log: silentLogger,
      nlp: fakeNlp(),
      manualDispatch: true,
      repeatIndex: 'skip',
    });
    try {
      return (await app.store.getEvents(ticket)).filter(
        (e) => e.action === 'reply to citizen' && (e.detail ?? '').includes(marker),
      ).length;
    } finally {
      await app.close();
    }
  }

  for (const point of ['after-store', 'before-commit', 'after-commit', 'before-delivery'] as const) {
    it(
      `a kill ${point.replace('-', ' ')} applies the relay once and holds up no other update`,
      { timeout: 180_000 },
      async () => {
        const marker = `KRASH-${point}`;
        const other = `LAIN-${point}`;
        let from = fake.calls.length;
        const inHandling = point !== 'before-delivery';
        child = start(inHandling ? { ADUAN_CRASH_AT: point, ADUAN_CRASH_TEXT: marker } : {});
        await running(from);
        if (!inHandling) {
          // The relay is committed, but Telegram refuses to take it from us until the process is killed.
          // (The acknowledgement, a reaction on the member's message, is held back too.)
          fake.fail(CITIZEN_TOKEN, 'sendMessage', { code: 502 }, 1000, (p) => Number(p.chat_id) === CITIZEN);
          fake.fail(STAFF_TOKEN, 'setMessageReaction', { code: 502 }, 1000, (p) => Number(p.chat_id) === GROUP);
        }
        const marked = fake.calls.length;
        const relay = groupMessage(GROUP, STAFF, `Pesan ${marker} untuk warga`, { topicId: TOPIC });
        fake.push(STAFF_TOKEN, relay);
        if (inHandling) {
          expect(await exited(child), stderr.slice(-800)).toBe('SIGKILL');
        } else {
          await fake.waitFor((c) => c.status === 502 && String(c.params.text).includes(marker), {
            from: marked,
            timeoutMs: 30_000,
            what: 'the relay held back',
          });
          child.kill('SIGKILL');
          await exited(child);
          fake.clearFailures();
        }
        // While the service is down, another staff member's update arrives for another case.
        const otherRelay = groupMessage(GROUP, STAFF, `Pesan ${other} untuk warga`, { topicId: OTHER_TOPIC });
        fake.push(STAFF_TOKEN, otherRelay);
        from = fake.calls.length;
        child = start();
        await running(from);
        // No lease to wait for: both arrive well within the time a 60 s claim would have held them.
        const wait = { timeoutMs: 30_000 };
        await fake.waitFor((c) => relaysOf(other, OTHER_CITIZEN).includes(c), {
          ...wait,
          from,
          what: 'the other relay',
        });
        await fake.waitFor((c) => relaysOf(marker, CITIZEN).includes(c), { ...wait, from: marked, what: 'the relay' });
        await fake.waitFor((c) => acksOf(idOf(otherRelay), from).includes(c), { ...wait, from, what: 'the other ack' });
        // The topic's own acknowledgement may have been refused (502) before the kill: it is retried after a backoff.
        await fake.waitFor((c) => acksOf(idOf(relay), marked).includes(c), { ...wait, from: marked, what: 'the ack' });
        // Let the restarted service confirm everything it was given (no update left to redeliver), then count.
        for (let tries = 0; fake.pending(STAFF_TOKEN) > 0 && tries < 600; tries++)
          await new Promise((r) => setTimeout(r, 50));
        expect(fake.pending(STAFF_TOKEN)).toBe(0);
        child.kill('SIGTERM');
        await exited(child);
        child = null;
        expect(relaysOf(marker, CITIZEN)).toHaveLength(1);
        expect(relaysOf(other, OTHER_CITIZEN)).toHaveLength(1);
        expect(acksOf(idOf(relay), marked).length).toBeGreaterThanOrEqual(1);
        // Acknowledged by the reaction only: no message repeats the relay's confirmation in the topic.
        expect(
          fake.calls
            .slice(marked)
            .filter(
              (c) => c.method === 'sendMessage' && c.token === STAFF_TOKEN && c.params.message_thread_id === TOPIC,
            ),
        ).toEqual([]);
        expect(await eventsWith(marker)).toBe(1);
        expect(await eventsWith(other, OTHER)).toBe(1);
      },
    );
  }
});
