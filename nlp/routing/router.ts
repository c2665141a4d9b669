// SOP step 5: which division of the agency a message belongs to. Each division is described in the agency JSON by
// a name, a description, example phrases and keywords; the router scores a message against each division by
// TF-IDF cosine over content terms plus keyword-phrase hits, and falls back to the agency's default division.
import type { Agency } from '../../src/domain/agency.js';
import type { Routing } from '../types.js';
import { prepareText, type PreparedText } from '../text/prepare.js';
import { contentTerms } from '../text/terms.js';
import { createIntegrityMatcher } from './integrity.js';

/** Below this score no division is recognised and the default division gets the case. */
export const MIN_ROUTING_SCORE = 0.12;
const KEYWORD_BONUS = 0.35;
const MAX_KEYWORD_HITS = 3;

interface Keyword {
  surface: string;
  terms: string[];
}

interface DivisionProfile {
  id: string;
  vector: Map<string, number>;
  keywords: Keyword[];
}

/** Routing for one agency, built once from its profile. */
export interface Router {
  route(text: string): Routing;
  /** Routes already-prepared text (avoids preparing it twice when the caller also classifies it). */
  routePrepared(p: PreparedText): Routing;
}

function termsOf(text: string): string[] {
  return contentTerms(prepareText(text));
}

function normalise(v: Map<string, number>): Map<string, number> {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (const [k, x] of v) v.set(k, x / norm);
  return v;
}

const NO_HITS: Keyword[] = [];

/** Options of createRouter. */
export interface RouterOptions {
  /**
   * Whether a message reports an integrity breach. Text understanding passes its model's reading here so that
   * `route` raises the 'integrity' flag exactly when `understand` does; without it the keyword list decides.
   */
  integrity?: (p: PreparedText) => boolean;
}

