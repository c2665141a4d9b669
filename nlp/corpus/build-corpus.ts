// Builds nlp/corpus/aduan-corpus.tsv from the hand-written messages (handwritten/*.txt) and the template frames
// (templates.ts + slots.ts). Deterministic: the same inputs give the same file. Run:
//   node --import tsx nlp/corpus/build-corpus.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MessageLabel } from '../types.js';
import { MESSAGE_LABELS } from '../types.js';
import { prng } from '../model/train-sgd.js';
import { FAMILIES } from './templates.js';
import { SLOTS } from './slots.js';
import { augment } from './augment.js';

type Split = 'train' | 'dev' | 'test';
interface Row {
  text: string;
  label: MessageLabel;
  split: Split;
  origin: string;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** Messages per label in the finished corpus (hand-written plus generated). */
const TARGET_PER_LABEL = 860;

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function handSplit(text: string): Split {
  const r = fnv(`hand:${text}`) % 100;
  return r < 20 ? 'test' : r < 30 ? 'dev' : 'train';
}

function expand(frame: string, rand: () => number): string {
  let out = frame;
  for (let guard = 0; guard < 10 && /[{[]/.test(out); guard++) {
    out = out.replace(/\{(\w+)\}/g, (_, slot: string) => {
      const list = SLOTS[slot];
      if (!list) throw new Error(`unknown slot {${slot}} in frame: ${frame}`);
      return list[Math.floor(rand() * list.length)] ?? '';
    });
    out = out.replace(/\[([^[\]]*)\]/g, (_, alts: string) => {
      const options = alts.split('|');
      return options[Math.floor(rand() * options.length)] ?? '';
    });
  }
  out = out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.?!])/g, '$1')
    .replace(/,\s*,/g, ',')
    .trim();
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** Assigns whole frames to splits: in each family one frame (two if it has 7 or more) is test, one is dev. */
function frameSplits(familyId: string, n: number): Split[] {
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => fnv(`${familyId}#${a}`) - fnv(`${familyId}#${b}`),
  );
  const splits: Split[] = new Array<Split>(n).fill('train');
  let at = 0;
  const tests = n >= 7 ? 2 : 1;
  for (let t = 0; t < tests && at < n; t++) splits[order[at++] ?? 0] = 'test';
  if (n >= 5) splits[order[at++] ?? 0] = 'dev';
  return splits;
}

function main(): void {
  const rows: Row[] = [];
  const seen = new Set<string>();
  const key = (t: string): string =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();

  for (const label of MESSAGE_LABELS) {
    const lines = readFileSync(`${HERE}handwritten/${label}.txt`, 'utf8').split('\n');
    for (const raw of lines) {
      const text = raw.trim();
      if (text === '' || seen.has(key(text))) continue;
      seen.add(key(text));
      rows.push({ text, label, split: handSplit(text), origin: 'hand' });
    }
  }

  const rand = prng(20240601);
  for (const label of MESSAGE_LABELS) {
    const families = FAMILIES.filter((f) => f.label === label);
    const frames = families.flatMap((f) => {
      const splits = frameSplits(f.id, f.frames.length);
      return f.frames.map((frame, i) => ({ frame, split: splits[i] ?? 'train', origin: `tmpl:${f.id}:${i}` }));
    });
    const have = rows.filter((r) => r.label === label).length;
    const perFrame = Math.ceil((TARGET_PER_LABEL - have) / frames.length);
    for (const f of frames) {
      let made = 0;
      for (let attempt = 0; attempt < perFrame * 6 && made < perFrame; attempt++) {
        const text = augment(expand(f.frame, rand), rand).replace(/[\t\n]/g, ' ');
        if (text.length < 2 || seen.has(key(text))) continue;
        seen.add(key(text));
        rows.push({ text, label, split: f.split, origin: f.origin });
        made++;
      }
    }
  }

  const header = [
    '# Aduan citizen-message corpus. Columns: text, label (complaint|praise|statement), split (train|dev|test), origin.',
    '# Built by nlp/corpus/build-corpus.ts from handwritten/*.txt and templates.ts; see nlp/corpus/README.md.',
  ];
  const body = rows.map((r) => `${r.text}\t${r.label}\t${r.split}\t${r.origin}`);
  writeFileSync(`${HERE}aduan-corpus.tsv`, `${[...header, ...body].join('\n')}\n`);
  const count = (f: (r: Row) => boolean): number => rows.filter(f).length;
  for (const label of MESSAGE_LABELS) {
    console.log(
      `${label.padEnd(10)} total ${count((r) => r.label === label)}  hand ${count((r) => r.label === label && r.origin === 'hand')}  ` +
        `train ${count((r) => r.label === label && r.split === 'train')}  dev ${count((r) => r.label === label && r.split === 'dev')}  test ${count((r) => r.label === label && r.split === 'test')}`,
    );
  }
  console.log(`total ${rows.length}`);
}

main();
