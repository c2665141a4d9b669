// Long polling that confirms an update to Telegram only after it was handled: the offset given to getUpdates
// (which confirms everything before it) moves past an update only when its handler finished, and is kept in the
// store so a restart does not see handled updates again. stop() lets the update in hand finish, then returns.
import type { Logger } from '../../src/log/logger.js';
import type { Store } from '../../src/store/port.js';
import { Backoff, type BackoffPolicy } from '../../src/services/backoff.js';

/** A failed getUpdates or update is tried again after 1 s, doubling to 30 s, for as long as the bot runs. */
export const POLLING_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 30_000, jitter: 0.2 };

export interface RawUpdate {
  update_id: number;
}

export interface PollingOptions {
  /** Name for logs and for the stored offset ("telegram-offset:<name>"). */
  name: string;
  store: Store;
  log: Logger;
  /** Calls getUpdates; must reject when `signal` aborts. */
  fetchUpdates(offset: number, timeoutSec: number, signal: AbortSignal): Promise<RawUpdate[]>;
  /** Handles one update; throws only when it should be tried again (e.g. the store is down). */
  handle(update: RawUpdate): Promise<void>;
  /** Long-poll timeout in seconds (Telegram holds the request this long when there is nothing). */
  timeoutSec?: number;
  /** Waits between failed attempts (default POLLING_BACKOFF). */
  backoff?: BackoffPolicy;
}

export interface Poller {
  /** Resolves once the loop runs. */
  readonly started: Promise<void>;
  stop(): Promise<void>;
}

export function offsetKey(name: string): string {
  return `telegram-offset:${name}`;
}

/** Starts the loop; the first request uses the offset stored by the last run. */
export function startPolling(opts: PollingOptions): Poller {
  const { store, log } = opts;
  const abort = new AbortController();
  let running = true;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  let markStarted!: () => void;
  const started = new Promise<void>((r) => (markStarted = r));

  const loop = async () => {
    const stored = Number(await store.getValue(offsetKey(opts.name)).catch(() => null));
    let offset = Number.isSafeInteger(stored) && stored > 0 ? stored : 0;
    // Two counters: a getUpdates that works says nothing about a handler that keeps failing, and vice versa.
    const fetching = new Backoff(opts.backoff ?? POLLING_BACKOFF);
    const handling = new Backoff(opts.backoff ?? POLLING_BACKOFF);
    markStarted();
    while (running) {
      let updates: RawUpdate[];
      try {
        updates = await opts.fetchUpdates(offset, opts.timeoutSec ?? 25, abort.signal);
        fetching.reset();
      } catch (err) {
        if (!running) break;
        const wait = fetching.fail() ?? 30_000;
        log.warn('getUpdates failed; trying again', { bot: opts.name, error: err as Error, inMs: wait });
        await sleep(wait);
        continue;
      }
      for (const update of updates) {
        if (!running) break;
        if (!Number.isSafeInteger(update.update_id) || update.update_id < offset) continue;
        try {
          await opts.handle(update);
        } catch (err) {
          // Not confirmed: the same update comes back with the next getUpdates (the store deduplicates it).
          log.error('update could not be handled; it will be fetched again', {
            bot: opts.name,
            update: update.update_id,
            error: err as Error,
          });
          const wait = handling.fail() ?? 30_000;
          if (running) await sleep(wait);
          break;
        }
        handling.reset();
        offset = update.update_id + 1;
        await store
          .setValue(offsetKey(opts.name), String(offset))
          .catch((err: Error) => log.warn('offset not saved', { bot: opts.name, error: err }));
      }
    }
  };
  const done = loop().catch((err: Error) => log.error('polling stopped by an error', { bot: opts.name, error: err }));

  return {
    started,
    async stop() {
      running = false;
      abort.abort();
      wake?.();
      await done;
    },
  };
}
