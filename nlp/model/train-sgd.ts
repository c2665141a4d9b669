// Trains multinomial logistic regressions with stochastic gradient descent on typed arrays. Several heads (each its
// own softmax over its own labels) share one weight matrix and are trained in the same pass, so each message's
// buckets are visited once per step for all of them. L2 regularisation uses the scaled-weights trick (w = scale * v)
// so each step touches only the message's own features.
import type { SparseVector } from '../features/extract.js';

/** One training message for one head: features, label index and weight. */
export interface TrainExample {
  x: SparseVector;
  /** Label index. */
  y: number;
  /** Example weight (balances classes and data sources). */
  weight: number;
}

/** One training message for several heads: a label and a weight per head (label -1: not used by that head). */
export interface MultiHeadExample {
  x: SparseVector;
  ys: readonly number[];
  weights: readonly number[];
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
export const DEFAULT_SGD: Omit<SgdOptions, 'dim' | 'classes'> = { epochs: 12, eta0: 0.5, lambda: 2e-6, seed: 7 };

/** Per-label gradients smaller than this (times the example weight) are not applied. */
export const MIN_GRADIENT = 1e-3;

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

/**
 * Trains heads with `classes[h]` labels each; returns weights [dim * sum(classes)] (a bucket's columns head after
 * head) and biases, minimising each head's weighted cross-entropy + L2.
 */
export function trainHeads(
  examples: readonly MultiHeadExample[],
  classes: readonly number[],
  opts: Omit<SgdOptions, 'classes'>,
): { weights: Float32Array; bias: Float32Array } {
  const W = classes.reduce((a, b) => a + b, 0);
  const offsets = classes.map((_, h) => classes.slice(0, h).reduce((a, b) => a + b, 0));
  const v = new Float64Array(opts.dim * W);
  const bias = new Float64Array(W);
  let scale = 1;
  const order = Array.from(examples.keys());
  const rand = prng(opts.seed);
  const z = new Float64Array(W);
  const activeCol = new Int32Array(W);
  const step = new Float64Array(W);
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
      for (let k = 0; k < W; k++) z[k] = bias[k] ?? 0;
      for (let i = 0; i < idx.length; i++) {
        const base = (idx[i] ?? 0) * W;
        const xv = (val[i] ?? 0) * scale;
        for (let k = 0; k < W; k++) z[k] = (z[k] ?? 0) + (v[base + k] ?? 0) * xv;
      }
      scale *= 1 - eta * opts.lambda;
      if (scale < 1e-6) {
        for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) * scale;
        scale = 1;
      }
      // Only labels with a gradient worth applying are updated: after the first epochs most of the sixteen acts
      // have a probability near zero for a given message, and skipping them is most of the training time.
      let active = 0;
      for (let h = 0; h < classes.length; h++) {
        const y = ex.ys[h] ?? -1;
        const w = ex.weights[h] ?? 0;
        if (y < 0 || w === 0) continue;
        const from = offsets[h] ?? 0;
        const to = from + (classes[h] ?? 0);
        let max = -Infinity;
        for (let k = from; k < to; k++) max = Math.max(max, z[k] ?? 0);
        let sum = 0;
        for (let k = from; k < to; k++) sum += Math.exp((z[k] ?? 0) - max);
        for (let k = from; k < to; k++) {
          const g = (Math.exp((z[k] ?? 0) - max) / sum - (k - from === y ? 1 : 0)) * w;
          if (Math.abs(g) < MIN_GRADIENT) continue;
          bias[k] = (bias[k] ?? 0) - eta * g * 0.1;
          activeCol[active] = k;
          step[active] = (eta * g) / scale;
          active++;
        }
      }
      if (active === 0) continue;
      for (let i = 0; i < idx.length; i++) {
        const base = (idx[i] ?? 0) * W;
        const xv = val[i] ?? 0;
        for (let a = 0; a < active; a++) {
          const p = base + (activeCol[a] ?? 0);
          v[p] = (v[p] ?? 0) - (step[a] ?? 0) * xv;
        }
      }
    }
  }
  const weights = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) weights[i] = (v[i] ?? 0) * scale;
  return { weights, bias: Float32Array.from(bias) };
}

/** Returns weights [dim * classes] and biases [classes] minimising weighted cross-entropy + L2 (one head). */
export function trainSgd(
  examples: readonly TrainExample[],
  opts: SgdOptions,
): { weights: Float32Array; bias: Float32Array } {
  return trainHeads(
    examples.map((e) => ({ x: e.x, ys: [e.y], weights: [e.weight] })),
    [opts.classes],
    opts,
  );
}
