// Confidence calibration (issue 9: every confidence bin within 0.10 of its accuracy): the isotonic confidence maps
// fitted per length band after the temperature, how they reshape a distribution, and how the reliability tables
// tell a miscalibrated bin from a small one.
import { describe, expect, it } from 'vitest';
import { fitConfidenceMaps, fitIsotonic, reliability } from '../../nlp/model/calibrate.js';
import { mapConfidence, remapTop, tempered } from '../../nlp/model/linear.js';
import { prng } from '../../nlp/model/train-sgd.js';
import { formatReliability, samplingNoise } from '../../nlp/eval/run-eval.js';

/** Messages whose model says c but which are right only c² of the time: an over-confident model. */
function overConfident(n: number, seed: number): { conf: number[]; right: boolean[] } {
  const rand = prng(seed);
  const conf: number[] = [];
  const right: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const c = 0.3 + 0.7 * rand();
    conf.push(c);
    right.push(rand() < c * c);
  }
  return { conf, right };
}

describe('isotonic confidence maps', () => {
  it('are non-decreasing, with blocks of at least the minimum size', () => {
    const { conf, right } = overConfident(3000, 1);
    const map = fitIsotonic(conf, right, { minBlock: 50 });
    expect(map.x.length).toBeGreaterThan(3);
    for (let i = 1; i < map.x.length; i++) {
      expect(map.x[i]).toBeGreaterThan(map.x[i - 1] ?? 0);
      expect(map.y[i]).toBeGreaterThanOrEqual(map.y[i - 1] ?? 0);
    }
    expect(map.x.length).toBeLessThanOrEqual(3000 / 50);
  });

  it('bring an over-confident model within 0.05 of its accuracy in every populated bin of fresh data', () => {
    const fit = overConfident(6000, 2);
    const map = fitIsotonic(fit.conf, fit.right);
    const fresh = overConfident(6000, 3);
    const before = reliability(fresh.conf, fresh.right);
    const after = reliability(
      fresh.conf.map((c) => mapConfidence(map, c)),
      fresh.right,
    );
    expect(before.worstGap).toBeGreaterThan(0.15);
    for (const b of after.bins.filter((b) => b.count >= 200))
      expect(Math.abs(b.accuracy - b.meanConfidence)).toBeLessThan(0.05);
  });

  it('fall back to the map of all bands for a band with too few messages', () => {
    const { conf, right } = overConfident(400, 4);
    const bands = conf.map((_, i) => (i < 390 ? 1 : 2));
    const maps = fitConfidenceMaps(conf, right, bands, { minPerBand: 100 });
    expect(maps[2]).toEqual(fitIsotonic(conf, right));
    expect(maps[0]).toEqual(maps[2]);
    expect(maps[1]).not.toEqual(maps[2]);
  });
});

describe('a confidence map applied to a distribution', () => {
  const map = { x: [0.3, 0.6, 0.9], y: [0.2, 0.4, 0.8] };

  it('is linear between knots and flat beyond them', () => {
    expect(mapConfidence(map, 0.45)).toBeCloseTo(0.3);
    expect(mapConfidence(map, 0.1)).toBeCloseTo(0.2);
    expect(mapConfidence(map, 0.99)).toBeCloseTo(0.8);
  });

  it('sets the top probability, shares the rest in proportion and still sums to 1', () => {
    const p = remapTop(Float64Array.from([0.1, 0.7, 0.2]), map);
    expect(p[1]).toBeCloseTo(mapConfidence(map, 0.7));
    expect((p[0] ?? 0) / (p[2] ?? 1)).toBeCloseTo(0.5);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('never lets another label overtake the most likely one', () => {
    const p = remapTop(Float64Array.from([0.45, 0.4, 0.15]), { x: [0.4, 0.5], y: [0.1, 0.1] });
    expect(p[0]).toBeGreaterThan(p[1] ?? 1);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('comes after the temperature of the length band in tempered()', () => {
    const calibration = { temperatures: [1, 2, 1], offsets: [0, 0], maps: [null, map, null] };
    const p = tempered(Float64Array.from([0.9, 0.1]), calibration, 1);
    expect(p[0]).toBeCloseTo(mapConfidence(map, 0.75));
    expect(tempered(Float64Array.from([0.9, 0.1]), calibration, 0)[0]).toBeCloseTo(0.9);
  });
});

describe('reliability tables', () => {
  it('give every populated bin its sampling noise and count the bins over 0.10 beyond it', () => {
    // 5 messages at 0.35, all right: a gap of 0.65 that 5 messages cannot distinguish from noise.
    const conf = [...new Array<number>(5).fill(0.35), ...new Array<number>(400).fill(0.95)];
    const right = conf.map((c, i) => c < 0.5 || i % 5 !== 0);
    const text = formatReliability('t', reliability(conf, right));
    expect(text).toMatch(/0\.30-0\.40\s+5\s+0\.350\s+1\.000\s+\+0\.650\s+0\.427/);
    expect(text).toContain('bins with a gap over 0.10: 2, of which 2 beyond their sampling noise');
    expect(samplingNoise(0.5, 100)).toBeCloseTo(0.1);
  });
});
