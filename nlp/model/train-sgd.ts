// Trains the multinomial logistic regression with stochastic gradient descent on typed arrays. L2 regularisation
// uses the scaled-weights trick (w = scale * v) so each step touches only the message's own features.
import type { SparseVector } from '../features/extract.js';

/** One training message as features, label index and weight. */
export interface TrainExample {
  x: SparseVector;
  /** Label index. */
  y: number;
  /** Example weight (balances classes and data sources). */
  weight: number;
}

/** Training settings; DEFAULT_SGD holds the shipped ones. */
export interface SgdOptions {
  dim: number;
  classes: number;
  epochs: number;
  /** Initial learning rate. */
  eta0: number;
  /** L2 regularisation strength per example. */
  lambda: number;
  seed: number;
}

/** Settings chosen on the development split (see nlp/corpus/README.md). */
export const DEFAULT_SGD: Omit<SgdOptions, 'dim' | 'classes'> = { epochs: 20, eta0: 0.5, lambda: 2e-6, seed: 7 };

/** A small deterministic PRNG (mulberry32) so that training is reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns weights [dim * classes] and biases [classes] minimising weighted cross-entropy + L2. */
export function trainSgd(
  examples: readonly TrainExample[],
  opts: SgdOptions,
): { weights: Float32Array; bias: Float32Array } {
  const K = opts.classes;
  const v = new Float64Array(opts.dim * K);
  const bias = new Float64Array(K);
  let scale = 1;
  const order = Array.from(examples.keys());
  const rand = prng(opts.seed);
  const z = new Float64Array(K);
  let t = 0;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const tmp = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = tmp;
    }
    for (const n of order) {
      const ex = examples[n];
      if (!ex) continue;
      const eta = opts.eta0 / (1 + opts.eta0 * opts.lambda * t);
      t++;
      const { idx, val } = ex.x;
      for (let k = 0; k < K; k++) z[k] = bias[k] ?? 0;
      for (let i = 0; i < idx.length; i++) {
        const base = (idx[i] ?? 0) * K;
        const xv = (val[i] ?? 0) * scale;
        for (let k = 0; k < K; k++) z[k] = (z[k] ?? 0) + (v[base + k] ?? 0) * xv;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, z[k] ?? 0);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        const e = Math.exp((z[k] ?? 0) - max);
        z[k] = e;
        sum += e;
      }
      scale *= 1 - eta * opts.lambda;
      if (scale < 1e-6) {
        for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) * scale;
        scale = 1;
      }
      for (let k = 0; k < K; k++) {
        const g = ((z[k] ?? 0) / sum - (k === ex.y ? 1 : 0)) * ex.weight;
        if (g === 0) continue;
        bias[k] = (bias[k] ?? 0) - eta * g * 0.1;
        const step = (eta * g) / scale;
        for (let i = 0; i < idx.length; i++) {
          const p = (idx[i] ?? 0) * K + k;
          v[p] = (v[p] ?? 0) - step * (val[i] ?? 0);
        }
      }
    }
  }
  const weights = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) weights[i] = (v[i] ?? 0) * scale;
  return { weights, bias: Float32Array.from(bias) };
}
