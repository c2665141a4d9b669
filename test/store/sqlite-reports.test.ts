import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { SqliteReports } from '../../src/store/sqlite/sqlite-reports.js';
import { makeCase } from '../support/fixtures.js';

let dir: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aduan-reports-'));
  store = new SqliteStore(join(dir, 'r.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('overdue cases for the stage clocks', () => {
  it('come most recently overdue first, so a new breach is never crowded out by old ones', async () => {
    const now = 10_000_000;
    const cases = [1, 2, 3, 4].map((i) =>
      makeCase({ stage: 'forwarded', dueAt: now - i * 60_000, createdAt: now - i * 3_600_000 }),
    );
    const notYet = makeCase({ stage: 'forwarded', dueAt: now + 60_000 });
    await store.commit({ cases: [...cases, notYet].map((record) => ({ record, expectedVersion: null })) });
    const got = await new SqliteReports(store.database).overdueCases(now, ['forwarded', 'in_review'], 2);
    expect(got.map((c) => c.ticket)).toEqual([cases[0]!.ticket, cases[1]!.ticket]);
  });
});
