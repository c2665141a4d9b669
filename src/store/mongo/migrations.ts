// Versioned schema migrations for the MongoDB store, like SQLite's (src/store/sqlite/migrations.ts): one document
// records the schema version and every step run (collection aduan_schema, _id "schema"); the steps below run in
// order at start-up under a lock in that document, so two instances starting together never both run one; a
// database newer than this code is refused (migration-plan.ts). Append new steps; never edit one that has shipped.
// MongoDB cannot build indexes inside a transaction, so each step is idempotent: an instance that dies half-way
// leaves the lock to expire, and the next start runs the step again from the beginning.
import { hostname } from 'node:os';
import type { Connection } from 'mongoose';
import type { IndexDescription } from 'mongodb';
import { ensureReportIndexes } from '../mongo-reports.js';
import { planMigrations, type PlannedStep } from './migration-plan.js';
import { migrateToTypedRecords } from './migrate-records.js';
import { migrateThreadChats } from './migrate-thread-chats.js';
import type { Models } from './schemas.js';
import type { WebModels } from './web-records.js';
import { indexComplaintsSinceWatermark, REPEAT_INDEXES } from './repeat-storage.js';

type Db = NonNullable<Connection['db']>;

/** What a step works with. `renew()` keeps the lock during a long step (call it between batches). */
export interface MigrationContext {
  conn: Connection;
  db: Db;
  models: Models;
  web: WebModels;
  renew(): Promise<void>;
}

export interface MigrationStep extends PlannedStep {
  run(ctx: MigrationContext): Promise<void>;
}

/** The collection and _id of the version document. */
export const SCHEMA_COLLECTION = 'aduan_schema';
const SCHEMA_ID = 'schema';

interface SchemaDoc {
  _id: string;
  version?: number;
  lockOwner?: string | null;
  lockUntil?: number;
  history?: Array<{ version: number; name: string; at: number; by: string; ms: number }>;
}

/** The indexes of the first versioned schema: what mongoose's autoIndex made before there were migrations. */
const FIRST_INDEXES: Record<string, IndexDescription[]> = {
  inbound: [
    { key: { dedupeKey: 1 }, unique: true },
    { key: { seq: 1, _id: 1 }, partialFilterExpression: { handled: false } },
    // purgeHandledInbound: handled messages by age.
    { key: { receivedAt: 1 }, partialFilterExpression: { handled: true } },
  ],
  conversations: [{ key: { key: 1 }, unique: true }],
  contacts: [{ key: { key: 1 }, unique: true }],
  case_threads: [
    { key: { ticket: 1 }, unique: true },
    { key: { kind: 1, threadId: 1 }, unique: true },
  ],
  case_thread_messages: [{ key: { messageId: 1 }, unique: true }],
  cases: [
    { key: { ticket: 1 }, unique: true },
    { key: { stage: 1, createdAt: -1 } },
    { key: { citizenKey: 1, createdAt: -1 } },
    { key: { kind: 1, createdAt: -1 } },
    // forEachComplaint pages through one kind in _id order.
    { key: { kind: 1, _id: 1 } },
    { key: { createdAt: -1 } },
    { key: { correctedLabel: 1 }, sparse: true },
  ],
  case_events: [{ key: { ticket: 1, seq: 1, _id: 1 } }],
  // Serves the per-chat head lookup of claimOutbox (and counts by status).
  outbox: [{ key: { status: 1, chatKey: 1, seq: 1, _id: 1 } }],
  kv: [{ key: { key: 1 }, unique: true }],
  leases: [{ key: { name: 1 }, unique: true }],
  webcitizens: [
    { key: { key: 1 }, unique: true },
    { key: { tokenHash: 1 }, unique: true },
  ],
  webmessages: [
    { key: { citizenKey: 1, seq: -1 } },
    { key: { citizenKey: 1, messageId: 1 }, unique: true, partialFilterExpression: { messageId: { $type: 'string' } } },
  ],
  staffloginlinks: [{ key: { tokenHash: 1 }, unique: true }],
  staffsessions: [{ key: { idHash: 1 }, unique: true }],
};

/** Creates the collections that do not exist yet (transactions cannot always create them) and the indexes. */
export async function createCollectionsAndIndexes(db: Db, indexes: Record<string, IndexDescription[]>): Promise<void> {
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const [name, specs] of Object.entries(indexes)) {
    if (!existing.has(name)) {
      try {
        await db.createCollection(name);
      } catch (err) {
        // Another process (or an older Aduan) made it meanwhile: NamespaceExists.
        if ((err as { code?: unknown }).code !== 48) throw err;
      }
    }
    if (specs.length) await db.collection(name).createIndexes(specs);
  }
}

