import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORPUS_FILE, loadProjectCorpus } from '../../nlp/data/datasets.js';
import { MESSAGE_LABELS } from '../../nlp/types.js';

const splits = { train: loadProjectCorpus('train'), dev: loadProjectCorpus('dev'), test: loadProjectCorpus('test') };
const all = [...splits.train, ...splits.dev, ...splits.test];
const key = (t: string): string =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

describe('the project corpus', () => {
  it('has at least 2,000 messages, balanced across the three labels', () => {
    expect(all.length).toBeGreaterThanOrEqual(2000);
    const mean = all.length / 3;
    for (const label of MESSAGE_LABELS) {
      const n = all.filter((d) => d.label === label).length;
      expect(Math.abs(n - mean) / mean).toBeLessThan(0.1);
    }
  });

  it('holds out a test split with every label, sharing no message with training', () => {
    for (const label of MESSAGE_LABELS)
      expect(splits.test.filter((d) => d.label === label).length).toBeGreaterThan(100);
    const trainKeys = new Set(splits.train.map((d) => key(d.text)));
    expect(splits.test.filter((d) => trainKeys.has(key(d.text)))).toEqual([]);
  });

  it('holds out whole template frames, so no frame feeds both training and test', () => {
    const rows = readFileSync(CORPUS_FILE, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    const splitOf = new Map<string, Set<string>>();
    for (const [, , split, origin] of rows) {
      if (!origin?.startsWith('tmpl:')) continue;
      const set = splitOf.get(origin) ?? new Set<string>();
      set.add(split ?? '');
      splitOf.set(origin, set);
    }
    expect(splitOf.size).toBeGreaterThan(100);
    for (const set of splitOf.values()) expect(set.size).toBe(1);
  });

  it('contains informal chat, sarcasm and English messages', () => {
    const texts = all.map((d) => d.text.toLowerCase());
    expect(texts.some((t) => t.includes('mantul'))).toBe(true);
    expect(texts.some((t) => /udh|gak|bgt/.test(t))).toBe(true);
    expect(
      texts.filter(
        (t) => /^(hebat|luar biasa|mantap|keren|salut)/.test(t) && all[texts.indexOf(t)]?.label === 'complaint',
      ).length,
    ).toBeGreaterThan(10);
    expect(texts.filter((t) => /\b(the|my|your)\b/.test(t)).length).toBeGreaterThan(50);
  });

  it('documents how it was made and which public data sets it uses under which licence', () => {
    const readme = readFileSync(fileURLToPath(new URL('../../nlp/corpus/README.md', import.meta.url)), 'utf8');
    for (const word of ['handwritten', 'templates', 'SmSA', 'NusaX', 'Apache-2.0', 'CC BY-SA 4.0', 'MIT'])
      expect(readme).toContain(word);
    expect(existsSync(fileURLToPath(new URL('../../nlp/lexicon/LICENSE-louisowen6', import.meta.url)))).toBe(true);
  });
});
