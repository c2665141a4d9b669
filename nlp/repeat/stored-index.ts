// The repeat index kept in the store (storage.ts) instead of rebuilt in memory at every start: the same terms,
// facets and score as repeat-index.ts, with postings and documents read from the store per lookup (within the same
// fixed budget, newest first) and only the vocabulary in memory. Start-up loads the vocabulary and indexes only the
// complaints written since the last run that were not indexed then (catchUp), so it costs the same at a thousand or
// a million stored complaints.
import type { RepeatCandidate } from '../types.js';
import { facetAgreement, facetsOf, repeatTerms } from './features.js';
import {
  blend,
  CONTAINMENT_WEIGHT,
  DEFAULT_REPEAT_THRESHOLD,
  querySimilarity,
  type RepeatQuery,
  type TunableRepeatIndex,
} from './repeat-index.js';
import { ensureInt32 } from './growable.js';
import { ScoreTable } from './score-table.js';
import type { RepeatStorage, StoredRepeatDoc, TermCount } from './storage.js';

export interface StoredRepeatIndexOptions {
  threshold?: number;
  /** Postings read per lookup, shared among the query terms, rarest first (a term always gets at least 200). */
  scanBudget?: number;
  maxQueryTerms?: number;
  candidates?: number;
  maxCitizenDocs?: number;
  /**
   * Called when indexing a new complaint fails (the disk is full): the complaint is already committed, so the
   * failure is reported rather than thrown, and the next start's catchUp indexes it.
   */
  onError?: (err: Error) => void;
}

export interface StoredRepeatIndex extends TunableRepeatIndex {
  /** Indexes the store's complaints not indexed yet; returns how many. */
  catchUp(batchSize?: number): number;
}

