// Erasure and retention in the MongoDB store (see src/store/sqlite/erasure.ts): the same rows, the same rules from
// the core, inside the commit's transaction or one of their own.
import type { ClientSession, Connection } from 'mongoose';
import type { CaseEvent, CaseRecord } from '../../domain/case.js';
import type { Erasure, ErasureCounts, PrivacyData } from '../port.js';
import { scrubMessage } from '../scrub-message.js';
import { caseDoc, nextSeq, toJson } from './records.js';

type Db = NonNullable<Connection['db']>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const containing = (ids: string[]) => ids.map((id) => new RegExp(escape(id)));

/** Applies `e` with `session` (inside the commit's transaction, or one started by `erase`). */
export async function applyErasure(db: Db, e: Erasure, session: ClientSession): Promise<ErasureCounts> {
  const counts: ErasureCounts = {
    cases: 0,
    events: 0,
    inbound: 0,
    outbox: 0,
    contacts: 0,
    conversations: 0,
    webRecords: 0,
  };
  const cases = db.collection<{ ticket: string; doc: CaseRecord; version: number }>('cases');
  const own = e.citizenKey
    ? (await cases.find({ citizenKey: e.citizenKey }, { session, projection: { ticket: 1 } }).toArray()).map(
        (d) => d.ticket,
      )
    : [];
  const tickets = [...new Set([...own, ...e.tickets])];
  for (const ticket of tickets) {
    const d = await cases.findOne({ ticket }, { session });
    if (!d) continue;
    const c = e.anonymiseCase(d.doc);
    const row = caseDoc({ ...c, version: d.version + 1 });
    await cases.replaceOne({ ticket }, row, { session });
    counts.cases++;
  }
  // The repeat index (repeat-storage.ts) forgets them in the same transaction: a tombstone other instances read.
  if (tickets.length) {
    await db
      .collection('repeat_docs')
      .updateMany(
        { ticket: { $in: tickets }, removed: { $ne: true } },
        { $set: { citizenKey: '', terms: [], removed: true, seq: nextSeq() } },
        { session },
      );
  }
  const events = db.collection<{ doc: CaseEvent }>('case_events');
  const ids = containing(e.identifiers);
  // The case logs of their cases only (see src/store/sqlite/erasure.ts).
  for (const d of await events.find({ ticket: { $in: tickets } }, { session }).toArray()) {
    await events.updateOne({ _id: d._id }, { $set: { doc: toJson(e.anonymiseEvent(d.doc)) } }, { session });
    counts.events++;
  }
  const inbound = db.collection<{ message: Record<string, unknown> }>('inbound');
  if (e.citizenKey) {
    const [channel, ...rest] = e.citizenKey.split(':');
    const r = await inbound.deleteMany(
      { 'message.surface': { $exists: false }, 'message.channel': channel, 'message.senderId': rest.join(':') },
      { session },
    );
    counts.inbound += r.deletedCount;
  }
  const inboundFilter = {
    $or: [{ 'message.ticket': { $in: tickets } }, ...ids.map((r) => ({ 'message.text': r }))],
  };
  for (const d of await inbound.find(inboundFilter, { session }).toArray()) {
    await inbound.updateOne({ _id: d._id }, { $set: { message: scrubMessage(d.message, e.scrub) } }, { session });
    counts.inbound++;
  }
  const outbox = db.collection<{ message: Record<string, unknown>; status: string }>('outbox');
  counts.outbox += (await outbox.deleteMany({ chatKey: { $in: e.chatKeys } }, { session })).deletedCount;
  const outboxFilter = {
    $or: [
      { 'message.ticket': { $in: tickets } },
      { chatKey: { $in: tickets.map((t) => `staff:${t}`) } },
      ...ids.map((r) => ({ 'message.text': r })),
    ],
  };
  // Messages already sent (or given up) about the case are only history: gone. Waiting ones are scrubbed.
  for (const d of await outbox.find(outboxFilter, { session }).toArray()) {
    if (d.status !== 'pending') {
      counts.outbox += (await outbox.deleteOne({ _id: d._id }, { session })).deletedCount;
      continue;
    }
    await outbox.updateOne(
      { _id: d._id },
      { $set: { message: scrubMessage(d.message, e.scrub), lastError: null } },
      { session },
    );
    counts.outbox++;
  }
  if (e.citizenKey) {
    const key = e.citizenKey;
    counts.conversations += (await db.collection('conversations').deleteMany({ key }, { session })).deletedCount;
    counts.contacts += (await db.collection('contacts').deleteMany({ key }, { session })).deletedCount;
    counts.webRecords += (await db.collection('webmessages').deleteMany({ citizenKey: key }, { session })).deletedCount;
    counts.webRecords += (await db.collection('webcitizens').deleteMany({ key }, { session })).deletedCount;
    for (const r of ids) await db.collection('kv').deleteMany({ $or: [{ key: r }, { value: r }] }, { session });
  }
  return counts;
}

/** Erasure and retention on the MongoDB connection (each erasure one transaction). */
export function mongoPrivacyData(conn: Connection): PrivacyData {
  const db = (): Db => {
    if (!conn.db) throw new Error('MongoDB connection is not open');
    return conn.db;
  };
  return {
    async countCitizen(key, chatKeys) {
      const [channel, ...rest] = key.split(':');
      const tickets = (
        await db()
          .collection<{ ticket: string }>('cases')
          .find({ citizenKey: key }, { projection: { ticket: 1 } })
          .toArray()
      ).map((d) => d.ticket);
      return {
        cases: tickets.length,
        events: await db()
          .collection('case_events')
          .countDocuments({ ticket: { $in: tickets } }),
        inbound: await db()
          .collection('inbound')
          .countDocuments({
            'message.surface': { $exists: false },
            'message.channel': channel,
            'message.senderId': rest.join(':'),
          }),
        outbox: await db()
          .collection('outbox')
          .countDocuments({ chatKey: { $in: chatKeys } }),
        contacts: await db().collection('contacts').countDocuments({ key }),
        conversations: await db().collection('conversations').countDocuments({ key }),
        webRecords:
          (await db().collection('webcitizens').countDocuments({ key })) +
          (await db().collection('webmessages').countDocuments({ citizenKey: key })),
      };
    },
    async erase(e) {
      const session = await conn.startSession();
      try {
        let counts: ErasureCounts | null = null;
        await session.withTransaction(async () => {
          counts = await applyErasure(db(), e, session);
        });
        if (!counts) throw new Error('erasure transaction did not run');
        return counts;
      } finally {
        await session.endSession();
      }
    },
    async casesToAnonymise(before, limit) {
      const docs = await db()
        .collection<{ ticket: string }>('cases')
        .find(
          { stage: { $in: ['closed', 'archived'] }, 'doc.closedAt': { $lt: before }, 'doc.anonymised': null },
          { projection: { ticket: 1 } },
        )
        .sort({ 'doc.closedAt': 1 })
        .limit(Math.max(0, limit))
        .toArray();
      return docs.map((d) => d.ticket);
    },
    async purgeSentOutbox(before, limit) {
      const ids = (
        await db()
          .collection('outbox')
          .find({ status: { $ne: 'pending' }, deliveredAt: { $lt: before } }, { projection: { _id: 1 } })
          .limit(Math.max(0, limit))
          .toArray()
      ).map((d) => d._id);
      return (
        await db()
          .collection('outbox')
          .deleteMany({ _id: { $in: ids } })
      ).deletedCount;
    },
  };
}
