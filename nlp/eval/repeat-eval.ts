// Precision and recall of repeat detection on the labelled pair set nlp/corpus/repeat-pairs.tsv: every earlier
// complaint is indexed among background complaints, each new message is looked up, and a pair counts as detected
// when the earlier complaint is returned at or above the threshold.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRepeatIndex, type RepeatIndexOptions } from '../repeat/repeat-index.js';

/** An earlier complaint, a new message, and whether the new one repeats it. */
export interface RepeatPair {
  earlier: string;
  later: string;
  repeat: boolean;
}

/** The labelled pairs the project wrote (nlp/corpus/repeat-pairs.tsv). */
export const REPEAT_PAIRS_FILE = fileURLToPath(new URL('../corpus/repeat-pairs.tsv', import.meta.url));

/** Reads the labelled pairs. */
export function loadRepeatPairs(file = REPEAT_PAIRS_FILE): RepeatPair[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .filter((c) => c.length >= 3)
    .map(([earlier = '', later = '', flag = '']) => ({ earlier, later, repeat: flag.trim() === '1' }));
}

/** Repeat detection quality at one threshold. */
export interface RepeatScores {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  pairs: number;
}

/** Scores repeat detection at one threshold, with `background` complaints in the index as well. */
export function evaluateRepeats(
  pairs: readonly RepeatPair[],
  background: readonly string[],
  options: RepeatIndexOptions = {},
): RepeatScores {
  const index = createRepeatIndex(options);
  background.forEach((text, i) => index.add({ ticket: `BG-${i}`, citizenKey: `bg-${i % 997}`, text }));
  const ticketOf = new Map<string, string>();
  for (const p of pairs) {
    if (ticketOf.has(p.earlier)) continue;
    const ticket = `PAIR-${ticketOf.size}`;
    ticketOf.set(p.earlier, ticket);
    index.add({ ticket, citizenKey: `earlier-${ticketOf.size}`, text: p.earlier });
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    const found = index.findSimilar(p.later, 'new-citizen', 10).some((c) => c.ticket === ticketOf.get(p.earlier));
    if (found && p.repeat) tp++;
    else if (found && !p.repeat) fp++;
    else if (!found && p.repeat) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { threshold: index.threshold, precision, recall, f1, pairs: pairs.length };
}
