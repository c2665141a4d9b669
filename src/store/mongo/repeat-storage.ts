// The repeat index kept in MongoDB (like SQLite's, migration 6 there): one document per indexed complaint in
// repeat_docs (its words and facets, so nothing is read or tokenised again at start), a watermark in the key-value
// collection up to where every complaint is known to be indexed, and tombstones for complaints taken out (erasure,
// retention) so other instances drop them too. The port is synchronous, so the index is served from memory
// (repeat-memory.ts): loaded at start, caught up with the complaints written since the watermark, written back to
// MongoDB in the background in the order it changed, and refreshed every few seconds with other instances' changes.
import mongoose, { type Types } from 'mongoose';
import type { IndexDescription } from 'mongodb';
import { complaintText } from '../../domain/case.js';
import { facetsOf, repeatTerms } from '../../../nlp/repeat/features.js';
import type { RepeatStorage } from '../../../nlp/repeat/storage.js';
import { nextSeq } from './records.js';
import { memoryRepeatStorage, type MemoryRepeatStorage, type RepeatChange } from './repeat-memory.js';
import type { Models } from './schemas.js';

const { trusted } = mongoose;
const WATERMARK_KEY = 'repeat-index:cases-after';
/** Cases are re-read this far behind the watermark: a case committed late under an older ObjectId is not missed. */
const OVERLAP_SECONDS = 600;
/** Other instances' changes are read again this far back (their clocks, their writes still in flight). */
const PULL_OVERLAP = 10_000_000;
const PULL_EVERY_MS = 3000;

/** The repeat_docs indexes (migration step 3). */
export const REPEAT_INDEXES: IndexDescription[] = [{ key: { ticket: 1 }, unique: true }, { key: { seq: 1 } }];

type CaseRow = {
  _id: Types.ObjectId;
  ticket: string;
  citizenKey: string;
  doc: { text: string; details?: { what?: string } };
};

/**
 * Indexes the complaints written after the watermark that repeat_docs does not hold (all of them the first time),
 * in batches; each batch is one bulk write and moves the watermark, so an interrupted run resumes. `known` (the
 * tickets already in memory) saves a read per batch; `renew` is called between batches (the migration lock).
 * Returns how many complaints were indexed.
 */
export async function indexComplaintsSinceWatermark(
  m: Models,
  opts: {
    batch?: number;
    known?: ReadonlySet<string>;
    renew?: () => Promise<void>;
    added?: (c: RepeatChange) => void;
  } = {},
): Promise<number> {
  const batch = Math.max(1, opts.batch ?? 2000);
  const mark = (await m.kv.findOne({ key: WATERMARK_KEY }).lean())?.value;
  let after: Types.ObjectId | null =
    mark && mongoose.isObjectIdOrHexString(mark) ? new mongoose.Types.ObjectId(mark) : null;
  let indexed = 0;
  for (;;) {
    const rows = await m.cases
      .find(
        {
          kind: 'complaint',
          // An anonymised complaint (erased, or past retention) is never indexed again.
          'doc.anonymised': trusted({ $exists: false }),
          ...(after ? { _id: trusted({ $gt: after }) } : {}),
        },
        { ticket: 1, citizenKey: 1, 'doc.text': 1, 'doc.details.what': 1 },
      )
      .sort({ _id: 1 })
      .limit(batch)
      .lean<CaseRow[]>();
    const last = rows.at(-1);
    if (!last) return indexed;
    const stored = opts.known
      ? opts.known
      : new Set(
          (await m.repeatDocs.find({ ticket: trusted({ $in: rows.map((r) => r.ticket) }) }, { ticket: 1 }).lean()).map(
            (d) => d.ticket,
          ),
        );
    const changes: Array<Extract<RepeatChange, { op: 'add' }>> = rows
      .filter((r) => !stored.has(r.ticket))
      .map((r) => {
        const terms = repeatTerms(complaintText({ text: r.doc.text ?? '', details: r.doc.details ?? {} }));
        return { op: 'add', ticket: r.ticket, citizenKey: r.citizenKey, terms, facets: facetsOf(terms) };
      });
    if (changes.length) {
      // $setOnInsert: an entry another instance wrote meanwhile (or a tombstone) is left as it is.
      await m.repeatDocs.bulkWrite(
        changes.map((c) => ({
          updateOne: {
            filter: { ticket: c.ticket },
            update: {
              $setOnInsert: {
                citizenKey: c.citizenKey,
                terms: c.terms,
                facets: c.facets,
                removed: false,
                seq: nextSeq(),
              },
            },
            upsert: true,
          },
        })),
        { ordered: false },
      );
      for (const c of changes) opts.added?.(c);
      indexed += changes.length;
    }
    // The watermark stays a little behind the newest case read (see OVERLAP_SECONDS), never going back.
    const behind = mongoose.Types.ObjectId.createFromTime(
      Math.max(0, last._id.getTimestamp().getTime() / 1000 - OVERLAP_SECONDS),
    );
    if (!after || behind.toHexString() > after.toHexString()) {
      await m.kv.updateOne({ key: WATERMARK_KEY }, { $set: { value: behind.toHexString() } }, { upsert: true });
    }
    after = last._id;
    await opts.renew?.();
  }
}

