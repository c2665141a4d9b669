// The Telegram channels `aduan serve` can run: the citizens' bot (grammY) when TELEGRAM_BOT_TOKEN is set, the
// staff inbox bot (Telegraf) when TELEGRAM_STAFF_BOT_TOKEN is set. With TELEGRAM_WEBHOOK_URL both take their
// updates on the service's HTTP server (`<url>/citizen`, `<url>/staff`); otherwise each long-polls. Each token is checked at start (token-check.ts).
import type { App } from '../../src/app.js';
import type { ChannelEntry, RunningChannel } from '../../src/ports/channel.js';
import { StartupError } from '../../src/config/startup-error.js';
import { startWhenReachable } from './background-start.js';
import { checkToken } from './token-check.js';
import type { ChannelEnv } from '../../src/ports/http.js';
import { webhookRoutes, type WebhookServer } from './webhook.js';

/** The webhook paths on the HTTP server, when webhook mode is configured. */
function webhookFor(app: App, env: ChannelEnv | undefined): WebhookServer | null {
  const { TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: secret } = app.config;
  if (!url || !secret) return null;
  if (!env?.http) throw new Error('Telegram webhook mode needs the HTTP server (HTTP_PORT), which `serve` opens');
  return webhookRoutes({
    url,
    secret,
    http: env.http,
    log: app.log.child({ part: 'telegram-webhook' }),
    intakeOpen: () => app.storage.ok,
  });
}

interface BotEntry {
  name: string;
  /** The setting holding the bot's token. */
  setting: 'TELEGRAM_BOT_TOKEN' | 'TELEGRAM_STAFF_BOT_TOKEN';
  /** The app.health key the bot reports under. */
  health: string;
  start: (app: App, webhook?: WebhookServer) => Promise<RunningChannel>;
}

/**
 * A bot as `serve` runs it: the token checked first (getMe, bounded in time). Rejected: start-up stops naming the
 * setting. No answer: logged at once, and the bot starts in the background when the API answers.
 */
function entry(bot: BotEntry): ChannelEntry {
  const startNow = async (app: App, env: ChannelEnv | undefined): Promise<RunningChannel> => {
    const hook = webhookFor(app, env);
    const running = await bot.start(app, hook ?? undefined);
    return {
      name: running.name,
      async stop() {
        await running.stop();
        await hook?.close();
      },
    };
  };
  return {
    name: bot.name,
    enabled: (c) => Boolean(c[bot.setting]),
    async start(app, env) {
      const check = () => checkToken(app.config.TELEGRAM_API_ROOT, app.config[bot.setting] ?? '');
      const first = await check();
      if (first.kind === 'rejected')
        throw new StartupError(
          `Telegram rejected ${bot.setting} (${first.status} ${first.description}): copy the bot's token again from @BotFather` +
            (app.config.TELEGRAM_API_ROOT === 'https://api.telegram.org' ? '.' : ` and check TELEGRAM_API_ROOT.`),
          bot.setting,
        );
      if (first.kind === 'ok') return startNow(app, env);
      return startWhenReachable(
        app,
        { name: bot.name, health: bot.health, setting: bot.setting, check, startNow: () => startNow(app, env) },
        first.error,
      );
    },
  };
}

/** Register these in CHANNELS (src/cli/channels.ts). */
export const telegramChannels: ChannelEntry[] = [
  entry({
    name: 'telegram-citizen',
    setting: 'TELEGRAM_BOT_TOKEN',
    health: 'telegram',
    // The bot libraries load when a bot starts, so a start without Telegram (the console chat) never pays for them.
    start: async (app, webhook) =>
      (await import('../telegram-citizen/index.js')).startCitizenBot(app, webhook ? { webhook } : {}),
  }),
  entry({
    name: 'telegram-staff',
    setting: 'TELEGRAM_STAFF_BOT_TOKEN',
    health: 'staff',
    start: async (app, webhook) =>
      (await import('../telegram-staff/index.js')).startStaffBot(app, webhook ? { webhook } : {}),
  }),
];
