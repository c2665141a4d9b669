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

describe('paged reads for exports and archiving', () => {
  const reports = () => new SqliteReports(store.database);
  const at = Date.UTC(2026, 10, 2, 2, 0, 0);

  it('page through the cases of a period once each, in (createdAt, ticket) order, ties included', async () => {
    const cases = Array.from({ length: 23 }, (_, i) =>
      makeCase({ createdAt: at + Math.floor(i / 4) * 60_000, stage: i % 3 ? 'forwarded' : 'in_review' }),
    );
    const outside = makeCase({ createdAt: at + 3_600_000 });
    await store.commit({ cases: [...cases, outside].map((record) => ({ record, expectedVersion: null })) });
    const seen: string[] = [];
    let after: { createdAt: number; ticket: string } | null = null;
    for (;;) {
      const page = await reports().casesCreated({ from: at, to: at + 3_600_000 }, after, 5);
      if (page.length === 0) break;
      seen.push(...page.map((c) => c.ticket));
      after = { createdAt: page.at(-1)!.createdAt, ticket: page.at(-1)!.ticket };
    }
    const expected = [...cases]
      .sort((a, b) => a.createdAt - b.createdAt || (a.ticket < b.ticket ? -1 : 1))
      .map((c) => c.ticket);
    expect(seen).toEqual(expected);
    const reviewing = await reports().casesCreated({ from: at, to: at + 3_600_000, stage: 'in_review' }, null, 100);
    expect(reviewing.map((c) => c.ticket).sort()).toEqual(
      cases
        .filter((c) => c.stage === 'in_review')
        .map((c) => c.ticket)
        .sort(),
    );
    expect(await reports().casesCreated({ from: at, to: at + 3_600_000, division: 'bphtb' }, null, 100)).toEqual([]);
  });

  it('read the event logs of many cases at once, each in the order written', async () => {
    const [a, b] = [makeCase(), makeCase()];
    const ev = (ticket: string, action: string, t: number) => ({
      ticket,
      at: t,
      actor: { kind: 'system' as const, id: 'x' },
      action,
    });
    await store.commit({
      cases: [a, b].map((record) => ({ record, expectedVersion: null })),
      events: [ev(b.ticket, 'b1', 1), ev(a.ticket, 'a1', 2), ev(b.ticket, 'b2', 3), ev(a.ticket, 'a2', 4)],
    });
    const got = await reports().eventsOf([a.ticket, b.ticket]);
    expect(got.filter((e) => e.ticket === a.ticket).map((e) => e.action)).toEqual(['a1', 'a2']);
    expect(got.filter((e) => e.ticket === b.ticket).map((e) => e.action)).toEqual(['b1', 'b2']);
    expect(await reports().eventsOf([])).toEqual([]);
  });

  it('find closed cases by closure time, any kind, and never archived ones', async () => {
    const closed = (closedAt: number, extra = {}) =>
      makeCase({ stage: 'closed', closedAt, resolution: 'satisfied', ...extra });
    const old1 = closed(at - 3 * 86_400_000);
    const old2 = closed(at - 2 * 86_400_000, { kind: 'statement', resolution: 'answered' });
    const recent = closed(at + 60_000);
    const archived = makeCase({ stage: 'archived', closedAt: at - 5 * 86_400_000 });
    await store.commit({
      cases: [old1, old2, recent, archived].map((record) => ({ record, expectedVersion: null })),
    });
    const first = await reports().closedBefore(at, null, 1);
    expect(first.map((c) => c.ticket)).toEqual([old1.ticket]);
    const next = await reports().closedBefore(at, { closedAt: old1.closedAt!, ticket: old1.ticket }, 10);
    expect(next.map((c) => c.ticket)).toEqual([old2.ticket]);
  });

  it('count the cases a list would show beyond its limit', async () => {
    const many = Array.from({ length: 7 }, () => makeCase({ stage: 'forwarded' }));
    const other = makeCase({ stage: 'closed', text: 'Antrian di loket lama' });
    await store.commit({ cases: [...many, other].map((record) => ({ record, expectedVersion: null })) });
    expect(await reports().countCases({ kind: 'complaint', open: true, limit: 2 })).toBe(7);
    expect(await reports().countCases({ kind: 'complaint', search: 'loket antrian' })).toBe(1);
    expect(await reports().countCases({ stage: 'archived' })).toBe(0);
  });
});