/** Builds the router for one agency profile (a few ms; done once at start-up). */
export function createRouter(agency: Agency, opts: RouterOptions = {}): Router {
  const docs = agency.divisions.map((d) => {
    const parts = [d.name, d.nameEn ?? '', d.description, ...d.examples, ...d.keywords, ...d.keywords];
    return parts.flatMap(termsOf);
  });
  const df = new Map<string, number>();
  for (const terms of docs) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const nDiv = agency.divisions.length;
  const idf = (t: string): number => Math.log(1 + (nDiv + 1) / ((df.get(t) ?? 0) + 0.5));

  const profiles: DivisionProfile[] = agency.divisions.map((d, i) => {
    const tf = new Map<string, number>();
    for (const t of docs[i] ?? []) tf.set(t, (tf.get(t) ?? 0) + 1);
    const vector = new Map<string, number>();
    for (const [t, n] of tf) vector.set(t, (1 + Math.log(n)) * idf(t));
    const keywords = d.keywords
      .map((k) => ({ surface: k.toLowerCase(), terms: termsOf(k) }))
      .filter((k) => k.terms.length > 0)
      .sort((a, b) => b.terms.length - a.terms.length);
    return { id: d.id, vector: normalise(vector), keywords };
  });
  const keywords = createIntegrityMatcher(agency.integrityKeywords);
  const integrity = opts.integrity ?? ((p: PreparedText): boolean => keywords.find(p.words) !== undefined);
  const fallback =
    agency.divisions.find((d) => d.id === agency.defaultDivision)?.id ?? agency.divisions[0]?.id ?? 'default';
  const integrityDivision = agency.divisions.find((d) => d.id === agency.integrityDivision)?.id;

  // Per-turn tables, built once: each term's IDF and its weight in every division (0 where it has none), and the
  // keywords indexed by their first term. routePrepared computes the same numbers as a Map per division would, in
  // the same order (test/nlp/fast-path.test.ts holds it to that reading).
  const nProfiles = profiles.length;
  const termTable = new Map<string, { idf: number; weights: Float64Array }>();
  for (const t of df.keys()) {
    const weights = new Float64Array(nProfiles);
    profiles.forEach((prof, d) => (weights[d] = prof.vector.get(t) ?? 0));
    termTable.set(t, { idf: idf(t), weights });
  }
  const unknownIdf = idf(''); // a term no division has
  const keywordsByFirst = new Map<string, Array<{ division: number; index: number; terms: string[] }>>();
  profiles.forEach((prof, division) =>
    prof.keywords.forEach((k, index) => {
      const first = k.terms[0] ?? '';
      const list = keywordsByFirst.get(first) ?? [];
      list.push({ division, index, terms: k.terms });
      keywordsByFirst.set(first, list);
    }),
  );
  const hitMarks = profiles.map((prof) => new Uint8Array(prof.keywords.length));
  const cosines = new Float64Array(nProfiles);

  function routePrepared(p: PreparedText): Routing {
    const terms = contentTerms(p);
    const flags: string[] = [];
    if (integrity(p)) flags.push('integrity');
    // The query vector: distinct terms in order of first use, (1 + log count) * idf, normalised.
    const unique: string[] = [];
    const weights: number[] = [];
    for (const t of terms) {
      const at = unique.indexOf(t);
      if (at >= 0) weights[at] = (weights[at] ?? 0) + 1;
      else {
        unique.push(t);
        weights.push(1);
      }
    }
    let norm = 0;
    for (let j = 0; j < unique.length; j++) {
      const w = (1 + Math.log(weights[j] ?? 1)) * (termTable.get(unique[j] ?? '')?.idf ?? unknownIdf);
      weights[j] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    cosines.fill(0);
    for (let j = 0; j < unique.length; j++) {
      const w = (weights[j] ?? 0) / norm;
      weights[j] = w;
      const row = termTable.get(unique[j] ?? '')?.weights;
      if (row) for (let d = 0; d < nProfiles; d++) cosines[d] = (cosines[d] ?? 0) + w * (row[d] ?? 0);
    }
    let anyHit = false;
    for (let i = 0; i < terms.length; i++) {
      const candidates = keywordsByFirst.get(terms[i] ?? '');
      if (!candidates) continue;
      for (const k of candidates) {
        if (i + k.terms.length > terms.length) continue;
        let j = 1;
        while (j < k.terms.length && terms[i + j] === k.terms[j]) j++;
        if (j < k.terms.length) continue;
        (hitMarks[k.division] as Uint8Array)[k.index] = 1;
        anyHit = true;
      }
    }
    const scored = profiles.map((prof, d) => {
      let hits: Keyword[] = NO_HITS;
      if (anyHit) {
        const marks = hitMarks[d] as Uint8Array;
        if (marks.includes(1)) {
          hits = prof.keywords.filter((_, index) => marks[index] === 1);
          marks.fill(0);
        }
      }
      const score = (cosines[d] ?? 0) + KEYWORD_BONUS * Math.min(hits.length, MAX_KEYWORD_HITS);
      return { prof, score, hits };
    });
    scored.sort((a, b) => b.score - a.score);
    const best = scored[0];
    const second = scored[1]?.score ?? 0;
    const keywords = anyHit ? [...new Set(scored.flatMap((s) => s.hits.map((h) => h.surface)))] : [];
    // An integrity report goes to the division the profile names for them, whatever service it speaks of.
    if (integrityDivision && flags.includes('integrity')) {
      return { division: integrityDivision, confidence: 0.99, topic: topicOf(unique, weights, best), flags, keywords };
    }
    if (!best || best.score < MIN_ROUTING_SCORE) {
      return { division: fallback, confidence: 0.2, topic: topicOf(unique, weights, undefined), flags, keywords };
    }
    // Confidence grows with the absolute score and with the margin over the runner-up.
    const strength = 1 - Math.exp(-3 * best.score);
    const margin = best.score / (best.score + second + 1e-9);
    const confidence = Math.max(0.05, Math.min(0.99, strength * (0.4 + 0.6 * margin)));
    return { division: best.prof.id, confidence, topic: topicOf(unique, weights, best), flags, keywords };
  }

  /** The first keyword hit, else the two distinct terms that weigh most (rarest across divisions), in message order. */
  function topicOf(
    unique: readonly string[],
    weights: readonly number[],
    best: { prof: DivisionProfile; hits: Keyword[] } | undefined,
  ): string {
    const hit = best?.hits[0];
    if (hit) return hit.surface;
    // The heaviest and the next heaviest, the earlier one on a tie (a stable sort by weight, then its first two).
    let first = -1;
    for (let j = 0; j < unique.length; j++) if (first < 0 || (weights[j] ?? 0) > (weights[first] ?? 0)) first = j;
    let second = -1;
    for (let j = 0; j < unique.length; j++) {
      if (j !== first && (second < 0 || (weights[j] ?? 0) > (weights[second] ?? 0))) second = j;
    }
    const out: string[] = [];
    for (let j = 0; j < unique.length; j++) if (j === first || j === second) out.push(unique[j] ?? '');
    return out.join(' ');
  }

  return { route: (text) => routePrepared(prepareText(text)), routePrepared };
}
