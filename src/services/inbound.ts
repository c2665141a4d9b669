// The inbound pipeline, one for every actor: a citizen's message and a staff member's (a command, a relay, a pressed
// button) are stored under their dedupe key before anything else, run through their flow, and committed in one
// transaction with everything they cause (conversation state, case changes, events, replies in the outbox, the
// "handled" mark). A crash at any point leaves either an unhandled stored message (handled again at start or when
// the channel resends it) or a committed result: nothing is applied twice, and nothing waits for a lease.
import type { Agency } from '../domain/agency.js';
import { citizenKeyOf, dedupeKey, isStaffMessage, type AnyInbound, type InboundMessage } from '../domain/messages.js';
import type { DuePolicy } from '../domain/lifecycle.js';
import type { Language } from '../domain/case.js';
import type { StaffMessage, StaffReply } from '../domain/staff.js';
import { AlreadyHandledError, ConflictError, type Store, type StoredInbound } from '../store/port.js';
import type { WebStore } from '../store/web-port.js';
import type { Logger } from '../log/logger.js';
import type { TextUnderstanding } from '../../nlp/types.js';
import { planCitizen, type Planned } from './citizen-handling.js';
import { crashPoint } from './crash-points.js';
import type { Counters } from './metrics.js';
import type { FlowDeps } from './flow-effects.js';
import { KeyedQueue } from './keyed-queue.js';
import type { StaffPlanned } from './staff-handling.js';
import type { StaffDirectory } from './staff-directory.js';
import type { StaffGroups } from '../domain/staff-groups.js';

export interface InboundDeps extends FlowDeps {
  store: Store;
  /** The web's records (staff erasures read a web citizen's contact). */
  web: Pick<WebStore, 'getWebCitizen'>;
  nlp: TextUnderstanding;
  agency: Agency;
  duePolicy: DuePolicy;
  log: Logger;
  now: () => number;
  defaultLanguage: Language;
  maxChars: number;
  maxAttachmentBytes: number;
  /** Who may act on the staff side. */
  staff: StaffDirectory;
  /** The staff groups (lookups typed in a division's group list that group's cases). */
  staffGroups?: StaffGroups;
  /** Where the flows' counters (refused lookups…) are added for the health report. */
  counters?: Counters;
  /** Deletes web uploads of a citizen whose data staff erased (src/services/erasure.ts). */
  removeUploads?: (ids: string[]) => Promise<number>;
  /** Called after a commit that put messages in the outbox (wakes the dispatcher). */
  onOutbox?: () => void;
  /** Test hook: called after the inbound message is stored and before it is handled. */
  afterStore?: (id: string) => void;
}

/** What receiving a message gave its sender's surface. */
export interface Received {
  /** The same message (dedupe key) was received before and handled then. */
  duplicate: boolean;
  /** Staff replies for a surface that shows them itself (the terminal); empty otherwise. */
  shown: StaffReply[];
  /** A short note for a pressed button's spinner. */
  toast?: string;
  /** How many messages the handling put in the outbox for the sender's own chat (a surface that waits for them). */
  replies?: number;
}

export class InboundService {
  private readonly queue = new KeyedQueue();

  constructor(private readonly deps: InboundDeps) {}

  /** Stores and handles one message. A message whose dedupe key was seen before is not handled again. */
  async receive(message: AnyInbound): Promise<Received> {
    // A message over the limit is refused by its flow; only that much of it (and a marker) is kept.
    const kept = withinLimit(message, this.deps.maxChars);
    const { id, duplicate, handled } = await this.deps.store.saveInbound(kept, this.deps.now());
    if (duplicate) {
      this.deps.log.debug('duplicate inbound', { key: dedupeKey(message), handled });
      // Stored but not handled (its handling failed or crashed): the channel's resend is the moment to try again.
      if (!handled)
        return { ...(await this.handleStored({ id, message, receivedAt: this.deps.now() })), duplicate: true };
      return { duplicate: true, shown: [] };
    }
    this.deps.afterStore?.(id);
    crashPoint('after-store', message.text);
    return this.handleStored({ id, message, receivedAt: this.deps.now() });
  }

  /** Handles messages stored before a crash or restart, oldest first. */
  async recover(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.deps.store.listUnhandledInbound(100);
      if (batch.length === 0) return total;
      for (const item of batch) await this.handleStored(item);
      total += batch.length;
    }
  }

  private async handleStored(item: StoredInbound): Promise<Received> {
    // One sender's messages are handled one at a time, in order; different senders run side by side.
    let received: Received = { duplicate: false, shown: [] };
    await this.queue.run(queueKey(item.message), async () => {
      received = await this.handleWithRetry(item);
    });
    return received;
  }

  private async handleWithRetry(item: StoredInbound): Promise<Received> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.handleOnce(item);
      } catch (err) {
        // Someone else (a concurrent delivery, another instance's recovery) handled it: nothing more to do.
        if (err instanceof AlreadyHandledError) return { duplicate: true, shown: [] };
        if (err instanceof ConflictError && attempt < 5) continue;
        // The message stays stored and unhandled; it is tried again at the next start.
        this.deps.log.error('inbound message could not be handled', { inboundId: item.id, error: err as Error });
        throw err;
      }
    }
  }

  private async handleOnce(item: StoredInbound): Promise<Received> {
    const { store, log } = this.deps;
    const msg = item.message;
    const now = this.deps.now();
    // The staff side (its commands, cards, lookups) is loaded with the first staff message: a citizen's first
    // reply after start-up does not wait for it.
    const staff: StaffPlanned | null = isStaffMessage(msg)
      ? await (await import('./staff-handling.js')).planStaff(this.deps, msg, now)
      : null;
    const planned: Planned = staff ?? (await planCitizen(this.deps, msg as InboundMessage, item.receivedAt, now));
    crashPoint('before-commit', msg.text);
    await store.commit({ ...planned.commit, inboundHandled: item.id });
    crashPoint('after-commit', msg.text);
    planned.after?.();
    if (planned.commit.outbox?.length) this.deps.onOutbox?.();
    log.info(isStaffMessage(msg) ? 'staff message handled' : 'message handled', planned.summary);
    const citizen = isStaffMessage(msg) ? null : msg;
    const own = citizen
      ? (planned.commit.outbox ?? []).filter((m) => m.channel === citizen.channel && m.chatId === citizen.chatId).length
      : 0;
    return {
      duplicate: false,
      shown: staff?.shown ?? [],
      ...(staff?.toast ? { toast: staff.toast } : {}),
      replies: own,
    };
  }

  /** Resolves when every message in hand has been handled (graceful shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}

/** Messages of one sender are handled in order: a citizen, or a staff member on one surface. */
function queueKey(m: AnyInbound): string {
  if (!isStaffMessage(m)) return citizenKeyOf(m);
  return `staff:${m.surface}:${senderKey(m)}`;
}

function senderKey(m: StaffMessage): string {
  return 'anonymous' in m.sender ? 'anonymous' : m.sender.id;
}

/** The message as stored: text over `maxChars` cut there, with a marker saying how long it was (still over the limit). */
export function withinLimit<M extends { text: string }>(message: M, maxChars: number): M {
  if (message.text.length <= maxChars) return message;
  const marker = `\n[… dipotong / truncated: ${message.text.length} karakter]`;
  // Never half an emoji: a cut right after a high surrogate moves back one.
  const code = message.text.charCodeAt(maxChars - 1);
  const cut = code >= 0xd800 && code <= 0xdbff ? maxChars - 1 : maxChars;
  return { ...message, text: message.text.slice(0, cut) + marker };
}
