// Telegram may number updates from lower again: after a week without updates it picks the next update_id at random.
// Driven against the fake Bot API made to restart its numbering (lower than, and equal to, numbers already
// handled), across a restart of the bots and within one run: every citizen message and staff command is handled,
// and none twice.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { RunningChannel } from '../../src/ports/channel.js';
import { silentLogger } from '../../src/log/logger.js';
import { startCitizenBot } from '../../bots/telegram-citizen/index.js';
import { startStaffBot } from '../../bots/telegram-staff/index.js';
import { fakeNlp, testAgency } from '../support/fake-nlp.js';
import { FakeTelegram, type FakeCall } from '../support/fake-telegram/server.js';
import { groupMessage, privateMessage } from '../support/fake-telegram/updates.js';

const CITIZEN_TOKEN = '111:citizen-token';
const STAFF_TOKEN = '222:staff-token';
const GROUP = -1001234567890;
const CITIZEN = { id: 7301, first_name: 'Hana' };
const STAFF = { id: 501, first_name: 'Rina' };

describe('Telegram update numbers that restart lower', () => {
  let fake: FakeTelegram;
  let app: App;
  let dir: string;
  let bots: RunningChannel[] = [];

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    fake.addBot(CITIZEN_TOKEN, 111, 'AduanWargaBot');
    fake.addBot(STAFF_TOKEN, 222, 'AduanStafBot');
    fake.setForum(GROUP, true);
    dir = mkdtempSync(join(tmpdir(), 'aduan-tg-numbers-'));
    writeFileSync(join(dir, 'agency.json'), JSON.stringify(testAgency));
    const config = loadConfig({
      DATA_DIR: dir,
      AGENCY_CONFIG: join(dir, 'agency.json'),
      TELEGRAM_BOT_TOKEN: CITIZEN_TOKEN,
      TELEGRAM_STAFF_BOT_TOKEN: STAFF_TOKEN,
      TELEGRAM_STAFF_CHAT_ID: String(GROUP),
      STAFF_TELEGRAM_IDS: String(STAFF.id),
      TELEGRAM_API_ROOT: fake.apiRoot,
    });
    app = await createApp(config, { log: silentLogger, nlp: fakeNlp() });
  });
  afterAll(async () => {
    for (const b of bots) await b.stop();
    await app?.close();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const startBots = async () => {
    bots = [
      await startCitizenBot(app, { pacing: {}, pollTimeoutSec: 1 }),
      await startStaffBot(app, { pacing: {}, pollTimeoutSec: 1 }),
    ];
  };
  const stopBots = async () => {
    for (const b of bots) await b.stop();
    bots = [];
  };
  const sent = (token: string, chatId: number) =>
    fake.calls.filter(
      (c: FakeCall) =>
        c.token === token && c.method === 'sendMessage' && c.status === 200 && Number(c.params.chat_id) === chatId,
    );
  // The help text (a first contact also gets a welcome, which is not counted).
  const citizenReplies = () =>
    sent(CITIZEN_TOKEN, CITIZEN.id)
      .map((c) => String(c.params.text))
      .filter((t) => t.startsWith('Cara memakai'));
  const staffReplies = () => sent(STAFF_TOKEN, GROUP).map((c) => String(c.params.text));
  const until = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 30_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  // Citizens ask for help (one reply each, naming nothing); staff list the open cases (one reply each).
  let asked = 0;
  let listed = 0;
  const citizenAsks = (n: number) => {
    for (let i = 0; i < n; i++, asked++) fake.push(CITIZEN_TOKEN, privateMessage(CITIZEN, '/bantuan'));
  };
  const staffLists = (n: number) => {
    for (let i = 0; i < n; i++, listed++) fake.push(STAFF_TOKEN, groupMessage(GROUP, STAFF, '/kasus'));
  };
  const allAnswered = () =>
    until(
      () => citizenReplies().length >= asked && staffReplies().length >= listed,
      `${asked} citizen and ${listed} staff answers (have ${citizenReplies().length} and ${staffReplies().length})`,
    );

  it('loses nothing and handles nothing twice', { timeout: 120_000 }, async () => {
    await startBots();
    citizenAsks(3);
    staffLists(2);
    await allAnswered();
    await until(() => fake.pending(CITIZEN_TOKEN) + fake.pending(STAFF_TOKEN) === 0, 'the batch to be confirmed');

    // Down for a while; meanwhile Telegram starts numbering again at the very numbers already handled.
    await stopBots();
    fake.restartNumbering(CITIZEN_TOKEN, 1000);
    fake.restartNumbering(STAFF_TOKEN, 1000);
    citizenAsks(3);
    staffLists(2);
    await startBots();
    await allAnswered();

    // Within one run, once the last batch was confirmed (the call carrying the offset has returned, as it long has
    // after a week of silence): numbers restart lower than anything seen.
    const mark = fake.calls.length;
    const confirmed = (token: string) =>
      fake.calls
        .slice(mark)
        .some((c) => c.token === token && c.method === 'getUpdates' && c.status === 200 && c.params.offset);
    await until(() => confirmed(CITIZEN_TOKEN) && confirmed(STAFF_TOKEN), 'the second batch to be confirmed');
    fake.restartNumbering(CITIZEN_TOKEN, 7);
    fake.restartNumbering(STAFF_TOKEN, 3);
    citizenAsks(2);
    staffLists(1);
    await allAnswered();

    // A restart after all that hands nothing out again: one more message, then the totals are exact.
    await stopBots();
    await startBots();
    citizenAsks(1);
    await allAnswered();
    await until(() => fake.pending(CITIZEN_TOKEN) + fake.pending(STAFF_TOKEN) === 0, 'the last batch');
    expect(citizenReplies()).toHaveLength(asked);
    expect(staffReplies()).toHaveLength(listed);
    expect(asked).toBe(9);
    expect(listed).toBe(5);
  });
});
