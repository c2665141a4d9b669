// The MongoDB store, for several service instances sharing one database (MONGODB_URI). It mirrors the SQLite store
// method for method; every write that must not race is one conditional update, and commit() is one transaction.
// Transactions need a replica set (a single node is enough): openMongoStore refuses a standalone server.
import mongoose, { type Connection, type Types } from 'mongoose';
import { complaintText, type CaseEvent, type CaseRecord } from '../../domain/case.js';
import { dedupeKey, type AnyInbound } from '../../domain/messages.js';
import { OPEN_STAGES } from '../../domain/stages.js';
import { normaliseCase } from '../../domain/ptp.js';
import type { Contact } from '../../domain/contact.js';
import type { CaseThread, ThreadRef } from '../../domain/case-thread.js';
import type { MessageLabel } from '../../../nlp/types.js';
import {
  type CaseQuery,
  type Commit,
  type Conversation,
  type OutboxClaim,
  type OutboxItem,
  type OutboxStatus,
  type Store,
  type StoredInbound,
} from '../port.js';
import {
  connectMongo,
  openError,
  serverSelectionTimeout,
  requireTransactions,
  type MongoConnectOptions,
} from './connection.js';
import { applyCommit, validateCommit } from './commit.js';
import { validateDoc } from './validation.js';
import { migrateMongo, type MigrateOptions } from './migrations.js';
import { claimFree, outboxHeadsDue } from './outbox-heads.js';
import { escapeRegExp, inboundDoc, nextSeq, objectId, outboxItem } from './records.js';
import { defineModels, type CaseDoc, type Models } from './schemas.js';
import { isDuplicateKey, retryOnDuplicate } from './write-errors.js';
import { defineWebModels, MongoWebRecords } from './web-records.js';
import type { WebStore } from '../web-port.js';

const { trusted } = mongoose;

/** Opens (and prepares: collections, indexes) the MongoDB store; rejects with a message naming MONGODB_URI. */
export interface MongoOpenOptions extends MongoConnectOptions {
  /** How migrations run (tests: a short lock, another step list). */
  migrations?: MigrateOptions;
}

export async function openMongoStore(uri: string, opts: MongoOpenOptions = {}): Promise<Store> {
  return (await openMongoStoreWithConnection(uri, opts)).store;
}

/** The store and its mongoose connection (the reports adapter reads the same connection: src/store/mongo/bundle.ts). */
export async function openMongoStoreWithConnection(
  uri: string,
  opts: MongoOpenOptions = {},
): Promise<{
  store: Store;
  web: WebStore;
  connection: Connection;
  models: Models;
  beforeClose: (fn: () => Promise<void>) => void;
}> {
  const conn = await connectMongo(uri, opts);
  try {
    await requireTransactions(conn, uri);
    const models = defineModels(conn);
    const webModels = defineWebModels(conn);
    // Collections, indexes and moves of data: the versioned steps not run yet, under a lock (migrations.ts).
    await migrateMongo({ conn, models, web: webModels }, opts.migrations);
    const store = new MongoStore(conn, models);
    const web = new MongoWebRecords(webModels);
    return { store, web, connection: conn, models, beforeClose: (fn) => store.beforeClose.push(fn) };
  } catch (err) {
    await conn.close().catch(() => {});
    if (err instanceof Error && err.message.startsWith('MONGODB_URI')) throw err;
    throw openError(uri, err, serverSelectionTimeout(uri, opts), 'prepare');
  }
}

/** Drops whole databases (the contract suite's cleanup). */
export async function dropMongoDatabases(uri: string, dbNames: readonly string[]): Promise<void> {
  const conn = await connectMongo(uri);
  try {
    for (const name of dbNames) await conn.getClient().db(name).dropDatabase();
  } finally {
    await conn.close();
  }
}

