// The repeat index's storage on SQLite (nlp/repeat/storage.ts): the vocabulary with document frequencies, one row
// per indexed complaint (term ids as a blob, facets), and postings (term, doc) read newest first through their
// primary key. Writes are not synced on their own (withoutSync): the next durable commit syncs them, and a complaint
// whose entry was lost in a power cut is found again by `unindexed` at the next start.
import type Database from 'better-sqlite3';
import { complaintText } from '../../domain/case.js';
import type { RepeatStorage, StoredRepeatDoc, TermCount } from '../../../nlp/repeat/storage.js';
import { withoutSync } from './connection.js';

/** The tables (migration step 6). */
export const REPEAT_TABLES = `
CREATE TABLE repeat_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, df INTEGER NOT NULL);
CREATE TABLE repeat_docs (
  doc INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket TEXT NOT NULL UNIQUE,
  citizen_key TEXT NOT NULL,
  terms BLOB NOT NULL,
  taxes INTEGER NOT NULL,
  objects INTEGER NOT NULL,
  procedures INTEGER NOT NULL,
  problems INTEGER NOT NULL
);
CREATE INDEX repeat_docs_citizen ON repeat_docs(citizen_key, doc);
CREATE TABLE repeat_postings (
  term INTEGER NOT NULL,
  chunk INTEGER NOT NULL,
  docs BLOB NOT NULL,
  PRIMARY KEY (term, chunk)
) WITHOUT ROWID;
`;

/** Postings are kept in chunks of this many document ids (little-endian int32, ascending): a lookup reads a few
 * dozen blobs instead of thousands of rows. */
const CHUNK = 256;

const WATERMARK_KEY = 'repeat-index:cases-rowid';

interface DocRow {
  doc: number;
  ticket: string;
  citizen_key: string;
  terms: Buffer;
  taxes: number;
  objects: number;
  procedures: number;
  problems: number;
}

