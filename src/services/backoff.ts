// One backoff rule for every retry loop (Telegram polling, WhatsApp reconnects, outbox deliveries, the store's
// recovery probe): waits grow by a factor up to a cap, with random jitter so that many retries that failed
// together do not all come back at the same instant, and an optional number of attempts after which to give up.

export interface BackoffPolicy {
  /** The wait after the first failure. */
  initialMs: number;
  /** No wait is ever longer than this. */
  maxMs: number;
  /** How much each wait grows over the previous one (default 2). */
  factor?: number;
  /**
   * The share of each wait that is random, 0..1 (default 0.2): a wait of 10 s with jitter 0.2 is anywhere from 8 to
   * 10 s. Jitter only shortens a wait, so the cap holds.
   */
  jitter?: number;
  /** Give up after this many failed attempts (default: never). */
  maxAttempts?: number;
}

/**
 * The wait before trying again after `failures` failed attempts (1 = the first failure), or null when the policy
 * says to give up. `random` is injectable so tests can assert the exact waits.
 */
export function retryDelay(policy: BackoffPolicy, failures: number, random: () => number = Math.random): number | null {
  if (!Number.isFinite(failures) || failures < 1) throw new RangeError('failures counts from 1');
  if (policy.maxAttempts !== undefined && failures >= policy.maxAttempts) return null;
  const factor = policy.factor ?? 2;
  const jitter = Math.min(1, Math.max(0, policy.jitter ?? 0.2));
  // Computed in steps so a huge failure count never overflows to Infinity or NaN.
  let base = policy.initialMs;
  for (let i = 1; i < failures && base < policy.maxMs; i++) base *= factor;
  base = Math.min(base, policy.maxMs);
  return Math.round(base * (1 - jitter * random()));
}

/** A failure counter over a policy, for loops that keep their own state (a poller, a connection). */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly random: () => number = Math.random,
  ) {}

  /** Failures counted since the last success. */
  get attempts(): number {
    return this.failures;
  }

  /** Counts a failure and returns the wait before the next try, or null to give up. */
  fail(): number | null {
    this.failures += 1;
    return retryDelay(this.policy, this.failures, this.random);
  }

  /** A success: the next failure waits the initial time again. */
  reset(): void {
    this.failures = 0;
  }
}
