// The repeat index as the MongoDB store serves it (src/store/mongo/repeat-memory.ts: loaded from the store at start,
// held in memory, every change handed back to be written), checked without a server: it finds exactly what the
// index kept in SQLite finds for the same complaints, hands every change on in order, takes back a change read
// from the store without handing it on again, and forgets the words only an erased complaint used.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteBundle } from '../../src/store/sqlite/bundle.js';
import type { StoreBundle } from '../../src/store/port.js';
import { openStoredRepeatIndex } from '../../nlp/repeat/stored-index.js';
import { facetsOf, repeatTerms } from '../../nlp/repeat/features.js';
import { loadRepeatPairs } from '../../nlp/eval/repeat-eval.js';
import { memoryRepeatStorage, type RepeatChange } from '../../src/store/mongo/repeat-memory.js';

const pairs = loadRepeatPairs();
const earlier = [...new Set(pairs.map((p) => p.earlier))];
const ticketOf = (i: number) => `ADU-PAIR-${String(i).padStart(4, '0')}`;

describe('the repeat index the MongoDB store holds in memory', () => {
  let dir: string | undefined;
  let bundle: StoreBundle | undefined;
  afterEach(async () => {
    await bundle?.store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds the same complaints with the same similarity as the index kept in SQLite, removals included', () => {
    dir = mkdtempSync(join(tmpdir(), 'aduan-repeat-memory-'));
    bundle = openSqliteBundle(join(dir, 'aduan.sqlite'));
    const inSqlite = openStoredRepeatIndex(bundle.repeatStorage!);
    const inMemory = openStoredRepeatIndex(memoryRepeatStorage(() => {}));
    earlier.forEach((text, i) => {
      const doc = { ticket: ticketOf(i), citizenKey: `telegram:${i % 7}`, text };
      inSqlite.add(doc);
      inMemory.add(doc);
    });
    for (let i = 0; i < earlier.length; i += 9) {
      inSqlite.remove(ticketOf(i));
      inMemory.remove(ticketOf(i));
    }
    expect(inMemory.size).toBe(inSqlite.size);
    let found = 0;
    for (const p of pairs) {
      const a = inSqlite.findSimilar(p.later, 'telegram:3', 5);
      const b = inMemory.findSimilar(p.later, 'telegram:3', 5);
      expect(b.map((c) => c.ticket)).toEqual(a.map((c) => c.ticket));
      b.forEach((c, i) => expect(c.similarity).toBeCloseTo(a[i]!.similarity, 9));
      found += b.length;
    }
    expect(found).toBeGreaterThan(pairs.length / 2);
  });

  it('hands every change made through the port on, in order, and none it was given to apply', () => {
    const changes: RepeatChange[] = [];
    const storage = memoryRepeatStorage((c) => changes.push(c));
    // What the store holds is applied at load, before the index opens over it.
    const terms = repeatTerms('Tagihan PBB naik dua kali lipat');
    storage.apply({ op: 'add', ticket: 'ADU-AAAA-0002', citizenKey: 'telegram:2', terms, facets: facetsOf(terms) });
    const index = openStoredRepeatIndex(storage);
    index.add({ ticket: 'ADU-AAAA-0001', citizenKey: 'telegram:1', text: 'Lampu jalan mati di depan rumah' });
    index.remove('ADU-AAAA-0001');
    index.remove('ADU-NONE-0000');
    expect(changes.map((c) => `${c.op} ${c.ticket}`)).toEqual(['add ADU-AAAA-0001', 'remove ADU-AAAA-0001']);
    expect(changes[0]).toMatchObject({
      citizenKey: 'telegram:1',
      terms: repeatTerms('Lampu jalan mati di depan rumah'),
    });
    // The one applied from the store is indexed all the same.
    expect(storage.termsOf('ADU-AAAA-0002')).toEqual(terms);
    expect(storage.countDocs()).toBe(1);
    expect(index.findSimilar('tagihan pbb saya naik dua kali lipat', 'telegram:9').map((c) => c.ticket)).toEqual([
      'ADU-AAAA-0002',
    ]);
  });

  it('drops the words no complaint uses any more when a complaint is taken out, and keeps the shared ones', () => {
    const storage = memoryRepeatStorage(() => {});
    const add = (ticket: string, citizenKey: string, text: string) => {
      const terms = repeatTerms(text);
      storage.addDoc({ ticket, citizenKey, terms, facets: facetsOf(terms) });
      return terms;
    };
    const hers = add('ADU-AAAA-0001', 'telegram:501', 'Bu Sulastri Wibowo: tagihan PBB naik dua kali lipat');
    add('ADU-AAAA-0002', 'telegram:502', 'Tagihan PBB saya naik dua kali lipat tahun ini');
    const only = hers.filter((t) => /sulastri|wibowo/.test(t));
    expect(only.length).toBeGreaterThan(0);
    const shared = hers.find((t) => /tagih/.test(t))!;
    storage.removeDoc('ADU-AAAA-0001');
    for (const t of only) expect(storage.findTerm(t)).toBeNull();
    expect(storage.loadTerms().map((t) => t.term)).not.toContain(only[0]);
    expect(storage.findTerm(shared)).toMatchObject({ term: shared, df: 1 });
    expect(storage.citizenDocs('telegram:501', 10)).toEqual([]);
  });

  it("lists a term's complaints and a citizen's newest first, within the limit, and replaces a complaint filed again", () => {
    const storage = memoryRepeatStorage(() => {});
    const terms = repeatTerms('antrian loket panjang');
    for (const t of ['ADU-AAAA-0001', 'ADU-AAAA-0002', 'ADU-AAAA-0003'])
      storage.addDoc({ ticket: t, citizenKey: 'web:1', terms, facets: facetsOf(terms) });
    const id = storage.findTerm(terms[0]!)!.id;
    const ticketOfId = new Map(storage.docs([1, 2, 3]).map((d) => [d.doc, d.ticket]));
    expect(storage.postings(id, 2).map((d) => ticketOfId.get(d))).toEqual(['ADU-AAAA-0003', 'ADU-AAAA-0002']);
    expect(storage.citizenDocs('web:1', 5).map((d) => ticketOfId.get(d))).toEqual([
      'ADU-AAAA-0003',
      'ADU-AAAA-0002',
      'ADU-AAAA-0001',
    ]);
    const again = storage.addDoc({ ticket: 'ADU-AAAA-0001', citizenKey: 'web:1', terms, facets: facetsOf(terms) });
    expect(again.replaced).toBe(true);
    expect(storage.countDocs()).toBe(3);
    expect(storage.findTerm(terms[0]!)?.df).toBe(3);
  });
});
