// Negation and intensity words decide sentiment in short chat messages ("tidak ramah", "gak pake lama", "belum ada
// kabar"), yet stock Indonesian stopword lists remove them. They are kept, and the words they govern are marked.

/** Words (after slang normalisation) that negate the following words. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'tidak',
  'belum',
  'bukan',
  'jangan',
  'kurang',
  'tanpa',
  'enggan',
  'ogah',
  'not',
  'no',
  'never',
  "don't",
  'dont',
  'without',
]);

/** Words that only strengthen a neighbour; they do not end a negation scope. */
export const INTENSIFIERS: ReadonlySet<string> = new Set([
  'banget',
  'sangat',
  'sekali',
  'amat',
  'terlalu',
  'paling',
  'begitu',
  'terlalu',
  'very',
  'so',
  'too',
  'pernah',
  'ada',
  'juga',
  'lagi',
  'sama',
  'pula',
]);

/** How many words after a negator are marked as negated. */
export const NEGATION_SCOPE = 3;

/**
 * For each word, whether it lies in a negation scope: up to NEGATION_SCOPE words after a negator, within the same
 * clause. Intensifiers inside the scope do not use it up, so "tidak terlalu ramah" still negates "ramah".
 */
export function negationMask(words: readonly string[], clauses: readonly number[]): boolean[] {
  const mask = new Array<boolean>(words.length).fill(false);
  let left = 0;
  let clause = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const c = clauses[i] ?? 0;
    if (c !== clause) {
      clause = c;
      left = 0;
    }
    if (NEGATORS.has(w)) {
      left = NEGATION_SCOPE;
      continue;
    }
    if (left > 0) {
      mask[i] = true;
      if (!INTENSIFIERS.has(w)) left--;
    }
  }
  return mask;
}