/** Opens the index kept in `storage`, loading its vocabulary. */
export function openStoredRepeatIndex(
  storage: RepeatStorage,
  options: StoredRepeatIndexOptions = {},
): StoredRepeatIndex {
  const scanBudget = options.scanBudget ?? 12_000;
  const maxQueryTerms = options.maxQueryTerms ?? 12;
  const nCandidates = options.candidates ?? 40;
  const maxCitizenDocs = options.maxCitizenDocs ?? 200;

  const vocab = new Map<string, number>();
  let df: Int32Array = new Int32Array(1024);
  const note = (t: TermCount): void => {
    vocab.set(t.term, t.id);
    df = ensureInt32(df, t.id);
    df[t.id] = t.df;
  };
  for (const t of storage.loadTerms()) note(t);
  let nAlive = storage.countDocs();

  const idf = (id: number): number => Math.log(1 + (nAlive + 1) / ((df[id] ?? 0) + 0.5));
  const idfUnknown = (): number => Math.log(1 + (nAlive + 1) / 0.5);

  /** A term's id: from memory, or from the store when another process added it since. */
  function lookupTerm(term: string): number | undefined {
    const known = vocab.get(term);
    if (known !== undefined) return known;
    const found = storage.findTerm(term);
    if (found) note(found);
    return found?.id;
  }

  function query(text: string): RepeatQuery {
    const weights = new Map<number, number>();
    let normSq = 0;
    const words = repeatTerms(text);
    for (const term of words) {
      const id = lookupTerm(term);
      const w = id === undefined || (df[id] ?? 0) === 0 ? idfUnknown() : idf(id);
      normSq += w * w;
      if (id !== undefined && (df[id] ?? 0) > 0) weights.set(id, w);
    }
    return { weights, norm: Math.sqrt(normSq), size: words.length, facets: facetsOf(words) };
  }

  // Scores per document while a lookup adds up its postings (emptied after each lookup).
  const acc = new ScoreTable(scanBudget + 200 * maxQueryTerms);

  function exactSimilarity(d: StoredRepeatDoc, q: RepeatQuery): number {
    let dot = 0;
    let normSq = 0;
    for (const t of d.terms) {
      const w = idf(t);
      normSq += w * w;
      const qw = q.weights.get(t);
      if (qw !== undefined) dot += qw * qw;
    }
    if (dot === 0) return 0;
    return blend(dot, q.norm * q.norm, normSq, q.size, d.terms.length) * facetAgreement(q.facets, d.facets);
  }

  function findSimilar(text: string, citizenKey: string, limit = 5): RepeatCandidate[] {
    const q = query(text);
    if (q.weights.size === 0 || nAlive === 0) return [];
    const threshold = index.threshold;
    const terms = [...q.weights.entries()].sort((a, b) => b[1] - a[1]).slice(0, maxQueryTerms);
    let budget = scanBudget;
    terms.forEach(([t, w], ti) => {
      // Rare terms have short lists and are read whole; a common term gets its share of what is left, newest first.
      const cap = Math.max(200, Math.floor(budget / (terms.length - ti)));
      const list = storage.postings(t, cap);
      budget -= list.length;
      const ww = w * w;
      for (const d of list) acc.add(d, ww);
    });
    // The same bound as repeat-index.ts: a document below it cannot reach the threshold.
    const minCosine = Math.max(0, (threshold - CONTAINMENT_WEIGHT) / (1 - CONTAINMENT_WEIGHT));
    const minDot = minCosine * minCosine * q.norm * q.norm * 0.5;
    const ids: number[] = [];
    const scores: number[] = [];
    acc.drain((d, sc) => {
      if (sc < minDot) return;
      ids.push(d);
      scores.push(sc);
    });
    const best = topIds(ids, scores, nCandidates);
    const own = storage.citizenDocs(citizenKey, maxCitizenDocs);
    const out: RepeatCandidate[] = [];
    for (const d of storage.docs([...new Set([...best, ...own])])) {
      const similarity = exactSimilarity(d, q);
      if (similarity >= threshold) out.push({ ticket: d.ticket, similarity, sameCitizen: d.citizenKey === citizenKey });
    }
    out.sort((a, b) => b.similarity - a.similarity || Number(b.sameCitizen) - Number(a.sameCitizen));
    return out.slice(0, Math.max(0, limit));
  }

  function add(doc: { ticket: string; citizenKey: string; text: string }): void {
    if (!options.onError) return addNow(doc);
    try {
      addNow(doc);
    } catch (err) {
      options.onError(err as Error);
    }
  }

  function addNow(doc: { ticket: string; citizenKey: string; text: string }): void {
    const words = repeatTerms(doc.text);
    const r = storage.addDoc({ ticket: doc.ticket, citizenKey: doc.citizenKey, terms: words, facets: facetsOf(words) });
    for (const t of r.terms) note(t);
    if (!r.replaced) nAlive += 1;
  }

  function remove(ticket: string): void {
    const counted = storage.removeDoc(ticket);
    for (const t of counted) note(t);
    if (counted.length) nAlive -= 1;
  }

  function catchUp(batchSize = 2000): number {
    let after = storage.watermark();
    let added = 0;
    for (;;) {
      const { items, next } = storage.unindexed(after, batchSize);
      storage.batch(() => {
        for (const item of items) addNow(item);
      });
      added += items.length;
      storage.setWatermark(next);
      if (next === after) return added;
      after = next;
    }
  }

  const index: StoredRepeatIndex = {
    threshold: options.threshold ?? DEFAULT_REPEAT_THRESHOLD,
    add,
    remove,
    findSimilar,
    catchUp,
    get size() {
      return nAlive;
    },
    similarity: (a: string, b: string) => querySimilarity(query(a), query(b)),
  };
  return index;
}

/** The ids of the (at most) k highest scores; among equal scores at the cut, the newest (highest id) first. */
function topIds(ids: number[], scores: number[], k: number): number[] {
  if (ids.length <= k) return ids;
  const sorted = Float32Array.from(scores).sort();
  const kth = sorted[sorted.length - k] as number;
  const out = ids.filter((_, i) => (scores[i] as number) > kth);
  const ties = ids.filter((_, i) => (scores[i] as number) === kth).sort((a, b) => b - a);
  return [...out, ...ties.slice(0, k - out.length)];
}
