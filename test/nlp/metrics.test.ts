import { describe, expect, it } from 'vitest';
import { evaluate, formatEvaluation } from '../../nlp/eval/metrics.js';
import type { MessageLabel } from '../../nlp/types.js';

describe('evaluation metrics', () => {
  it('computes per-class precision, recall, F1, macro-F1 and the confusion matrix', () => {
    const gold: MessageLabel[] = ['complaint', 'complaint', 'complaint', 'praise', 'praise', 'statement'];
    const predicted: MessageLabel[] = ['complaint', 'complaint', 'praise', 'praise', 'statement', 'statement'];
    const e = evaluate(gold, predicted);
    expect(e.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    expect(e.perClass.complaint).toEqual({ precision: 1, recall: 2 / 3, f1: 0.8, support: 3 });
    expect(e.perClass.praise.precision).toBeCloseTo(0.5);
    expect(e.perClass.praise.recall).toBeCloseTo(0.5);
    expect(e.perClass.statement.f1).toBeCloseTo(2 / 3);
    expect(e.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3);
    expect(e.accuracy).toBeCloseTo(4 / 6);
  });

  it('gives zero, not NaN, for a class that is never predicted', () => {
    const e = evaluate(['praise', 'praise'], ['complaint', 'complaint']);
    expect(e.perClass.praise).toEqual({ precision: 0, recall: 0, f1: 0, support: 2 });
    expect(e.macroF1).toBe(0);
  });

  it('prints every class, the macro-F1 and the confusion matrix', () => {
    const text = formatEvaluation(
      'test set',
      evaluate(['complaint', 'praise', 'statement'], ['complaint', 'praise', 'praise']),
    );
    expect(text).toContain('macro-F1 0.556');
    for (const label of ['complaint', 'praise', 'statement']) expect(text).toContain(label);
    expect(text).toMatch(/confusion/);
  });
});
