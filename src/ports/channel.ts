// How a channel adapter (or a background service) plugs into the core: `serve` starts every enabled entry on the
// App and stops it on shutdown. Adapters implement this; the composition root (src/cli/channels.ts) lists them.
import type { App } from '../app.js';
import type { Config } from '../config/config.js';
import type { ChannelEnv } from './http.js';

/** A running channel (or background service) that `serve` stops on shutdown. */
export interface RunningChannel {
  name: string;
  /** Finishes the work in hand (the update being handled), then stops. */
  stop(): Promise<void>;
}

/** A channel `serve` can run, enabled by its own settings. */
export interface ChannelEntry {
  name: string;
  enabled(config: Config): boolean;
  /** Starts the channel; `env` carries what `serve` shares between channels (the HTTP server). */
  start(app: App, env?: ChannelEnv): Promise<RunningChannel>;
}
