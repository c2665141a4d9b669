// Indonesian stemming with natural's StemmerId (Sastrawi rules + dictionary). It costs about 50 µs per word,
// far too slow for 20,000 messages a second, so every result is cached: chat vocabulary is small and repetitive.
import stemmerId from 'natural/lib/natural/stemmers/indonesian/stemmer_id.js';
import { PLACEHOLDER_WORDS } from './placeholders.js';

const MAX_CACHE = 200_000;
const cache = new Map<string, string>();

// Where the dictionary stemmer gets our domain words wrong or leaves a clitic on an unknown word.
const OVERRIDES: Record<string, string> = {
  sogokan: 'sogok',
  antrean: 'antri',
  antre: 'antri',
  antrian: 'antri',
  mengantri: 'antri',
  pelayanan: 'layan',
  layanan: 'layan',
  pajak: 'pajak',
  perpajakan: 'pajak',
  pungli: 'pungli',
  sertifikat: 'sertifikat',
  website: 'website',
  online: 'online',
  offline: 'offline',
};

function stemUncached(word: string): string {
  const fixed = OVERRIDES[word];
  if (fixed !== undefined) return fixed;
  if (word.length < 4 || /\d/.test(word) || word.startsWith('emo') || PLACEHOLDER_WORDS.has(word)) return word;
  let stem = stemmerId.stem(word);
  if (stem === word && word.length > 5 && word.endsWith('nya')) stem = word.slice(0, -3);
  return stem === '' ? word : stem;
}

/** Stem of a lowercase word, cached (bounded: the cache is dropped when it reaches 200,000 words). */
export function stem(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const stemmed = stemUncached(word);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(word, stemmed);
  return stemmed;
}
