import { describe, expect, it } from 'vitest';
import { Backoff, retryDelay } from '../../src/services/backoff.js';

const noJitter = () => 0;
const fullJitter = () => 0.999_999;

describe('the backoff rule', () => {
  it('doubles the wait after each failure up to the cap', () => {
    const policy = { initialMs: 1000, maxMs: 30_000 };
    const waits = [1, 2, 3, 4, 5, 6, 7, 50].map((n) => retryDelay(policy, n, noJitter));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('grows by the given factor', () => {
    const waits = [1, 2, 3].map((n) => retryDelay({ initialMs: 100, maxMs: 10_000, factor: 3 }, n, noJitter));
    expect(waits).toEqual([100, 300, 900]);
  });

  it('takes up to the jitter share off each wait, never adding to it', () => {
    const policy = { initialMs: 10_000, maxMs: 60_000, jitter: 0.2 };
    expect(retryDelay(policy, 1, noJitter)).toBe(10_000);
    expect(retryDelay(policy, 1, () => 0.5)).toBe(9000);
    expect(retryDelay(policy, 1, fullJitter)).toBe(8000);
    expect(retryDelay(policy, 10, fullJitter)).toBe(48_000);
  });

  it('spreads the waits of many retries that failed together', () => {
    const policy = { initialMs: 10_000, maxMs: 60_000 };
    const waits = new Set(Array.from({ length: 50 }, () => retryDelay(policy, 1)));
    expect(waits.size).toBeGreaterThan(10);
    for (const w of waits) {
      expect(w).toBeGreaterThanOrEqual(8000);
      expect(w).toBeLessThanOrEqual(10_000);
    }
  });

  it('gives up after the last allowed attempt', () => {
    const policy = { initialMs: 1000, maxMs: 8000, maxAttempts: 4 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(policy, n, noJitter))).toEqual([1000, 2000, 4000, null, null]);
  });

  it('never overflows, however many failures', () => {
    expect(retryDelay({ initialMs: 1000, maxMs: 900_000 }, 1e9, noJitter)).toBe(900_000);
  });

  it('refuses a failure count below one', () => {
    expect(() => retryDelay({ initialMs: 1, maxMs: 2 }, 0)).toThrow(RangeError);
  });
});

describe('a backoff counter', () => {
  it('counts failures, starts over after a success, and says when to give up', () => {
    const b = new Backoff({ initialMs: 500, maxMs: 4000, maxAttempts: 5, jitter: 0 });
    expect([b.fail(), b.fail(), b.fail()]).toEqual([500, 1000, 2000]);
    expect(b.attempts).toBe(3);
    b.reset();
    expect([b.fail(), b.fail(), b.fail(), b.fail(), b.fail()]).toEqual([500, 1000, 2000, 4000, null]);
  });
});
