// Informal Indonesian → standard form, so "udh", "udah" and "sdh" become one feature ("sudah").
// Base map: louisowen6/NLP_bahasa_resources combined_slang_words (MIT, see lexicon/LICENSE-louisowen6);
// lexicon/slang-aduan.json adds chat and tax-office words and removes upstream entries that hurt (English words).
import { readFileSync } from 'node:fs';

function readMap(file: string): Record<string, string> {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../lexicon/${file}`, import.meta.url), 'utf8'));
  if (typeof raw !== 'object' || raw === null) throw new Error(`nlp/lexicon/${file} is not a JSON object`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && !k.startsWith('_')) out[k] = v;
  return out;
}

function buildSlangMap(): Map<string, readonly string[]> {
  const merged = { ...readMap('slang-louisowen6.json'), ...readMap('slang-aduan.json') };
  const map = new Map<string, readonly string[]>();
  for (const [k, v] of Object.entries(merged)) {
    if (k.includes(' ')) continue; // the tokenizer splits on spaces, so multi-word keys never match
    if (v === '' || v === k) continue;
    map.set(k, v.toLowerCase().split(/\s+/).filter(Boolean));
  }
  return map;
}

let slang: Map<string, readonly string[]> | undefined;

/** The merged slang map, loaded once (a few ms) on first use. */
export function slangMap(): Map<string, readonly string[]> {
  slang ??= buildSlangMap();
  return slang;
}

/** Words written as standard form; returns the word itself when it is not slang. */
export function standardForm(word: string): readonly string[] | undefined {
  return slangMap().get(word);
}
