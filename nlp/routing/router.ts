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

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

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

  function routePrepared(p: PreparedText): Routing {
    const terms = contentTerms(p);
    const flags: string[] = [];
    if (integrity(p)) flags.push('integrity');
    const q = new Map<string, number>();
    for (const t of terms) q.set(t, (q.get(t) ?? 0) + 1);
    for (const [t, n] of q) q.set(t, (1 + Math.log(n)) * idf(t));
    normalise(q);

    const scored = profiles.map((prof) => {
      let cosine = 0;
      for (const [t, w] of q) cosine += w * (prof.vector.get(t) ?? 0);
      const hits = prof.keywords.filter((k) => containsSequence(terms, k.terms));
      const score = cosine + KEYWORD_BONUS * Math.min(hits.length, MAX_KEYWORD_HITS);
      return { prof, score, hits };
    });
    scored.sort((a, b) => b.score - a.score);
    const best = scored[0];
    const second = scored[1]?.score ?? 0;
    const keywords = [...new Set(scored.flatMap((s) => s.hits.map((h) => h.surface)))];
    // An integrity report goes to the division the profile names for them, whatever service it speaks of.
    if (integrityDivision && flags.includes('integrity')) {
      return { division: integrityDivision, confidence: 0.99, topic: topicOf(terms, q, best), flags, keywords };
    }
    if (!best || best.score < MIN_ROUTING_SCORE) {
      return { division: fallback, confidence: 0.2, topic: topicOf(terms, q, undefined), flags, keywords };
    }
    // Confidence grows with the absolute score and with the margin over the runner-up.
    const strength = 1 - Math.exp(-3 * best.score);
    const margin = best.score / (best.score + second + 1e-9);
    const confidence = Math.max(0.05, Math.min(0.99, strength * (0.4 + 0.6 * margin)));
    return { division: best.prof.id, confidence, topic: topicOf(terms, q, best), flags, keywords };
  }

  function topicOf(
    terms: readonly string[],
    q: Map<string, number>,
    best: { prof: DivisionProfile; hits: Keyword[] } | undefined,
  ): string {
    const hit = best?.hits[0];
    if (hit) return hit.surface;
    // Otherwise the two message terms that weigh most (rarest across divisions), in message order.
    const top = [...q.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([t]) => t);
    return terms.filter((t, i) => top.includes(t) && terms.indexOf(t) === i).join(' ');
  }

  return { route: (text) => routePrepared(prepareText(text)), routePrepared };
}
