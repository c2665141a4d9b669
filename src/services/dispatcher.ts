// Delivers the outbox: each chat in order, transient failures retried with backoff, a rate limit's retry-after
// honoured without holding back other chats, permanent failures recorded. Channels plug in a ChannelSender.
//
// Fair across destinations: pacing is decided before claiming (pacing.ts), so each pass claims, per destination,
// only the chats that may get a message now, and the store hands those out in turns (round robin). A paced staff
// group or one busy chat therefore never holds items that another chat's reply would wait behind. Nothing is
// claimed for a destination whose sender is not registered or not ready: after a restart, replies wait untouched
// until their channel registers and go out on the very next pass.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { chatKeyOf, type Destination, type OutboundMessage } from '../domain/messages.js';
import type { Logger } from '../log/logger.js';
import type { OutboxClaim, OutboxItem, Store } from '../store/port.js';
import { retryDelay, type BackoffPolicy } from './backoff.js';
import { PacingBook } from './pacing.js';

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

/** What a sender may say about a delivery that succeeded. */
export interface SendReport {
  /**
   * Calls beyond the message itself that the destination counts against its rate (e.g. a forum topic created for
   * it): they are charged to the destination's pacing too.
   */
  extraCalls?: number;
}

export interface ChannelSender {
  readonly channel: Destination;
  readonly pacing?: Pacing;
  /**
   * Waits between failed attempts for this destination and when to give up (default DELIVERY_BACKOFF). The staff
   * inbox never gives up: a card that cannot be posted waits until the group is fixed.
   */
  readonly retry?: BackoffPolicy;
  /** Delivers one message or throws (a DeliveryError says whether to retry). */
  send(message: OutboundMessage): Promise<void | SendReport>;
  /** Whether the channel can send right now (e.g. WhatsApp connected); items wait otherwise. */
  ready?(): boolean;
  /**
   * The only chat ids this sender can deliver to now (e.g. the console: the citizen at this keyboard); messages
   * for other chats stay in the outbox. Absent: any chat.
   */
  reaches?(): string[];
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
  /** While true, nothing is claimed (the store cannot write: see storage-guard.ts). */
  paused?: () => boolean;
  /** Called when a recipient is found unreachable, so the citizen's record says so. */
  onUnreachable?: (message: OutboundMessage, reason: string) => Promise<void>;
}

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
  private readonly pacing: PacingBook;
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
    this.pacing = new PacingBook(this.random);
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
      const now = this.now();
      const rates = new Map([...this.senders].map(([name, s]) => [name, s.pacing?.globalPerSecond ?? 0]));
      const wait = Math.max(5, Math.min(poll, this.soonest - now, this.pacing.nextChange(now, rates) - now));
      this.soonest = Infinity;
      this.timer = setTimeout(() => void this.loop(), wait);
    }
  }

  /**
   * One pass: claims, per ready destination, the due items (one per chat) its pacing allows now, and delivers them
   * side by side. Returns how many were sent.
   */
  async drainOnce(): Promise<number> {
    if (this.opts.paused?.()) return 0;
    const now = this.now();
    const batch = this.opts.batch ?? 50;
    const channels: OutboxClaim['channels'] = [];
    for (const [channel, sender] of this.senders) {
      if (sender.ready && !sender.ready()) continue;
      const limit = this.pacing.allowance(channel, sender.pacing, now, batch);
      if (limit < 1) continue;
      const skip = this.pacing.waiting(channel, now);
      const only = sender.reaches?.().map((chatId) => chatKeyOf({ channel, chatId }));
      channels.push({ channel, limit, ...(skip.length ? { skip } : {}), ...(only ? { only } : {}) });
    }
    if (channels.length === 0) return 0;
    const total = channels.reduce((n, c) => n + c.limit, 0);
    const items = await this.opts.store.claimOutbox(this.owner, now, total, this.opts.leaseMs ?? 60_000, {
      channels,
    });
    const results = await Promise.all(items.map((item) => this.deliver(item)));
    return results.filter(Boolean).length;
  }

  /**
   * Sends a message straight to its channel, without the outbox: for the rare notice that must go out when the
   * outbox itself cannot be written (the store is full). Best effort: a failure is logged, never retried.
   */
  async announce(message: OutboundMessage): Promise<void> {
    const sender = this.senders.get(message.channel);
    if (!sender || (sender.ready && !sender.ready())) return;
    await sender
      .send(message)
      .catch((err: Error) => this.opts.log.warn('notice could not be sent', { channel: message.channel, error: err }));
  }

  private async deliver(item: OutboxItem): Promise<boolean> {
    const { store, log } = this.opts;
    const msg = item.message;
    const sender = this.senders.get(msg.channel);
    const now = this.now();
    if (!sender) {
      // Unregistered since the claim (a channel stopping): hand the item back, due at once for whoever runs it.
      await store.retryOutbox(item.id, now, null, false);
      return false;
    }
    this.pacing.spend(msg.channel, item.chatKey, sender.pacing, now);
    try {
      const report = await sender.send(msg);
      for (let i = 0; i < (report?.extraCalls ?? 0); i++)
        this.pacing.spend(msg.channel, item.chatKey, sender.pacing, this.now());
      await store.markDelivered(item.id, this.now());
      return true;
    } catch (err) {
      const e = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message ?? String(err), 'retry');
      const attempts = item.attempts + 1;
      const wait =
        e.kind === 'permanent'
          ? null
          : retryDelay(sender.retry ?? this.opts.retry ?? DELIVERY_BACKOFF, attempts, this.random);
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
      if (e.retryAfterMs !== undefined) this.pacing.hold(msg.channel, item.chatKey, this.now() + e.retryAfterMs);
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
}
