// Calibration: a temperature T per message-length band divides the logits before the softmax, chosen to minimise
// the negative log-likelihood on held-out data; two-label heads also fit an offset (Platt scaling). It leaves the
// ranking within a message unchanged and makes "confidence 0.8" mean about 80 % right, which the clarify
// threshold relies on. Short chat turns and long review-like texts are over-confident by different amounts, so
// each length band gets its own temperature (issue 9: NusaX messages at 0.80-0.90 were right 65 % of the time).
import { LENGTH_BANDS, type ConfidenceMap, type HeadCalibration } from './linear.js';

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

/**
 * Isotonic regression of correctness on confidence (pool-adjacent-violators), with every block holding at least
 * `minBlock` examples so that a handful of messages cannot bend the map; the knots are the blocks' mean confidence
 * and accuracy. Weights let one source count more than another.
 */
export function fitIsotonic(
  confidences: readonly number[],
  correct: readonly boolean[],
  opts: { minBlock?: number; weights?: readonly number[] } = {},
): ConfidenceMap {
  const minBlock = opts.minBlock ?? 30;
  const order = confidences.map((_, i) => i).sort((a, b) => (confidences[a] ?? 0) - (confidences[b] ?? 0));
  interface Block {
    w: number;
    n: number;
    sx: number;
    sy: number;
  }
  // Start from runs of minBlock examples (the last run takes the remainder), then pool violators.
  const blocks: Block[] = [];
  for (let i = 0; i < order.length; i += minBlock) {
    const run = order.slice(i, order.length - (i + minBlock) < minBlock ? order.length : i + minBlock);
    const b: Block = { w: 0, n: 0, sx: 0, sy: 0 };
    for (const j of run) {
      const w = opts.weights?.[j] ?? 1;
      b.w += w;
      b.n++;
      b.sx += w * (confidences[j] ?? 0);
      b.sy += w * (correct[j] ? 1 : 0);
    }
    blocks.push(b);
    if (run.length > minBlock) break;
  }
  const stack: Block[] = [];
  for (const b of blocks) {
    stack.push({ ...b });
    while (stack.length > 1) {
      const last = stack[stack.length - 1] as Block;
      const prev = stack[stack.length - 2] as Block;
      if (prev.sy / prev.w < last.sy / last.w) break;
      stack.pop();
      prev.w += last.w;
      prev.n += last.n;
      prev.sx += last.sx;
      prev.sy += last.sy;
    }
  }
  const x: number[] = [];
  const y: number[] = [];
  for (const b of stack) {
    if (b.w <= 0) continue;
    x.push(b.sx / b.w);
    y.push(b.sy / b.w);
  }
  return { x, y };
}

/**
 * One isotonic confidence map per length band (see fitIsotonic); a band with fewer than `minPerBand` examples uses
 * the map fitted on all bands together.
 */
export function fitConfidenceMaps(
  confidences: readonly number[],
  correct: readonly boolean[],
  bands: readonly number[],
  opts: { minBlock?: number; minPerBand?: number; weights?: readonly number[] } = {},
): ConfidenceMap[] {
  const minPerBand = opts.minPerBand ?? 150;
  const all = fitIsotonic(confidences, correct, opts);
  return Array.from({ length: LENGTH_BANDS }, (_, band) => {
    const idx = bands.flatMap((b, i) => (b === band ? [i] : []));
    if (idx.length < minPerBand) return all;
    return fitIsotonic(
      idx.map((i) => confidences[i] ?? 0),
      idx.map((i) => correct[i] === true),
      { ...opts, ...(opts.weights ? { weights: idx.map((i) => opts.weights?.[i] ?? 1) } : {}) },
    );
  });
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
