// The staff inbox bot (Telegraf) in the staff supergroup. Each update is read from its raw JSON, handled once
// (a marker in the store makes a redelivered update a no-op), and answered through the outbox.
import { Telegraf } from 'telegraf';
import type { App } from '../../src/app.js';
import { handleStaffButton, handleStaffMessage, type StaffDeps } from './handler.js';
import { readStaffUpdate } from './read-update.js';

export interface StaffBot {
  bot: Telegraf;
  /** Handles one raw update; throws only when it should be tried again. */
  handle(update: unknown): Promise<void>;
}

export function createStaffBot(app: App, token: string, groupId: number): StaffBot {
  const bot = new Telegraf(token, {
    telegram: { apiRoot: app.config.TELEGRAM_API_ROOT.replace(/\/+$/, '') },
    handlerTimeout: 10 * 60_000,
  });
  // Telegraf's default prints the whole update (personal data) and sets a failing exit code; we rethrow instead.
  bot.catch((err) => {
    throw err;
  });
  const log = app.log.child({ part: 'telegram-staff' });
  const deps: StaffDeps = {
    app,
    groupId,
    directory: { staff: app.config.STAFF_TELEGRAM_IDS, supervisors: app.config.SUPERVISOR_TELEGRAM_IDS },
    answerButton: async (id, text) => {
      await bot.telegram
        .answerCbQuery(id, text, text ? { show_alert: true } : {})
        .catch((err: Error) => log.debug('answerCallbackQuery failed', { error: err }));
    },
  };
  bot.use(async (ctx) => {
    const u = readStaffUpdate(ctx.update);
    const seen = `staff-update:${ctx.botInfo.id}:${u.updateId}`;
    if (u.updateId >= 0 && (await app.store.getValue(seen))) return;
    // Staff actions have no inbound dedupe key: an atomic claim in the store keeps two instances (webhooks behind a
    // load balancer) from acting on one update twice; within one instance the webhook server joins a resend to the
    // copy in hand. A claim held elsewhere fails the update, so Telegram delivers it again later (after a crash the
    // claim expires and the update is handled).
    const now = app.now();
    if (u.updateId >= 0 && !(await app.store.tryLease(`claim:${seen}`, app.instanceId, now, now + 60_000))) {
      throw new Error(`staff update ${u.updateId} is being handled by another instance`);
    }
    if (u.kind === 'message') await handleStaffMessage(deps, u, ctx.botInfo.username);
    else if (u.kind === 'button') await handleStaffButton(deps, u);
    else log.debug('staff update ignored', { why: u.why });
    if (u.updateId >= 0) await app.store.setValue(seen, '1');
  });
  return {
    bot,
    async handle(update) {
      await bot.handleUpdate(update as Parameters<Telegraf['handleUpdate']>[0]);
    },
  };
}
