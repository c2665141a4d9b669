import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, loadModel, saveModel } from '../../nlp/model/serialize.js';
import { DEFAULT_MODEL_PATH } from '../../nlp/model/paths.js';
import { DEFAULT_FEATURES } from '../../nlp/features/extract.js';
import { createBloom, bloomAdd, bloomHas } from '../../nlp/features/bloom.js';
import { DIALOGUE_ACTS } from '../../nlp/types.js';
import { identityCalibration, type LinearModel } from '../../nlp/model/linear.js';

function tinyModel(): LinearModel {
  const features = { ...DEFAULT_FEATURES, bits: 8 };
  const width = 5;
  const weights = new Float32Array((1 << 8) * width);
  weights[5 * width] = 1.27;
  weights[5 * width + 2] = -0.5;
  weights[5 * width + 4] = 0.003;
  weights[200 * width + 1] = 0.004;
  const vocabulary = createBloom(10);
  bloomAdd(vocabulary, 'bayar');
  return {
    version: 'test@1',
    features,
    heads: [
      {
        name: 'three',
        labels: ['a', 'b', 'c'],
        offset: 0,
        calibration: { temperatures: [0.9, 1, 1.2], offsets: [0, 0, 0] },
      },
      { name: 'two', labels: ['no', 'yes'], offset: 3, calibration: identityCalibration(2), threshold: 0.4 },
    ],
    width,
    weights,
    bias: Float32Array.from([0.1, 0, -0.1, 0.2, -0.2]),
    vocabulary,
    meta: { note: 'x' },
  };
}

describe('the model file', () => {
  it('round-trips weights through int8 quantisation within half a quantisation step of their head', () => {
    const m = tinyModel();
    const back = decodeModel(JSON.parse(JSON.stringify(encodeModel(m))));
    const step = [1.27 / 127, 1.27 / 127, 1.27 / 127, 0.003 / 127, 0.003 / 127];
    for (let i = 0; i < m.weights.length; i++) {
      expect(Math.abs((back.weights[i] ?? 0) - (m.weights[i] ?? 0))).toBeLessThanOrEqual(step[i % 5]! / 2 + 1e-7);
    }
    expect(back.version).toBe('test@1');
    expect(back.heads[0]?.calibration.temperatures).toEqual([0.9, 1, 1.2]);
    expect(back.heads[1]?.threshold).toBe(0.4);
    expect(Array.from(back.bias)).toEqual(Array.from(m.bias));
    expect(bloomHas(back.vocabulary!, 'bayar')).toBe(true);
  });

  it('gives each head its own quantisation scale, so a head of small weights keeps them', () => {
    const back = decodeModel(encodeModel(tinyModel()));
    // Head "two" holds only 0.003: one scale for the model (1.27 / 127 = 0.01) would round it to zero.
    expect(back.weights[5 * 5 + 4]).toBeCloseTo(0.003, 6);
  });

  it('stores only buckets with a non-zero quantised weight', () => {
    const encoded = encodeModel(tinyModel());
    // Bucket 200's weight 0.004 rounds to zero at a step of 0.01; only bucket 5 remains: 5 int8 weights.
    expect(Buffer.from(encoded.weights, 'base64').length).toBe(5);
  });

  it('saves and loads a file', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'aduan-model-')), 'm.json');
    saveModel(tinyModel(), file);
    expect(loadModel(file).version).toBe('test@1');
  });

  it('rejects a file of another format, with heads that do not add up, or with damaged weights', () => {
    expect(() => decodeModel({ format: 'something-else' })).toThrow(/not an aduan-linear-v2 model file/);
    const encoded = encodeModel(tinyModel());
    expect(() => decodeModel({ ...encoded, width: 6 })).toThrow(/heads/);
    expect(() => decodeModel({ ...encoded, weights: Buffer.from([1, 2]).toString('base64') })).toThrow(/disagree/);
  });

  it('ships a compact model (under 5 MB) with the act, family and integrity heads', () => {
    expect(statSync(DEFAULT_MODEL_PATH).size).toBeLessThan(5_000_000);
    const m = loadModel(DEFAULT_MODEL_PATH);
    expect(m.heads.map((h) => h.name)).toEqual(['act', 'family', 'integrity']);
    expect(m.heads[0]?.labels).toEqual(DIALOGUE_ACTS);
    expect(m.weights.length).toBe((1 << m.features.bits) * m.width);
    expect(m.heads[2]?.threshold).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')).format).toBe('aduan-linear-v2');
  });
});
