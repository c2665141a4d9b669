// The poller's use of getUpdates' offset: sent once to confirm a handled batch, never otherwise, so an update
// numbered lower than anything before (Telegram after a week of silence) is still returned.
import { describe, expect, it } from 'vitest';
import { confirmingOffset, startPolling, type RawUpdate } from '../../bots/telegram/polling.js';
import { silentLogger } from '../../src/log/logger.js';

describe('the offset that confirms a batch', () => {
  it('is one above the highest id handled, whatever their order', () => {
    expect(confirmingOffset([1000, 1001, 1002])).toBe(1003);
    expect(confirmingOffset([1000, 7, 8])).toBe(1001);
    expect(confirmingOffset([])).toBeUndefined();
  });

  it('confirms nothing when an update that failed is numbered below one handled', () => {
    expect(confirmingOffset([5, 6], 9)).toBe(7);
    expect(confirmingOffset([1000], 7)).toBeUndefined();
  });
});

describe('long polling', () => {
  it('sends an offset only on the call after a handled batch, and takes lower numbers afterwards', async () => {
    const batches: RawUpdate[][] = [[{ update_id: 1000 }, { update_id: 1001 }], [], [{ update_id: 3 }], []];
    const offsets: Array<number | undefined> = [];
    const handled: number[] = [];
    let wakeTest!: () => void;
    const done = new Promise<void>((r) => (wakeTest = r));
    const poller = startPolling({
      name: 'test',
      log: silentLogger,
      backoff: { initialMs: 1, maxMs: 1 },
      async fetchUpdates(offset, _timeout, signal) {
        offsets.push(offset);
        const next = batches.shift();
        if (next) return next;
        wakeTest();
        await new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
        return [];
      },
      async handle(u) {
        handled.push(u.update_id);
      },
    });
    await done;
    await poller.stop();
    expect(handled).toEqual([1000, 1001, 3]);
    // The batch 1000-1001 is confirmed by the next call only; the empty answer after it needs no offset; 3 is
    // confirmed by the call after it, and the call at stop confirms nothing new.
    expect(offsets).toEqual([undefined, 1002, undefined, 4, undefined]);
  });
});
