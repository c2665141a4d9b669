// The channels `aduan serve` can run, each enabled by its own settings. This is the composition root: the only
// core file that knows the adapters in bots/ (they are loaded only when configured).
import type { App } from '../app.js';
import type { Config } from '../config/config.js';
import { telegramChannels } from '../../bots/telegram/index.js';
import { whatsappChannel } from '../../bots/whatsapp/index.js';
import { schedulerEntry } from '../scheduler/index.js';

/** A running channel (or background service) that `serve` stops on shutdown. */
export interface RunningChannel {
  name: string;
  /** Finishes the work in hand (the update being handled), then stops. */
  stop(): Promise<void>;
}

export interface ChannelEntry {
  name: string;
  enabled(config: Config): boolean;
  start(app: App): Promise<RunningChannel>;
}

export const CHANNELS: ChannelEntry[] = [...telegramChannels, whatsappChannel];

/** Background services `serve` runs beside the channels (the scheduler: clocks, follow-ups, digests). */
export const SERVICES: ChannelEntry[] = [schedulerEntry];
