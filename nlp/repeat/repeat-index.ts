// SOP step 4: is this complaint a repeat of one already in the complaint book? An inverted index over content terms
// (synonyms merged, stemmed) scores earlier complaints by IDF-weighted cosine similarity. Lookups read only the
// postings of the query's rarest terms within a fixed budget (common terms: only their most recent entries), so a
// lookup costs about the same with a thousand or a million stored complaints; candidates are then re-scored exactly.
import type { RepeatCandidate, RepeatIndex } from '../types.js';
import { facetAgreement, facetsOf, repeatTerms as featureTerms, type Facets } from './features.js';
import { ensureFloat32, ensureInt32, ensureUint8 } from './growable.js';

/** Tuning of the index; the defaults keep a lookup under 1 ms at a million stored complaints. */
export interface RepeatIndexOptions {
  /** Minimum similarity (0..1) for an earlier complaint to count as a repeat. */
  threshold?: number;
  /** Postings read per lookup, shared among the query terms, rarest first (a term always gets at least 200). */
  scanBudget?: number;
  /** At most this many query terms (the rarest) are looked up. */
  maxQueryTerms?: number;
  /** Candidates re-scored exactly per lookup. */
  candidates?: number;
  /** At most this many of the citizen's own latest complaints are compared directly. */
  maxCitizenDocs?: number;
}

/** Chosen on nlp/corpus/repeat-pairs.tsv (precision 0.96, recall 0.86 there); see nlp/repeat/README.md. */
export const DEFAULT_REPEAT_THRESHOLD = 0.55;

/** The RepeatIndex contract plus a settable threshold and a direct similarity, for tests and evaluation. */
export interface TunableRepeatIndex extends RepeatIndex {
  threshold: number;
  /** Similarity of two texts on the index's current term statistics (for tests and evaluation). */
  similarity(a: string, b: string): number;
}

/** Unique terms of a text, in order of first appearance (content terms plus NOP and counter numbers). */
export function repeatTerms(text: string): string[] {
  return featureTerms(text);
}

/**
 * Similarity of two complaints from their weighted overlap: the cosine, blended with how much of the shorter one the
 * longer contains (a formal paraphrase adds words the short original never had: "Proses validasi BPHTB atas akta jual
 * beli kami ... tanpa kejelasan"). Containment counts fully only when the shorter one has at least 3 terms, so "SPPT"
 * alone is not contained in every SPPT complaint.
 */
export function blend(dot: number, normSqA: number, normSqB: number, termsA: number, termsB: number): number {
  const cosine = dot / Math.sqrt(normSqA * normSqB);
  const shorter = normSqA <= normSqB ? { normSq: normSqA, terms: termsA } : { normSq: normSqB, terms: termsB };
  const containment = (dot / shorter.normSq) * Math.min(1, shorter.terms / 3);
  return Math.min(1, (1 - CONTAINMENT_WEIGHT) * cosine + CONTAINMENT_WEIGHT * Math.min(1, containment));
}

/** Share of the similarity given to containment (chosen on nlp/corpus/repeat-pairs.tsv). */
export const CONTAINMENT_WEIGHT = 0.2;

/** A text as the index weighs it: term ids with their idf weights, the norm, the term count, its facets. */
export interface RepeatQuery {
  weights: Map<number, number>;
  norm: number;
  /** Number of terms (known or not). */
  size: number;
  facets: Facets;
}

/** The similarity of two texts already weighed by the same index (the in-memory one and the one kept in a store). */
export function querySimilarity(qa: RepeatQuery, qb: RepeatQuery): number {
  let dot = 0;
  for (const [t, w] of qa.weights) if (qb.weights.has(t)) dot += w * w;
  if (!qa.norm || !qb.norm || dot === 0) return 0;
  return blend(dot, qa.norm ** 2, qb.norm ** 2, qa.size, qb.size) * facetAgreement(qa.facets, qb.facets);
}

