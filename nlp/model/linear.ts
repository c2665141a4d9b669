// A linear model over hashed sparse features with several heads sharing one weight matrix: each bucket holds one
// weight per column, and a head is a run of columns (the dialogue act, the SOP family, integrity). One pass over a
// message's features scores every head, which is what makes tens of thousands of turns a second possible.
import type { FeatureConfig, SparseVector } from '../features/extract.js';
import type { BloomFilter } from '../features/bloom.js';

/**
 * A monotone map of the top probability, as knots joined by straight lines (flat beyond the first and last knot):
 * isotonic regression of "was the most likely label right?" on the tempered confidence, fitted on held-out data.
 */
export interface ConfidenceMap {
  /** Tempered confidences, increasing. */
  x: readonly number[];
  /** Calibrated confidences at those points, non-decreasing. */
  y: readonly number[];
}

/** How a head's logits become calibrated probabilities. */
export interface HeadCalibration {
  /** Softmax temperature per message-length band (see `lengthBand`), fitted on held-out data. */
  temperatures: readonly number[];
  /** Added to the tempered logits (a log prior), fitted with the temperatures; zeros when not fitted. */
  offsets: readonly number[];
  /**
   * Per length band, a map of the top probability applied after the temperature (the other labels share what is
   * left in their proportions, and the most likely label stays the most likely). Absent: temperature only.
   */
  maps?: readonly (ConfidenceMap | null)[];
}

/** One output of the model: its labels and where its columns sit in the weight matrix. */
export interface Head {
  name: string;
  labels: readonly string[];
  /** First column of this head. */
  offset: number;
  calibration: HeadCalibration;
  /** Decision threshold on the probability of the last label, for two-label heads (e.g. integrity). */
  threshold?: number;
}

/** The trained model in memory: everything needed to score a message, nothing needed to train. */
export interface LinearModel {
  /** Model file version, copied into every Classification.modelVersion. */
  version: string;
  features: FeatureConfig;
  heads: readonly Head[];
  /** Number of columns (sum of all heads' label counts). */
  width: number;
  /** weights[bucket * width + column]. */
  weights: Float32Array;
  bias: Float32Array;
  /**
   * Temperatures per length band applied last, to the act probabilities after the family heads are combined
   * (nlp/understand/reader.ts), fitted on held-out data so the confidence a turn reports is calibrated.
   */
  output?: HeadCalibration;
  /** Temperatures per length band for the family distribution summed from those act probabilities. */
  familyOutput?: HeadCalibration;
  /** Stems seen at least twice in training; used to recognise text the model knows nothing about. */
  vocabulary?: BloomFilter;
  /** Free-form training facts (date, data sizes, dev scores) saved with the model. */
  meta: Record<string, unknown>;
}

/** Message-length bands with their own temperature: one or two words, up to ten, longer (reviews, letters). */
export const LENGTH_BANDS = 3;

/** The length band of a message of `words` words. */
export function lengthBand(words: number): number {
  return words <= 2 ? 0 : words <= 10 ? 1 : 2;
}

/** The head with this name; throws when the model has none (a model file from another generation). */
export function headOf(model: LinearModel, name: string): Head {
  const head = model.heads.find((h) => h.name === name);
  if (!head) throw new Error(`model has no "${name}" head`);
  return head;
}

/** Raw scores (logits) of every column for a feature vector. */
export function logits(model: LinearModel, x: SparseVector, out = new Float64Array(model.width)): Float64Array {
  const K = model.width;
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

/** The head's slice of a logit row. */
export function headLogits(head: Head, row: Float64Array): Float64Array {
  return row.slice(head.offset, head.offset + head.labels.length);
}

/** Calibrated probabilities of a head's labels from its raw logits, for a message in length band `band`. */
export function calibrated(head: Head, z: Float64Array, band: number): Float64Array {
  const T = head.calibration.temperatures[band] ?? head.calibration.temperatures[0] ?? 1;
  const out = new Float64Array(z.length);
  for (let k = 0; k < z.length; k++) out[k] = (z[k] ?? 0) / T + (head.calibration.offsets[k] ?? 0);
  return softmax(out);
}

/** A calibration that changes nothing (temperature 1, no offsets). */
export function identityCalibration(labels: number): HeadCalibration {
  return { temperatures: new Array<number>(LENGTH_BANDS).fill(1), offsets: new Array<number>(labels).fill(0) };
}

/** The map's value at confidence c: linear between knots, flat beyond the ends. */
export function mapConfidence(map: ConfidenceMap, c: number): number {
  const { x, y } = map;
  const n = x.length;
  if (n === 0) return c;
  if (c <= (x[0] ?? 0)) return y[0] ?? c;
  if (c >= (x[n - 1] ?? 1)) return y[n - 1] ?? c;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((x[mid] ?? 0) <= c) lo = mid;
    else hi = mid;
  }
  const x0 = x[lo] ?? 0;
  const x1 = x[hi] ?? 1;
  const y0 = y[lo] ?? 0;
  const y1 = y[hi] ?? 1;
  return x1 > x0 ? y0 + ((c - x0) / (x1 - x0)) * (y1 - y0) : y1;
}

/**
 * The distribution with its top probability replaced by `map`'s value; the others are scaled to share the rest. The
 * new top value is kept above the (scaled) runner-up, so the ranking never changes.
 */
export function remapTop(p: Float64Array, map: ConfidenceMap): Float64Array {
  let best = 0;
  for (let k = 1; k < p.length; k++) if ((p[k] ?? 0) > (p[best] ?? 0)) best = k;
  const top = p[best] ?? 0;
  if (top >= 1 || p.length < 2) return p;
  let second = 0;
  for (let k = 0; k < p.length; k++) if (k !== best) second = Math.max(second, p[k] ?? 0);
  // With the others scaled by (1 - y) / (1 - top), y stays the largest when y >= second / (1 - top + second).
  const floor = second / (1 - top + second);
  const y = Math.min(1 - 1e-9, Math.max(mapConfidence(map, top), floor + 1e-9));
  const scale = (1 - y) / (1 - top);
  return p.map((v, k) => (k === best ? y : v * scale));
}

/**
 * A distribution raised to the power 1/T (T per length band) and renormalised: temperature scaling of probabilities;
 * then the band's confidence map, when the calibration has one.
 */
export function tempered(p: Float64Array, calibration: HeadCalibration | undefined, band: number): Float64Array {
  const T = calibration?.temperatures[band] ?? calibration?.temperatures[0] ?? 1;
  const map = calibration?.maps?.[band];
  let out = p;
  if (T !== 1) {
    out = p.map((v) => Math.pow(Math.max(v, 1e-300), 1 / T));
    const sum = out.reduce((a, b) => a + b, 0) || 1;
    out = out.map((v) => v / sum);
  }
  return map ? remapTop(out, map) : out;
}
