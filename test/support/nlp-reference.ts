// The straightforward readings that nlp/'s per-turn fast paths must reproduce exactly (issue 9's speed work): each
// is the code as it was before it was optimised, kept here, slow and simple, so test/nlp/fast-path.test.ts can hold
// the fast code to it over thousands of varied texts. They read the same lexicons, stems and model as the fast code,
// so a change of data (retraining, a new slang word) moves both alike; only a change of arithmetic or of what a
// word, term or token is makes them part.
import AggressiveTokenizerId from 'natural/lib/natural/tokenizers/aggressive_tokenizer_id.js';
import type { Agency } from '../../src/domain/agency.js';
import type { Routing } from '../../nlp/types.js';
import { cleanText, normaliseToken, prepareText, type PreparedText } from '../../nlp/text/prepare.js';
import { contactWords, replacePlaceholders } from '../../nlp/text/placeholders.js';
import { replaceEmoji } from '../../nlp/text/emoji.js';
import type { Token } from '../../nlp/slots/place.js';
import type { Slots } from '../../nlp/types.js';
import { overlapsAny, type Span } from '../../nlp/slots/normalise.js';
import { stem } from '../../nlp/text/stem.js';
import { CORE_INTEGRITY_KEYWORDS } from '../../nlp/lexicon/integrity-words.js';
import { contentTerms } from '../../nlp/text/terms.js';

const MIN_ROUTING_SCORE = 0.12;
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

/** The router as a TF-IDF Map per division and a scan for every keyword (no integrity flag: the model's). */
export function referenceRouter(agency: Agency): (p: PreparedText) => Omit<Routing, 'flags'> {
  const termsOf = (text: string): string[] => contentTerms(prepareText(text));
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
  const fallback =
    agency.divisions.find((d) => d.id === agency.defaultDivision)?.id ?? agency.divisions[0]?.id ?? 'default';

  function topicOf(
    terms: readonly string[],
    q: Map<string, number>,
    best: { prof: DivisionProfile; hits: Keyword[] } | undefined,
  ): string {
    const hit = best?.hits[0];
    if (hit) return hit.surface;
    const top = [...q.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([t]) => t);
    return terms.filter((t, i) => top.includes(t) && terms.indexOf(t) === i).join(' ');
  }

  return (p) => {
    const terms = contentTerms(p);
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
    if (!best || best.score < MIN_ROUTING_SCORE) {
      return { division: fallback, confidence: 0.2, topic: topicOf(terms, q, undefined), keywords };
    }
    const strength = 1 - Math.exp(-3 * best.score);
    const margin = best.score / (best.score + second + 1e-9);
    const confidence = Math.max(0.05, Math.min(0.99, strength * (0.4 + 0.6 * margin)));
    return { division: best.prof.id, confidence, topic: topicOf(terms, q, best), keywords };
  };
}

const natural = new AggressiveTokenizerId();

/** natural's Indonesian tokenizer itself. */
export function referenceTokenize(lowercase: string): string[] {
  return natural.tokenize(lowercase);
}

