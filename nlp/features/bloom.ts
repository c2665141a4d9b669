// A Bloom filter of the words the classifier saw in training, saved inside the model file (about 40 KB). It tells
// the classifier whether a message contains any word it knows, so gibberish, other scripts and binary junk get a
// low-confidence `statement` instead of a confident guess from character n-grams.
import { hashFinish, hashRange, hashStart } from './hash.js';

/** A bit array with k hash positions per word. */
export interface BloomFilter {
  bits: Uint8Array;
  /** Number of bits (bits.length * 8). */
  m: number;
  k: number;
}

function positions(f: BloomFilter, word: string, out: number[]): number[] {
  const h1 = hashFinish(hashRange(hashStart(101), word));
  const h2 = hashFinish(hashRange(hashStart(202), word)) | 1;
  out.length = 0;
  for (let i = 0; i < f.k; i++) out.push(((h1 + Math.imul(i, h2)) >>> 0) % f.m);
  return out;
}

const scratch: number[] = [];

/** An empty filter sized for `n` words at about 1 % false positives. */
export function createBloom(n: number): BloomFilter {
  const m = Math.max(64, Math.ceil((-Math.max(n, 1) * Math.log(0.01)) / (Math.LN2 * Math.LN2)));
  const bytes = Math.ceil(m / 8);
  return { bits: new Uint8Array(bytes), m: bytes * 8, k: 7 };
}

/** Adds a word. */
export function bloomAdd(f: BloomFilter, word: string): void {
  for (const p of positions(f, word, scratch)) f.bits[p >>> 3] = (f.bits[p >>> 3] ?? 0) | (1 << (p & 7));
}

/** Whether the word was probably added (false positives about 1 %, no false negatives). */
export function bloomHas(f: BloomFilter, word: string): boolean {
  for (const p of positions(f, word, scratch)) if (((f.bits[p >>> 3] ?? 0) & (1 << (p & 7))) === 0) return false;
  return true;
}
