// Trains the message classifier (`./bin/aduan nlp train`): features, SGD, temperature calibration on held-out data,
// int8 quantisation, and a version string stamped into every Classification. Takes about 10 s on one core.
import { createHash } from 'node:crypto';
import { MESSAGE_LABELS } from './types.js';
import { buildTrainingData, type Correction } from './data/training-set.js';
import type { LabeledText } from './data/datasets.js';
import { prepareText } from './text/prepare.js';
import { DEFAULT_FEATURES, extractFeatures, type FeatureConfig } from './features/extract.js';
import { DEFAULT_SGD, trainSgd, type SgdOptions, type TrainExample } from './model/train-sgd.js';
import { logits, softmax, type LinearModel } from './model/linear.js';
import { expectedCalibrationError, fitTemperature } from './model/calibrate.js';
import { decodeModel, encodeModel, saveModel } from './model/serialize.js';
import { DEFAULT_MODEL_PATH, MODEL_NAME } from './model/paths.js';
import { evaluate } from './eval/metrics.js';
import { bloomAdd, createBloom, type BloomFilter } from './features/bloom.js';
import { stem } from './text/stem.js';

/** Relative weight of one example from each source, before balancing the labels within the source. */
export const DEFAULT_SOURCE_WEIGHTS: Record<string, number> = { aduan: 5, correction: 10, nusax: 1.5, smsa: 1 };

/** What to train on and how; every field is optional (the defaults train the shipped model). */
export interface TrainOptions {
  corrections?: readonly Correction[];
  /** Train on exactly these examples instead of the standard training data. */
  trainingData?: readonly LabeledText[];
  /** Calibrate on these examples instead of the standard development data. With both given, no data files are read. */
  devData?: readonly LabeledText[];
  features?: Partial<FeatureConfig>;
  sgd?: Partial<Omit<SgdOptions, 'dim' | 'classes'>>;
  sourceWeights?: Record<string, number>;
  /** Where to write the model; omit to keep it in memory only. */
  outPath?: string;
  log?: (line: string) => void;
}

/** The trained model and the figures the CLI prints about it. */
export interface TrainResult {
  model: LinearModel;
  stats: {
    examples: Record<string, number>;
    droppedNearCopies: number;
    devMacroF1: number;
    devCalibrationError: number;
    temperature: number;
    seconds: number;
  };
}

/** Label-balanced example weights: within each source every label gets the same total weight. */
export function exampleWeights(data: readonly LabeledText[], sourceWeights: Record<string, number>): number[] {
  const counts = new Map<string, number>();
  const perSource = new Map<string, number>();
  for (const d of data) {
    counts.set(`${d.source}/${d.label}`, (counts.get(`${d.source}/${d.label}`) ?? 0) + 1);
    perSource.set(d.source, (perSource.get(d.source) ?? 0) + 1);
  }
  const raw = data.map((d) => {
    const n = perSource.get(d.source) ?? 1;
    const nl = counts.get(`${d.source}/${d.label}`) ?? 1;
    return (sourceWeights[d.source] ?? 1) * (n / (MESSAGE_LABELS.length * nl));
  });
  const mean = raw.reduce((a, b) => a + b, 0) / (raw.length || 1);
  return raw.map((w) => w / mean);
}

/** Bloom filter of the stems that occur at least twice in the training texts. */
function vocabularyOf(docs: readonly (readonly string[])[]): BloomFilter {
  const counts = new Map<string, number>();
  for (const words of docs) for (const w of words) counts.set(stem(w), (counts.get(stem(w)) ?? 0) + 1);
  const known = [...counts].filter(([, n]) => n >= 2).map(([s]) => s);
  const bloom = createBloom(known.length);
  for (const s of known) bloomAdd(bloom, s);
  return bloom;
}

