// Labelled data for training and evaluation: the project's own corpus (nlp/corpus/, dialogue acts) and the public
// sentiment sets in ../shared/data (IndoNLU SmSA, Apache-2.0; NusaX Indonesian, CC BY-SA 4.0), whose sentiment labels
// are mapped to ours: negative → complaint, positive → praise, neutral → statement (as acts and as families).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DIALOGUE_ACTS, familyOf, type DialogueAct, type MessageLabel } from '../types.js';
import type { CorpusFlag, Split } from '../corpus/format.js';
import { parseCsv } from './csv.js';

export type { Split } from '../corpus/format.js';

/** One labelled message and where it came from (sources are weighted differently in training). */
export interface LabeledText {
  text: string;
  /** The SOP family (complaint / praise / statement). */
  label: MessageLabel;
  /** The dialogue act; public sentiment data and staff corrections carry only the family, used as the act. */
  act: DialogueAct;
  /** Where the example comes from: "aduan", "smsa", "nusax", "correction". */
  source: string;
  /** Corpus flags ('integrity', 'sarcasm', 'mixed'); public data has none. */
  flags?: readonly CorpusFlag[];
  /** For a mixed corpus message: its praising part. */
  praise?: string;
  /** `hand` or `tmpl:<family>:<frame>` for corpus messages. */
  origin?: string;
}

const NLP_DIR = fileURLToPath(new URL('..', import.meta.url));
// The checkout: the nearest folder above with a package.json (nlp/ in the sources, dist/nlp/ in the compiled build).
let REPO_DIR = path.resolve(NLP_DIR, '..');
while (!existsSync(path.join(REPO_DIR, 'package.json')) && path.dirname(REPO_DIR) !== REPO_DIR) {
  REPO_DIR = path.dirname(REPO_DIR);
}

/** The project corpus file (TSV: text, label, split, origin). */
export const CORPUS_FILE = path.join(NLP_DIR, 'corpus', 'aduan-corpus.tsv');

/** Folder of the shared public data sets; ADUAN_PUBLIC_DATA overrides the default ../shared/data next to the repo. */
export function publicDataDir(): string {
  return process.env.ADUAN_PUBLIC_DATA ?? path.resolve(REPO_DIR, '..', 'shared', 'data');
}

const SENTIMENT_TO_LABEL: Record<string, MessageLabel> = {
  negative: 'complaint',
  positive: 'praise',
  neutral: 'statement',
};

function isAct(s: string): s is DialogueAct {
  return (DIALOGUE_ACTS as readonly string[]).includes(s);
}

/** A public example: its sentiment label mapped to a family, which is also its act. */
function publicExample(text: string, label: MessageLabel, source: string): LabeledText {
  return { text, label, act: label, source };
}

function requireFile(file: string): string {
  if (!existsSync(file)) {
    throw new Error(`missing data file ${file} (set ADUAN_PUBLIC_DATA to the folder holding indonlu-smsa/ and nusax-senti-indonesian/)`);
  }
  return readFileSync(file, 'utf8');
}

/** The project corpus, one split (columns: text, act, family, split, origin, flags, praise part). */
export function loadProjectCorpus(split: Split): LabeledText[] {
  const out: LabeledText[] = [];
  for (const line of requireFile(CORPUS_FILE).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [text, act, , s, origin, flags, praise] = line.split('\t');
    if (text === undefined || act === undefined || !isAct(act) || s !== split) continue;
    out.push({
      text,
      act,
      label: familyOf(act),
      source: 'aduan',
      origin: origin ?? '',
      flags: (flags ?? '').split(',').filter((f): f is CorpusFlag => f === 'integrity' || f === 'sarcasm' || f === 'mixed'),
      ...(praise ? { praise } : {}),
    });
  }
  return out;
}

/** IndoNLU SmSA (tab-separated text, sentiment; no header). */
export function loadSmsa(split: 'train' | 'valid' | 'test'): LabeledText[] {
  const file = path.join(publicDataDir(), 'indonlu-smsa', `${split}_preprocess.tsv`);
  const out: LabeledText[] = [];
  for (const line of requireFile(file).split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const label = SENTIMENT_TO_LABEL[line.slice(tab + 1).trim()];
    if (label) out.push(publicExample(line.slice(0, tab), label, 'smsa'));
  }
  return out;
}

/** NusaX sentiment, Indonesian (CSV id,text,label with a header). */
export function loadNusax(split: 'train' | 'valid' | 'test'): LabeledText[] {
  const file = path.join(publicDataDir(), 'nusax-senti-indonesian', `${split}.csv`);
  const rows = parseCsv(requireFile(file));
  const header = rows.shift() ?? [];
  const ti = header.indexOf('text');
  const li = header.indexOf('label');
  const out: LabeledText[] = [];
  for (const r of rows) {
    const label = SENTIMENT_TO_LABEL[(r[li] ?? '').trim()];
    const text = r[ti];
    if (label && text !== undefined) out.push(publicExample(text, label, 'nusax'));
  }
  return out;
}
