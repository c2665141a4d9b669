// Timers the test fires by hand: reconnect backoff without waiting, and a record of the delays asked for.
import type { Timers } from '../../bots/whatsapp/timers.js';

export interface ManualTimers extends Timers {
  /** Delays of the timers still pending, in the order they were set. */
  pendingDelays(): number[];
  /** Runs the timers pending now (not ones they set in turn); returns how many ran. */
  fireAll(): number;
  /** Every delay ever asked for. */
  readonly requested: number[];
}

export function manualTimers(): ManualTimers {
  let next = 0;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  const requested: number[] = [];
  return {
    requested,
    setTimeout(fn, ms) {
      const id = ++next;
      pending.set(id, { fn, ms });
      requested.push(ms);
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
    pendingDelays: () => [...pending.values()].map((t) => t.ms),
    fireAll() {
      const due = [...pending.entries()];
      for (const [id] of due) pending.delete(id);
      for (const [, t] of due) t.fn();
      return due.length;
    },
  };
}
