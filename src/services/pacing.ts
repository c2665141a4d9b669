// Pacing, decided before the outbox is claimed: how many chats each destination may send to now (a token bucket
// over its per-second limit), and which chats must still wait (their per-chat interval, a rate limit's retry-after).
// The dispatcher claims only what may go out now, so a paced destination (the staff group, 1 message every 3 s)
// never holds items that another chat's reply would queue behind.
import type { Destination } from '../domain/messages.js';
import type { Pacing } from './dispatcher.js';

interface Bucket {
  tokens: number;
  at: number;
  /** A jittered pause after the last message (WhatsApp). */
  pausedUntil: number;
}

export class PacingBook {
  private readonly buckets = new Map<Destination, Bucket>();
  /** Per destination: chat key → the earliest time its next message may go. */
  private readonly chats = new Map<Destination, Map<string, number>>();

  constructor(private readonly random: () => number = Math.random) {}

  /** How many chats of `channel` may get a message now (at most `cap`). */
  allowance(channel: Destination, pacing: Pacing | undefined, now: number, cap: number): number {
    const rate = pacing?.globalPerSecond;
    if (!rate) return cap;
    const b = this.bucket(channel, rate, now);
    if (b.pausedUntil > now) return 0;
    // A hair of tolerance: refills added in steps must not fall a rounding error short of a whole message.
    return Math.max(0, Math.min(cap, Math.floor(b.tokens + 1e-9)));
  }

  /** Chat keys of `channel` whose next message must wait; forgets those whose wait is over. */
  waiting(channel: Destination, now: number): string[] {
    const chats = this.chats.get(channel);
    if (!chats) return [];
    const out: string[] = [];
    for (const [key, at] of chats) {
      if (at > now) out.push(key);
      else chats.delete(key);
    }
    return out;
  }

  /** Counts one message about to go to `chatKey`. */
  spend(channel: Destination, chatKey: string, pacing: Pacing | undefined, now: number): void {
    if (!pacing) return;
    const jitter = pacing.jitterMs ? Math.floor(this.random() * pacing.jitterMs) : 0;
    if (pacing.perChatIntervalMs) this.hold(channel, chatKey, now + pacing.perChatIntervalMs + jitter);
    if (pacing.globalPerSecond) {
      const b = this.bucket(channel, pacing.globalPerSecond, now);
      b.tokens -= 1;
      if (jitter) b.pausedUntil = now + jitter;
    }
  }

  /** Keeps a chat waiting until `until` (a rate limit's retry-after). */
  hold(channel: Destination, chatKey: string, until: number): void {
    const chats = this.chats.get(channel) ?? new Map<string, number>();
    this.chats.set(channel, chats);
    chats.set(chatKey, Math.max(until, chats.get(chatKey) ?? 0));
  }

  /** The next moment a waiting chat or an empty bucket frees up (Infinity when nothing waits). */
  nextChange(now: number, rates: ReadonlyMap<Destination, number>): number {
    let next = Infinity;
    for (const chats of this.chats.values()) for (const at of chats.values()) if (at > now) next = Math.min(next, at);
    for (const [channel, b] of this.buckets) {
      const rate = rates.get(channel);
      if (!rate) continue;
      if (b.pausedUntil > now) next = Math.min(next, b.pausedUntil);
      if (b.tokens + 1e-9 < 1) next = Math.min(next, b.at + Math.ceil(((1 - b.tokens) * 1000) / rate));
    }
    return next;
  }

  /** The destination's bucket, refilled up to a quarter second's worth (at least one message). */
  private bucket(channel: Destination, rate: number, now: number): Bucket {
    const size = Math.max(1, rate / 4);
    const b = this.buckets.get(channel) ?? { tokens: size, at: now, pausedUntil: 0 };
    if (now > b.at) {
      b.tokens = Math.min(size, b.tokens + ((now - b.at) * rate) / 1000);
      b.at = now;
    }
    this.buckets.set(channel, b);
    return b;
  }
}
