// The citizens' Telegram bot: start it on an App (long polling, or webhook when configured).
import type { App } from '../../src/app.js';
import type { RunningChannel } from '../../src/ports/channel.js';
import type { Pacing } from '../../src/services/dispatcher.js';
import { startPolling } from '../telegram/polling.js';
import { createCitizenBot, CITIZEN_COMMANDS } from './bot.js';
import { citizenSender } from './sender.js';
import type { WebhookServer } from '../telegram/webhook.js';

export interface CitizenBotOptions {
  /** Overrides Telegram's pacing (tests run fast). */
  pacing?: Pacing;
  /** Long-poll timeout in seconds. */
  pollTimeoutSec?: number;
  /** Webhook mode: the shared HTTP server that receives updates (see bots/telegram/webhook.ts). */
  webhook?: WebhookServer;
}

/** Starts the citizens' bot: sender registered with the dispatcher, then updates taken in. */
export async function startCitizenBot(app: App, opts: CitizenBotOptions = {}): Promise<RunningChannel> {
  const token = app.config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN is not set');
  const log = app.log.child({ part: 'telegram-citizen' });
  const { bot, handle } = createCitizenBot(app, token, log);
  await bot.init();
  app.dispatcher.register(
    citizenSender({
      api: bot.api,
      store: app.store,
      log,
      files: app.files,
      ...(opts.pacing ? { pacing: opts.pacing } : {}),
    }),
  );
  await bot.api
    .setMyCommands(CITIZEN_COMMANDS.id)
    .catch((err: Error) => log.warn('setMyCommands failed', { error: err }));
  await bot.api.setMyCommands(CITIZEN_COMMANDS.en, { language_code: 'en' }).catch(() => {});
  const allowed = ['message', 'callback_query', 'my_chat_member'] as const;
  if (opts.webhook) {
    await opts.webhook.mount('citizen', handle, (url, secret) =>
      bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...allowed] }).then(() => {}),
    );
    app.health.set('telegram', { state: 'webhook', since: app.now() });
    return { name: 'telegram-citizen', stop: () => opts.webhook!.unmount('citizen') };
  }
  await bot.api.deleteWebhook();
  const poller = startPolling({
    name: `citizen-${bot.botInfo.id}`,
    log,
    timeoutSec: opts.pollTimeoutSec ?? 25,
    // While the store cannot write, updates stay with Telegram (unconfirmed) instead of failing one by one.
    intakeOpen: () => app.storage.whenWritable(),
    fetchUpdates: (offset, timeout, signal) =>
      bot.api.getUpdates(
        { ...(offset !== undefined ? { offset } : {}), timeout, allowed_updates: [...allowed] },
        signal as never,
      ),
    handle: (u) => handle(u as Parameters<typeof handle>[0]),
  });
  await poller.started;
  app.health.set('telegram', { state: 'polling', since: app.now(), detail: `@${bot.botInfo.username}` });
  log.info('citizen bot polling', { bot: bot.botInfo.username });
  return { name: 'telegram-citizen', stop: () => poller.stop() };
}
