// Turns a raw chat message into normalised words: the one text path shared by the classifier, the router and the
// repeat index, so "Udh 2 mggu GAK ada kabar!!! 😡" and "sudah dua minggu tidak ada kabar" look alike to all three.
import { replaceEmoji } from './emoji.js';
import { standardForm } from './slang.js';
import { isKnownWord } from './dictionary.js';
import { contactWords, replacePlaceholders } from './placeholders.js';

/** Messages longer than this are cut: the gist of a complaint is at its start, and cost must stay bounded. */
export const MAX_CHARS = 4000;

/** A message as normalised words, plus the few punctuation signals the classifier uses. */
export interface PreparedText {
  /** Lowercase standard-form words (slang mapped, elongation squeezed), not stemmed. */
  words: string[];
  /** Clause number of each word (clauses end at . , ; : ! ? and line breaks); negation does not cross them. */
  clauses: number[];
  /** The message has a question mark. */
  question: boolean;
  /** Number of exclamation marks (capped at 3). */
  exclaims: number;
  /** At least 60 % of at least 8 letters are capitals (shouting). */
  shouting: boolean;
}

const URL_RE = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:go\.id|co\.id|com|id|net|org)(?:\/\S*)?/gi;
// What any link URL_RE finds must contain: most messages with a full stop have none, and skip its word-by-word scan.
const URL_HINT = /https?:\/\/|www\.|\.(?:go\.id|co\.id|com|id|net|org)/i;
const EMAIL_RE = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;
// Stand-alone numbers (amounts, dates, counts) become one token; "hati2" and "2x" keep their digits.
const NUMBER_RE = /(?<![\p{L}\d])\d+(?:[.,:/-]\d+)*(?![\p{L}\d])/gu;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\u200B-\u200C\uFEFF]/g;
const LAUGH_RE = /^(?:(?:wk)+w?|(?:ha)+h?|(?:he)+h?|(?:hi)+h?|(?:xi)+|a?(?:wk|ok)+(?:wk|ok|aw)*)$/;

/** Collapses elongated words ("bagusss" → "bagus", "mantaaapp" → "mantap") while keeping real doubles ("maaf"). */
export function squeeze(word: string): string {
  if (!/(.)\1\1/.test(word)) return word;
  const two = word.replace(/(.)\1{2,}/g, '$1$1');
  if (isKnownWord(two) || standardForm(two)) return two;
  return two.replace(/(.)\1+/g, '$1');
}

function normaliseWord(token: string): readonly string[] {
  let w = token.replace(/^-+|-+$/g, '');
  if (w === '') return [];
  if (LAUGH_RE.test(w) && w.length >= 4) return ['haha'];
  w = squeeze(w);
  // "hati2", "org2": Indonesian reduplication written with a 2.
  const redup = /^([a-z]{2,})2$/.exec(w);
  if (redup?.[1]) {
    // A regional or slang word doubled ("bolong2") keeps its standard form once ("berlubang").
    const base = standardForm(redup[1]);
    if (base) return base;
    w = `${redup[1]}-${redup[1]}`;
  }
  const std = standardForm(w);
  if (std) return std;
  // "pelayanannya", "gak!!" already split; a hyphenated chat word ("nge-lag") is looked up without its hyphen.
  if (w.includes('-')) {
    const joined = standardForm(w.replace(/-/g, ''));
    if (joined) return joined;
  }
  return [w];
}

// Normalised form of each raw token, cached: chat vocabulary repeats, and this is the per-word cost of every message.
const WORD_CACHE_LIMIT = 100_000;
const wordCache = new Map<string, readonly string[]>();

function normaliseWordCached(token: string): readonly string[] {
  const hit = wordCache.get(token);
  if (hit !== undefined) return hit;
  const out = normaliseWord(token);
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(token, out);
  return out;
}

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

/** Normalised standard-form words of one raw token (cached); exported for the term path of the repeat index. */
export function normaliseToken(token: string): readonly string[] {
  return normaliseWordCached(token);
}

interface Cleaned {
  /** Lowercase text with personal data, tickets, links and numbers replaced by tokens, emoji by sentiment tokens. */
  text: string;
  question: boolean;
  exclaims: number;
  shouting: boolean;
}

/** The character-level half of preparation, shared by prepareText and the repeat index's term path. */
export function cleanText(raw: unknown): Cleaned {
  let text = typeof raw === 'string' ? raw : '';
  if (text.length > MAX_CHARS) text = text.slice(0, MAX_CHARS);
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
  if (text.includes('.') && URL_HINT.test(text)) text = text.replace(URL_RE, ' tautan ');
  if (!ascii) text = replaceEmoji(text);
  text = text.toLowerCase();
  if (/\d/.test(text)) text = text.replace(NUMBER_RE, ' num ');
  // Diacritics ("é") are folded so the a-z tokenizer keeps the letter.
  if (!ascii) text = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (text.includes("'") || text.includes('’') || text.includes('`')) text = text.replace(/['’`]/g, '');
  return { text, question, exclaims, shouting };
}

/** Whether a character code is a-z, 0-9 or "-": what natural's Indonesian (aggressive) tokenizer keeps. */
function isTokenChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

/** Whether a character ends a clause: . , ; : ! ? ( ) " and line breaks. */
function isClauseChar(c: number): boolean {
  return (
    c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 10 || c === 40 || c === 41 || c === 34
  );
}

/**
 * The tokens natural's Indonesian tokenizer (AggressiveTokenizerId) gives for already-lowercased text, which are
 * its runs of a-z, 0-9 and "-", found in one scan instead of two regular-expression passes and a split
 * (test/nlp/fast-path.test.ts holds it to natural's).
 */
export function tokenize(lowercase: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= lowercase.length; i++) {
    if (i < lowercase.length && isTokenChar(lowercase.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(lowercase.slice(start, i));
      start = -1;
    }
  }
  return out;
}

// The core classifies and then routes the same message: the last result is kept so it is prepared only once.
let lastRaw: unknown;
let lastPrepared: PreparedText | undefined;

/**
 * Normalises a raw message into words and clause numbers. Never throws; any input gives a (possibly empty) result.
 * The result is shared with the next call for the same text, so callers must not modify it.
 */
export function prepareText(raw: unknown): PreparedText {
  if (lastPrepared && raw === lastRaw) return lastPrepared;
  const prepared = prepareUncached(raw);
  lastRaw = raw;
  lastPrepared = prepared;
  return prepared;
}

/** prepareText without the one-entry cache: for parts of a message, so the message itself stays cached. */
export function prepareUncached(raw: unknown): PreparedText {
  const { text, question, exclaims, shouting } = cleanText(raw);
  const words: string[] = [];
  const clauses: number[] = [];
  // One scan: tokens are natural's (runs of a-z, 0-9, "-"); a clause ends at . , ; : ! ? ( ) " or a line break
  // after at least one word, so the clause numbers are those of splitting at those marks and tokenizing each part.
  let clause = 0;
  let added = false;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (isTokenChar(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      for (const w of normaliseWordCached(text.slice(start, i))) {
        words.push(w);
        clauses.push(clause);
        added = true;
      }
      start = -1;
    }
    if (added && isClauseChar(c)) {
      clause++;
      added = false;
    }
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
