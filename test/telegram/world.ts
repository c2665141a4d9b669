// A test world: the fake Bot API, a real core on a temporary SQLite file, and both REAL bots (grammY for citizens,
// Telegraf for staff) long-polling the fake server. Helpers wait for what the bots send instead of sleeping.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { RunningChannel } from '../../src/ports/channel.js';
import type { BackoffPolicy } from '../../src/services/backoff.js';
import type { Pacing } from '../../src/services/dispatcher.js';
import { STAGES } from '../../src/domain/stages.js';
import { silentLogger, type Logger } from '../../src/log/logger.js';
import { startCitizenBot } from '../../bots/telegram-citizen/index.js';
import { startStaffBot } from '../../bots/telegram-staff/index.js';
import { fakeNlp, testAgency } from '../support/fake-nlp.js';
import { FakeTelegram, type FakeCall } from '../support/fake-telegram/server.js';
import { buttonPress, buttonsOf, groupMessage, privateMessage, type TgUser } from '../support/fake-telegram/updates.js';

export const CITIZEN_TOKEN = '111:citizen-token';
export const STAFF_TOKEN = '222:staff-token';
export const GROUP = -1001234567890;
export const STAFF: TgUser = { id: 501, first_name: 'Rina' };
export const SUPERVISOR: TgUser = { id: 601, first_name: 'Pak Kabid' };
export const OUTSIDER: TgUser = { id: 9999, first_name: 'Tamu' };

