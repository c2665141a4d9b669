// NusaX's Indonesian sentences were taken from SmSA, so about 240 of the 400 NusaX test sentences have a (near)
// copy in SmSA's training file. Training on SmSA as it is would mean training on the test set; these helpers drop
// every training text that nearly repeats an evaluation text.
import ngrams from 'natural/lib/natural/ngrams/ngrams.js';

function shingles(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (words.length < 3) return new Set([words.join(' ')]);
  return new Set(ngrams.trigrams(words).map((g) => g.join(' ')));
}

/**
 * Returns the items of `candidates` that do not nearly repeat any text in `protectedTexts`: an item is dropped when
 * at least `minOverlap` of the shorter text's word trigrams occur in the other text.
 */
export function withoutNearCopies<T extends { text: string }>(
  candidates: readonly T[],
  protectedTexts: readonly string[],
  minOverlap = 0.5,
): { kept: T[]; dropped: number } {
  const index = new Map<string, number[]>();
  const protectedShingles = protectedTexts.map(shingles);
  protectedShingles.forEach((set, i) => {
    for (const g of set) {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  });
  const kept: T[] = [];
  let dropped = 0;
  for (const c of candidates) {
    const mine = shingles(c.text);
    const hits = new Map<number, number>();
    for (const g of mine) for (const i of index.get(g) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
    let near = false;
    for (const [i, n] of hits) {
      const other = protectedShingles[i]?.size ?? 1;
      if (n / Math.min(mine.size, other) >= minOverlap) {
        near = true;
        break;
      }
    }
    if (near) dropped++;
    else kept.push(c);
  }
  return { kept, dropped };
}