export interface MongoRepeatStorage extends RepeatStorage {
  /** Writes every change made so far to MongoDB (the store's close waits for it). */
  flush(): Promise<void>;
}

/**
 * Loads the index from MongoDB, indexes the complaints written since the last start, and returns it; changes made
 * through it go to MongoDB in the background (a failure is reported to `onError`: the next start indexes the
 * complaint again, from the watermark).
 */
export async function loadMongoRepeatStorage(
  m: Models,
  onError: (err: Error) => void = () => {},
): Promise<MongoRepeatStorage> {
  let queue: Array<{ change: RepeatChange; seq: number }> = [];
  let writing: Promise<void> = Promise.resolve();
  const own = new Set<number>();
  const write = async (): Promise<void> => {
    const ops = queue;
    queue = [];
    if (!ops.length) return;
    await m.repeatDocs.bulkWrite(
      ops.map(({ change: c, seq }) => ({
        updateOne: {
          filter: { ticket: c.ticket },
          update:
            c.op === 'add'
              ? { $set: { citizenKey: c.citizenKey, terms: c.terms, facets: c.facets, removed: false, seq } }
              : { $set: { citizenKey: '', terms: [], removed: true, seq }, $setOnInsert: { facets: facetsOf([]) } },
          upsert: true,
        },
      })),
      // In order: a complaint added then taken out ends taken out.
      { ordered: true },
    );
  };
  const memory: MemoryRepeatStorage = memoryRepeatStorage((change) => {
    const seq = nextSeq();
    own.add(seq);
    queue.push({ change, seq });
    if (queue.length === 1)
      writing = writing
        .then(() => new Promise<void>((r) => setImmediate(r)))
        .then(write)
        .catch(onError);
  });

  // Everything indexed, in the order it was written (ids newest last), tombstones remembered as known.
  const known = new Set<string>();
  let lastSeq = 0;
  const cursor = m.repeatDocs
    .find({}, { ticket: 1, citizenKey: 1, terms: 1, facets: 1, removed: 1, seq: 1 })
    .sort({ seq: 1 })
    .lean()
    .cursor({ batchSize: 5000 });
  for await (const d of cursor) {
    known.add(d.ticket);
    lastSeq = Math.max(lastSeq, d.seq);
    if (!d.removed)
      memory.apply({ op: 'add', ticket: d.ticket, citizenKey: d.citizenKey, terms: d.terms, facets: d.facets });
  }
  await indexComplaintsSinceWatermark(m, { known, added: (c) => memory.apply(c) });

  // Other instances' changes, read every few seconds while lookups happen (a lookup never waits for it).
  let pulledAt = Date.now();
  let pulling = false;
  const pull = async (): Promise<void> => {
    const rows = await m.repeatDocs
      .find(
        { seq: trusted({ $gt: lastSeq - PULL_OVERLAP }) },
        { ticket: 1, citizenKey: 1, terms: 1, facets: 1, removed: 1, seq: 1 },
      )
      .sort({ seq: 1 })
      .limit(20_000)
      .lean();
    for (const d of rows) {
      lastSeq = Math.max(lastSeq, d.seq);
      if (own.has(d.seq)) continue;
      const here = memory.termsOf(d.ticket);
      if (d.removed) {
        if (here) memory.apply({ op: 'remove', ticket: d.ticket });
      } else if (!here || here.join(' ') !== d.terms.join(' ')) {
        memory.apply({ op: 'add', ticket: d.ticket, citizenKey: d.citizenKey, terms: d.terms, facets: d.facets });
      }
    }
    for (const s of own) if (s < lastSeq - PULL_OVERLAP) own.delete(s);
  };
  const maybePull = () => {
    if (pulling || Date.now() - pulledAt < PULL_EVERY_MS) return;
    pulling = true;
    pulledAt = Date.now();
    void pull()
      .catch(onError)
      .finally(() => {
        pulling = false;
      });
  };

  return {
    ...memory,
    postings(termId, limit) {
      maybePull();
      return memory.postings(termId, limit);
    },
    async flush() {
      for (;;) {
        const w = writing;
        await w;
        if (w === writing && queue.length === 0) return;
        if (queue.length && w === writing) writing = writing.then(write).catch(onError);
      }
    },
  };
}
