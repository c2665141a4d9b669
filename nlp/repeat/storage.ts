// Where a stored repeat index keeps its postings and documents (stored-index.ts): a synchronous port, implemented by
// the SQLite store (src/store/sqlite/repeat-storage.ts), so the index lives in the complaint book itself and start-up
// does not read every complaint again. Only the vocabulary (term → id, document frequency) is held in memory.
import type { Facets } from './features.js';

/** One complaint as the index keeps it: its term ids (in order of first appearance) and facets. */
export interface StoredRepeatDoc {
  doc: number;
  ticket: string;
  citizenKey: string;
  terms: Int32Array;
  facets: Facets;
}

/** A term of the vocabulary and how many indexed complaints contain it. */
export interface TermCount {
  id: number;
  term: string;
  df: number;
}

export interface RepeatStorage {
  /** The whole vocabulary (tens of thousands of terms, not one row per complaint). */
  loadTerms(): TermCount[];
  /** One term as stored now (another process on the same store may have added it), or null. */
  findTerm(term: string): TermCount | null;
  /** How many complaints are indexed. */
  countDocs(): number;
  /** Documents containing the term, newest first, at most `limit`. */
  postings(termId: number, limit: number): number[];
  /** These documents (those still indexed). */
  docs(ids: readonly number[]): StoredRepeatDoc[];
  /** The citizen's latest indexed documents, at most `limit`. */
  citizenDocs(citizenKey: string, limit: number): number[];
  /** Indexes a complaint (replacing one with the same ticket); returns its terms as now counted. */
  addDoc(doc: { ticket: string; citizenKey: string; terms: readonly string[]; facets: Facets }): {
    terms: TermCount[];
    replaced: boolean;
  };
  /** Takes a complaint out; returns its terms as now counted (empty when it was not indexed). */
  removeDoc(ticket: string): TermCount[];
  /**
   * Complaints of the store that are not indexed yet (written by a process that stopped before indexing them, or
   * before the index existed), after position `after`, oldest first; `next` is where the next call starts.
   */
  unindexed(
    after: number,
    limit: number,
  ): { items: Array<{ ticket: string; citizenKey: string; text: string }>; next: number };
  /** Runs `fn` (several addDoc calls) as one write, so indexing a backlog is not one transaction per complaint. */
  batch<T>(fn: () => T): T;
  /** The position up to which every complaint is known to be indexed (kept across restarts). */
  watermark(): number;
  setWatermark(position: number): void;
}
