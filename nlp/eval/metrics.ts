// Per-class precision, recall and F1, macro-F1 and the confusion matrix, for any label set (the SOP family, the
// sixteen dialogue acts): the figures `nlp eval` and the benchmark print.
import { MESSAGE_LABELS, type MessageLabel } from '../types.js';

/** Scores of one label. */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Scores of a whole test set. */
export interface Evaluation<L extends string = MessageLabel> {
  labels: readonly L[];
  n: number;
  accuracy: number;
  /** Mean F1 over the labels that occur in the gold data or the predictions. */
  macroF1: number;
  perClass: Record<L, ClassScores>;
  /** confusion[gold][predicted] counts, in `labels` order. */
  confusion: number[][];
}

/** Scores predictions against gold labels over a label set. */
export function evaluateLabels<L extends string>(
  labels: readonly L[],
  gold: readonly L[],
  predicted: readonly L[],
): Evaluation<L> {
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (p === undefined) return;
    const row = confusion[labels.indexOf(g)];
    const col = labels.indexOf(p);
    if (row && col >= 0) row[col] = (row[col] ?? 0) + 1;
    if (g === p) correct++;
  });
  const perClass = {} as Record<L, ClassScores>;
  let f1sum = 0;
  let present = 0;
  labels.forEach((label, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    const support = (confusion[k] ?? []).reduce((a, b) => a + b, 0);
    const predictedK = confusion.reduce((a, row) => a + (row[k] ?? 0), 0);
    const precision = predictedK === 0 ? 0 : tp / predictedK;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[label] = { precision, recall, f1, support };
    if (support > 0 || predictedK > 0) {
      f1sum += f1;
      present++;
    }
  });
  return {
    labels,
    n: gold.length,
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: present ? f1sum / present : 0,
    perClass,
    confusion,
  };
}

/** Scores SOP-family predictions (complaint / praise / statement). */
export function evaluate(gold: readonly MessageLabel[], predicted: readonly MessageLabel[]): Evaluation {
  return evaluateLabels(MESSAGE_LABELS, gold, predicted);
}

const f3 = (x: number): string => x.toFixed(3);

/** A plain-text report: one line per class, macro-F1, and the confusion matrix (rows gold, columns predicted). */
export function formatEvaluation<L extends string>(title: string, e: Evaluation<L>): string {
  const L = e.labels;
  const wide = L.some((l) => l.length > 10);
  const width = wide ? 13 : 10;
  const lines = [`${title}  (n=${e.n})`, `  ${'class'.padEnd(width)} precision  recall     f1  support`];
  for (const label of L) {
    const s = e.perClass[label];
    lines.push(
      `  ${label.padEnd(width)} ${f3(s.precision).padStart(9)} ${f3(s.recall).padStart(7)} ${f3(s.f1).padStart(6)} ${String(s.support).padStart(8)}`,
    );
  }
  lines.push(`  macro-F1 ${f3(e.macroF1)}   accuracy ${f3(e.accuracy)}`);
  lines.push('  confusion (rows = gold, columns = predicted)');
  const col = wide ? 5 : 10;
  const head = (l: string): string => (wide ? l.slice(0, 4) : l).padStart(col);
  lines.push(`    ${''.padEnd(width)}${L.map(head).join('')}`);
  e.confusion.forEach((row, k) => {
    lines.push(`    ${(L[k] ?? '').padEnd(width)}${row.map((c) => String(c).padStart(col)).join('')}`);
  });
  return lines.join('\n');
}
