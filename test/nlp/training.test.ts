import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWeights, trainTextModel } from '../../nlp/train.js';
import { createClassifier } from '../../nlp/classifier.js';
import { loadModel } from '../../nlp/model/serialize.js';
import { fitTemperature } from '../../nlp/model/calibrate.js';
import { loadProjectCorpus, publicDataDir } from '../../nlp/data/datasets.js';
import { withoutNearCopies } from '../../nlp/data/dedup.js';
import { parseCsv } from '../../nlp/data/csv.js';

const train = loadProjectCorpus('train');
const dev = loadProjectCorpus('dev');
// Every third training message: enough to learn from, quick enough to train several times in one test file.
const some = train.filter((_, i) => i % 3 === 0);

describe('training', () => {
  it(
    'learns the project corpus well enough to read the acts and families of its own development split',
    { timeout: 240_000 },
    () => {
      const r = trainTextModel({ trainingData: train, devData: dev, sgd: { epochs: 8 } });
      expect(r.stats.devActMacroF1).toBeGreaterThan(0.7);
      expect(r.stats.devMacroF1).toBeGreaterThan(0.8);
      expect(r.model.version).toMatch(/^aduan-text-v2@/);
      for (const h of r.model.heads) for (const t of h.calibration.temperatures) expect(t).toBeGreaterThan(0);
    },
  );

  it('is deterministic: the same data gives the same weights', () => {
    const small = train.slice(0, 300);
    const a = trainTextModel({ trainingData: small, devData: dev.slice(0, 50), sgd: { epochs: 3 } });
    const b = trainTextModel({ trainingData: small, devData: dev.slice(0, 50), sgd: { epochs: 3 } });
    expect(a.model.version).toBe(b.model.version);
  });

  it('lets staff corrections override what the data says', { timeout: 240_000 }, () => {
    const text = 'oke laporan diterima min';
    const before = createClassifier(
      trainTextModel({ trainingData: some, devData: dev, sgd: { epochs: 5 } }).model,
    ).classify(text);
    expect(before.label).toBe('statement');
    const corrections = Array.from({ length: 15 }, () => ({ text, label: 'complaint' as const }));
    const after = createClassifier(
      trainTextModel({ trainingData: some, devData: dev, corrections, sgd: { epochs: 5 } }).model,
    ).classify(text);
    expect(after.label).toBe('complaint');
  });

  it('writes the model file that the loader reads back', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'aduan-train-')), 'classifier.json');
    const r = trainTextModel({
      trainingData: train.slice(0, 200),
      devData: dev.slice(0, 40),
      sgd: { epochs: 2 },
      outPath: out,
    });
    expect(loadModel(out).version).toBe(r.model.version);
  });

  it('balances labels within each source and weighs sources', () => {
    const data = [
      { source: 'aduan', y: 0 },
      { source: 'aduan', y: 0 },
      { source: 'aduan', y: 1 },
      { source: 'smsa', y: 2 },
    ];
    const w = exampleWeights(data, { aduan: 2, smsa: 1 });
    expect(w[0]).toBeCloseTo(w[1]!);
    expect(w[2]).toBeCloseTo(2 * w[0]!);
    expect(w.reduce((a, b) => a + b, 0) / w.length).toBeCloseTo(1);
  });

  it('fits a temperature above 1 for an over-confident model', () => {
    // Logits say 10:0 but the model is right only 60 % of the time.
    const rows = Array.from({ length: 100 }, () => Float64Array.from([10, 0, 0]));
    const gold = Array.from({ length: 100 }, (_, i) => (i < 60 ? 0 : 1));
    expect(fitTemperature(rows, gold)).toBeGreaterThan(3);
  });

  it.skipIf(!existsSync(path.join(publicDataDir(), 'nusax-senti-indonesian')))(
    'trains the shipped configuration on the full data and reaches the project target on the development split',
    { timeout: 240_000 },
    () => {
      // Without the cross-fitted calibration, which changes confidences, not which act is most likely.
      const r = trainTextModel({ crossFitFolds: 0 });
      expect(r.stats.droppedNearCopies).toBeGreaterThan(300);
      expect(r.stats.devMacroF1).toBeGreaterThan(0.85);
      expect(r.stats.integrity.precision).toBeGreaterThanOrEqual(0.9);
    },
  );
});

describe('training data hygiene', () => {
  it('drops training texts that nearly repeat an evaluation text', () => {
    const { kept, dropped } = withoutNearCopies(
      [
        { text: 'Tempat ini sangat nyaman dan makanannya enak sekali , harganya murah' },
        { text: 'pelayanan kantor pajak lambat sekali hari ini' },
      ],
      ['Tempat ini sangat nyaman dan makanannya enak sekali, harganya juga murah.'],
    );
    expect(dropped).toBe(1);
    expect(kept.map((k) => k.text)).toEqual(['pelayanan kantor pajak lambat sekali hari ini']);
  });

  it('reads quoted CSV fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('id,text,label\n1,"a, ""b""\nc",positive\n2,plain,neutral\n')).toEqual([
      ['id', 'text', 'label'],
      ['1', 'a, "b"\nc', 'positive'],
      ['2', 'plain', 'neutral'],
    ]);
  });
});