export interface World {
  fake: FakeTelegram;
  app: App;
  dir: string;
  /** Pushes a citizen's message; resolves with the bot's replies once one arrives that `until` accepts. */
  citizenSays(
    user: TgUser,
    text: string | undefined,
    opts?: { extra?: Record<string, unknown>; until?: (c: FakeCall) => boolean },
  ): Promise<FakeCall[]>;
  /** Files a complaint in one message (answering "skip" to the photo question); resolves with its ticket. */
  fileComplaint(user: TgUser, text?: string): Promise<string>;
  /** Presses a button on a message the citizens' bot sent. */
  citizenPresses(user: TgUser, sent: FakeCall, data: string, until?: (c: FakeCall) => boolean): Promise<FakeCall[]>;
  /** The last message the citizens' bot sent to a chat. */
  lastTo(chatId: number, token?: string): FakeCall;
  staffSays(
    user: TgUser | undefined,
    text: string,
    opts?: { topicId?: number; replyTo?: number; extra?: Record<string, unknown> },
  ): number;
  /** Presses the button for `action` on the latest card that offers it in the case's thread. */
  staffPresses(user: TgUser, ticket: string, action: string): Promise<void>;
  pushStaff(update: Record<string, unknown>): number;
  topicOf(ticket: string): Promise<number>;
  /** Waits until `check` passes (polls the store; no fixed sleeps). */
  until<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs?: number): Promise<T>;
  /** Waits until the bot confirmed (via its getUpdates offset) every update pushed so far. */
  drained(token: string): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(
  opts: {
    forum?: boolean;
    staffRetry?: BackoffPolicy;
    log?: Logger;
    /** The staff group's real pace (default: none). */
    staffPacing?: Pacing;
    /** A staff group per division (TELEGRAM_STAFF_DIVISION_CHATS): division id → group chat id (forums). */
    divisionChats?: Record<string, number>;
    /** A restart: the fake Bot API and the data folder of an earlier world (kept open when this one closes). */
    reuse?: { fake: FakeTelegram; dir: string };
    /** Prepares the fake Bot API before the bots start (e.g. topics numbered per chat). */
    before?: (fake: FakeTelegram) => void;
  } = {},
): Promise<World> {
  const fake = opts.reuse?.fake ?? (await FakeTelegram.start());
  if (!opts.reuse) {
    fake.addBot(CITIZEN_TOKEN, 111, 'AduanWargaBot');
    fake.addBot(STAFF_TOKEN, 222, 'AduanStafBot');
  }
  opts.before?.(fake);
  fake.setForum(GROUP, opts.forum ?? true);
  for (const chat of Object.values(opts.divisionChats ?? {})) fake.setForum(chat, opts.forum ?? true);
  const dir = opts.reuse?.dir ?? mkdtempSync(join(tmpdir(), 'aduan-tg-'));
  const agencyPath = join(dir, 'agency.json');
  writeFileSync(agencyPath, JSON.stringify(testAgency));
  const divisionChats = Object.entries(opts.divisionChats ?? {})
    .map(([d, chat]) => `${d}:${chat}`)
    .join(',');
  const config = loadConfig({
    DATA_DIR: dir,
    AGENCY_CONFIG: agencyPath,
    TELEGRAM_BOT_TOKEN: CITIZEN_TOKEN,
    TELEGRAM_STAFF_BOT_TOKEN: STAFF_TOKEN,
    TELEGRAM_STAFF_CHAT_ID: String(GROUP),
    ...(divisionChats ? { TELEGRAM_STAFF_DIVISION_CHATS: divisionChats } : {}),
    STAFF_TELEGRAM_IDS: String(STAFF.id),
    SUPERVISOR_TELEGRAM_IDS: String(SUPERVISOR.id),
    TELEGRAM_API_ROOT: fake.apiRoot,
  });
  const app = await createApp(config, { log: opts.log ?? silentLogger, nlp: fakeNlp() });
  const running: RunningChannel[] = [];
  running.push(await startCitizenBot(app, { pacing: {}, pollTimeoutSec: 1 }));
  running.push(
    await startStaffBot(app, {
      pacing: opts.staffPacing ?? {},
      pollTimeoutSec: 1,
      ...(opts.staffRetry ? { retry: opts.staffRetry } : {}),
    }),
  );

  const until: World['until'] = async (check, what, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await check();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 15));
    }
  };
  const sentTo = (token: string, chatId: number, from: number) =>
    fake.calls
      .slice(from)
      .filter(
        (c) =>
          c.token === token && c.method === 'sendMessage' && c.status === 200 && Number(c.params.chat_id) === chatId,
      );
  const waitReplies = async (user: TgUser, from: number, until?: (c: FakeCall) => boolean) => {
    await fake.waitFor(
      (c) =>
        c.token === CITIZEN_TOKEN &&
        c.method === 'sendMessage' &&
        c.status === 200 &&
        Number(c.params.chat_id) === user.id &&
        (!until || until(c)),
      {
        from,
        what: `a reply to ${user.id}`,
      },
    );
    return sentTo(CITIZEN_TOKEN, user.id, from);
  };
  const topicOf = async (ticket: string) => {
    const t = await until(async () => app.store.getCaseThread(ticket), `the topic of ${ticket}`);
    return t.id;
  };

  return {
    fake,
    app,
    dir,
    async citizenSays(user, text, o = {}) {
      const from = fake.calls.length;
      fake.push(CITIZEN_TOKEN, privateMessage(user, text, o.extra));
      return waitReplies(user, from, o.until);
    },
    async fileComplaint(user, text = '/lapor Tagihan PBB saya salah hitung di kantor Bapenda sejak 2 minggu lalu') {
      const hasTicket = (c: FakeCall) => /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.test(String(c.params.text));
      const from = fake.calls.length;
      fake.push(CITIZEN_TOKEN, privateMessage(user, text));
      let replies = await waitReplies(user, from, (c) => buttonsOf(c.params).length > 0 || hasTicket(c));
      let last = replies.at(-1)!;
      if (!hasTicket(last)) {
        const mark = fake.calls.length;
        fake.push(CITIZEN_TOKEN, buttonPress(user, last.result as Record<string, unknown>, 'skip'));
        replies = await waitReplies(user, mark, hasTicket);
        last = replies.at(-1)!;
      }
      return /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(String(last.params.text))![0];
    },
    async citizenPresses(user, sent, data, untilFn) {
      const from = fake.calls.length;
      fake.push(CITIZEN_TOKEN, buttonPress(user, sent.result as Record<string, unknown>, data));
      return waitReplies(user, from, untilFn);
    },
    lastTo(chatId, token = CITIZEN_TOKEN) {
      const all = fake.calls.filter(
        (c) =>
          c.token === token && c.method === 'sendMessage' && c.status === 200 && Number(c.params.chat_id) === chatId,
      );
      const last = all.at(-1);
      if (!last) throw new Error(`nothing was sent to ${chatId}`);
      return last;
    },
    staffSays(user, text, o = {}) {
      return fake.push(STAFF_TOKEN, groupMessage(GROUP, user, text, o));
    },
    async staffPresses(user, ticket, action) {
      // The button as offered for the case's current stage (a card from an earlier stage would be stale).
      const c = await app.store.getCase(ticket);
      if (!c) throw new Error(`no case ${ticket}`);
      const data = `a:${action}:${ticket}:${STAGES.indexOf(c.stage)}`;
      // The latest card offering it: posted, or edited in place (the live card).
      const offers = (x: FakeCall) =>
        x.token === STAFF_TOKEN &&
        (x.method === 'sendMessage' || x.method === 'editMessageText') &&
        x.status === 200 &&
        buttonsOf(x.params).some((b) => b.callback_data === data);
      await fake.waitFor(offers, { what: `a card offering ${data}` });
      const card = fake.calls.filter(offers).at(-1)!;
      fake.push(STAFF_TOKEN, buttonPress(user, card.result as Record<string, unknown>, data));
    },
    pushStaff(update) {
      return fake.push(STAFF_TOKEN, update);
    },
    topicOf,
    until,
    async drained(token) {
      await until(async () => fake.pending(token) === 0 || null, `the ${token} bot to confirm its updates`);
    },
    async close() {
      for (const r of running.reverse()) await r.stop();
      await app.close();
      if (opts.reuse) return;
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
