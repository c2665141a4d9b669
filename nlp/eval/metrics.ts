// Per-class precision, recall and F1, macro-F1 and the confusion matrix: the figures issue 3 asks `nlp eval` and the
// benchmark to print.
import { MESSAGE_LABELS, type MessageLabel } from '../types.js';

/** Scores of one label. */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Scores of a whole test set. */
export interface Evaluation {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<MessageLabel, ClassScores>;
  /** confusion[gold][predicted] counts, in MESSAGE_LABELS order. */
  confusion: number[][];
}

/** Scores predictions against gold labels. */
export function evaluate(gold: readonly MessageLabel[], predicted: readonly MessageLabel[]): Evaluation {
  const L = MESSAGE_LABELS;
  const confusion = L.map(() => L.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (p === undefined) return;
    const row = confusion[L.indexOf(g)];
    const col = L.indexOf(p);
    if (row && col >= 0) row[col] = (row[col] ?? 0) + 1;
    if (g === p) correct++;
  });
  const perClass = {} as Record<MessageLabel, ClassScores>;
  let f1sum = 0;
  L.forEach((label, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    const support = (confusion[k] ?? []).reduce((a, b) => a + b, 0);
    const predictedK = confusion.reduce((a, row) => a + (row[k] ?? 0), 0);
    const precision = predictedK === 0 ? 0 : tp / predictedK;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[label] = { precision, recall, f1, support };
    f1sum += f1;
  });
  return {
    n: gold.length,
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: f1sum / L.length,
    perClass,
    confusion,
  };
}

const f3 = (x: number): string => x.toFixed(3);

/** A plain-text report: one line per class, macro-F1, and the confusion matrix (rows gold, columns predicted). */
export function formatEvaluation(title: string, e: Evaluation): string {
  const L = MESSAGE_LABELS;
  const lines = [`${title}  (n=${e.n})`, `  ${'class'.padEnd(10)} precision  recall     f1  support`];
  for (const label of L) {
    const s = e.perClass[label];
    lines.push(
      `  ${label.padEnd(10)} ${f3(s.precision).padStart(9)} ${f3(s.recall).padStart(7)} ${f3(s.f1).padStart(6)} ${String(s.support).padStart(8)}`,
    );
  }
  lines.push(`  macro-F1 ${f3(e.macroF1)}   accuracy ${f3(e.accuracy)}`);
  lines.push('  confusion (rows = gold, columns = predicted)');
  lines.push(`    ${''.padEnd(10)}${L.map((l) => l.padStart(10)).join('')}`);
  e.confusion.forEach((row, k) => {
    lines.push(`    ${(L[k] ?? '').padEnd(10)}${row.map((c) => String(c).padStart(10)).join('')}`);
  });
  return lines.join('\n');
}