/** Creates an empty index; fill it with `add` from the store at start-up. */
export function createRepeatIndex(options: RepeatIndexOptions = {}): TunableRepeatIndex {
  const scanBudget = options.scanBudget ?? 12_000;
  const maxQueryTerms = options.maxQueryTerms ?? 12;
  const nCandidates = options.candidates ?? 40;
  const maxCitizenDocs = options.maxCitizenDocs ?? 200;

  const vocab = new Map<string, number>();
  let df: Int32Array = new Int32Array(1024);
  const postings: Int32Array[] = [];
  let postLen: Int32Array = new Int32Array(1024);

  const tickets: string[] = [];
  const ticketDoc = new Map<string, number>();
  let docCitizen: Int32Array = new Int32Array(1024);
  let docStart: Int32Array = new Int32Array(1024);
  let docLen: Uint8Array = new Uint8Array(1024);
  let alive: Uint8Array = new Uint8Array(1024);
  // Object and problem facets of each document (see features.ts).
  let docTaxes: Int32Array = new Int32Array(1024);
  let docObjects: Int32Array = new Int32Array(1024);
  let docProcedures: Int32Array = new Int32Array(1024);
  let docProblems: Int32Array = new Int32Array(1024);
  let pool: Int32Array = new Int32Array(1 << 16);
  let poolUsed = 0;
  let nAlive = 0;

  const citizenIds = new Map<string, number>();
  const citizenDocs: number[][] = [];

  let acc: Float32Array = new Float32Array(1024);
  let touched: Int32Array = new Int32Array(1024);
  let candIds: Int32Array = new Int32Array(1024);
  let candScores: Float32Array = new Float32Array(1024);
  let selectBuf: Float32Array = new Float32Array(1024);

  /** Ids of the (at most) k best-scoring of the first n candidates, found with a quickselect (no sorting, no allocation per doc). */
  function topCandidates(n: number, k: number): number[] {
    if (n <= k) return Array.from(candIds.subarray(0, n));
    selectBuf = ensureFloat32(selectBuf, n);
    selectBuf.set(candScores.subarray(0, n));
    // k-th largest = (n - k)-th smallest.
    let lo = 0;
    let hi = n - 1;
    const want = n - k;
    while (lo < hi) {
      const pivot = selectBuf[(lo + hi) >>> 1] as number;
      let i = lo;
      let j = hi;
      while (i <= j) {
        while ((selectBuf[i] as number) < pivot) i++;
        while ((selectBuf[j] as number) > pivot) j--;
        if (i <= j) {
          const tmp = selectBuf[i] as number;
          selectBuf[i] = selectBuf[j] as number;
          selectBuf[j] = tmp;
          i++;
          j--;
        }
      }
      if (want <= j) hi = j;
      else if (want >= i) lo = i;
      else break;
    }
    const kth = selectBuf[want] as number;
    const out: number[] = [];
    for (let i = 0; i < n && out.length < k; i++) if ((candScores[i] as number) > kth) out.push(candIds[i] as number);
    for (let i = 0; i < n && out.length < k; i++) if ((candScores[i] as number) === kth) out.push(candIds[i] as number);
    return out;
  }

  const idf = (t: number): number => Math.log(1 + (nAlive + 1) / ((df[t] ?? 0) + 0.5));
  const idfUnknown = (): number => Math.log(1 + (nAlive + 1) / 0.5);

  function termId(term: string): number {
    let id = vocab.get(term);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(term, id);
      df = ensureInt32(df, id);
      postLen = ensureInt32(postLen, id);
      postings.push(new Int32Array(4));
    }
    return id;
  }

  function citizenId(key: string): number {
    let id = citizenIds.get(key);
    if (id === undefined) {
      id = citizenIds.size;
      citizenIds.set(key, id);
      citizenDocs.push([]);
    }
    return id;
  }

  function remove(ticket: string): void {
    const d = ticketDoc.get(ticket);
    if (d === undefined) return;
    ticketDoc.delete(ticket);
    if (!alive[d]) return;
    alive[d] = 0;
    nAlive--;
    const start = docStart[d] ?? 0;
    for (let i = 0; i < (docLen[d] ?? 0); i++) {
      const t = pool[start + i] ?? 0;
      df[t] = (df[t] ?? 1) - 1;
    }
  }

  function add(doc: { ticket: string; citizenKey: string; text: string }): void {
    remove(doc.ticket);
    const d = tickets.length;
    tickets.push(doc.ticket);
    ticketDoc.set(doc.ticket, d);
    const cid = citizenId(doc.citizenKey);
    citizenDocs[cid]?.push(d);
    docCitizen = ensureInt32(docCitizen, d);
    docStart = ensureInt32(docStart, d);
    docLen = ensureUint8(docLen, d);
    alive = ensureUint8(alive, d);
    docTaxes = ensureInt32(docTaxes, d);
    docObjects = ensureInt32(docObjects, d);
    docProcedures = ensureInt32(docProcedures, d);
    docProblems = ensureInt32(docProblems, d);
    docCitizen[d] = cid;
    const words = repeatTerms(doc.text);
    const facets = facetsOf(words);
    docTaxes[d] = facets.taxes;
    docObjects[d] = facets.objects;
    docProcedures[d] = facets.procedures;
    docProblems[d] = facets.problems;
    const terms = words.map(termId);
    pool = ensureInt32(pool, poolUsed + terms.length);
    docStart[d] = poolUsed;
    docLen[d] = terms.length;
    for (const t of terms) {
      pool[poolUsed++] = t;
      df[t] = (df[t] ?? 0) + 1;
      const n = postLen[t] ?? 0;
      const list = ensureInt32(postings[t] ?? new Int32Array(4), n);
      list[n] = d;
      postings[t] = list;
      postLen[t] = n + 1;
    }
    alive[d] = 1;
    nAlive++;
  }

  function docNormSq(d: number): number {
    let s = 0;
    const start = docStart[d] ?? 0;
    for (let i = 0; i < (docLen[d] ?? 0); i++) {
      const w = idf(pool[start + i] ?? 0);
      s += w * w;
    }
    return s;
  }

  function exactSimilarity(d: number, q: RepeatQuery): number {
    let dot = 0;
    const start = docStart[d] ?? 0;
    for (let i = 0; i < (docLen[d] ?? 0); i++) {
      const w = q.weights.get(pool[start + i] ?? -1);
      if (w !== undefined) dot += w * w;
    }
    if (dot === 0) return 0;
    const facets = {
      taxes: docTaxes[d] ?? 0,
      objects: docObjects[d] ?? 0,
      procedures: docProcedures[d] ?? 0,
      problems: docProblems[d] ?? 0,
    };
    return blend(dot, q.norm * q.norm, docNormSq(d), q.size, docLen[d] ?? 0) * facetAgreement(q.facets, facets);
  }

  function query(text: string): RepeatQuery {
    const weights = new Map<number, number>();
    let normSq = 0;
    const words = repeatTerms(text);
    for (const term of words) {
      const id = vocab.get(term);
      const w = id === undefined || (df[id] ?? 0) === 0 ? idfUnknown() : idf(id);
      normSq += w * w;
      if (id !== undefined && (df[id] ?? 0) > 0) weights.set(id, w);
    }
    return { weights, norm: Math.sqrt(normSq), size: words.length, facets: facetsOf(words) };
  }

  function findSimilar(text: string, citizenKey: string, limit = 5): RepeatCandidate[] {
    const q = query(text);
    if (q.weights.size === 0 || nAlive === 0) return [];
    const threshold = index.threshold;
    acc = ensureFloat32(acc, tickets.length);
    const terms = [...q.weights.entries()].sort((a, b) => b[1] - a[1]).slice(0, maxQueryTerms);
    let nTouched = 0;
    let budget = scanBudget;
    touched = ensureInt32(touched, scanBudget + 200 * terms.length + 1);
    for (let ti = 0; ti < terms.length; ti++) {
      const entry = terms[ti];
      if (!entry) continue;
      const t = entry[0];
      const w = entry[1];
      const list = postings[t];
      if (!list) continue;
      const len = postLen[t] ?? 0;
      const w2 = w * w;
      // Rare terms have short lists and are read whole; a common term gets its share of what is left, newest first.
      const cap = Math.max(200, Math.floor(budget / (terms.length - ti)));
      const from = Math.max(0, len - cap);
      budget -= len - from;
      for (let j = from; j < len; j++) {
        const d = list[j] as number;
        if (alive[d] === 0) continue;
        const before = acc[d] as number;
        if (before === 0) touched[nTouched++] = d;
        acc[d] = before + w2;
      }
    }
    // A document reaches the threshold only if its cosine reaches (threshold - c) / (1 - c), c the containment weight
    // (containment is at most 1), and a cosine c' needs a dot product >= c'^2 * |q|^2 (the document's norm is at
    // least the square root of the dot product); half of that bound, since common terms were read only in part.
    const minCosine = Math.max(0, (threshold - CONTAINMENT_WEIGHT) / (1 - CONTAINMENT_WEIGHT));
    const minDot = minCosine * minCosine * q.norm * q.norm * 0.5;
    candIds = ensureInt32(candIds, nTouched);
    candScores = ensureFloat32(candScores, nTouched);
    let nCand = 0;
    for (let i = 0; i < nTouched; i++) {
      const d = touched[i] as number;
      const sc = acc[d] as number;
      acc[d] = 0;
      if (sc < minDot) continue;
      candIds[nCand] = d;
      candScores[nCand++] = sc;
    }
    const best = topCandidates(nCand, nCandidates);
    const seen = new Set<number>();
    const out: RepeatCandidate[] = [];
    const cid = citizenIds.get(citizenKey);
    const consider = (d: number): void => {
      if (seen.has(d) || !alive[d]) return;
      seen.add(d);
      const similarity = exactSimilarity(d, q);
      if (similarity >= threshold)
        out.push({ ticket: tickets[d] ?? '', similarity, sameCitizen: cid !== undefined && docCitizen[d] === cid });
    };
    for (const d of best) consider(d);
    if (cid !== undefined) {
      const own = citizenDocs[cid] ?? [];
      for (let i = Math.max(0, own.length - maxCitizenDocs); i < own.length; i++) consider(own[i] ?? 0);
    }
    out.sort((a, b) => b.similarity - a.similarity || Number(b.sameCitizen) - Number(a.sameCitizen));
    return out.slice(0, Math.max(0, limit));
  }

  const index: TunableRepeatIndex = {
    threshold: options.threshold ?? DEFAULT_REPEAT_THRESHOLD,
    add,
    remove,
    findSimilar,
    get size() {
      return nAlive;
    },
    similarity: (a: string, b: string) => querySimilarity(query(a), query(b)),
  };
  return index;
}
