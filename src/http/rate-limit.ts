// Rate limits per client address (the form, the tracking page, the sign-in): a token bucket per address and purpose,
// in memory. Each instance counts on its own; behind a load balancer the limit is per instance (README).

export interface RateLimit {
  /** True when `address` may make one more request now (and counts it); false when it must wait. */
  take(address: string, now?: number): boolean;
  /** Seconds until `address` may try again (for Retry-After). */
  retryAfter(address: string, now?: number): number;
}

/** `capacity` requests, refilled evenly over `perMs` (e.g. 20 per hour). Forgets addresses whose bucket is full. */
export function rateLimit(capacity: number, perMs: number): RateLimit {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const rate = capacity / perMs;
  let sweptAt = 0;
  const level = (address: string, now: number) => {
    const b = buckets.get(address);
    if (!b) return capacity;
    return Math.min(capacity, b.tokens + (now - b.at) * rate);
  };
  const sweep = (now: number) => {
    if (now - sweptAt < 60_000) return;
    sweptAt = now;
    for (const [k, b] of buckets) if (b.tokens + (now - b.at) * rate >= capacity) buckets.delete(k);
  };
  return {
    take(address, now = Date.now()) {
      sweep(now);
      const tokens = level(address, now);
      if (tokens < 1) {
        buckets.set(address, { tokens, at: now });
        return false;
      }
      buckets.set(address, { tokens: tokens - 1, at: now });
      return true;
    },
    retryAfter(address, now = Date.now()) {
      const missing = 1 - level(address, now);
      return missing <= 0 ? 0 : Math.ceil(missing / rate / 1000);
    },
  };
}
