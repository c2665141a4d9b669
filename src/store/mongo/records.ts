// Turning domain records into MongoDB documents and back, the same way for every collection of the store.
import mongoose, { type Types } from 'mongoose';
import type { CaseEvent, CaseRecord } from '../../domain/case.js';
import { citizenKey } from '../../domain/case.js';
import { normaliseCase } from '../../domain/ptp.js';
import type { ContactNote } from '../../domain/contact.js';
import { chatKeyOf, type AnyInbound, type OutboundMessage } from '../../domain/messages.js';
import { dedupeKey } from '../../domain/messages.js';
import type { OutboxItem } from '../port.js';
import { caseSearchText } from '../search-text.js';
import type { CaseDoc, ContactDoc, EventDoc, InboundDoc, OutboxDoc } from './schemas.js';

/**
 * A JSON round trip, which is what the SQLite store keeps: undefined fields are dropped (BSON would store them as
 * null), so a record reads back equal to what was written.
 */
export function toJson<T>(value: T): T {
  return value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * The case whole in `doc`, with copies of the fields that indexes and conditions need beside it. Always written in
 * the current shape (normaliseCase: an old single PTP object becomes round 1), which is what the schema checks.
 */
export function caseDoc(record: CaseRecord): Omit<CaseDoc, '_id'> {
  const c = normaliseCase(record);
  return {
    ticket: c.ticket,
    kind: c.kind,
    stage: c.stage,
    citizenKey: citizenKey(c.citizen),
    division: c.division,
    // Absent (not null) when there is no correction: the index on it is sparse.
    ...(c.correction ? { correctedLabel: c.correction.label } : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...(c.dueAt !== undefined ? { dueAt: c.dueAt } : {}),
    version: c.version,
    searchText: caseSearchText(c),
    doc: toJson(c),
  };
}

/** An event as stored: the event whole, its ticket, time and place in the case's log beside it. */
export function eventDoc(e: CaseEvent, seq: number): Omit<EventDoc, '_id'> {
  return { ticket: e.ticket, at: e.at, seq, doc: toJson(e) };
}

/** A new outbox document (pending, never tried). */
export function outboxDoc(message: OutboundMessage, now: number, seq: number): Omit<OutboxDoc, '_id'> {
  return {
    chatKey: chatKeyOf(message),
    message: toJson(message),
    status: 'pending',
    attempts: 0,
    createdAt: now,
    // A deferrable message (a new case card) is stored at 1, behind messages stored for "at once" (0).
    nextAttemptAt: message.deferrable ? 1 : 0,
    claimedBy: null,
    claimUntil: null,
    deliveredAt: null,
    lastError: null,
    seq,
  };
}

/** A new inbound document (not handled yet). */
export function inboundDoc(message: AnyInbound, receivedAt: number, seq: number): Omit<InboundDoc, '_id'> {
  return { dedupeKey: dedupeKey(message), message: toJson(message), receivedAt, handled: false, handledAt: null, seq };
}

/** What a handled message tells about its sender, as the contact document's fields (it writes: reachable again). */
export function contactDoc(n: ContactNote): Omit<ContactDoc, '_id'> & { firstWroteAt: number; lastWroteAt: number } {
  return {
    key: n.key,
    channel: n.channel,
    userId: n.userId,
    chatId: n.chatId,
    ...(n.displayName !== undefined ? { displayName: n.displayName } : {}),
    ...(n.language !== undefined ? { language: n.language } : {}),
    unreachableAt: null,
    unreachableReason: null,
    firstWroteAt: n.wroteAt,
    lastWroteAt: n.wroteAt,
  };
}

/** The port's view of an outbox document (claim and delivery bookkeeping stay in the store). */
export function outboxItem(d: OutboxDoc): OutboxItem {
  return {
    id: String(d._id),
    chatKey: d.chatKey,
    message: d.message,
    attempts: d.attempts,
    createdAt: d.createdAt,
    nextAttemptAt: d.nextAttemptAt,
  };
}

let lastSeq = 0;

/**
 * Insertion order for events, outbox and inbound: increasing within this process (microseconds of the wall clock,
 * bumped on ties) and after `after`, the last seq another instance wrote, so a host whose clock lags cannot slip a
 * new item in front of an older one. Stays below 2^53 until the year 2255.
 */
export function nextSeq(after = 0): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000, after + 1);
  return lastSeq;
}

/** The ObjectId an id string names, or null for anything else (the SQLite store ignores unknown ids too). */
export function objectId(id: string): Types.ObjectId | null {
  return mongoose.isObjectIdOrHexString(id) ? new mongoose.Types.ObjectId(id) : null;
}

/** A search word as a literal pattern: "100%_" or "a.b" match only themselves. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