/** Every step, in order (version = position). */
export const MONGO_STEPS: MigrationStep[] = [
  {
    version: 1,
    name: 'collections and indexes of the store, the web records and the reports',
    async run({ conn, db }) {
      await createCollectionsAndIndexes(db, FIRST_INDEXES);
      await ensureReportIndexes(conn);
    },
  },
  {
    version: 2,
    name: 'typed records (contacts, case threads) out of the key-value collection',
    async run({ models }) {
      await migrateToTypedRecords(models);
    },
  },
  {
    version: 3,
    name: 'case threads and their messages per staff group (a group per division)',
    async run({ db }) {
      await migrateThreadChats(db);
    },
  },
  {
    version: 4,
    name: 'the repeat index kept in the store: every complaint indexed once, in batches',
    async run({ db, models, renew }) {
      await createCollectionsAndIndexes(db, { repeat_docs: REPEAT_INDEXES });
      await indexComplaintsSinceWatermark(models, { renew });
    },
  },
];

export interface MigrateOptions {
  /** Who holds the lock (logs, the version document). Default: host and process id. */
  owner?: string;
  steps?: readonly MigrationStep[];
  /** How long a lock is good for without a renewal. */
  lockMs?: number;
  /** How long to wait for another instance's migration before giving up. */
  waitMs?: number;
  pollMs?: number;
}

export interface MigrateResult {
  from: number;
  to: number;
  ran: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Brings the database to the newest schema version: reads the recorded version, refuses a newer one, takes the lock
 * (or waits while another instance holds it and then reads again), runs each missing step and records it.
 */
export async function migrateMongo(
  parts: Omit<MigrationContext, 'renew' | 'db'>,
  opts: MigrateOptions = {},
): Promise<MigrateResult> {
  const db = parts.conn.db;
  if (!db) throw new Error('MongoDB connection is not open');
  const steps = opts.steps ?? MONGO_STEPS;
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const lockMs = opts.lockMs ?? 60_000;
  const waitMs = opts.waitMs ?? 15 * 60_000;
  const meta = db.collection<SchemaDoc>(SCHEMA_COLLECTION);
  const held = { _id: SCHEMA_ID, lockOwner: owner };

  const take = async (): Promise<boolean> => {
    const now = Date.now();
    try {
      const r = await meta.updateOne(
        { _id: SCHEMA_ID, $or: [{ lockOwner: null }, { lockUntil: { $lt: now } }, { lockOwner: owner }] },
        { $set: { lockOwner: owner, lockUntil: now + lockMs } },
        { upsert: true },
      );
      return r.matchedCount === 1 || r.upsertedCount === 1;
    } catch (err) {
      // Held by someone else: the filter matched nothing and the upsert's insert hit the existing document.
      if ((err as { code?: unknown }).code === 11000) return false;
      throw err;
    }
  };
  const renew = async (): Promise<void> => {
    const r = await meta.updateOne(held, { $set: { lockUntil: Date.now() + lockMs } });
    if (r.matchedCount !== 1) throw new Error('MONGODB_URI: the schema migration lock was lost (held too long?)');
  };
  const release = () => meta.updateOne(held, { $set: { lockOwner: null, lockUntil: 0 } }).catch(() => {});

  const started = Date.now();
  let first: number | undefined;
  for (;;) {
    const doc = await meta.findOne({ _id: SCHEMA_ID });
    const stored = doc?.version ?? 0;
    first ??= stored;
    if (planMigrations(stored, steps).length === 0) return { from: first, to: stored, ran: [] };
    if (await take()) {
      try {
        // Read again under the lock: another instance may have finished meanwhile.
        const now = (await meta.findOne({ _id: SCHEMA_ID }))?.version ?? 0;
        const ran: string[] = [];
        for (const step of planMigrations(now, steps)) {
          const t0 = Date.now();
          await step.run({ ...parts, db, renew });
          const r = await meta.updateOne(held, {
            $set: { version: step.version, lockUntil: Date.now() + lockMs },
            $push: {
              history: { version: step.version, name: step.name, at: Date.now(), by: owner, ms: Date.now() - t0 },
            },
          });
          if (r.matchedCount !== 1) throw new Error('MONGODB_URI: the schema migration lock was lost during a step');
          ran.push(`${step.version}: ${step.name}`);
        }
        return { from: now, to: steps.length, ran };
      } finally {
        await release();
      }
    }
    if (Date.now() - started > waitMs) {
      throw new Error(
        `MONGODB_URI: another instance (${doc?.lockOwner ?? 'unknown'}) has been migrating the database schema for ` +
          `more than ${Math.round(waitMs / 1000)} s; start again once it has finished.`,
      );
    }
    await sleep(opts.pollMs ?? 250);
  }
}
