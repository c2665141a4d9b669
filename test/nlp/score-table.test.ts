// The stored repeat index adds up posting scores in a small hash table (nlp/repeat/score-table.ts) instead of an
// array indexed by document id: it must give exactly what that array gave, in the same order.
import { describe, expect, it } from 'vitest';
import { ScoreTable } from '../../nlp/repeat/score-table.js';

function drained(table: ScoreTable): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  table.drain((doc, score) => out.push([doc, score]));
  return out;
}

describe('the score table of a stored-index lookup', () => {
  it('sums each document as a float32 array would, listing documents in the order first seen', () => {
    const table = new ScoreTable(8);
    const array = new Float32Array(2_000_000);
    const adds: Array<[number, number]> = [
      [1_999_999, 0.1],
      [7, 1.3],
      [1_999_999, 0.7],
      [0, 2.25],
      [7, 1e-7],
    ];
    for (const [doc, by] of adds) {
      table.add(doc, by);
      array[doc] = (array[doc] as number) + by;
    }
    expect(drained(table)).toEqual([
      [1_999_999, array[1_999_999]],
      [7, array[7]],
      [0, array[0]],
    ]);
  });

  it('keeps every document when more arrive than it was sized for, and is empty after a drain', () => {
    const table = new ScoreTable(4);
    for (let d = 0; d < 5000; d++) table.add(d * 256, 1);
    for (let d = 0; d < 5000; d += 2) table.add(d * 256, 1);
    expect(table.size).toBe(5000);
    const all = drained(table);
    expect(all.map(([doc]) => doc)).toEqual(Array.from({ length: 5000 }, (_, d) => d * 256));
    expect(all.map(([, s]) => s)).toEqual(Array.from({ length: 5000 }, (_, d) => (d % 2 === 0 ? 2 : 1)));
    expect(table.size).toBe(0);
    expect(drained(table)).toEqual([]);
    table.add(3, 0.5);
    expect(drained(table)).toEqual([[3, 0.5]]);
  });
});
