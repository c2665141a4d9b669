// The body of MongoStore.commit: everything one handled message changes, run inside one MongoDB transaction. A stale
// version or an existing key throws ConflictError, which aborts the transaction, so nothing of the commit is written.
// The driver may run this again after a transient error (a write conflict); it depends only on `change`.
import type { ClientSession } from 'mongoose';
import { chatKeyOf } from '../../domain/messages.js';
import type { CaseRecord } from '../../domain/case.js';
import { AlreadyHandledError, ConflictError, type Commit } from '../port.js';
import { caseDoc, contactDoc, eventDoc, nextSeq, objectId, outboxDoc, toJson } from './records.js';
import { validateDoc, type CheckedModel } from './validation.js';
import type { Models } from './schemas.js';
import { insertOrConflict, InvalidRecordError, isDuplicateKey } from './write-errors.js';
import { applyErasure } from './erasure.js';

/**
 * Checks every record the commit writes against its collection's schema, before the transaction starts: a record
 * that does not fit is refused (InvalidRecordError) and nothing of the commit is written.
 */
export async function validateCommit(m: Models, change: Commit, now = Date.now()): Promise<void> {
  const checks: Array<Promise<void>> = [];
  const check = (model: CheckedModel, build: () => object, what: string) => {
    let doc: object;
    try {
      doc = build();
    } catch (err) {
      // A record so broken that its index fields cannot be read (no citizen, no text).
      checks.push(Promise.reject(new InvalidRecordError(what, [], `it cannot be read (${(err as Error).message})`)));
      return;
    }
    checks.push(validateDoc(model, doc, what));
  };
  for (const { key, state } of change.conversations ?? []) {
    check(m.conversations, () => ({ key, state: toJson(state), version: 1, updatedAt: now }), `conversation ${key}`);
  }
  for (const n of change.contacts ?? []) check(m.contacts, () => contactDoc(n), `contact ${n.key}`);
  for (const { record, expectedVersion } of change.cases ?? []) {
    const v = expectedVersion === null ? 1 : expectedVersion + 1;
    check(m.cases, () => caseDoc({ ...record, version: v }), `case ${String(record?.ticket)}`);
  }
  for (const e of change.events ?? []) check(m.events, () => eventDoc(e, 0), `event of case ${String(e?.ticket)}`);
  for (const o of change.outbox ?? [])
    check(m.outbox, () => outboxDoc(o, now, 0), `outbox message to ${chatKeyOfAny(o)}`);
  const results = await Promise.allSettled(checks);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

const chatKeyOfAny = (o: { channel?: unknown; chatId?: unknown } | null | undefined) =>
  `${String(o?.channel)}:${String(o?.chatId)}`;

export async function applyCommit(m: Models, change: Commit, session: ClientSession): Promise<void> {
  const now = Date.now();
  if (change.inboundHandled !== undefined) {
    const id = objectId(change.inboundHandled);
    const r = id
      ? await m.inbound.updateOne({ _id: id, handled: false }, { $set: { handled: true, handledAt: now } }, { session })
      : null;
    if (!r || r.matchedCount !== 1) throw new AlreadyHandledError(change.inboundHandled);
  }
  for (const { key, state, expectedVersion } of change.conversations ?? []) {
    const json = toJson(state);
    if (expectedVersion === null) {
      await insertOrConflict(`conversation ${key}`, () =>
        new m.conversations({ key, state: json, version: 1, updatedAt: now }).save({ session }),
      );
    } else {
      const r = await m.conversations.updateOne(
        { key, version: expectedVersion },
        { $set: { state: json, version: expectedVersion + 1, updatedAt: now } },
        { session },
      );
      if (r.matchedCount !== 1) throw new ConflictError(`conversation ${key}`);
    }
  }
  for (const n of change.contacts ?? []) {
    const { firstWroteAt, lastWroteAt, key, ...set } = contactDoc(n);
    await m.contacts.updateOne(
      { key },
      { $set: set, $min: { firstWroteAt }, $max: { lastWroteAt } },
      { upsert: true, session, runValidators: true },
    );
  }
  // Many new cases (seeding, imports) go in one insertMany: one round trip for the batch instead of one per case,
  // so a batch stays far inside MongoDB's 60-second transaction limit on a remote cluster.
  const inserted = (change.cases ?? []).filter((c) => c.expectedVersion === null);
  const bulk = inserted.length > 1;
  if (bulk)
    await insertCases(
      m,
      inserted.map((c) => c.record),
      session,
    );
  for (const { record, expectedVersion } of change.cases ?? []) {
    if (bulk && expectedVersion === null) continue;
    // The stored version is always expectedVersion + 1 (1 on insert), whatever the record itself says.
    const row = caseDoc({ ...record, version: expectedVersion === null ? 1 : expectedVersion + 1 });
    if (expectedVersion === null) {
      await insertOrConflict(`case ${record.ticket}`, () => new m.cases(row).save({ session }));
    } else {
      const r = await m.cases.replaceOne({ ticket: record.ticket, version: expectedVersion }, row, { session });
      if (r.matchedCount !== 1) throw new ConflictError(`case ${record.ticket}`);
    }
  }
  if (change.events?.length) {
    const newTickets = new Set(inserted.map((c) => c.record.ticket));
    const last = new Map<string, number>();
    const docs = [];
    for (const e of change.events) {
      // A case inserted by this commit has no earlier events: no round trip to look for them.
      const known = last.get(e.ticket) ?? (newTickets.has(e.ticket) ? 0 : undefined);
      const seq = nextSeq(known ?? (await lastEventSeq(m, e.ticket, session)));
      last.set(e.ticket, seq);
      docs.push(eventDoc(e, seq));
    }
    await m.events.insertMany(docs, { session });
  }
  if (change.outbox?.length) {
    const last = new Map<string, number>();
    const docs = [];
    for (const message of change.outbox) {
      const chatKey = chatKeyOf(message);
      // A chat given a message for "at once" is served at once: its deferred messages (ahead of it) stop waiting.
      if (!message.deferrable)
        await m.outbox.updateMany(
          { chatKey, status: 'pending', nextAttemptAt: 1 },
          { $set: { nextAttemptAt: 0 } },
          { session },
        );
      const seq = nextSeq(last.get(chatKey) ?? (await lastPendingSeq(m, chatKey, session)));
      last.set(chatKey, seq);
      docs.push(outboxDoc(message, now, seq));
    }
    await m.outbox.insertMany(docs, { session });
  }
  if (change.erase) {
    const db = m.cases.db.db;
    if (!db) throw new Error('MongoDB connection is not open');
    await applyErasure(db, change.erase, session);
  }
}

/** Inserts new cases in one ordered insertMany; a ticket that exists already is a ConflictError naming it. */
async function insertCases(m: Models, records: CaseRecord[], session: ClientSession): Promise<void> {
  try {
    await m.cases.insertMany(
      records.map((record) => caseDoc({ ...record, version: 1 })),
      { session, ordered: true },
    );
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const index = (err as { writeErrors?: Array<{ index?: number }> }).writeErrors?.[0]?.index;
    throw new ConflictError(`case ${records[index ?? -1]?.ticket ?? `(one of ${records.length} new cases)`}`);
  }
}

/** Events of a ticket sort by seq: a new one goes after the last one, whatever this host's clock says. */
async function lastEventSeq(m: Models, ticket: string, session: ClientSession): Promise<number> {
  const r = await m.events.findOne({ ticket }, { seq: 1 }, { session }).sort({ seq: -1, _id: -1 }).lean();
  return r?.seq ?? 0;
}

/** Likewise for a chat's pending messages, so the replies to a chat leave in the order they were committed. */
async function lastPendingSeq(m: Models, chatKey: string, session: ClientSession): Promise<number> {
  const r = await m.outbox
    .findOne({ status: 'pending', chatKey }, { seq: 1 }, { session })
    .sort({ seq: -1, _id: -1 })
    .lean();
  return r?.seq ?? 0;
}
