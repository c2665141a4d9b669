// Delivers the outbox: each chat in order, transient failures retried with backoff, a rate limit's retry-after
// honoured without holding back other chats, permanent failures recorded. Channels plug in a ChannelSender.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Destination, OutboundMessage } from '../domain/messages.js';
import type { Logger } from '../log/logger.js';
import type { OutboxItem, Store } from '../store/port.js';
import { retryDelay, type BackoffPolicy } from './backoff.js';

/** Thrown by a sender to say how a failed delivery should be treated. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly kind: 'retry' | 'permanent',
    /** For rate limits: wait at least this long before the next try in this chat. */
    readonly retryAfterMs?: number,
    /** For permanent failures caused by the recipient (blocked the bot, not on WhatsApp). */
    readonly recipientUnreachable = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface Pacing {
  /** Least time between two messages to one chat. */
  perChatIntervalMs?: number;
  /** Most messages per second over the whole channel. */
  globalPerSecond?: number;
  /** Random extra delay up to this many ms per message (WhatsApp: look less like a bot). */
  jitterMs?: number;
}

export interface ChannelSender {
  readonly channel: Destination;
  readonly pacing?: Pacing;
  /** Delivers one message or throws (a DeliveryError says whether to retry). */
  send(message: OutboundMessage): Promise<void>;
  /** Whether the channel can send right now (e.g. WhatsApp connected); items wait otherwise. */
  ready?(): boolean;
}

export interface DispatcherOptions {
  store: Store;
  log: Logger;
  now?: () => number;
  /** How often to look for due items when nothing wakes the dispatcher. */
  pollMs?: number;
  batch?: number;
  leaseMs?: number;
  /** Waits between failed attempts of one item, and when to give up on it (default DELIVERY_BACKOFF). */
  retry?: BackoffPolicy;
  /** Source of the retry jitter (tests pass a fixed one to assert the waits). */
  random?: () => number;
  /** Called when a recipient is found unreachable, so the citizen's record says so. */
  onUnreachable?: (message: OutboundMessage, reason: string) => Promise<void>;
}

const NO_SENDER_DELAY_MS = 60_000;

/** A failed delivery is tried again after 2 s, then 4, 8, … up to 15 minutes; after 25 failed attempts it fails. */
export const DELIVERY_BACKOFF: BackoffPolicy = { initialMs: 2000, maxMs: 15 * 60_000, jitter: 0.2, maxAttempts: 25 };

/** True when `owner` (as written by a Dispatcher) is a process on this host that no longer runs. */
export function isOwnerGone(owner: string): boolean {
  const [host, pidText] = owner.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export class Dispatcher {
  private readonly senders = new Map<Destination, ChannelSender>();
  /** host:pid:uuid — lets a restarted process on the same host see that a claim's owner is gone. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  private readonly chatNextAt = new Map<string, number>();
  private readonly channelNextAt = new Map<Destination, number>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private draining: Promise<number> | null = null;
  private again = false;
  /** The earliest time an item was put back for (pacing, rate limits), so the next pass is not late for it. */
  private soonest = Infinity;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly opts: DispatcherOptions) {
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
  }

  register(sender: ChannelSender): void {
    this.senders.set(sender.channel, sender);
    this.kick();
  }

  unregister(channel: Destination): void {
    this.senders.delete(channel);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.kick();
  }

  /** Stops polling and waits for the delivery in hand. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.draining;
  }

  /** Wakes the dispatcher (new items were committed). */
  kick(): void {
    if (!this.running) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    void this.loop();
  }

  private async loop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    do {
      this.again = false;
      this.draining = this.drainOnce();
      let sent = 0;
      try {
        sent = await this.draining;
      } catch (err) {
        this.opts.log.error('outbox dispatch failed', { error: err as Error });
      } finally {
        this.draining = null;
      }
      if (sent > 0) this.again = true;
    } while (this.again && this.running);
    if (this.running) {
      const poll = this.opts.pollMs ?? 500;
      const wait = Math.max(5, Math.min(poll, this.soonest - this.now()));
      this.soonest = Infinity;
      this.timer = setTimeout(() => void this.loop(), wait);
    }
  }

  /** One pass: claims due items (one per chat), delivers them side by side. Returns how many were sent. */
  async drainOnce(): Promise<number> {
    const now = this.now();
    const items = await this.opts.store.claimOutbox(
      this.owner,
      now,
      this.opts.batch ?? 50,
      this.opts.leaseMs ?? 60_000,
    );
    const results = await Promise.all(items.map((item) => this.deliver(item)));
    return results.filter(Boolean).length;
  }

  private async deliver(item: OutboxItem): Promise<boolean> {
    const { store, log } = this.opts;
    const msg = item.message;
    const sender = this.senders.get(msg.channel);
    const now = this.now();
    if (!sender || (sender.ready && !sender.ready())) {
      await store.retryOutbox(item.id, now + (sender ? 5_000 : NO_SENDER_DELAY_MS), null, false);
      return false;
    }
    const wait = this.pacingDelay(item.chatKey, sender, now);
    if (wait > 0) {
      this.soonest = Math.min(this.soonest, now + wait);
      await store.retryOutbox(item.id, now + wait, null, false);
      return false;
    }
    this.reserve(item.chatKey, sender, now);
    try {
      await sender.send(msg);
      await store.markDelivered(item.id, this.now());
      return true;
    } catch (err) {
      const e = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message ?? String(err), 'retry');
      const attempts = item.attempts + 1;
      const wait =
        e.kind === 'permanent' ? null : retryDelay(this.opts.retry ?? DELIVERY_BACKOFF, attempts, this.random);
      if (wait === null) {
        await store.markFailed(item.id, this.now(), e.message);
        log.warn('outbound message failed for good', {
          channel: msg.channel,
          chat: msg.chatId,
          error: e.message,
          attempts,
        });
        if (e.recipientUnreachable) await this.opts.onUnreachable?.(msg, e.message);
        return false;
      }
      const backoff = e.retryAfterMs ?? wait;
      if (e.retryAfterMs !== undefined) this.chatNextAt.set(item.chatKey, this.now() + e.retryAfterMs);
      this.soonest = Math.min(this.soonest, this.now() + backoff);
      await store.retryOutbox(item.id, this.now() + backoff, e.message, true);
      log.info('outbound message will be retried', {
        channel: msg.channel,
        chat: msg.chatId,
        error: e.message,
        inMs: backoff,
      });
      return false;
    }
  }

  private pacingDelay(chatKey: string, sender: ChannelSender, now: number): number {
    const chat = (this.chatNextAt.get(chatKey) ?? 0) - now;
    const channel = (this.channelNextAt.get(sender.channel) ?? 0) - now;
    return Math.max(chat, channel, 0);
  }

  private reserve(chatKey: string, sender: ChannelSender, now: number): void {
    const p = sender.pacing;
    if (!p) return;
    const jitter = p.jitterMs ? Math.floor(Math.random() * p.jitterMs) : 0;
    if (p.perChatIntervalMs) this.chatNextAt.set(chatKey, now + p.perChatIntervalMs + jitter);
    if (p.globalPerSecond) {
      const prev = Math.max(this.channelNextAt.get(sender.channel) ?? 0, now);
      this.channelNextAt.set(sender.channel, prev + Math.ceil(1000 / p.globalPerSecond) + jitter);
    }
  }
}
