// The corpus line formats: a hand-written line (`text ## flag`) and a row of the built TSV. Shared by the builder
// (build-corpus.ts) and the loader (nlp/data/datasets.ts) so both read the flags the same way.
import type { DialogueAct } from '../types.js';

/** The project corpus splits: train, dev (calibration and model choice), test (held out, hand-written only). */
export type Split = 'train' | 'dev' | 'test';

/** Flags a corpus message may carry. */
export type CorpusFlag = 'integrity' | 'sarcasm' | 'mixed';

/** One message of the corpus. */
export interface CorpusRow {
  text: string;
  act: DialogueAct;
  split: Split;
  /** `hand`, or `tmpl:<family>:<frame>` for generated messages. */
  origin: string;
  flags: CorpusFlag[];
  /** For a mixed message: its praising part. */
  praise?: string;
}

const FLAG_RE = /\s+##\s+(integrity|sarcasm|mixed)(?::\s*(.+))?\s*$/;

/**
 * Parses one line of acts/<act>.txt: the message, then optionally ` ## integrity`, ` ## sarcasm` or
 * ` ## mixed: <praising part>`. Empty lines and lines starting with `//` give undefined.
 */
export function parseHandLine(raw: string): Omit<CorpusRow, 'act' | 'split' | 'origin'> | undefined {
  const line = raw.trim();
  if (line === '' || line.startsWith('//')) return undefined;
  const m = FLAG_RE.exec(line);
  if (!m) return { text: line, flags: [] };
  const flag = m[1] as CorpusFlag;
  const text = line.slice(0, m.index).trim();
  return flag === 'mixed' && m[2] ? { text, flags: [flag], praise: m[2].trim() } : { text, flags: [flag] };
}

/** Duplicate key: case, punctuation and spacing do not make a message new; emoji do. */
export function duplicateKey(t: string): string {
  return t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{Extended_Pictographic}]+/gu, ' ')
    .trim();
}
