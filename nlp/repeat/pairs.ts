// Where the repeat-pair sets live: the labelled pairs in nlp/corpus (tuned on) and the held-out pairs beside the index.
import { fileURLToPath } from 'node:url';

/** Pairs written before the repeat features changed and never used to choose them (first blind run in README.md). */
export const HELDOUT_PAIRS_FILE = fileURLToPath(new URL('testdata/heldout-pairs.tsv', import.meta.url));

/** Pairs written after the first held-out set had been used, and run once (first blind run in README.md). */
export const HELDOUT_PAIRS_2_FILE = fileURLToPath(new URL('testdata/heldout-pairs-2.tsv', import.meta.url));
