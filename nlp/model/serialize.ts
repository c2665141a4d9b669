// The saved model file: JSON with the non-zero weight buckets only, delta-encoded as varints, each head's weights
// quantised to int8 with its own scale, both base64. Decodes in a few milliseconds.
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_FEATURES, type FeatureConfig } from '../features/extract.js';
import { LENGTH_BANDS, type Head, type HeadCalibration, type LinearModel } from './linear.js';

/** Format tag checked on load, so an incompatible file fails loudly instead of reading nonsense. */
export const MODEL_FORMAT = 'aduan-linear-v2';

interface HeadFile {
  name: string;
  labels: string[];
  offset: number;
  calibration: HeadCalibration;
  threshold?: number;
  /** int8 scale of this head's columns. */
  scale: number;
}

interface ModelFile {
  format: string;
  version: string;
  features: FeatureConfig;
  width: number;
  heads: HeadFile[];
  bias: number[];
  buckets: string;
  weights: string;
  output?: HeadCalibration;
  familyOutput?: HeadCalibration;
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

function columnScale(model: LinearModel, head: Head): number {
  const K = model.width;
  let maxAbs = 0;
  for (let b = 0; b < model.weights.length / K; b++) {
    for (let k = head.offset; k < head.offset + head.labels.length; k++) {
      maxAbs = Math.max(maxAbs, Math.abs(model.weights[b * K + k] ?? 0));
    }
  }
  return maxAbs > 0 ? maxAbs / 127 : 1;
}

/** Quantises weights to int8 (one scale per head) and drops buckets whose weights all round to zero. */
export function encodeModel(model: LinearModel): ModelFile {
  const K = model.width;
  const scaleOf = new Float64Array(K);
  const heads: HeadFile[] = model.heads.map((h) => {
    const scale = columnScale(model, h);
    for (let k = h.offset; k < h.offset + h.labels.length; k++) scaleOf[k] = scale;
    return {
      name: h.name,
      labels: [...h.labels],
      offset: h.offset,
      calibration: h.calibration,
      ...(h.threshold !== undefined ? { threshold: h.threshold } : {}),
      scale,
    };
  });
  const bucketBytes: number[] = [];
  const q: number[] = [];
  const dim = model.weights.length / K;
  const row = new Array<number>(K);
  let last = 0;
  for (let b = 0; b < dim; b++) {
    let any = false;
    for (let k = 0; k < K; k++) {
      const v = Math.round((model.weights[b * K + k] ?? 0) / (scaleOf[k] ?? 1));
      row[k] = Math.max(-127, Math.min(127, v));
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
    features: model.features,
    width: K,
    heads,
    bias: Array.from(model.bias),
    buckets: Buffer.from(bucketBytes).toString('base64'),
    weights: Buffer.from(q).toString('base64'),
    ...(model.output ? { output: model.output } : {}),
    ...(model.familyOutput ? { familyOutput: model.familyOutput } : {}),
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

function validHeads(heads: unknown, width: number): heads is HeadFile[] {
  if (!Array.isArray(heads) || heads.length === 0) return false;
  let next = 0;
  for (const h of heads as Partial<HeadFile>[]) {
    if (typeof h.name !== 'string' || !Array.isArray(h.labels) || h.offset !== next) return false;
    const cal = h.calibration;
    if (!cal || !Array.isArray(cal.temperatures) || cal.temperatures.length !== LENGTH_BANDS) return false;
    if (!Array.isArray(cal.offsets) || cal.offsets.length !== h.labels.length) return false;
    next += h.labels.length;
  }
  return next === width;
}

function validMaps(maps: HeadCalibration['maps']): boolean {
  if (maps === undefined) return true;
  return (
    Array.isArray(maps) &&
    maps.length === LENGTH_BANDS &&
    maps.every(
      (m) =>
        m === null ||
        (Array.isArray(m.x) &&
          Array.isArray(m.y) &&
          m.x.length === m.y.length &&
          [...m.x, ...m.y].every((v) => typeof v === 'number' && Number.isFinite(v))),
    )
  );
}

function validOutput(c: HeadCalibration | undefined): c is HeadCalibration {
  return !!c && Array.isArray(c.temperatures) && c.temperatures.length === LENGTH_BANDS && validMaps(c.maps);
}

/** Rebuilds the in-memory model from a parsed model file; throws a clear error on a wrong or damaged file. */
export function decodeModel(raw: unknown): LinearModel {
  const f = raw as Partial<ModelFile> | null;
  if (!f || f.format !== MODEL_FORMAT) throw new Error(`not an ${MODEL_FORMAT} model file`);
  if (typeof f.version !== 'string' || typeof f.buckets !== 'string' || typeof f.weights !== 'string') {
    throw new Error('model file lacks version, buckets or weights');
  }
  const K = f.width ?? 0;
  if (!validHeads(f.heads, K)) throw new Error('model heads do not add up to its width');
  const features = { ...DEFAULT_FEATURES, ...f.features };
  const dim = 1 << features.bits;
  const weights = new Float32Array(dim * K);
  const buckets = Buffer.from(f.buckets, 'base64');
  const q = new Int8Array(Buffer.from(f.weights, 'base64'));
  const scaleOf = new Float64Array(K);
  for (const h of f.heads) for (let k = h.offset; k < h.offset + h.labels.length; k++) scaleOf[k] = h.scale;
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
    for (let k = 0; k < K; k++) weights[b * K + k] = (q[row * K + k] ?? 0) * (scaleOf[k] ?? 1);
    row++;
  }
  if (row * K !== q.length) throw new Error('model weights and buckets disagree');
  const heads: Head[] = f.heads.map((h) => ({
    name: h.name,
    labels: h.labels,
    offset: h.offset,
    calibration: h.calibration,
    ...(typeof h.threshold === 'number' ? { threshold: h.threshold } : {}),
  }));
  return {
    version: f.version,
    features,
    heads,
    width: K,
    weights,
    bias: Float32Array.from(f.bias ?? new Array<number>(K).fill(0)),
    ...(validOutput(f.output) ? { output: f.output } : {}),
    ...(validOutput(f.familyOutput) ? { familyOutput: f.familyOutput } : {}),
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
