// The model's per-message path. It computes exactly the logits of logits(model, extractFeatures(p)), but the
// parts of the feature vector that depend on one word only (its stem, its spelling, its character n-grams) are
// summed once per distinct word and cached, because every feature in a group carries the same value. Scoring a
// message is then a few cache lookups plus its context features (negation, bigrams, signals).
import type { PreparedText } from '../text/prepare.js';
import { stem } from '../text/stem.js';
import { negationMask } from '../text/negation.js';
import { formulaMask } from '../text/formula.js';
import { bloomHas } from '../features/bloom.js';
import {
  NS_FIRST,
  NS_FORMULA,
  NS_LEXICON,
  NS_NEG,
  NS_SIGNAL,
  NS_STEM,
  NS_WORD,
  bigramBucket,
  bucketOf,
  forEachCharGram,
  lexiconsOf,
  signalsOf,
} from '../features/extract.js';
import { PLACEHOLDER_WORDS } from '../text/placeholders.js';
import type { LinearModel } from './linear.js';

interface WordPart {
  stem: string;
  /** Summed weights of the word's unigram features (stem, and spelling when it differs). */
  uni: Float64Array;
  nUni: number;
  /** Summed weights of the word's character n-grams. */
  chars: Float64Array;
  nChars: number;
  /** The model saw this word's stem in training. */
  known: boolean;
  /** The word counts as evidence: two letters or more, a letter among them, not a placeholder. */
  evidence: boolean;
}

/** Logits of every column plus how much of the message the model recognised (for the low-evidence rules). */
export interface Scored {
  logits: Float64Array;
  /** Words that count as evidence (two letters or more, not a placeholder). */
  evidence: number;
  /** Of those, words whose stem the model knows. */
  known: number;
}

const CACHE_LIMIT = 100_000;
const PLACEHOLDERS = new Set([
  'num',
  'tautan',
  'email',
  'emoji',
  'emopos',
  'emoneg',
  'emolaugh',
  'emopray',
  'emoirony',
  ...PLACEHOLDER_WORDS,
]);

/** Builds the cached scorer for one model. */
export function createFastScorer(model: LinearModel): (p: PreparedText) => Scored {
  const K = model.width;
  const W = model.weights;
  const cfg = model.features;
  const mask = (1 << cfg.bits) - 1;
  const cache = new Map<string, WordPart>();
  const wordAcc = new Float64Array(K);
  const charAcc = new Float64Array(K);

  // Most buckets hold no weight at all (the model file keeps about a third of them): whether a bucket's row is all
  // zeros is learnt on first use (0 unknown, 1 empty, 2 weights), so an empty row is not read from the 20 MB matrix
  // again. Adding a row of zeros changes nothing, so skipping it gives the same sums.
  const rowState = new Uint8Array(mask + 1);
  const addBucket = (acc: Float64Array, b: number): void => {
    const state = rowState[b];
    if (state === 1) return;
    const base = b * K;
    if (state === 0) {
      let empty = true;
      for (let k = 0; k < K && empty; k++) empty = (W[base + k] ?? 0) === 0;
      rowState[b] = empty ? 1 : 2;
      if (empty) return;
    }
    for (let k = 0; k < K; k++) acc[k] = (acc[k] ?? 0) + (W[base + k] ?? 0);
  };

  function part(w: string): WordPart {
    let hit = cache.get(w);
    if (hit) return hit;
    const s = stem(w);
    const uni = new Float64Array(K);
    addBucket(uni, bucketOf(NS_STEM, s, mask));
    let nUni = 1;
    if (s !== w) {
      addBucket(uni, bucketOf(NS_WORD, w, mask));
      nUni++;
    }
    const chars = new Float64Array(K);
    let nChars = 0;
    forEachCharGram(w, cfg, mask, (b) => {
      addBucket(chars, b);
      nChars++;
    });
    const vocabulary = model.vocabulary;
    const known = vocabulary ? bloomHas(vocabulary, s) : true;
    const evidence = w.length >= 2 && !PLACEHOLDERS.has(w) && /[a-z]/.test(w);
    hit = { stem: s, uni, nUni, chars, nChars, known, evidence };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(w, hit);
    return hit;
  }

  return (p) => {
    const words = p.words;
    const neg = negationMask(words, p.clauses);
    const formula = formulaMask(words);
    wordAcc.fill(0);
    charAcc.fill(0);
    let nw = 0;
    let nc = 0;
    let evidence = 0;
    let known = 0;
    const parts: Array<WordPart | undefined> = new Array(words.length);
    for (let i = 0; i < words.length; i++) parts[i] = part(words[i] ?? '');
    for (let i = 0; i < words.length; i++) {
      const w = words[i] ?? '';
      const pw = parts[i] as WordPart;
      if (pw.evidence) {
        evidence++;
        if (pw.known) known++;
      }
      if (formula[i]) {
        addBucket(wordAcc, bucketOf(NS_FORMULA, w, mask));
        nw++;
        continue;
      }
      const uni = pw.uni;
      const chars = pw.chars;
      for (let k = 0; k < K; k++) {
        wordAcc[k] = (wordAcc[k] ?? 0) + (uni[k] ?? 0);
        charAcc[k] = (charAcc[k] ?? 0) + (chars[k] ?? 0);
      }
      nw += pw.nUni;
      nc += pw.nChars;
      if (neg[i]) {
        addBucket(wordAcc, bucketOf(NS_NEG, pw.stem, mask));
        nw++;
      }
      if (i + 1 < words.length && p.clauses[i] === p.clauses[i + 1] && !formula[i + 1]) {
        addBucket(wordAcc, bigramBucket(pw.stem, parts[i + 1]?.stem ?? '', mask));
        nw++;
      }
    }
    for (const sig of signalsOf(p)) {
      addBucket(wordAcc, bucketOf(NS_SIGNAL, sig, mask));
      nw++;
    }
    for (const lex of lexiconsOf(p)) {
      addBucket(wordAcc, bucketOf(NS_LEXICON, lex, mask));
      nw++;
    }
    const firstAt = formula.indexOf(false);
    if (firstAt >= 0) {
      addBucket(wordAcc, bucketOf(NS_FIRST, parts[firstAt]?.stem ?? '', mask));
      nw++;
    }
    const ww = nc > 0 ? Math.sqrt((1 - cfg.charWeight) / nw) : Math.sqrt(1 / nw);
    const wc = nc > 0 ? Math.sqrt(cfg.charWeight / nc) : 0;
    // Match extractFeatures, which stores feature values as float32.
    const fww = Math.fround(ww);
    const fwc = Math.fround(wc);
    const logits = new Float64Array(K);
    for (let k = 0; k < K; k++) logits[k] = (model.bias[k] ?? 0) + fww * (wordAcc[k] ?? 0) + fwc * (charAcc[k] ?? 0);
    return { logits, evidence, known };
  };
}
