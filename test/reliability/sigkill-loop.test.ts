// `aduan serve` killed with SIGKILL again and again while several hundred Telegram messages are taken in and
// answered: nothing is lost (every message stored once, handled once, answered), and nothing is sent twice beyond
// the documented instant (a kill after Telegram accepted a reply but before the outbox recorded it sends that
// reply again on restart: Telegram has no idempotency key, so delivery is at least once).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testAgency } from '../support/fake-nlp.js';
import { FakeTelegram, type FakeCall } from '../support/fake-telegram/server.js';
import { privateMessage } from '../support/fake-telegram/updates.js';
import { BIN } from '../support/cli.js';

const TOKEN = '111:citizen-token';
const USERS = Array.from({ length: 50 }, (_, i) => ({ id: 8100 + i, first_name: `Warga ${i}` }));
const MESSAGES = 300;
const KILLS = 10;

const dir = mkdtempSync(join(tmpdir(), 'aduan-sigkill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a SIGKILL loop over several hundred messages', () => {
  let fake: FakeTelegram;
  let child: ChildProcess | null = null;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await fake?.close();
  });

  it('loses nothing and repeats nothing beyond the documented instant', { timeout: 300_000 }, async () => {
    fake = await FakeTelegram.start();
    fake.addBot(TOKEN, 111, 'AduanWargaBot');
    writeFileSync(join(dir, 'agency.json'), JSON.stringify(testAgency));
    const start = () => {
      const p = spawn(process.execPath, [BIN, 'serve'], {
        env: {
          PATH: process.env.PATH ?? '',
          DATA_DIR: join(dir, 'data'),
          HTTP_PORT: '0', // a free port: never one another test (or program) holds
          AGENCY_CONFIG: join(dir, 'agency.json'),
          LOG_FORMAT: 'json',
          LOG_LEVEL: 'error',
          TELEGRAM_BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: fake.apiRoot,
        },
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      return p;
    };
    const helps = () =>
      fake.calls.filter(
        (c: FakeCall) =>
          c.token === TOKEN &&
          c.method === 'sendMessage' &&
          c.status === 200 &&
          String(c.params.text).startsWith('Cara memakai'),
      ).length;
    const polls = () => fake.calls.filter((c) => c.token === TOKEN && c.method === 'getUpdates').length;
    const until = async (check: () => boolean, what: string, seconds = 60) => {
      const deadline = Date.now() + seconds * 1000;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    for (let i = 0; i < MESSAGES; i++) fake.push(TOKEN, privateMessage(USERS[i % USERS.length]!, '/bantuan'));
    // Kill at spread-out moments after the bot starts taking updates (a fixed sequence: the run is repeatable).
    const delays = [150, 900, 400, 1300, 250, 700, 1100, 50, 600, 1500];
    let kills = 0;
    for (const delay of delays.slice(0, KILLS)) {
      const before = polls();
      child = start();
      await until(() => polls() > before, 'the bot to poll');
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      child = null;
      kills += 1;
    }
    // A last, undisturbed run answers everything that is left.
    child = start();
    await until(() => helps() >= MESSAGES && fake.pending(TOKEN) === 0, `every answer (${helps()})`, 180);
    await new Promise((r) => setTimeout(r, 1500)); // anything still pending would go out now
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    child = null;

    const { SqliteStore } = await import('../../src/store/sqlite/sqlite-store.js');
    const store = new SqliteStore(join(dir, 'data', 'aduan.sqlite'));
    const inbound = store.database.prepare('SELECT COUNT(*) AS n, COUNT(handled_at) AS handled FROM inbound').get();
    const pending = await store.countOutbox('pending');
    await store.close();
    const repeated = helps() - MESSAGES;
    console.log(`[sigkill-loop] ${kills} SIGKILLs over ${MESSAGES} messages: 0 lost, ${repeated} answers sent twice`);
    expect(inbound).toEqual({ n: MESSAGES, handled: MESSAGES });
    expect(pending).toBe(0);
    expect(helps()).toBeGreaterThanOrEqual(MESSAGES);
    // At most the replies in flight at each kill: one per chat the pass was sending to (Telegram's burst of 7).
    expect(repeated).toBeLessThanOrEqual(kills * 8);
  });
});
