// Citizen turns the model has never seen, for the speed benchmark: every template frame expanded with a seed the
// corpus never used, written the way people type (augment), with a random detail (an amount, a house number, a
// date, sometimes a typo'd word) so no two are alike, and none equal to a corpus message. Per-text caches cannot
// flatter a benchmark over these; the word caches warm up as they would on a real day.
import { FAMILIES } from '../corpus/templates.js';
import { expand } from '../corpus/expand.js';
import { augment } from '../corpus/augment.js';
import { duplicateKey } from '../corpus/format.js';
import { prng } from '../model/train-sgd.js';

const DETAILS: ReadonlyArray<(r: () => number) => string> = [
  (r) => `${1 + Math.floor(r() * 900)}rb`,
  (r) => `no ${1 + Math.floor(r() * 200)}`,
  (r) => `tgl ${1 + Math.floor(r() * 28)}/${1 + Math.floor(r() * 12)}`,
  (r) => `rt ${1 + Math.floor(r() * 20)} rw ${1 + Math.floor(r() * 12)}`,
  (r) => `jam ${7 + Math.floor(r() * 10)}.${String(Math.floor(r() * 60)).padStart(2, '0')}`,
];

function typo(word: string, r: () => number): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(r() * (word.length - 2));
  return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
}

/** `n` distinct turns, none of them in `exclude` (duplicate keys of the corpus), deterministic for a seed. */
export function freshTurns(n: number, exclude: ReadonlySet<string>, seed = 2027): string[] {
  const rand = prng(seed);
  const frames = FAMILIES.flatMap((f) => f.frames);
  const seen = new Set<string>();
  const out: string[] = [];
  for (let attempt = 0; out.length < n && attempt < n * 20; attempt++) {
    const frame = frames[Math.floor(rand() * frames.length)] ?? '';
    let text = augment(expand(frame, rand), rand);
    if (rand() < 0.5) text = `${text} ${(DETAILS[Math.floor(rand() * DETAILS.length)] ?? DETAILS[0])?.(rand) ?? ''}`;
    if (rand() < 0.3) {
      const words = text.split(' ');
      const at = Math.floor(rand() * words.length);
      words[at] = typo(words[at] ?? '', rand);
      text = words.join(' ');
    }
    const key = duplicateKey(text);
    if (seen.has(key) || exclude.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}
