// The repeat index kept in the SQLite store (nlp/repeat/stored-index.ts over src/store/sqlite/repeat-storage.ts):
// it finds what the in-memory index finds, survives a restart without reading the complaints again, indexes at
// start what a stopped process committed but never indexed, and forgets an erased complaint.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteBundle } from '../../src/store/sqlite/bundle.js';
import type { StoreBundle } from '../../src/store/port.js';
import { createRepeatIndex, repeatTerms } from '../../nlp/repeat/repeat-index.js';
import { openStoredRepeatIndex } from '../../nlp/repeat/stored-index.js';
import { loadRepeatPairs } from '../../nlp/eval/repeat-eval.js';
import { makeCase } from '../support/fixtures.js';

let dir: string;
let bundles: StoreBundle[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aduan-repeat-'));
});
afterEach(async () => {
  for (const b of bundles) await b.store.close();
  bundles = [];
  rmSync(dir, { recursive: true, force: true });
});

function open(): StoreBundle {
  const b = openSqliteBundle(join(dir, 'aduan.sqlite'));
  bundles.push(b);
  return b;
}

const pairs = loadRepeatPairs();
const earlier = [...new Set(pairs.map((p) => p.earlier))];
const ticketOf = (i: number) => `ADU-PAIR-${String(i).padStart(4, '0')}`;

describe('the repeat index kept in the SQLite store', () => {
  it('finds the same earlier complaints, with the same similarity, as the in-memory index', () => {
    const stored = openStoredRepeatIndex(open().repeatStorage!);
    const memory = createRepeatIndex();
    earlier.forEach((text, i) => {
      const doc = { ticket: ticketOf(i), citizenKey: `telegram:${i % 7}`, text };
      stored.add(doc);
      memory.add(doc);
    });
    expect(stored.size).toBe(earlier.length);
    let found = 0;
    for (const p of pairs) {
      const fromStore = stored.findSimilar(p.later, 'telegram:3', 5);
      const fromMemory = memory.findSimilar(p.later, 'telegram:3', 5);
      expect(fromStore.map((c) => c.ticket).sort()).toEqual(fromMemory.map((c) => c.ticket).sort());
      fromStore.forEach((c) =>
        expect(c.similarity).toBeCloseTo(fromMemory.find((m) => m.ticket === c.ticket)!.similarity, 5),
      );
      found += fromStore.length;
    }
    expect(found).toBeGreaterThan(pairs.length / 2);
  });

  it('answers after a restart without indexing anything again', async () => {
    const first = open();
    const index = openStoredRepeatIndex(first.repeatStorage!);
    earlier.forEach((text, i) => index.add({ ticket: ticketOf(i), citizenKey: 'telegram:1', text }));
    const before = pairs.map((p) => index.findSimilar(p.later, 'telegram:2', 3).map((c) => c.ticket));
    await first.store.close();
    bundles = [];
    const reopened = openStoredRepeatIndex(open().repeatStorage!);
    expect(reopened.size).toBe(earlier.length);
    expect(reopened.catchUp()).toBe(0);
    expect(pairs.map((p) => reopened.findSimilar(p.later, 'telegram:2', 3).map((c) => c.ticket))).toEqual(before);
  });

  it('indexes at start the complaints committed but never indexed, once', async () => {
    const b = open();
    const text = 'Tagihan PBB saya naik dua kali lipat dari tahun lalu';
    const complaint = makeCase({ text, kind: 'complaint' });
    const praise = makeCase({ text: 'Pelayanan di loket cepat sekali, terima kasih', kind: 'praise' });
    await b.store.commit({
      cases: [
        { record: complaint, expectedVersion: null },
        { record: praise, expectedVersion: null },
      ],
    });
    const index = openStoredRepeatIndex(b.repeatStorage!);
    expect(index.findSimilar('PBB saya naik 2x lipat', 'telegram:9')).toEqual([]);
    expect(index.catchUp()).toBe(1);
    expect(index.findSimilar('PBB saya naik 2x lipat', 'telegram:9').map((c) => c.ticket)).toEqual([complaint.ticket]);
    expect(index.catchUp()).toBe(0);
    expect(openStoredRepeatIndex(b.repeatStorage!).catchUp()).toBe(0);
  });

  it('forgets a removed complaint: no lookup finds it, and its terms no longer count', () => {
    const b = open();
    const index = openStoredRepeatIndex(b.repeatStorage!);
    index.add({ ticket: 'ADU-GONE-0001', citizenKey: 'telegram:1', text: 'Lampu jalan mati di depan rumah saya' });
    index.add({ ticket: 'ADU-KEEP-0002', citizenKey: 'telegram:2', text: 'Website e-BPHTB tidak bisa dibuka' });
    expect(index.findSimilar('lampu jalan mati', 'telegram:5').map((c) => c.ticket)).toEqual(['ADU-GONE-0001']);
    expect(repeatTerms('Lampu jalan mati di depan rumah saya').map((t) => b.repeatStorage!.findTerm(t)?.df)).toContain(
      1,
    );
    index.remove('ADU-GONE-0001');
    expect(index.size).toBe(1);
    expect(index.findSimilar('lampu jalan mati', 'telegram:5')).toEqual([]);
    expect(b.repeatStorage!.citizenDocs('telegram:1', 10)).toEqual([]);
    const terms = repeatTerms('Lampu jalan mati di depan rumah saya');
    expect(terms.length).toBeGreaterThan(1);
    for (const t of terms) expect(b.repeatStorage!.findTerm(t)?.df ?? 0).toBe(0);
  });
});
