// Synthetic stored complaints for the repeat-index benchmark. Each is a bag of words drawn from the word frequencies
// of the project's real complaints (so "pbb", "bayar", "petugas" are as common as in real life and their postings
// lists grow long), plus a few Indonesian root words from natural's kata-dasar list drawn with a Zipf-like skew
// (the long tail) and a place. They are not copies of real complaints, so a real complaint added among a million
// of them has no thousand near-copies competing with it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prng } from '../model/train-sgd.js';

const PLACES = [
  'Kuranji',
  'Koto Tangah',
  'Pauh',
  'Lubuk Begalung',
  'Padang Utara',
  'Padang Barat',
  'Nanggalo',
  'Lubuk Kilangan',
  'Bungus',
  'Padang Timur',
  'Padang Selatan',
];

/** `n` synthetic complaint texts whose word frequencies follow `seeds`, deterministic for a given seed. */
export function syntheticComplaints(seeds: readonly string[], n: number, seed = 42): string[] {
  const require = createRequire(import.meta.url);
  const tail: string[] = JSON.parse(
    readFileSync(require.resolve('natural/lib/natural/stemmers/indonesian/data/kata-dasar.json'), 'utf8'),
  );
  // Sampling a random token of the concatenated seeds samples words by their frequency.
  const tokens = seeds.flatMap((s) => s.split(/\s+/).filter((w) => w.length > 0));
  const rand = prng(seed);
  const pick = <T>(list: readonly T[], r: number): T | undefined => list[Math.floor(list.length * r)];
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const words: string[] = [];
    const length = 6 + Math.floor(rand() * 10);
    for (let k = 0; k < length; k++) words.push(pick(tokens, rand()) ?? 'pajak');
    const extra = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < extra; k++) words.push(pick(tail, Math.pow(rand(), 2.5)) ?? 'kantor');
    out[i] = `${words.join(' ')} di ${pick(PLACES, rand()) ?? ''} RT ${1 + Math.floor(rand() * 20)}`;
  }
  return out;
}

/** A ticket number in the product's format (ADU-XXXX-XXXX, Crockford base 32) for synthetic documents. */
export function syntheticTicket(i: number): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let x = (i * 2654435761) >>> 0;
  let s = '';
  for (let k = 0; k < 8; k++) {
    s += alphabet[x & 31] ?? '0';
    x = (x >>> 5) | ((i + k) << 27);
  }
  return `ADU-${s.slice(0, 4)}-${s.slice(4)}`;
}
