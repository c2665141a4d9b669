import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, loadModel, saveModel } from '../../nlp/model/serialize.js';
import { DEFAULT_MODEL_PATH } from '../../nlp/model/paths.js';
import { DEFAULT_FEATURES } from '../../nlp/features/extract.js';
import { createBloom, bloomAdd, bloomHas } from '../../nlp/features/bloom.js';
import { MESSAGE_LABELS } from '../../nlp/types.js';
import type { LinearModel } from '../../nlp/model/linear.js';

function tinyModel(): LinearModel {
  const features = { ...DEFAULT_FEATURES, bits: 8 };
  const weights = new Float32Array((1 << 8) * 3);
  weights[5 * 3] = 1.27;
  weights[5 * 3 + 2] = -0.5;
  weights[200 * 3 + 1] = 0.004;
  const vocabulary = createBloom(10);
  bloomAdd(vocabulary, 'bayar');
  return {
    version: 'test@1',
    labels: MESSAGE_LABELS,
    features,
    weights,
    bias: Float32Array.from([0.1, 0, -0.1]),
    temperature: 0.9,
    vocabulary,
    meta: { note: 'x' },
  };
}

describe('the model file', () => {
  it('round-trips weights through int8 quantisation within half a quantisation step', () => {
    const m = tinyModel();
    const back = decodeModel(JSON.parse(JSON.stringify(encodeModel(m))));
    const step = 1.27 / 127;
    for (let i = 0; i < m.weights.length; i++)
      expect(Math.abs((back.weights[i] ?? 0) - (m.weights[i] ?? 0))).toBeLessThanOrEqual(step / 2 + 1e-7);
    expect(back.version).toBe('test@1');
    expect(back.temperature).toBeCloseTo(0.9);
    expect(Array.from(back.bias)).toEqual(Array.from(m.bias));
    expect(bloomHas(back.vocabulary!, 'bayar')).toBe(true);
  });

  it('stores only buckets with a non-zero quantised weight', () => {
    const encoded = encodeModel(tinyModel());
    // Bucket 200's weight 0.004 rounds to zero at a step of 0.01; only bucket 5 remains: 3 int8 weights.
    expect(Buffer.from(encoded.weights, 'base64').length).toBe(3);
  });

  it('saves and loads a file', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'aduan-model-')), 'm.json');
    saveModel(tinyModel(), file);
    expect(loadModel(file).version).toBe('test@1');
  });

  it('rejects a file of another format or with damaged weights', () => {
    expect(() => decodeModel({ format: 'something-else' })).toThrow(/not an aduan-linear-v1 model file/);
    const encoded = encodeModel(tinyModel());
    expect(() => decodeModel({ ...encoded, labels: ['praise', 'complaint', 'statement'] })).toThrow(/labels/);
    expect(() => decodeModel({ ...encoded, weights: Buffer.from([1, 2]).toString('base64') })).toThrow(/disagree/);
  });

  it('ships a compact model (under 3 MB) that loads in a single call', () => {
    expect(statSync(DEFAULT_MODEL_PATH).size).toBeLessThan(3_000_000);
    const m = loadModel(DEFAULT_MODEL_PATH);
    expect(m.weights.length).toBe((1 << m.features.bits) * 3);
    expect(JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')).format).toBe('aduan-linear-v1');
  });
});
