// The repeat index kept in the SQLite file forgets a complaint whole: once it is taken out (an erasure, retention),
// no word that only that complaint used stays in the vocabulary, so a citizen's name cannot outlive their erasure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { facetsOf, repeatTerms } from '../../nlp/repeat/features.js';
import { sqliteRepeatStorage } from '../../src/store/sqlite/repeat-storage.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

describe('the repeat index kept in SQLite', () => {
  let dir: string | undefined;
  let store: SqliteStore | undefined;
  afterEach(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('drops the words no complaint uses any more when a complaint is taken out, and keeps the shared ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'aduan-repeat-storage-'));
    store = new SqliteStore(join(dir, 'aduan.sqlite'));
    const index = sqliteRepeatStorage(store.database, true);
    const add = (ticket: string, citizenKey: string, text: string) => {
      const terms = repeatTerms(text);
      index.addDoc({ ticket, citizenKey, terms, facets: facetsOf(terms) });
      return terms;
    };
    const hers = add('ADU-AAAA-0001', 'telegram:501', 'Bu Sulastri Wibowo: tagihan PBB naik dua kali lipat');
    add('ADU-AAAA-0002', 'telegram:502', 'Tagihan PBB saya naik dua kali lipat tahun ini');
    const words = () =>
      (store!.database.prepare('SELECT term, df FROM repeat_terms').all() as Array<{ term: string; df: number }>).map(
        (r) => r.term,
      );
    const only = hers.filter((t) => /sulastri|wibowo/.test(t));
    expect(only.length).toBeGreaterThan(0);
    for (const t of only) expect(words()).toContain(t);
    const shared = hers.find((t) => /tagih/.test(t))!;

    index.removeDoc('ADU-AAAA-0001');

    for (const t of only) expect(words()).not.toContain(t);
    expect(index.findTerm(shared)).toMatchObject({ term: shared, df: 1 });
    // The name written again later is simply a new word.
    add('ADU-AAAA-0003', 'telegram:503', 'Pak Wibowo menunggu di loket');
    expect(words().some((t) => /wibowo/.test(t))).toBe(true);
  });
});
