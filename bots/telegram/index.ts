// The Telegram channels `aduan serve` can run: the citizens' bot (grammY) when TELEGRAM_BOT_TOKEN is set, the
// staff inbox bot (Telegraf) when TELEGRAM_STAFF_BOT_TOKEN is set. With TELEGRAM_WEBHOOK_URL both share one
// webhook server; otherwise each long-polls.
import type { App } from '../../src/app.js';
import type { ChannelEntry, RunningChannel } from '../../src/ports/channel.js';
import { startWebhookServer, type WebhookServer } from './webhook.js';

let shared: { server: Promise<WebhookServer>; users: number } | null = null;

/** The webhook server both bots share, opened by the first and closed by the last to stop. */
async function webhookFor(app: App): Promise<{ server: WebhookServer; release(): Promise<void> } | null> {
  const { TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: secret, TELEGRAM_WEBHOOK_PORT: port } = app.config;
  if (!url || !secret) return null;
  if (!shared) {
    const opened = {
      server: startWebhookServer({ url, secret, port, log: app.log.child({ part: 'telegram-webhook' }) }),
      users: 0,
    };
    shared = opened;
    // A listener that could not open (port taken) must not be handed to the next start, which may find it free.
    opened.server.catch(() => {
      if (shared === opened) shared = null;
    });
  }
  const s = shared;
  s.users += 1;
  let server: WebhookServer;
  try {
    server = await s.server;
  } catch (err) {
    s.users -= 1;
    throw err;
  }
  return {
    server,
    async release() {
      s.users -= 1;
      if (s.users === 0) {
        if (shared === s) shared = null;
        await server.close();
      }
    },
  };
}

function entry(
  name: string,
  enabled: ChannelEntry['enabled'],
  start: (app: App, webhook?: WebhookServer) => Promise<RunningChannel>,
): ChannelEntry {
  return {
    name,
    enabled,
    async start(app) {
      const hook = await webhookFor(app);
      try {
        const running = await start(app, hook?.server);
        return {
          name: running.name,
          async stop() {
            await running.stop();
            await hook?.release();
          },
        };
      } catch (err) {
        await hook?.release();
        throw err;
      }
    },
  };
}

/** Register these in CHANNELS (src/cli/channels.ts). */
export const telegramChannels: ChannelEntry[] = [
  entry(
    'telegram-citizen',
    (c) => Boolean(c.TELEGRAM_BOT_TOKEN),
    // The bot libraries load when a bot starts, so a start without Telegram (the console chat) never pays for them.
    async (app, webhook) =>
      (await import('../telegram-citizen/index.js')).startCitizenBot(app, webhook ? { webhook } : {}),
  ),
  entry(
    'telegram-staff',
    (c) => Boolean(c.TELEGRAM_STAFF_BOT_TOKEN),
    async (app, webhook) => (await import('../telegram-staff/index.js')).startStaffBot(app, webhook ? { webhook } : {}),
  ),
];
