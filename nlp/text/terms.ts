// Content terms of a message for routing and repeat detection: standard-form words, synonyms merged, function words
// and chat fillers dropped, stemmed. Unlike the classifier's features, sentiment and negation words do not matter here.
import { cleanText, normaliseToken, tokenize, type PreparedText } from './prepare.js';
import { canonicalWord } from './synonyms.js';
import { isStopword } from './stopwords.js';
import { stem } from './stem.js';

// The term of each word ('' = no term), cached like the stems it is built from.
const TERM_CACHE_LIMIT = 200_000;
const termCache = new Map<string, string>();

function termOf(w: string): string {
  const concept = canonicalWord(w);
  if (concept) return concept;
  if (w.length < 2 || isStopword(w) || w.startsWith('emo') || /^\d+$/.test(w)) return '';
  const s = stem(w);
  const sc = canonicalWord(s);
  if (sc) return sc;
  return isStopword(s) ? '' : s;
}

function cachedTerm(w: string): string {
  let t = termCache.get(w);
  if (t === undefined) {
    t = termOf(w);
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(w, t);
  }
  return t;
}

// Terms of each raw token, cached: one hash lookup per token on the repeat index's rebuild path.
const tokenTermsCache = new Map<string, readonly string[]>();

/**
 * Content terms straight from raw text, the same as contentTerms(prepareText(text)) but without building clause
 * information: the repeat index rebuilds a million complaints at start-up through this path.
 */
export function textTerms(raw: unknown): string[] {
  const out: string[] = [];
  for (const token of tokenize(cleanText(raw).text)) {
    let terms = tokenTermsCache.get(token);
    if (terms === undefined) {
      terms = normaliseToken(token)
        .map(cachedTerm)
        .filter((t) => t !== '');
      if (tokenTermsCache.size >= TERM_CACHE_LIMIT) tokenTermsCache.clear();
      tokenTermsCache.set(token, terms);
    }
    for (const t of terms) out.push(t);
  }
  return out;
}

/** Content terms in message order (may repeat). */
export function contentTerms(p: PreparedText): string[] {
  const out: string[] = [];
  for (const w of p.words) {
    const t = cachedTerm(w);
    if (t !== '') out.push(t);
  }
  return out;
}
