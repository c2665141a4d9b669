// Calibration: a temperature T per message-length band divides the logits before the softmax, chosen to minimise
// the negative log-likelihood on held-out data; two-label heads also fit an offset (Platt scaling). It leaves the
// ranking within a message unchanged and makes "confidence 0.8" mean about 80 % right, which the clarify
// threshold relies on. Short chat turns and long review-like texts are over-confident by different amounts, so
// each length band gets its own temperature (issue 9: NusaX messages at 0.80-0.90 were right 65 % of the time).
import { LENGTH_BANDS, type HeadCalibration } from './linear.js';

/** Mean negative log-likelihood of gold labels under softmax(logits / T + offsets). */
export function nll(
  logitRows: readonly Float64Array[],
  gold: readonly number[],
  T: number,
  offsets: readonly number[] = [],
): number {
  let total = 0;
  logitRows.forEach((z, i) => {
    let max = -Infinity;
    for (let k = 0; k < z.length; k++) max = Math.max(max, (z[k] ?? 0) / T + (offsets[k] ?? 0));
    let sum = 0;
    for (let k = 0; k < z.length; k++) sum += Math.exp((z[k] ?? 0) / T + (offsets[k] ?? 0) - max);
    const g = gold[i] ?? 0;
    total += -((z[g] ?? 0) / T + (offsets[g] ?? 0) - max - Math.log(sum));
  });
  return logitRows.length ? total / logitRows.length : 0;
}

/** The temperature in [0.05, 20] with the lowest NLL (golden-section search on log T). */
export function fitTemperature(
  logitRows: readonly Float64Array[],
  gold: readonly number[],
  offsets: readonly number[] = [],
): number {
  if (logitRows.length === 0) return 1;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  const f = (logT: number): number => nll(logitRows, gold, Math.exp(logT), offsets);
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = f(a);
  let fb = f(b);
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = f(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = f(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** Offsets (log priors, the first fixed at 0) minimising NLL at fixed temperatures, by gradient descent. */
function fitOffsets(
  rows: readonly Float64Array[],
  gold: readonly number[],
  temps: readonly number[],
  bands: readonly number[],
): number[] {
  const K = rows[0]?.length ?? 0;
  const offsets = new Array<number>(K).fill(0);
  const p = new Float64Array(K);
  for (let iter = 0; iter < 300; iter++) {
    const grad = new Array<number>(K).fill(0);
    rows.forEach((z, i) => {
      const T = temps[bands[i] ?? 0] ?? 1;
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, (z[k] ?? 0) / T + (offsets[k] ?? 0));
      let sum = 0;
      for (let k = 0; k < K; k++) {
        p[k] = Math.exp((z[k] ?? 0) / T + (offsets[k] ?? 0) - max);
        sum += p[k] ?? 0;
      }
      for (let k = 0; k < K; k++) grad[k] = (grad[k] ?? 0) + (p[k] ?? 0) / sum - (k === gold[i] ? 1 : 0);
    });
    for (let k = 1; k < K; k++) offsets[k] = (offsets[k] ?? 0) - (2 * (grad[k] ?? 0)) / rows.length;
  }
  return offsets;
}

/**
 * Fits one temperature per length band (a band with fewer than `minPerBand` examples borrows the temperature of
 * all the data) and, when `withOffsets`, per-label offsets; alternates the two a few times.
 */
export function fitCalibration(
  rows: readonly Float64Array[],
  gold: readonly number[],
  bands: readonly number[],
  opts: { withOffsets?: boolean; minPerBand?: number } = {},
): HeadCalibration {
  const K = rows[0]?.length ?? 0;
  const minPerBand = opts.minPerBand ?? 40;
  let offsets = new Array<number>(K).fill(0);
  let temperatures = new Array<number>(LENGTH_BANDS).fill(1);
  for (let round = 0; round < (opts.withOffsets ? 3 : 1); round++) {
    const overall = fitTemperature(rows, gold, offsets);
    temperatures = temperatures.map((_, band) => {
      const idx = bands.flatMap((b, i) => (b === band ? [i] : []));
      if (idx.length < minPerBand) return overall;
      return fitTemperature(
        idx.map((i) => rows[i] ?? new Float64Array(K)),
        idx.map((i) => gold[i] ?? 0),
        offsets,
      );
    });
    if (opts.withOffsets) offsets = fitOffsets(rows, gold, temperatures, bands);
  }
  return { temperatures, offsets };
}

/** One confidence bin of a reliability table. */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

/** Reliability table with `bins` equal-width confidence bins, and the expected calibration error over them. */
export function reliability(
  confidences: readonly number[],
  correct: readonly boolean[],
  bins = 10,
): { bins: ReliabilityBin[]; ece: number; worstGap: number } {
  const acc = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, n: 0, conf: 0, ok: 0 }));
  confidences.forEach((c, i) => {
    const bin = acc[Math.min(bins - 1, Math.floor(c * bins))];
    if (!bin) return;
    bin.n++;
    bin.conf += c;
    bin.ok += correct[i] ? 1 : 0;
  });
  const n = confidences.length || 1;
  const table = acc.map((b) => ({
    from: b.from,
    to: b.to,
    count: b.n,
    meanConfidence: b.n ? b.conf / b.n : 0,
    accuracy: b.n ? b.ok / b.n : 0,
  }));
  const populated = table.filter((b) => b.count > 0);
  return {
    bins: table,
    ece: populated.reduce((e, b) => e + (b.count / n) * Math.abs(b.accuracy - b.meanConfidence), 0),
    worstGap: populated.reduce((w, b) => Math.max(w, Math.abs(b.accuracy - b.meanConfidence)), 0),
  };
}

/** Expected calibration error with 10 equal-width confidence bins (reported in training meta). */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly boolean[]): number {
  return reliability(confidences, correct).ece;
}
