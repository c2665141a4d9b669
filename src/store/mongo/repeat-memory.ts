// The repeat index's storage port (nlp/repeat/storage.ts) held in memory, for the MongoDB store: the port is
// synchronous (a lookup runs inside the handling of a message), a MongoDB read is not, so the index is loaded from
// the repeat_docs collection at start (repeat-storage.ts) and served from here; every change is handed to `persist`
// for MongoDB. Postings and a citizen's documents are kept in ascending document id order (newest last).
import type { Facets } from '../../../nlp/repeat/features.js';
import type { RepeatStorage, StoredRepeatDoc, TermCount } from '../../../nlp/repeat/storage.js';
import { ensureInt32 } from '../../../nlp/repeat/growable.js';

/** What the memory tells MongoDB: a complaint indexed (its terms as words) or taken out. */
export type RepeatChange =
  { op: 'add'; ticket: string; citizenKey: string; terms: string[]; facets: Facets } | { op: 'remove'; ticket: string };

export interface MemoryRepeatStorage extends RepeatStorage {
  /** Applies a change read from MongoDB (another instance's, or the load): not handed to `persist` again. */
  apply(change: RepeatChange): void;
  /** The words of an indexed complaint, or null (to tell whether a change read back is already here). */
  termsOf(ticket: string): string[] | null;
}

/** A growable list of document ids, ascending (postings of a term, documents of a citizen). */
interface IdList {
  ids: Int32Array;
  n: number;
}

const push = (list: IdList, id: number): void => {
  list.ids = ensureInt32(list.ids, list.n);
  list.ids[list.n++] = id;
};
const drop = (list: IdList, id: number): void => {
  const i = list.ids.subarray(0, list.n).lastIndexOf(id);
  if (i < 0) return;
  list.ids.copyWithin(i, i + 1, list.n);
  list.n -= 1;
};
const newestFirst = (list: IdList | undefined, limit: number): number[] => {
  const out: number[] = [];
  for (let i = (list?.n ?? 0) - 1; i >= 0 && out.length < limit; i--) out.push(list!.ids[i] as number);
  return out;
};

/**
 * An empty index; `persist` gets every change made through the port (not those given to `apply`). Documents are kept
 * in flat typed arrays (their terms in one pool, ids per term in one growable array each), not an object each: a
 * million complaints are held in a few hundred megabytes instead of twice that.
 */
export function memoryRepeatStorage(persist: (change: RepeatChange) => void): MemoryRepeatStorage {
  const terms = new Map<string, TermCount>();
  const termById = new Map<number, TermCount>();
  let nextTerm = 1;
  // Per document id: ticket (undefined once removed), citizen, where its terms are in the pool, its facets.
  const tickets: Array<string | undefined> = [undefined];
  let citizenOf: Int32Array = new Int32Array(1024);
  let start: Int32Array = new Int32Array(1024);
  let length: Int32Array = new Int32Array(1024);
  let facets = new Float64Array(4096);
  let pool: Int32Array = new Int32Array(8192);
  let used = 0;
  let alive = 0;
  const byTicket = new Map<string, number>();
  const postings = new Map<number, IdList>();
  const citizenIds = new Map<string, number>();
  const citizenKeys: string[] = [];
  const ofCitizen: IdList[] = [];

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
  const citizen = (key: string): number => {
    let c = citizenIds.get(key);
    if (c === undefined) {
      c = citizenKeys.length;
      citizenIds.set(key, c);
      citizenKeys.push(key);
      ofCitizen.push({ ids: new Int32Array(2), n: 0 });
    }
    return c;
  };
  const termsOfDoc = (id: number): Int32Array => pool.subarray(start[id]!, start[id]! + length[id]!);
  const stored = (id: number): StoredRepeatDoc => ({
    doc: id,
    ticket: tickets[id]!,
    citizenKey: citizenKeys[citizenOf[id]!]!,
    terms: termsOfDoc(id).slice(),
    facets: {
      taxes: facets[id * 4]!,
      objects: facets[id * 4 + 1]!,
      procedures: facets[id * 4 + 2]!,
      problems: facets[id * 4 + 3]!,
    },
  });

  function add(doc: { ticket: string; citizenKey: string; terms: readonly string[]; facets: Facets }) {
    const replaced = byTicket.has(doc.ticket);
    remove(doc.ticket);
    const counted = doc.terms.map(count);
    const id = tickets.length;
    tickets.push(doc.ticket);
    citizenOf = ensureInt32(citizenOf, id);
    start = ensureInt32(start, id);
    length = ensureInt32(length, id);
    if (facets.length < (id + 1) * 4) {
      const grown = new Float64Array(facets.length * 2);
      grown.set(facets);
      facets = grown;
    }
    pool = ensureInt32(pool, used + counted.length);
    start[id] = used;
    length[id] = counted.length;
    for (const t of counted) pool[used++] = t.id;
    const c = citizen(doc.citizenKey);
    citizenOf[id] = c;
    facets.set([doc.facets.taxes, doc.facets.objects, doc.facets.procedures, doc.facets.problems], id * 4);
    byTicket.set(doc.ticket, id);
    alive += 1;
    for (const t of new Set(counted.map((x) => x.id))) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = { ids: new Int32Array(2), n: 0 }));
      push(list, id);
    }
    push(ofCitizen[c]!, id);
    return { terms: counted, replaced };
  }

  function remove(ticket: string): TermCount[] {
    const id = byTicket.get(ticket);
    if (id === undefined) return [];
    const own = termsOfDoc(id).slice();
    byTicket.delete(ticket);
    tickets[id] = undefined;
    alive -= 1;
    drop(ofCitizen[citizenOf[id]!]!, id);
    for (const t of new Set(own)) {
      const list = postings.get(t);
      if (!list) continue;
      drop(list, id);
      if (list.n === 0) postings.delete(t);
    }
    return [...own].map((t) => {
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

  return {
    loadTerms: () => [...terms.values()].map((t) => ({ ...t })),
    findTerm: (term) => {
      const t = terms.get(term);
      return t ? { ...t } : null;
    },
    countDocs: () => alive,
    postings: (termId, limit) => newestFirst(postings.get(termId), limit),
    // In id order, as SQLite reads them: equal scores then rank the same in both stores.
    docs: (ids) => [...ids].sort((a, b) => a - b).flatMap((id) => (tickets[id] === undefined ? [] : [stored(id)])),
    citizenDocs: (key, limit) => {
      const c = citizenIds.get(key);
      return c === undefined ? [] : newestFirst(ofCitizen[c], limit);
    },
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
      return id === undefined ? null : [...termsOfDoc(id)].map((t) => termById.get(t)?.term ?? '');
    },
  };
}
