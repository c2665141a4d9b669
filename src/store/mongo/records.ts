// Turning domain records into MongoDB documents and back, the same way for every collection of the store.
import mongoose, { type Types } from 'mongoose';
import type { CaseRecord } from '../../domain/case.js';
import { citizenKey } from '../../domain/case.js';
import type { OutboxItem } from '../port.js';
import { caseSearchText } from '../search-text.js';
import type { CaseDoc, OutboxDoc } from './schemas.js';

/**
 * A JSON round trip, which is what the SQLite store keeps: undefined fields are dropped (BSON would store them as
 * null), so a record reads back equal to what was written.
 */
export function toJson<T>(value: T): T {
  return value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}

/** The case whole in `doc`, with copies of the fields that indexes and conditions need beside it. */
export function caseDoc(c: CaseRecord): Omit<CaseDoc, '_id'> {
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