/** The storage over an open, migrated database; `durable` as the store was opened. */
export function sqliteRepeatStorage(db: Database.Database, durable: boolean): RepeatStorage {
  const s = {
    terms: db.prepare('SELECT id, term, df FROM repeat_terms'),
    term: db.prepare('SELECT id, term, df FROM repeat_terms WHERE term = ?'),
    count: db.prepare('SELECT COUNT(*) AS n FROM repeat_docs'),
    chunks: db.prepare('SELECT chunk, docs FROM repeat_postings WHERE term = ? ORDER BY chunk DESC'),
    chunksBefore: db.prepare(
      'SELECT chunk, docs FROM repeat_postings WHERE term = ? AND chunk < ? ORDER BY chunk DESC LIMIT ?',
    ),
    lastChunk: db.prepare('SELECT chunk, docs FROM repeat_postings WHERE term = ? ORDER BY chunk DESC LIMIT 1'),
    setChunk: db.prepare(
      'INSERT INTO repeat_postings (term, chunk, docs) VALUES (?, ?, ?) ON CONFLICT(term, chunk) DO UPDATE SET docs = excluded.docs',
    ),
    deleteChunk: db.prepare('DELETE FROM repeat_postings WHERE term = ? AND chunk = ?'),
    docs: db.prepare('SELECT * FROM repeat_docs WHERE doc IN (SELECT value FROM json_each(?))'),
    docByTicket: db.prepare('SELECT * FROM repeat_docs WHERE ticket = ?'),
    citizenDocs: db.prepare('SELECT doc FROM repeat_docs WHERE citizen_key = ? ORDER BY doc DESC LIMIT ?').pluck(),
    countTerm: db.prepare(
      `INSERT INTO repeat_terms (term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1
       RETURNING id, term, df`,
    ),
    uncountTerm: db.prepare('UPDATE repeat_terms SET df = MAX(0, df - 1) WHERE id = ? RETURNING id, term, df'),
    dropUnusedTerm: db.prepare('DELETE FROM repeat_terms WHERE id = ? AND df = 0'),
    insertDoc: db.prepare(
      `INSERT INTO repeat_docs (ticket, citizen_key, terms, taxes, objects, procedures, problems)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    deleteDoc: db.prepare('DELETE FROM repeat_docs WHERE doc = ?'),
    unindexed: db.prepare(
      `SELECT c.rowid AS rowid, c.ticket, c.citizen_key, json_extract(c.doc, '$.text') AS text,
         json_extract(c.doc, '$.details.what') AS what, d.doc AS indexed
       FROM cases c LEFT JOIN repeat_docs d ON d.ticket = c.ticket
       WHERE c.rowid > ? AND c.kind = 'complaint' ORDER BY c.rowid LIMIT ?`,
    ),
    getValue: db.prepare('SELECT value FROM kv WHERE key = ?').pluck(),
    setValue: db.prepare(
      'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
  };
  // A blob read by the driver has its own memory: viewed in place when aligned, copied otherwise.
  const ints = (b: Buffer): Int32Array =>
    b.byteOffset % 4 === 0
      ? new Int32Array(b.buffer, b.byteOffset, b.byteLength >> 2)
      : new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  const bytes = (a: Int32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const toDoc = (r: DocRow): StoredRepeatDoc => ({
    doc: r.doc,
    ticket: r.ticket,
    citizenKey: r.citizen_key,
    terms: ints(r.terms),
    facets: { taxes: r.taxes, objects: r.objects, procedures: r.procedures, problems: r.problems },
  });
  // Inside a batch (a transaction already open), a write is a savepoint of it.
  const write = <T>(fn: () => T): T =>
    db.inTransaction ? db.transaction(fn)() : withoutSync(db, durable, () => db.transaction(fn).immediate());

  /** Appends `doc` (higher than every id already there) to the term's last chunk, or starts a new one. */
  const addPosting = (term: number, doc: number): void => {
    const last = s.lastChunk.get(term) as { chunk: number; docs: Buffer } | undefined;
    if (last && last.docs.byteLength < CHUNK * 4) {
      const grown = new Int32Array(last.docs.byteLength / 4 + 1);
      grown.set(ints(last.docs));
      grown[grown.length - 1] = doc;
      s.setChunk.run(term, last.chunk, bytes(grown));
    } else s.setChunk.run(term, last ? last.chunk + 1 : 0, bytes(Int32Array.of(doc)));
  };
  /** Takes `doc` out of the term's chunk that holds it (erasure, a replaced complaint: rare). */
  const removePosting = (term: number, doc: number): void => {
    for (const c of s.chunks.all(term) as Array<{ chunk: number; docs: Buffer }>) {
      const list = ints(c.docs);
      if (!list.includes(doc)) continue;
      const kept = list.filter((d) => d !== doc);
      if (kept.length) s.setChunk.run(term, c.chunk, bytes(kept));
      else s.deleteChunk.run(term, c.chunk);
      return;
    }
  };
  const removeRow = (row: DocRow): TermCount[] => {
    const doc = toDoc(row);
    s.deleteDoc.run(row.doc);
    return [...doc.terms].map((t) => {
      removePosting(t, row.doc);
      const left = s.uncountTerm.get(t) as TermCount;
      // A word no complaint uses any more leaves the vocabulary: after an erasure it may be the citizen's name.
      // (An index in memory keeps its id with no documents, which reads as an unknown word; the word written again
      // gets a new id.)
      if (left.df === 0) s.dropUnusedTerm.run(t);
      return left;
    });
  };

  return {
    loadTerms: () => s.terms.all() as TermCount[],
    findTerm: (term) => (s.term.get(term) as TermCount | undefined) ?? null,
    countDocs: () => (s.count.get() as { n: number }).n,
    postings(termId, limit) {
      const out: number[] = [];
      // Full chunks hold CHUNK ids (fewer after an erasure): read as many as the limit needs, more only if short.
      let before = 2 ** 31;
      while (out.length < limit) {
        const want = Math.ceil((limit - out.length) / CHUNK) + 1;
        const rows = s.chunksBefore.all(termId, before, want) as Array<{ chunk: number; docs: Buffer }>;
        for (const c of rows) {
          const list = ints(c.docs);
          for (let i = list.length - 1; i >= 0 && out.length < limit; i--) out.push(list[i] as number);
          if (out.length >= limit) break;
        }
        if (rows.length < want) break;
        before = (rows.at(-1) as { chunk: number }).chunk;
      }
      return out;
    },
    docs: (ids) => (ids.length ? (s.docs.all(JSON.stringify(ids)) as DocRow[]).map(toDoc) : []),
    citizenDocs: (key, limit) => s.citizenDocs.all(key, limit) as number[],
    addDoc: (doc) =>
      write(() => {
        const old = s.docByTicket.get(doc.ticket) as DocRow | undefined;
        if (old) removeRow(old);
        const terms = doc.terms.map((t) => s.countTerm.get(t) as TermCount);
        const ids = Int32Array.from(terms, (t) => t.id);
        const f = doc.facets;
        const id = Number(
          s.insertDoc.run(
            doc.ticket,
            doc.citizenKey,
            Buffer.from(ids.buffer),
            f.taxes,
            f.objects,
            f.procedures,
            f.problems,
          ).lastInsertRowid,
        );
        for (const t of ids) addPosting(t, id);
        return { terms, replaced: old !== undefined };
      }),
    removeDoc: (ticket) =>
      write(() => {
        const row = s.docByTicket.get(ticket) as DocRow | undefined;
        return row ? removeRow(row) : [];
      }),
    unindexed(after, limit) {
      const rows = s.unindexed.all(after, limit) as Array<{
        rowid: number;
        ticket: string;
        citizen_key: string;
        text: string;
        what: string | null;
        indexed: number | null;
      }>;
      return {
        items: rows
          .filter((r) => r.indexed === null)
          .map((r) => ({
            ticket: r.ticket,
            citizenKey: r.citizen_key,
            text: complaintText({ text: r.text, details: r.what ? { what: r.what } : {} }),
          })),
        next: rows.at(-1)?.rowid ?? after,
      };
    },
    batch: (fn) => write(fn),
    watermark: () => Number(s.getValue.get(WATERMARK_KEY) ?? 0),
    setWatermark: (position) => withoutSync(db, durable, () => s.setValue.run(WATERMARK_KEY, String(position))),
  };
}
