// A multinomial linear model over hashed sparse features: one weight per (bucket, label). Scoring a message is a
// few hundred multiply-adds, which is what makes tens of thousands of classifications a second possible.
import type { MessageLabel } from '../types.js';
import type { FeatureConfig, SparseVector } from '../features/extract.js';
import type { BloomFilter } from '../features/bloom.js';

/** The trained classifier in memory: everything needed to score a message, nothing needed to train. */
export interface LinearModel {
  /** Model file version, copied into every Classification.modelVersion. */
  version: string;
  labels: readonly MessageLabel[];
  features: FeatureConfig;
  /** weights[bucket * labels.length + k]. */
  weights: Float32Array;
  bias: Float32Array;
  /** Softmax temperature fitted on held-out development data so that confidences are calibrated. */
  temperature: number;
  /** Stems seen at least twice in training; used to recognise text the model knows nothing about. */
  vocabulary?: BloomFilter;
  /** Free-form training facts (date, data sizes, dev scores) saved with the model. */
  meta: Record<string, unknown>;
}

/** Raw scores (logits) of every label for a feature vector. */
export function logits(model: LinearModel, x: SparseVector, out = new Float64Array(model.labels.length)): Float64Array {
  const K = model.labels.length;
  for (let k = 0; k < K; k++) out[k] = model.bias[k] ?? 0;
  const { idx, val } = x;
  const w = model.weights;
  for (let i = 0; i < idx.length; i++) {
    const base = (idx[i] ?? 0) * K;
    const v = val[i] ?? 0;
    for (let k = 0; k < K; k++) out[k] = (out[k] ?? 0) + (w[base + k] ?? 0) * v;
  }
  return out;
}

/** Softmax of logits / temperature, in place. */
export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    const e = Math.exp(((z[k] ?? 0) - max) / temperature);
    z[k] = e;
    sum += e;
  }
  for (let k = 0; k < z.length; k++) z[k] = (z[k] ?? 0) / sum;
  return z;
}
