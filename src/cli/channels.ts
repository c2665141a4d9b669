// The channels `aduan serve` can run, each enabled by its own settings. This is the composition root: the only
// core file that knows the adapters in bots/. The types an adapter implements live in the core
// (src/ports/channel.ts), so adapters never import the CLI. Adapters are loaded on first use: the console chat
// does not pay for loading Telegram, WhatsApp and the scheduler.
import type { ChannelEntry } from '../ports/channel.js';

export type { ChannelEntry, RunningChannel } from '../ports/channel.js';
/** The console chat (`chat`, and `serve` with no channel configured). */
export { runConsoleChat } from '../../bots/console/console-channel.js';

/**
 * The channel adapters, the background services `serve` runs beside them (the scheduler), and the citizens' web
 * channel, which always runs on the HTTP server `serve` opens.
 */
export async function loadChannels(): Promise<{
  channels: ChannelEntry[];
  services: ChannelEntry[];
  web: ChannelEntry;
}> {
  const [{ telegramChannels }, { whatsappChannel }, { schedulerEntry }, { webChannel }] = await Promise.all([
    import('../../bots/telegram/index.js'),
    import('../../bots/whatsapp/entry.js'),
    import('../scheduler/index.js'),
    import('../../bots/web/index.js'),
  ]);
  return { channels: [...telegramChannels, whatsappChannel], services: [schedulerEntry], web: webChannel };
}
