// Temperature scaling: one number T that divides the logits before the softmax, chosen to minimise the negative
// log-likelihood on held-out data. It leaves the predicted label unchanged and makes "confidence 0.8" mean about
// 80 % right, which is what the clarify threshold relies on.

/** Mean negative log-likelihood of gold labels under softmax(logits / T). */
export function nll(logitRows: readonly Float64Array[], gold: readonly number[], T: number): number {
  let total = 0;
  logitRows.forEach((z, i) => {
    let max = -Infinity;
    for (const v of z) max = Math.max(max, v / T);
    let sum = 0;
    for (const v of z) sum += Math.exp(v / T - max);
    const g = z[gold[i] ?? 0] ?? 0;
    total += -(g / T - max - Math.log(sum));
  });
  return logitRows.length ? total / logitRows.length : 0;
}

/** The temperature in [0.05, 20] with the lowest NLL (golden-section search on log T). */
export function fitTemperature(logitRows: readonly Float64Array[], gold: readonly number[]): number {
  if (logitRows.length === 0) return 1;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(logitRows, gold, Math.exp(a));
  let fb = nll(logitRows, gold, Math.exp(b));
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(logitRows, gold, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(logitRows, gold, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** Expected calibration error with 10 equal-width confidence bins (reported in training meta). */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly boolean[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, acc: 0 }));
  confidences.forEach((c, i) => {
    const bin = bins[Math.min(9, Math.floor(c * 10))];
    if (!bin) return;
    bin.n++;
    bin.conf += c;
    bin.acc += correct[i] ? 1 : 0;
  });
  const n = confidences.length || 1;
  return bins.reduce((e, b) => e + (b.n ? (b.n / n) * Math.abs(b.acc / b.n - b.conf / b.n) : 0), 0);
}
