// The saved model file: JSON with the non-zero weight buckets only, delta-encoded as varints and quantised to int8,
// both base64. A 2^18-bucket, 3-label model is about 1 MB on disk and decodes in a few milliseconds.
import { readFileSync, writeFileSync } from 'node:fs';
import { MESSAGE_LABELS, type MessageLabel } from '../types.js';
import { DEFAULT_FEATURES, type FeatureConfig } from '../features/extract.js';
import type { LinearModel } from './linear.js';

/** Format tag checked on load, so an incompatible file fails loudly instead of classifying nonsense. */
export const MODEL_FORMAT = 'aduan-linear-v1';

interface ModelFile {
  format: string;
  version: string;
  labels: string[];
  features: FeatureConfig;
  temperature: number;
  bias: number[];
  scale: number;
  buckets: string;
  weights: string;
  vocabulary?: { m: number; k: number; bits: string };
  meta: Record<string, unknown>;
}

function writeVarint(out: number[], v: number): void {
  let x = v >>> 0;
  while (x >= 0x80) {
    out.push((x & 0x7f) | 0x80);
    x >>>= 7;
  }
  out.push(x);
}

/** Quantises weights to int8 (one scale for the model) and drops buckets whose weights all round to zero. */
export function encodeModel(model: LinearModel): ModelFile {
  const K = model.labels.length;
  let maxAbs = 0;
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs > 0 ? maxAbs / 127 : 1;
  const bucketBytes: number[] = [];
  const q: number[] = [];
  const dim = model.weights.length / K;
  let last = 0;
  for (let b = 0; b < dim; b++) {
    let any = false;
    const row: number[] = [];
    for (let k = 0; k < K; k++) {
      const v = Math.round((model.weights[b * K + k] ?? 0) / scale);
      row.push(v);
      if (v !== 0) any = true;
    }
    if (!any) continue;
    writeVarint(bucketBytes, b - last);
    last = b;
    for (const v of row) q.push(v & 0xff);
  }
  return {
    format: MODEL_FORMAT,
    version: model.version,
    labels: [...model.labels],
    features: model.features,
    temperature: model.temperature,
    bias: Array.from(model.bias),
    scale,
    buckets: Buffer.from(bucketBytes).toString('base64'),
    weights: Buffer.from(q).toString('base64'),
    ...(model.vocabulary
      ? {
          vocabulary: {
            m: model.vocabulary.m,
            k: model.vocabulary.k,
            bits: Buffer.from(model.vocabulary.bits).toString('base64'),
          },
        }
      : {}),
    meta: model.meta,
  };
}

function isLabelList(x: unknown): x is MessageLabel[] {
  return Array.isArray(x) && x.length === MESSAGE_LABELS.length && x.every((l, i) => l === MESSAGE_LABELS[i]);
}

/** Rebuilds the in-memory model from a parsed model file; throws a clear error on a wrong or damaged file. */
export function decodeModel(raw: unknown): LinearModel {
  const f = raw as Partial<ModelFile> | null;
  if (!f || f.format !== MODEL_FORMAT) throw new Error(`not an ${MODEL_FORMAT} model file`);
  if (!isLabelList(f.labels)) throw new Error('model labels do not match MESSAGE_LABELS');
  if (typeof f.version !== 'string' || typeof f.buckets !== 'string' || typeof f.weights !== 'string') {
    throw new Error('model file lacks version, buckets or weights');
  }
  const features = { ...DEFAULT_FEATURES, ...f.features };
  const K = f.labels.length;
  const dim = 1 << features.bits;
  const weights = new Float32Array(dim * K);
  const buckets = Buffer.from(f.buckets, 'base64');
  const q = new Int8Array(Buffer.from(f.weights, 'base64'));
  const scale = typeof f.scale === 'number' ? f.scale : 1;
  let b = 0;
  let at = 0;
  let row = 0;
  while (at < buckets.length) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = buckets[at++] ?? 0;
      delta |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    b += delta;
    if (b >= dim) throw new Error('model bucket out of range');
    for (let k = 0; k < K; k++) weights[b * K + k] = (q[row * K + k] ?? 0) * scale;
    row++;
  }
  if (row * K !== q.length) throw new Error('model weights and buckets disagree');
  return {
    version: f.version,
    labels: f.labels,
    features,
    weights,
    bias: Float32Array.from(f.bias ?? new Array<number>(K).fill(0)),
    temperature: typeof f.temperature === 'number' && f.temperature > 0 ? f.temperature : 1,
    ...(f.vocabulary && typeof f.vocabulary.bits === 'string'
      ? {
          vocabulary: {
            m: f.vocabulary.m,
            k: f.vocabulary.k,
            bits: new Uint8Array(Buffer.from(f.vocabulary.bits, 'base64')),
          },
        }
      : {}),
    meta: f.meta ?? {},
  };
}

/** Writes the model file (compact JSON). */
export function saveModel(model: LinearModel, file: string): void {
  writeFileSync(file, `${JSON.stringify(encodeModel(model))}\n`);
}

/** Reads a model file written by saveModel. */
export function loadModel(file: string): LinearModel {
  return decodeModel(JSON.parse(readFileSync(file, 'utf8')));
}