const CLAUSE_RE = /[.,;:!?\n()"]+/;

/** prepareText as the split at clause marks and natural's tokenizer on each part. */
export function referencePrepare(raw: unknown): PreparedText {
  const { text, question, exclaims, shouting } = cleanText(raw);
  const words: string[] = [];
  const clauses: number[] = [];
  let clause = 0;
  for (const part of text.split(CLAUSE_RE)) {
    let added = false;
    for (const token of natural.tokenize(part)) {
      for (const w of normaliseToken(token)) {
        words.push(w);
        clauses.push(clause);
        added = true;
      }
    }
    if (added) clause++;
  }
  if (words.some((w) => w.startsWith('x') && w.endsWith('x'))) {
    const drop = contactWords(words, clauses);
    if (drop.some(Boolean)) {
      return {
        words: words.filter((_, i) => !drop[i]),
        clauses: clauses.filter((_, i) => !drop[i]),
        question,
        exclaims,
        shouting,
      };
    }
  }
  return { words, clauses, question, exclaims, shouting };
}

const NEGATING_BEFORE: readonly (readonly string[])[] = [
  ['bebas'],
  ['tanpa'],
  ['anti'],
  ['bersih', 'dari'],
  ['tidak', 'ada'],
  ['tidak', 'pernah', 'ada'],
  ['no'],
  ['free', 'of'],
  ['menolak'],
  ['tolak'],
  ['tidak', 'mau'],
  ['tidak', 'minta'],
  ['tidak', 'meminta'],
  ['refused'],
];

/** Finds a report of extortion or illegal levies in normalised words. */
interface IntegrityMatcher {
  /** The integrity keyword found in the words, or undefined. */
  find(words: readonly string[]): string | undefined;
}

function tokensOf(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

function negatedAt(words: readonly string[], at: number): boolean {
  return NEGATING_BEFORE.some((neg) => {
    const from = at - neg.length;
    return from >= 0 && neg.every((w, i) => words[from + i] === w);
  });
}

interface Phrase {
  keyword: string;
  tokens: string[];
  stems: string[];
}

/** The integrity matcher as it was: candidate lists joined per word, every() over a phrase's words. */
export function referenceIntegrityMatcher(agencyKeywords: readonly string[] = []): IntegrityMatcher {
  const phrases: Phrase[] = [
    ...new Set([...CORE_INTEGRITY_KEYWORDS, ...agencyKeywords].map((k) => k.toLowerCase().trim())),
  ]
    .map((k) => ({ keyword: k, tokens: tokensOf(k), stems: tokensOf(k).map(stem) }))
    .filter((p) => p.tokens.length > 0)
    .sort((a, b) => b.tokens.length - a.tokens.length);
  // Phrases indexed by their first word and first stem, so a message is checked only against phrases it can start.
  const byFirst = new Map<string, Phrase[]>();
  for (const p of phrases) {
    for (const key of new Set([p.tokens[0] ?? '', p.stems[0] ?? ''])) {
      const list = byFirst.get(key) ?? [];
      list.push(p);
      byFirst.set(key, list);
    }
  }
  return {
    find(words) {
      for (let i = 0; i < words.length; i++) {
        const w = words[i] ?? '';
        const candidates = [...(byFirst.get(w) ?? []), ...(byFirst.get(stem(w)) ?? [])];
        for (const p of candidates) {
          const n = p.tokens.length;
          if (i + n > words.length) continue;
          // A stem match counts only for an inflected word ("disuap" for "suap"), so "licin" never matches "pelicin".
          const hit = p.tokens.every((t, j) => {
            const word = words[i + j] ?? '';
            const s = stem(word);
            return word === t || (word !== s && s === p.stems[j]);
          });
          if (!hit) continue;
          if (negatedAt(words, i)) continue;
          return p.keyword;
        }
      }
      return undefined;
    },
  };
}

const ABBREVIATION = /^(?:jl|jln|kec|kel|gg|no|lt|kab|kom|perum|rt|rw|gd|blk|st|dr)\.$/i;
const GLUED_ABBREVIATION = /^((?:jl|jln|kec|kel|gg|no|lt)\.)(\S+)$/i;

/** The place patterns' words as a regular-expression scan of \S+ and per-token patterns found them. */
export function referencePlaceTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    let raw = m[0];
    let start = m.index ?? 0;
    const glued = GLUED_ABBREVIATION.exec(raw);
    if (glued?.[1] && glued[2] && /^[a-z]/i.test(glued[2])) {
      out.push({
        raw: glued[1],
        lower: glued[1].toLowerCase().replace(/\.$/, ''),
        start,
        end: start + glued[1].length,
        boundary: false,
      });
      start += glued[1].length;
      raw = glued[2];
    }
    let boundary = false;
    const trail = /[,;:!?)"'”’…]+$|(?<![.\d])\.+$/.exec(raw);
    if (trail && !ABBREVIATION.test(raw)) {
      boundary = true;
      raw = raw.slice(0, trail.index);
    }
    raw = raw.replace(/^[("'“‘]+/, (lead) => {
      start += lead.length;
      return '';
    });
    if (raw === '') {
      const last = out[out.length - 1];
      if (last && boundary) last.boundary = true;
      continue;
    }
    out.push({ raw, lower: raw.toLowerCase().replace(/\.$/, ''), start, end: start + raw.length, boundary });
  }
  return out;
}

type ObjectNumber = Slots['objectNumbers'][number];

const NOP = /(?<![\d.-])\d{2}[.\s]?\d{2}[.\s]?\d{3}[.\s]?\d{3}[.\s]?\d{3}[-.\s]?\d{4}[-.\s]?\d(?![\d])/g;
const PAYMENT_CODE_CUE =
  /(?:kode\s*(?:bayar|billing)|virtual\s*account|\bva|\brek(?:ening)?)\W{0,3}(?:\w+\W{1,3}){0,2}$/i;
const NPWPD = /\bnpwpd\b(?:\s*(?:saya|sy|kami|no\.?|nomor|nmr))?\s*[:.]?\s*([A-Z]?[\d.\-/]*\d[\d.\-/]*\d)/gi;
const OTHER =
  /\b(?:(?:no(?:mor)?|nmr|kode)\.?\s*(?:sertifikat|sertipikat|shm|sk|sspd|akta|ajb|skpd|sptpd|registrasi|reg|pelanggan|bayar|billing|permohonan|berkas|surat|imb|pbg|objek|tagihan|va)|virtual\s+account|\bva\b)(?:\s+(?:bphtb|pbb|saya|sy|kami|nya))?\s*[:.]?\s*([A-Z0-9][A-Z0-9./-]*\d[A-Z0-9./-]*)/gi;

/** "137101000100201230" → "13.71.010.001.002-0123.0". */
function formatNop(digits: string): string {
  const d = digits;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 7)}.${d.slice(7, 10)}.${d.slice(10, 13)}-${d.slice(13, 17)}.${d.slice(17)}`;
}

/** Object numbers as every pattern scanned every message (no look for 18 digits or a cue first). */
export function referenceObjectNumbers(
  text: string,
  taken: readonly Span[],
): { numbers: ObjectNumber[]; spans: Span[] } {
  const found: Array<Span & ObjectNumber> = [];
  const add = (start: number, end: number, kind: ObjectNumber['kind'], value: string): void => {
    if (overlapsAny(start, end, taken) || overlapsAny(start, end, found)) return;
    found.push({ start, end, kind, value });
  };
  for (const m of text.matchAll(NOP)) {
    const start = m.index ?? 0;
    const digits = m[0].replace(/\D/g, '');
    const lead = text.slice(Math.max(0, start - 30), start);
    add(
      start,
      start + m[0].length,
      PAYMENT_CODE_CUE.test(lead) ? 'other' : 'nop',
      PAYMENT_CODE_CUE.test(lead) ? digits : formatNop(digits),
    );
  }
  if (/npwpd/i.test(text))
    for (const m of text.matchAll(NPWPD)) {
      const value = m[1] ?? '';
      const start = (m.index ?? 0) + m[0].length - value.length;
      if (value.replace(/\D/g, '').length >= 5) add(start, start + value.length, 'npwpd', value.toUpperCase());
    }
  for (const m of text.matchAll(OTHER)) {
    const value = (m[1] ?? '').replace(/[.,-]+$/, '');
    const start = (m.index ?? 0) + m[0].length - (m[1] ?? '').length;
    if (value.replace(/\D/g, '').length >= 3) add(start, start + value.length, 'other', value);
  }
  found.sort((a, b) => a.start - b.start);
  return { numbers: found.map(({ kind, value }) => ({ kind, value })), spans: found };
}

const URL_RE = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:go\.id|co\.id|com|id|net|org)(?:\/\S*)?/gi;
const EMAIL_RE = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;
const NUMBER_RE = /(?<![\p{L}\d])\d+(?:[.,:/-]\d+)*(?![\p{L}\d])/gu;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\u200B-\u200C\uFEFF]/g;
const NON_ASCII = /[^\x20-\x7e\n\r\t]/;

function countCapitals(text: string): { letters: number; capitals: number } {
  let letters = 0;
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters++;
      capitals++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  return { letters, capitals };
}

/** cleanText as it was: the link pattern run on every text with a full stop. */
export function referenceCleanText(raw: unknown): ReturnType<typeof cleanText> {
  let text = typeof raw === 'string' ? raw : '';
  if (text.length > 4000) text = text.slice(0, 4000);
  // Plain ASCII (most messages) skips the Unicode work: control characters, NFKC, emoji, diacritics.
  const ascii = !NON_ASCII.test(text);
  if (!ascii) text = text.replace(CONTROL_RE, ' ').normalize('NFKC');
  let shouting: boolean;
  if (ascii) {
    const { letters, capitals } = countCapitals(text);
    shouting = letters >= 8 && capitals / letters >= 0.6;
  } else {
    const letters = text.replace(/[^\p{L}]/gu, '');
    const capitals = letters.replace(/[^\p{Lu}]/gu, '').length;
    shouting = letters.length >= 8 && capitals / letters.length >= 0.6;
  }
  const question = text.includes('?');
  const exclaims = text.includes('!') ? Math.min(3, (text.match(/!/g) ?? []).length) : 0;

  text = replacePlaceholders(text);
  if (text.includes('@')) text = text.replace(EMAIL_RE, ' email ');
  if (text.includes('.')) text = text.replace(URL_RE, ' tautan ');
  if (!ascii) text = replaceEmoji(text);
  text = text.toLowerCase();
  if (/\d/.test(text)) text = text.replace(NUMBER_RE, ' num ');
  // Diacritics ("é") are folded so the a-z tokenizer keeps the letter.
  if (!ascii) text = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (text.includes("'") || text.includes('’') || text.includes('`')) text = text.replace(/['’`]/g, '');
  return { text, question, exclaims, shouting };
}