/** Trains, calibrates and (with outPath) saves the classifier. Deterministic for the same data and options. */
export function trainClassifier(opts: TrainOptions = {}): TrainResult {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const features: FeatureConfig = { ...DEFAULT_FEATURES, ...opts.features };
  const sgd = { ...DEFAULT_SGD, ...opts.sgd };
  const standard =
    opts.trainingData && opts.devData
      ? { train: [], dev: [], droppedNearCopies: 0 }
      : buildTrainingData(opts.corrections);
  const corrections = (opts.corrections ?? []).map((c) => ({ text: c.text, label: c.label, source: 'correction' }));
  const data = {
    train: opts.trainingData ? [...opts.trainingData, ...corrections] : standard.train,
    dev: opts.devData ? [...opts.devData] : standard.dev,
    droppedNearCopies: standard.droppedNearCopies,
  };
  const examplesBySource: Record<string, number> = {};
  for (const d of data.train) examplesBySource[d.source] = (examplesBySource[d.source] ?? 0) + 1;
  log(
    `training examples: ${JSON.stringify(examplesBySource)} (${data.droppedNearCopies} public texts dropped as near copies of evaluation texts)`,
  );

  const prepared = data.train.map((d) => prepareText(d.text));
  const vocabulary = vocabularyOf(prepared.map((p) => p.words));
  const weights = exampleWeights(data.train, { ...DEFAULT_SOURCE_WEIGHTS, ...opts.sourceWeights });
  const examples: TrainExample[] = data.train.map((d, i) => ({
    x: extractFeatures(prepared[i] ?? prepareText(d.text), features),
    y: MESSAGE_LABELS.indexOf(d.label),
    weight: weights[i] ?? 1,
  }));
  const trained = trainSgd(examples, { ...sgd, dim: 1 << features.bits, classes: MESSAGE_LABELS.length });
  let model: LinearModel = {
    version: 'unversioned',
    labels: MESSAGE_LABELS,
    features,
    weights: trained.weights,
    bias: trained.bias,
    temperature: 1,
    vocabulary,
    meta: {},
  };
  // Quantise first so that calibration and the dev score describe the model as it is shipped.
  model = decodeModel(encodeModel(model));

  const devRows = data.dev.map((d) => logits(model, extractFeatures(prepareText(d.text), features)));
  const devGold = data.dev.map((d) => MESSAGE_LABELS.indexOf(d.label));
  const temperature = fitTemperature(devRows, devGold);
  const predicted = devRows.map((z) => softmax(Float64Array.from(z), temperature));
  const best = predicted.map((p) => p.indexOf(Math.max(...p)));
  const dev = evaluate(
    data.dev.map((d) => d.label),
    best.map((k) => MESSAGE_LABELS[k] ?? 'statement'),
  );
  const ece = expectedCalibrationError(
    predicted.map((p) => Math.max(...p)),
    best.map((k, i) => k === devGold[i]),
  );
  const seconds = (performance.now() - started) / 1000;
  const digest = createHash('sha256').update(Buffer.from(model.weights.buffer)).digest('hex').slice(0, 8);
  const date = new Date().toISOString().slice(0, 10);
  model = {
    ...model,
    temperature,
    version: `${MODEL_NAME}@${date}+${digest}`,
    meta: {
      trainedAt: new Date().toISOString(),
      examples: examplesBySource,
      droppedNearCopies: data.droppedNearCopies,
      devMacroF1: Number(dev.macroF1.toFixed(4)),
      devCalibrationError: Number(ece.toFixed(4)),
      sgd,
      sourceWeights: { ...DEFAULT_SOURCE_WEIGHTS, ...opts.sourceWeights },
      data: 'nlp/corpus/aduan-corpus.tsv (train split) + staff corrections + IndoNLU SmSA train (Apache-2.0) + NusaX-senti Indonesian train (CC BY-SA 4.0)',
    },
  };
  log(
    `dev macro-F1 ${dev.macroF1.toFixed(3)}, temperature ${temperature.toFixed(3)}, calibration error ${ece.toFixed(3)}, ${seconds.toFixed(1)} s`,
  );
  if (opts.outPath) saveModel(model, opts.outPath);
  return {
    model,
    stats: {
      examples: examplesBySource,
      droppedNearCopies: data.droppedNearCopies,
      devMacroF1: dev.macroF1,
      devCalibrationError: ece,
      temperature,
      seconds,
    },
  };
}

// Re-exported so `nlp train` can name the default output file without importing model internals.
export { DEFAULT_MODEL_PATH };