class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  /** What must finish before the connection closes (the repeat index's writes). */
  readonly beforeClose: Array<() => Promise<void>> = [];

  constructor(
    private readonly conn: Connection,
    private readonly m: Models,
  ) {}

  async saveInbound(
    message: AnyInbound,
    receivedAt: number,
  ): Promise<{ id: string; duplicate: boolean; handled: boolean }> {
    const key = dedupeKey(message);
    const row = inboundDoc(message, receivedAt, nextSeq());
    await validateDoc(this.m.inbound, row, `inbound message ${key}`);
    try {
      const doc = await this.m.inbound.create(row);
      return { id: String(doc._id), duplicate: false, handled: false };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.m.inbound.findOne({ dedupeKey: key }, { _id: 1, handled: 1 }).lean();
      if (!existing) throw err;
      return { id: String(existing._id), duplicate: true, handled: existing.handled === true };
    }
  }

  async listUnhandledInbound(limit: number): Promise<StoredInbound[]> {
    if (!(limit >= 1)) return []; // MongoDB reads limit 0 as "no limit"; SQLite's LIMIT 0 returns nothing.
    const rows = await this.m.inbound.find({ handled: false }).sort({ seq: 1, _id: 1 }).limit(limit).lean();
    return rows.map((r) => ({ id: String(r._id), message: r.message, receivedAt: r.receivedAt }));
  }

  async purgeHandledInbound(before: number, limit: number): Promise<number> {
    if (!(limit >= 1)) return 0;
    const ids = await this.m.inbound
      .find({ handled: true, receivedAt: trusted({ $lt: before }) }, { _id: 1 })
      .limit(limit)
      .lean();
    if (ids.length === 0) return 0;
    const r = await this.m.inbound.deleteMany({ _id: trusted({ $in: ids.map((d) => d._id) }), handled: true });
    return r.deletedCount;
  }

  async getConversation(key: string): Promise<Conversation | null> {
    const r = await this.m.conversations.findOne({ key }).lean();
    if (!r) return null;
    return { key: r.key, state: r.state ?? null, version: r.version, updatedAt: r.updatedAt };
  }

  async getContact(key: string): Promise<Contact | null> {
    const r = await this.m.contacts.findOne({ key }).lean();
    if (!r) return null;
    return {
      key: r.key,
      channel: r.channel as Contact['channel'],
      userId: r.userId,
      chatId: r.chatId,
      ...(r.displayName != null ? { displayName: r.displayName } : {}),
      ...(r.language === 'id' || r.language === 'en' ? { language: r.language } : {}),
      ...(r.firstWroteAt != null ? { firstWroteAt: r.firstWroteAt } : {}),
      ...(r.lastWroteAt != null ? { lastWroteAt: r.lastWroteAt } : {}),
      ...(r.unreachableAt != null ? { unreachableAt: r.unreachableAt } : {}),
      ...(r.unreachableReason != null ? { unreachableReason: r.unreachableReason } : {}),
    };
  }

  async markUnreachable(key: string, at: number, reason: string): Promise<void> {
    const i = key.indexOf(':');
    await retryOnDuplicate(() =>
      this.m.contacts.updateOne(
        { key },
        {
          $set: { unreachableAt: at, unreachableReason: reason },
          $setOnInsert: { channel: key.slice(0, i), userId: key.slice(i + 1), chatId: key.slice(i + 1) },
        },
        { upsert: true },
      ),
    );
  }

  async getCaseThread(ticket: string): Promise<CaseThread | null> {
    const r = await this.m.caseThreads.findOne({ ticket }).lean();
    return r ? { ticket, kind: r.kind, id: r.threadId, ...(r.chat ? { chat: r.chat } : {}) } : null;
  }

  async setCaseThread(ticket: string, thread: Omit<CaseThread, 'ticket'> | null): Promise<void> {
    await this.conn.transaction(async (session) => {
      await this.m.caseThreads.deleteOne({ ticket }, { session });
      if (!thread) return;
      const row = { ticket, kind: thread.kind, threadId: thread.id, chat: thread.chat ?? '' };
      await validateDoc(this.m.caseThreads, row, `thread of case ${ticket}`);
      await this.m.caseThreads.deleteOne({ chat: row.chat, kind: thread.kind, threadId: thread.id }, { session });
      await this.m.caseThreads.create([row], { session });
    });
  }

  async noteThreadMessage(messageId: number, ticket: string, chat = ''): Promise<void> {
    await retryOnDuplicate(() =>
      this.m.threadMessages.updateOne({ chat, messageId }, { $set: { ticket } }, { upsert: true }),
    );
  }

  async ticketOfThread(ref: ThreadRef): Promise<string | null> {
    const chat = ref.chat ?? '';
    if ('topicId' in ref) {
      return (await this.m.caseThreads.findOne({ chat, kind: 'topic', threadId: ref.topicId }).lean())?.ticket ?? null;
    }
    const noted = await this.m.threadMessages.findOne({ chat, messageId: ref.messageId }).lean();
    if (noted) return noted.ticket;
    return (
      (await this.m.caseThreads.findOne({ chat, kind: 'message', threadId: ref.messageId }).lean())?.ticket ?? null
    );
  }

  async getCase(ticket: string): Promise<CaseRecord | null> {
    const r = await this.m.cases.findOne({ ticket }, { doc: 1, _id: 0 }).lean();
    return r ? normaliseCase(r.doc) : null;
  }

  async listCases(q: CaseQuery): Promise<CaseRecord[]> {
    const and: Array<Record<string, unknown>> = [];
    if (q.stage) and.push({ stage: q.stage });
    if (q.open) and.push({ stage: trusted({ $in: [...OPEN_STAGES] }) });
    if (q.kind) and.push({ kind: q.kind });
    if (q.citizenKey) and.push({ citizenKey: q.citizenKey });
    if (q.division) and.push({ division: q.division });
    // searchText is lowercase, like the words: a plain substring match per word, every word required.
    for (const word of (q.search ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
      and.push({ searchText: trusted({ $regex: escapeRegExp(word) }) });
    }
    const rows = await this.m.cases
      .find(and.length > 0 ? { $and: and } : {}, { doc: 1, _id: 0 })
      .sort({ createdAt: q.order === 'oldest' ? 1 : -1, ticket: 1 })
      .limit(Math.max(1, Math.min(q.limit ?? 50, 1000)))
      .lean();
    return rows.map((r) => normaliseCase(r.doc));
  }

  async getEvents(ticket: string): Promise<CaseEvent[]> {
    const rows = await this.m.events.find({ ticket }, { doc: 1, _id: 0 }).sort({ seq: 1, _id: 1 }).lean();
    return rows.map((r) => r.doc);
  }

  async forEachComplaint(
    batchSize: number,
    fn: (batch: Array<{ ticket: string; citizenKey: string; text: string }>) => void,
  ): Promise<void> {
    // Pages by _id (roughly insertion order); limit(0) would mean "no limit" to MongoDB, hence the floor of 1.
    let after: Types.ObjectId | null = null;
    for (;;) {
      const filter: Record<string, unknown> = { kind: 'complaint' };
      if (after) filter._id = trusted({ $gt: after });
      const rows = await this.m.cases
        .find(filter, { ticket: 1, citizenKey: 1, 'doc.text': 1, 'doc.details.what': 1 })
        .sort({ _id: 1 })
        .limit(Math.max(1, batchSize))
        .lean<Array<Pick<CaseDoc, '_id' | 'ticket' | 'citizenKey'> & { doc: Pick<CaseRecord, 'text' | 'details'> }>>();
      const last = rows[rows.length - 1];
      if (!last) return;
      fn(
        rows.map((r) => ({
          ticket: r.ticket,
          citizenKey: r.citizenKey,
          text: complaintText({ text: r.doc.text, details: r.doc.details ?? {} }),
        })),
      );
      after = last._id;
    }
  }

  async listCorrections(): Promise<Array<{ text: string; label: MessageLabel }>> {
    const rows = await this.m.cases
      .find({ correctedLabel: trusted({ $exists: true }) }, { correctedLabel: 1, 'doc.text': 1, _id: 0 })
      .sort({ _id: 1 })
      .lean<Array<{ correctedLabel: MessageLabel; doc: Pick<CaseRecord, 'text'> }>>();
    return rows.map((r) => ({ text: r.doc.text, label: r.correctedLabel }));
  }

  async commit(change: Commit): Promise<void> {
    // Every record checked first: one that does not fit is refused before the transaction starts.
    await validateCommit(this.m, change);
    // One MongoDB transaction, hence the replica set: a ConflictError thrown inside aborts all of it.
    await this.conn.transaction((session) => applyCommit(this.m, change, session));
  }

  async claimOutbox(
    owner: string,
    now: number,
    limit: number,
    leaseMs: number,
    filter?: OutboxClaim,
  ): Promise<OutboxItem[]> {
    const heads: Types.ObjectId[] = [];
    const wanted: Array<{ limit: number; channel?: string; only?: string[]; skip?: string[] }> = filter?.channels ?? [
      { limit },
    ];
    for (const w of wanted) {
      const left = Math.min(Math.floor(w.limit), limit - heads.length);
      if (left >= 1) heads.push(...(await outboxHeadsDue(this.m.outbox, now, left, w)));
    }
    // Another instance may claim a head between the read and here: the claim is conditional on the item still
    // being pending and free, and only the items this call actually claimed are handed out.
    const claimed = await Promise.all(
      heads.map((id) =>
        this.m.outbox
          .findOneAndUpdate(
            { _id: id, status: 'pending', nextAttemptAt: trusted({ $lte: now }), $or: claimFree(now) },
            { $set: { claimedBy: owner, claimUntil: now + leaseMs } },
            { returnDocument: 'after' },
          )
          .lean(),
      ),
    );
    return claimed.filter((d): d is NonNullable<typeof d> => d !== null).map(outboxItem);
  }

  async markDelivered(id: string, at: number): Promise<void> {
    await this.closeOutbox(id, at, { status: 'delivered', deliveredAt: at, claimedBy: null, claimUntil: null });
  }

  /** Closes an item; the chat's next one takes its turn after the chats already waiting (round robin). */
  private async closeOutbox(id: string, at: number, set: Record<string, unknown>): Promise<void> {
    const _id = objectId(id);
    if (!_id) return;
    const closed = await this.m.outbox.findOneAndUpdate({ _id }, { $set: set }, { returnDocument: 'after' }).lean();
    if (!closed) return;
    const next = await this.m.outbox
      .findOne({ status: 'pending', chatKey: closed.chatKey }, { _id: 1 })
      .sort({ seq: 1, _id: 1 })
      .lean();
    if (next)
      await this.m.outbox.updateOne(
        // A deferred message (1) keeps its place behind the others.
        { _id: next._id, nextAttemptAt: trusted({ $lt: at, $ne: 1 }) },
        { $set: { nextAttemptAt: at } },
      );
  }

  async retryOutbox(id: string, nextAttemptAt: number, error: string | null, countAttempt: boolean): Promise<void> {
    const _id = objectId(id);
    if (!_id) return;
    await this.m.outbox.updateOne(
      { _id, status: 'pending' },
      {
        $set: { nextAttemptAt, claimedBy: null, claimUntil: null, ...(error !== null ? { lastError: error } : {}) },
        $inc: { attempts: countAttempt ? 1 : 0 },
      },
    );
  }

  async markFailed(id: string, at: number, error: string): Promise<void> {
    await this.closeOutbox(id, at, {
      status: 'failed',
      lastError: error,
      deliveredAt: at,
      claimedBy: null,
      claimUntil: null,
    });
  }

  async countOutbox(status: OutboxStatus): Promise<number> {
    return this.m.outbox.countDocuments({ status });
  }

  async getValue(key: string): Promise<string | null> {
    const r = await this.m.kv.findOne({ key }).lean();
    return r ? r.value : null;
  }

  async setValue(key: string, value: string): Promise<void> {
    await validateDoc(this.m.kv, { key, value }, `setting ${key}`);
    await retryOnDuplicate(() => this.m.kv.updateOne({ key }, { $set: { value } }, { upsert: true }));
  }

  async tryLease(name: string, owner: string, now: number, until: number): Promise<boolean> {
    // Taken when free, expired or already ours. When it is held by someone else the filter matches nothing and
    // the upsert tries to insert a second lease of that name: the unique index refuses it, which means "no".
    try {
      const r = await this.m.leases.updateOne(
        { name, $or: [{ until: trusted({ $lt: now }) }, { owner }] },
        { $set: { owner, until } },
        { upsert: true },
      );
      return r.matchedCount === 1 || r.upsertedCount === 1;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async close(): Promise<void> {
    for (const fn of this.beforeClose.splice(0)) await fn().catch(() => {});
    await this.conn.close();
  }
}
