// The staff inbox bot (Telegraf) in the staff supergroup: a thin adapter. Each update is read into a StaffMessage
// and given to the core's inbound pipeline, which stores it under its dedupe key, runs the staff flow and commits
// everything it causes at once; replies come back through the outbox (staffSender). A redelivered update is a
// duplicate in the store, so it is never acted on twice, and nothing here needs a lease.
import { Telegraf } from 'telegraf';
import type { App } from '../../src/app.js';
import { readStaffUpdate } from './read-update.js';
import type { GroupBook } from './groups.js';
import { readStaffButton, readStaffMessage, type StaffRead } from './to-inbound.js';

export interface StaffBot {
  bot: Telegraf;
  /** Handles one raw update; throws only when it should be tried again. */
  handle(update: unknown): Promise<void>;
}

/** The staff bot for the general group and every division group (`groups`); other chats' updates are ignored. */
export function createStaffBot(app: App, token: string, groups: GroupBook): StaffBot {
  const bot = new Telegraf(token, {
    telegram: { apiRoot: app.config.TELEGRAM_API_ROOT.replace(/\/+$/, '') },
    handlerTimeout: 10 * 60_000,
  });
  // Telegraf's default prints the whole update (personal data) and sets a failing exit code; we rethrow instead.
  bot.catch((err) => {
    throw err;
  });
  const log = app.log.child({ part: 'telegram-staff' });
  const answerButton = async (id: string, text?: string) => {
    await bot.telegram
      // A refusal is an alert the member must read; a done action ("✓ …") is a passing note.
      .answerCbQuery(id, text, text && !text.startsWith('✓') ? { show_alert: true } : {})
      .catch((err: Error) => log.debug('answerCallbackQuery failed', { error: err }));
  };
  bot.use(async (ctx) => {
    const u = readStaffUpdate(ctx.update);
    const readCtx = { groups, botUsername: ctx.botInfo.username, store: app.store };
    const read: StaffRead =
      u.kind === 'message'
        ? await readStaffMessage(u, readCtx)
        : u.kind === 'button'
          ? await readStaffButton(u, readCtx)
          : { kind: 'ignore', why: u.why };
    if (read.kind === 'ignore') {
      if (read.callbackId) await answerButton(read.callbackId, read.toast);
      log.debug('staff update ignored', { why: read.why });
      return;
    }
    const received = await app.inbound.receive(read.msg);
    if (read.kind === 'button') await answerButton(read.callbackId, received.toast);
  });
  return {
    bot,
    async handle(update) {
      await bot.handleUpdate(update as Parameters<Telegraf['handleUpdate']>[0]);
    },
  };
}
