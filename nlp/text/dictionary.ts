// The Indonesian root-word list shipped with natural's stemmer (kata-dasar.json), used to tell a real double letter
// ("maaf", "saat") from an elongated one ("bagusss") and, by the router, to know ordinary words.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let words: Set<string> | undefined;

function load(): Set<string> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('natural/lib/natural/stemmers/indonesian/data/kata-dasar.json');
  const list: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return new Set(Array.isArray(list) ? list.filter((w): w is string => typeof w === 'string') : []);
}

const EXTRA = [
  'mantap',
  'banget',
  'bagus',
  'keren',
  'lambat',
  'tolong',
  'error',
  'online',
  'offline',
  'website',
  'aplikasi',
  'terima',
  'kasih',
  'pelayanan',
  'petugas',
  'antri',
  'antrian',
  'good',
  'great',
  'nice',
  'cool',
  'slow',
  'too',
  'soon',
  'see',
  'need',
  'feel',
  'free',
  'full',
  'still',
  'will',
  'all',
];

/** Whether a lowercase word is a known Indonesian root word (or one of a few chat/English words). */
export function isKnownWord(word: string): boolean {
  words ??= new Set([...load(), ...EXTRA]);
  return words.has(word);
}
