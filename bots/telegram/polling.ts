// Long polling that confirms an update to Telegram only after it was handled, and never skips one because of its
// number. Telegram's rules (Bot API, getUpdates): an update is confirmed as soon as getUpdates is called with an
// offset higher than its update_id; without an offset, every unconfirmed update is returned, oldest first; and
// after a week without updates the next update_id is chosen at random, so it may be lower than any seen before.
//
// So the poller sends an offset exactly once after handling a batch, to confirm that batch (the highest handled id
// + 1), and no offset otherwise. A restart starts with no offset: what was handled but not yet confirmed comes
// back and the store's dedupe keys (inbound messages, button presses) make it a no-op. A number that restarted
// lower, between two batches or across a restart after any silence, is fetched like any other. Nothing is skipped
// for being numbered below something else, and no number is remembered between runs.
// stop() lets the update in hand finish, then returns.
import type { Logger } from '../../src/log/logger.js';
import { Backoff, type BackoffPolicy } from '../../src/services/backoff.js';

/** A failed getUpdates or update is tried again after 1 s, doubling to 30 s, for as long as the bot runs. */
export const POLLING_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 30_000, jitter: 0.2 };

export interface RawUpdate {
  update_id: number;
}

export interface PollingOptions {
  /** Name for logs. */
  name: string;
  log: Logger;
  /**
   * Calls getUpdates, with `offset` only when it is given (it confirms every update below it); must reject when
   * `signal` aborts.
   */
  fetchUpdates(offset: number | undefined, timeoutSec: number, signal: AbortSignal): Promise<RawUpdate[]>;
  /** Handles one update; throws only when it should be tried again (e.g. the store is down). */
  handle(update: RawUpdate): Promise<void>;
  /** Long-poll timeout in seconds (Telegram holds the request this long when there is nothing). */
  timeoutSec?: number;
  /** Waits between failed attempts (default POLLING_BACKOFF). */
  backoff?: BackoffPolicy;
  /** Resolves when new updates may be taken in (e.g. once the store can write again); checked before each fetch. */
  intakeOpen?: () => Promise<void>;
}

export interface Poller {
  /** Resolves once the loop runs. */
  readonly started: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The offset that confirms what a batch handled: one above the highest id handled, unless an update that failed
 * (and must come back) is numbered below it, in which case nothing is confirmed and the handled ones come back as
 * duplicates.
 */
export function confirmingOffset(handled: number[], failed?: number): number | undefined {
  if (handled.length === 0) return undefined;
  const highest = Math.max(...handled);
  if (failed !== undefined && failed <= highest) return undefined;
  return highest + 1;
}

/** Starts the loop. */
export function startPolling(opts: PollingOptions): Poller {
  const { log } = opts;
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
    // Two counters: a getUpdates that works says nothing about a handler that keeps failing, and vice versa.
    const fetching = new Backoff(opts.backoff ?? POLLING_BACKOFF);
    const handling = new Backoff(opts.backoff ?? POLLING_BACKOFF);
    let confirm: number | undefined;
    markStarted();
    while (running) {
      if (opts.intakeOpen) await Promise.race([opts.intakeOpen(), aborted(abort.signal)]);
      if (!running) break;
      let updates: RawUpdate[];
      try {
        updates = await opts.fetchUpdates(confirm, opts.timeoutSec ?? 25, abort.signal);
        fetching.reset();
        // That call confirmed the last batch; the next ones carry no offset (see the top of this file).
        confirm = undefined;
      } catch (err) {
        if (!running) break;
        const wait = fetching.fail() ?? 30_000;
        log.warn('getUpdates failed; trying again', { bot: opts.name, error: err as Error, inMs: wait });
        await sleep(wait);
        continue;
      }
      const handled: number[] = [];
      let failed: number | undefined;
      for (const update of updates) {
        if (!running) break;
        try {
          await opts.handle(update);
        } catch (err) {
          // Not confirmed: the same update comes back with the next getUpdates (the store deduplicates it).
          failed = update.update_id;
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
        if (Number.isSafeInteger(update.update_id)) handled.push(update.update_id);
      }
      confirm = confirmingOffset(handled, failed);
    }
    // Confirm what this run handled before it stops, so the next start is not handed it again.
    if (confirm !== undefined) {
      await opts
        .fetchUpdates(confirm, 0, AbortSignal.timeout(5000))
        .catch((err: Error) => log.debug('final confirmation failed', { bot: opts.name, error: err }));
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

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
