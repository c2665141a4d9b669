import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORPUS_FILE, loadProjectCorpus } from '../../nlp/data/datasets.js';
import { duplicateKey, parseHandLine } from '../../nlp/corpus/format.js';
import { DIALOGUE_ACTS } from '../../nlp/types.js';

const splits = { train: loadProjectCorpus('train'), dev: loadProjectCorpus('dev'), test: loadProjectCorpus('test') };
const all = [...splits.train, ...splits.dev, ...splits.test];

describe('the project corpus', () => {
  it('has every dialogue act, each with hundreds of messages and hand-written held-out ones', () => {
    expect(all.length).toBeGreaterThanOrEqual(8000);
    for (const act of DIALOGUE_ACTS) {
      expect(all.filter((d) => d.act === act).length, act).toBeGreaterThanOrEqual(300);
      expect(splits.test.filter((d) => d.act === act).length, act).toBeGreaterThanOrEqual(10);
    }
  });

  it('holds out hand-written messages only, sharing no message with training', () => {
    expect(splits.test.every((d) => d.origin === 'hand')).toBe(true);
    const trainKeys = new Set(splits.train.map((d) => duplicateKey(d.text)));
    expect(splits.test.filter((d) => trainKeys.has(duplicateKey(d.text)))).toEqual([]);
  });

  it('keeps each template frame in one split, so no frame feeds both training and development', () => {
    const splitOf = new Map<string, Set<string>>();
    for (const [name, rows] of Object.entries(splits)) {
      for (const d of rows) {
        if (!d.origin?.startsWith('tmpl:')) continue;
        splitOf.set(d.origin, (splitOf.get(d.origin) ?? new Set()).add(name));
      }
    }
    expect(splitOf.size).toBeGreaterThan(150);
    for (const set of splitOf.values()) expect(set.size).toBe(1);
  });

  it('holds integrity reports, sarcasm and mixed messages, with enough reports held out to measure recall', () => {
    expect(splits.test.filter((d) => d.flags?.includes('integrity')).length).toBeGreaterThanOrEqual(50);
    expect(all.filter((d) => d.flags?.includes('sarcasm')).length).toBeGreaterThan(20);
    const mixed = all.filter((d) => d.flags?.includes('mixed') && d.origin === 'hand');
    expect(mixed.length).toBeGreaterThan(10);
    for (const d of mixed) expect(d.text).toContain(d.praise ?? '\u0000');
  });

  it('contains informal chat, English, Javanese and Minang messages', () => {
    const texts = all.map((d) => d.text.toLowerCase());
    const count = (re: RegExp): number => texts.filter((t) => re.test(t)).length;
    expect(count(/\b(udh|gak|bgt|blm|mksh|tlg|sy)\b/)).toBeGreaterThan(200);
    expect(count(/\b(the|my|your)\b/)).toBeGreaterThan(100);
    expect(count(/\b(ora|durung|didandani|njaluk|mbok)\b/)).toBeGreaterThan(20);
    expect(count(/\b(indak|ambo|baa|alun|bana)\b/)).toBeGreaterThan(20);
  });

  it('reads flags and the praising part from a hand-written line', () => {
    expect(parseHandLine('petugas minta amplop ## integrity')).toEqual({
      text: 'petugas minta amplop',
      flags: ['integrity'],
    });
    expect(parseHandLine('ramah, tapi lama ## mixed: ramah')).toEqual({
      text: 'ramah, tapi lama',
      flags: ['mixed'],
      praise: 'ramah',
    });
    expect(parseHandLine('   ')).toBeUndefined();
    expect(parseHandLine('#bapenda lemot')).toEqual({ text: '#bapenda lemot', flags: [] });
  });

  it('documents how it was made and which public data sets it uses under which licence', () => {
    const readme = readFileSync(fileURLToPath(new URL('../../nlp/corpus/README.md', import.meta.url)), 'utf8');
    for (const word of ['acts/', 'templates', 'held-out', 'SmSA', 'NusaX', 'Apache-2.0', 'CC BY-SA 4.0', 'MIT'])
      expect(readme).toContain(word);
    expect(existsSync(fileURLToPath(new URL('../../nlp/lexicon/LICENSE-louisowen6', import.meta.url)))).toBe(true);
    expect(readFileSync(CORPUS_FILE, 'utf8').startsWith('# Aduan citizen-message corpus')).toBe(true);
  });
});
