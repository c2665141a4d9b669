// The repeat index's storage port (nlp/repeat/storage.ts) held in memory, for the MongoDB store: the port is
// synchronous (a lookup runs inside the handling of a message), a MongoDB read is not, so the index is loaded from
// the repeat_docs collection at start (repeat-storage.ts) and served from here; every change is handed to `persist`
// for MongoDB. Postings and a citizen's documents are kept in ascending document id order (newest last).
import type { Facets } from '../../../nlp/repeat/features.js';
import type { RepeatStorage, StoredRepeatDoc, TermCount } from '../../../nlp/repeat/storage.js';

/** What the memory tells MongoDB: a complaint indexed (its terms as words) or taken out. */
export type RepeatChange =
  { op: 'add'; ticket: string; citizenKey: string; terms: string[]; facets: Facets } | { op: 'remove'; ticket: string };

export interface MemoryRepeatStorage extends RepeatStorage {
  /** Applies a change read from MongoDB (another instance's, or the load): not handed to `persist` again. */
  apply(change: RepeatChange): void;
  /** The words of an indexed complaint, or null (to tell whether a change read back is already here). */
  termsOf(ticket: string): string[] | null;
}

/** An empty index; `persist` gets every change made through the port (not those given to `apply`). */
export function memoryRepeatStorage(persist: (change: RepeatChange) => void): MemoryRepeatStorage {
  const terms = new Map<string, TermCount>();
  const termById = new Map<number, TermCount>();
  let nextTerm = 1;
  const docs = new Map<number, StoredRepeatDoc>();
  const byTicket = new Map<string, number>();
  const postings = new Map<number, number[]>();
  const ofCitizen = new Map<string, number[]>();
  let nextDoc = 1;

  const count = (term: string): TermCount => {
    let t = terms.get(term);
    if (!t) {
      t = { id: nextTerm++, term, df: 0 };
      terms.set(term, t);
      termById.set(t.id, t);
    }
    t.df += 1;
    return { ...t };
  };
  const without = (list: number[] | undefined, doc: number): number[] => (list ?? []).filter((d) => d !== doc);

  function add(doc: { ticket: string; citizenKey: string; terms: readonly string[]; facets: Facets }) {
    const replaced = byTicket.has(doc.ticket);
    remove(doc.ticket);
    const counted = doc.terms.map(count);
    const id = nextDoc++;
    const ids = Int32Array.from(counted, (t) => t.id);
    docs.set(id, { doc: id, ticket: doc.ticket, citizenKey: doc.citizenKey, terms: ids, facets: { ...doc.facets } });
    byTicket.set(doc.ticket, id);
    for (const t of new Set(ids)) {
      const list = postings.get(t);
      if (list) list.push(id);
      else postings.set(t, [id]);
    }
    const own = ofCitizen.get(doc.citizenKey);
    if (own) own.push(id);
    else ofCitizen.set(doc.citizenKey, [id]);
    return { terms: counted, replaced };
  }

  function remove(ticket: string): TermCount[] {
    const id = byTicket.get(ticket);
    if (id === undefined) return [];
    const d = docs.get(id)!;
    docs.delete(id);
    byTicket.delete(ticket);
    const left = without(ofCitizen.get(d.citizenKey), id);
    if (left.length) ofCitizen.set(d.citizenKey, left);
    else ofCitizen.delete(d.citizenKey);
    for (const t of new Set(d.terms)) {
      const list = without(postings.get(t), id);
      if (list.length) postings.set(t, list);
      else postings.delete(t);
    }
    return [...d.terms].map((t) => {
      const term = termById.get(t)!;
      term.df = Math.max(0, term.df - 1);
      // A word no complaint uses any more leaves the vocabulary (it may be an erased citizen's name), as in SQLite.
      if (term.df === 0) {
        terms.delete(term.term);
        termById.delete(t);
      }
      return { ...term };
    });
  }

  const newestFirst = (list: number[] | undefined, limit: number): number[] =>
    list ? list.slice(Math.max(0, list.length - limit)).reverse() : [];

  return {
    loadTerms: () => [...terms.values()].map((t) => ({ ...t })),
    findTerm: (term) => {
      const t = terms.get(term);
      return t ? { ...t } : null;
    },
    countDocs: () => docs.size,
    postings: (termId, limit) => newestFirst(postings.get(termId), limit),
    // In id order, as SQLite reads them: equal scores then rank the same in both stores.
    docs: (ids) => [...ids].sort((a, b) => a - b).flatMap((id) => docs.get(id) ?? []),
    citizenDocs: (key, limit) => newestFirst(ofCitizen.get(key), limit),
    addDoc(doc) {
      const r = add(doc);
      persist({ op: 'add', ticket: doc.ticket, citizenKey: doc.citizenKey, terms: [...doc.terms], facets: doc.facets });
      return r;
    },
    removeDoc(ticket) {
      const r = remove(ticket);
      if (r.length) persist({ op: 'remove', ticket });
      return r;
    },
    // Loading caught up with the complaints not indexed yet (repeat-storage.ts): nothing is left for catchUp.
    unindexed: (after) => ({ items: [], next: after }),
    batch: (fn) => fn(),
    watermark: () => 0,
    setWatermark: () => {},
    apply(change) {
      if (change.op === 'remove') remove(change.ticket);
      else add(change);
    },
    termsOf(ticket) {
      const id = byTicket.get(ticket);
      const d = id === undefined ? undefined : docs.get(id);
      return d ? [...d.terms].map((t) => termById.get(t)?.term ?? '') : null;
    },
  };
}
