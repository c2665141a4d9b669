// Sparse hashed features of a message for the linear model: words (stemmed and as written), negation-scoped words,
// stem bigrams, character 3-5-grams (robust to typos and unseen inflections), a few message signals and lexicon hits.
import type { PreparedText } from '../text/prepare.js';
import { negationMask } from '../text/negation.js';
import { formulaMask } from '../text/formula.js';
import { stem } from '../text/stem.js';
import { createIntegrityMatcher } from '../routing/integrity.js';
import { hashFinish, hashRange, hashSep, hashStart } from './hash.js';

/** Feature settings, saved in the model file so that scoring uses what training used. */
export interface FeatureConfig {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Share of the vector's squared norm given to character n-grams (the rest goes to word-level features). */
  charWeight: number;
  charMin: number;
  charMax: number;
}

/** The shipped settings (2^18 buckets; character 3- and 4-grams weigh 30 % of the vector). */
export const DEFAULT_FEATURES: FeatureConfig = { bits: 18, charWeight: 0.3, charMin: 3, charMax: 4 };

/** Bucket indices and values of a hashed feature vector (indices may repeat; they add up). */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

// Namespaces of the feature kinds: the same string hashes to unrelated buckets in each.
export const NS_WORD = 1;
export const NS_STEM = 2;
export const NS_NEG = 3;
export const NS_BIGRAM = 4;
export const NS_CHAR = 5;
export const NS_SIGNAL = 6;
export const NS_FIRST = 7;
export const NS_FORMULA = 8;
export const NS_LEXICON = 9;

const integrityLexicon = createIntegrityMatcher();

/** Lexicon features of a message: 'integrity' when it holds a (not negated) word of the integrity lexicon. */
export function lexiconsOf(p: PreparedText): string[] {
  return integrityLexicon.find(p.words) !== undefined ? ['integrity'] : [];
}

/** Bucket of one feature string in a namespace. */
export function bucketOf(namespace: number, s: string, mask: number): number {
  return hashFinish(hashRange(hashStart(namespace), s)) & mask;
}

/** Bucket of a stem bigram. */
export function bigramBucket(a: string, b: string, mask: number): number {
  return hashFinish(hashRange(hashSep(hashRange(hashStart(NS_BIGRAM), a)), b)) & mask;
}

/** Calls `visit` with the bucket of every character n-gram of a word (none for one-letter words and "num"). */
export function forEachCharGram(w: string, cfg: FeatureConfig, mask: number, visit: (bucket: number) => void): void {
  if (w.length < 2 || w === 'num') return;
  const padded = `<${w}>`;
  const L = Math.min(padded.length, 24);
  for (let n = cfg.charMin; n <= cfg.charMax; n++) {
    for (let a = 0; a + n <= L; a++) visit(hashFinish(hashRange(hashStart(NS_CHAR), padded, a, a + n)) & mask);
  }
}

/** Message-level signal features (length bucket, question mark, exclamations, shouting). */
export function signalsOf(p: PreparedText): string[] {
  const signals: string[] = [lengthBucket(p.words.length)];
  if (p.question) signals.push('question');
  if (p.exclaims > 0) signals.push(`exclaim${p.exclaims}`);
  if (p.shouting) signals.push('shouting');
  return signals;
}

// Reused across calls: feature extraction runs once per message on the hot path.
let wordBuf: Int32Array = new Int32Array(1024);
let charBuf: Int32Array = new Int32Array(4096);

function push(buf: Int32Array, n: number, value: number): Int32Array {
  if (n < buf.length) {
    buf[n] = value;
    return buf;
  }
  const bigger = new Int32Array(buf.length * 2);
  bigger.set(buf);
  bigger[n] = value;
  return bigger;
}

function lengthBucket(n: number): string {
  if (n <= 1) return 'len1';
  if (n <= 2) return 'len2';
  if (n <= 5) return 'len5';
  if (n <= 10) return 'len10';
  if (n <= 20) return 'len20';
  return 'lenmore';
}

/** Hashed feature vector of prepared text; each group (word-level, character) is scaled to a fixed norm. */
export function extractFeatures(p: PreparedText, cfg: FeatureConfig = DEFAULT_FEATURES): SparseVector {
  const mask = (1 << cfg.bits) - 1;
  const words = p.words;
  const neg = negationMask(words, p.clauses);
  const formula = formulaMask(words);
  let nw = 0;
  let nc = 0;
  const stems: string[] = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) stems[i] = stem(words[i] ?? '');

  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const s = stems[i] ?? '';
    if (formula[i]) {
      wordBuf = push(wordBuf, nw++, bucketOf(NS_FORMULA, w, mask));
      continue;
    }
    wordBuf = push(wordBuf, nw++, bucketOf(NS_STEM, s, mask));
    if (s !== w) wordBuf = push(wordBuf, nw++, bucketOf(NS_WORD, w, mask));
    if (neg[i]) wordBuf = push(wordBuf, nw++, bucketOf(NS_NEG, s, mask));
    if (i + 1 < words.length && p.clauses[i] === p.clauses[i + 1] && !formula[i + 1]) {
      wordBuf = push(wordBuf, nw++, bigramBucket(s, stems[i + 1] ?? '', mask));
    }
    forEachCharGram(w, cfg, mask, (b) => {
      charBuf = push(charBuf, nc++, b);
    });
  }
  for (const sig of signalsOf(p)) wordBuf = push(wordBuf, nw++, bucketOf(NS_SIGNAL, sig, mask));
  for (const lex of lexiconsOf(p)) wordBuf = push(wordBuf, nw++, bucketOf(NS_LEXICON, lex, mask));
  const firstAt = formula.indexOf(false);
  const first = firstAt >= 0 ? stems[firstAt] : undefined;
  if (first !== undefined) wordBuf = push(wordBuf, nw++, bucketOf(NS_FIRST, first, mask));

  const idx = new Int32Array(nw + nc);
  const val = new Float32Array(nw + nc);
  const ww = nc > 0 ? Math.sqrt((1 - cfg.charWeight) / nw) : Math.sqrt(1 / nw);
  const wc = nc > 0 ? Math.sqrt(cfg.charWeight / nc) : 0;
  for (let i = 0; i < nw; i++) {
    idx[i] = wordBuf[i] ?? 0;
    val[i] = ww;
  }
  for (let i = 0; i < nc; i++) {
    idx[nw + i] = charBuf[i] ?? 0;
    val[nw + i] = wc;
  }
  return { idx, val };
}

/** The same vector with each bucket once (values of repeated buckets added): fewer steps for training. */
export function compactVector(x: SparseVector): SparseVector {
  const sums = new Map<number, number>();
  for (let i = 0; i < x.idx.length; i++) {
    const b = x.idx[i] ?? 0;
    sums.set(b, (sums.get(b) ?? 0) + (x.val[i] ?? 0));
  }
  return { idx: Int32Array.from(sums.keys()), val: Float32Array.from(sums.values()) };
}
