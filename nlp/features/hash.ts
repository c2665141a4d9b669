// 32-bit FNV-1a hashing of feature strings into a fixed number of buckets ("hashing trick"): no vocabulary to store,
// constant memory, and unseen words at run time simply land in some bucket instead of needing a lookup table.

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

/** Continues an FNV-1a hash over the characters of s[start, end). Seed with `hashStart(namespace)`. */
export function hashRange(h: number, s: string, start = 0, end = s.length): number {
  let x = h;
  for (let i = start; i < end; i++) {
    x ^= s.charCodeAt(i);
    x = Math.imul(x, PRIME);
  }
  return x;
}

/** A hash state for a namespace code (0..255), so "u:baik" and "b:baik" fall in unrelated buckets. */
export function hashStart(namespace: number): number {
  return Math.imul(OFFSET ^ namespace, PRIME);
}

/** Adds one separator character to a running hash (used between the two words of a bigram). */
export function hashSep(h: number): number {
  return Math.imul(h ^ 0x20, PRIME);
}

/** Final avalanche so that nearby strings spread over the low bits used as the bucket. */
export function hashFinish(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
