// Integrity words in a message (bribes, illegal levies, brokers), matched on standard-form words and stems, so
// "dipalak", "nyogok" and "uang pelicin" all count; a keyword right after "bebas", "tanpa", "tidak ada" ("bebas
// pungli", "tanpa pungutan liar") does not. The model reads the core list as one of its features; an agency's own
// keywords raise the flag on a complaint (nlp/understand/integrity.ts).
import { stem } from '../text/stem.js';

/** Integrity words every agency gets, on top of its own `integrityKeywords` (also a feature of the model). */
export { CORE_INTEGRITY_KEYWORDS } from '../lexicon/integrity-words.js';
import { CORE_INTEGRITY_KEYWORDS } from '../lexicon/integrity-words.js';

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
export interface IntegrityMatcher {
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

const CANDIDATE_CACHE_LIMIT = 100_000;
const NONE: ReadonlyArray<Phrase[] | undefined> = [];

interface Phrase {
  keyword: string;
  tokens: string[];
  stems: string[];
}

/** Builds a matcher for the core list plus an agency's own keywords. */
export function createIntegrityMatcher(agencyKeywords: readonly string[] = []): IntegrityMatcher {
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
  // The two candidate lists of each word seen, cached per word (most words start no phrase: NONE).
  const candidatesOf = new Map<string, ReadonlyArray<Phrase[] | undefined>>();
  return {
    find(words) {
      for (let i = 0; i < words.length; i++) {
        const w = words[i] ?? '';
        // The phrases the word starts, then those its stem starts (a phrase may be in both lists: same answer).
        let lists = candidatesOf.get(w);
        if (lists === undefined) {
          const byWord = byFirst.get(w);
          const byStem = byFirst.get(stem(w));
          lists = byWord || byStem ? [byWord, byStem] : NONE;
          if (candidatesOf.size >= CANDIDATE_CACHE_LIMIT) candidatesOf.clear();
          candidatesOf.set(w, lists);
        }
        for (const candidates of lists) {
          if (!candidates) continue;
          for (const p of candidates) {
            const n = p.tokens.length;
            if (i + n > words.length) continue;
            // A stem match counts only for an inflected word ("disuap" for "suap"), so "licin" never matches
            // "pelicin".
            let hit = true;
            for (let j = 0; j < n && hit; j++) {
              const word = words[i + j] ?? '';
              const t = p.tokens[j];
              if (word === t) continue;
              const s = stem(word);
              hit = word !== s && s === p.stems[j];
            }
            if (!hit) continue;
            if (negatedAt(words, i)) continue;
            return p.keyword;
          }
        }
      }
      return undefined;
    },
  };
}
