// Killing `aduan serve` in the middle of a Telegram conversation and starting it again neither loses nor repeats
// a message: updates are confirmed only once stored, stored ones are handled at start, replies wait in the outbox.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';
import { testAgency } from '../support/fake-nlp.js';
import { FakeTelegram } from '../support/fake-telegram/server.js';
import { privateMessage } from '../support/fake-telegram/updates.js';

const CITIZEN_TOKEN = '111:citizen-token';
const STAFF_TOKEN = '222:staff-token';
const GROUP = -1009876543210;
const USER = { id: 7301, first_name: 'Hana' };

describe('a restart in the middle of a conversation', () => {
  let fake: FakeTelegram;
  let dir: string;
  let child: ChildProcess | null = null;
  let stderr = '';

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    fake.addBot(CITIZEN_TOKEN, 111, 'AduanWargaBot');
    fake.addBot(STAFF_TOKEN, 222, 'AduanStafBot');
    fake.setForum(GROUP, true);
    dir = mkdtempSync(join(tmpdir(), 'aduan-tg-restart-'));
    writeFileSync(join(dir, 'agency.json'), JSON.stringify(testAgency));
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function start(): ChildProcess {
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
        AGENCY_CONFIG: join(dir, 'agency.json'),
        TELEGRAM_BOT_TOKEN: CITIZEN_TOKEN,
        TELEGRAM_STAFF_BOT_TOKEN: STAFF_TOKEN,
        TELEGRAM_STAFF_CHAT_ID: String(GROUP),
        STAFF_TELEGRAM_IDS: '501',
        TELEGRAM_API_ROOT: fake.apiRoot,
        HTTP_PORT: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    p.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    return p;
  }

  const repliesTo = () =>
    fake.calls
      .filter(
        (c) =>
          c.token === CITIZEN_TOKEN &&
          c.method === 'sendMessage' &&
          c.status === 200 &&
          Number(c.params.chat_id) === USER.id,
      )
      .map((c) => String(c.params.text));
  const polling = (from: number) =>
    fake.waitFor((c) => c.token === CITIZEN_TOKEN && c.method === 'deleteWebhook', {
      from,
      timeoutMs: 45_000,
      what: `the bot to start (stderr: ${stderr.slice(-500)})`,
    });

  // Replies that met the injected 502s wait for their retry backoff after the restart: hence the time.
  it('neither loses nor repeats a message', { timeout: 180_000 }, async () => {
    child = start();
    await polling(0);
    fake.push(CITIZEN_TOKEN, privateMessage(USER, '/lapor'));
    await fake.waitFor((c) => c.method === 'sendMessage' && String(c.params.text).includes('ceritakan keluhan'), {
      timeoutMs: 30_000,
      what: 'the report prompt',
    });
    // Telegram stops accepting our messages for a while; three answers arrive and the process dies while its
    // replies wait in the outbox (a kill just after Telegram accepted a message but before the outbox heard of it
    // would resend that one message: Telegram has no idempotency key, so delivery is at least once).
    fake.fail(CITIZEN_TOKEN, 'sendMessage', { code: 502 }, 10_000, (p) => Number(p.chat_id) === USER.id);
    fake.push(
      CITIZEN_TOKEN,
      privateMessage(USER, 'Tagihan PBB rumah saya naik dua kali lipat tanpa pemberitahuan apa pun'),
    );
    fake.push(CITIZEN_TOKEN, privateMessage(USER, 'Di kantor Bapenda Jalan Sudirman'));
    fake.push(CITIZEN_TOKEN, privateMessage(USER, 'sejak 2 minggu lalu'));
    await fake.waitFor((c) => c.status === 502 && String(c.params.text).includes('Di mana'), {
      timeoutMs: 30_000,
      what: 'a reply held back',
    });
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));

    fake.clearFailures();
    const mark = fake.calls.length;
    child = start();
    await polling(mark);
    await fake
      .waitFor(
        (c) =>
          c.method === 'sendMessage' && Number(c.params.chat_id) === USER.id && String(c.params.text).includes('foto'),
        { timeoutMs: 100_000, what: 'the photo question' },
      )
      .catch((e: Error) => {
        throw new Error(`${e.message}: ${JSON.stringify(repliesTo())} ${stderr.slice(-1500)}`);
      });
    fake.push(CITIZEN_TOKEN, privateMessage(USER, 'lewati'));
    await fake.waitFor(
      (c) =>
        c.method === 'sendMessage' &&
        Number(c.params.chat_id) === USER.id &&
        String(c.params.text).includes('nomor tiket'),
      { timeoutMs: 60_000, what: 'the ticket' },
    );

    const texts = repliesTo();
    const questions = ['ceritakan keluhan', 'Di mana', 'Sejak kapan', 'foto', 'nomor tiket'];
    for (const q of questions)
      expect(
        texts.filter((t) => t.includes(q)),
        q,
      ).toHaveLength(1);
    expect(new Set(texts).size).toBe(texts.length);

    // A clean stop (SIGTERM) finishes the work in hand and exits.
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child!.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    child = null;
  });
});
