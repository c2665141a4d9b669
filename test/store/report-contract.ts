// The report contract: every report query and list gives the same answer on every store, checked against one seeded
// history whose answers are written out here by hand (not computed by either store). Ties are placed on purpose
// (two cases created at the same instant, equally overdue, equal counts per channel, division and topic), so each
// list's order must come from its explicit tie-breaks. Runs on SQLite (sqlite-report-contract.test.ts) and, with
// MONGODB_URI set, on MongoDB (mongo.test.ts; the GitHub workflow runs it against a mongo:7 replica set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/domain/case.js';
import type { StoreBundle } from '../../src/store/port.js';
import { CLOCKED_STAGES } from '../../src/store/reports.js';
import { makeCase } from '../support/fixtures.js';

export interface ReportHarness {
  /** A fresh, empty store bundle. */
  open(): Promise<StoreBundle>;
}

const AT = Date.UTC(2026, 10, 2, 2, 0, 0);
const H = 3_600_000;
const DAY = 24 * H;
const tg = (id: string) => ({ channel: 'telegram' as const, userId: id, chatId: id, language: 'id' as const });
const wa = (id: string) => ({ channel: 'whatsapp' as const, userId: id, chatId: id, language: 'id' as const });

/** The seeded history: tickets chosen so that ticket order differs from insertion order. */
function history(): CaseRecord[] {
  const open = (stage: CaseRecord['stage'], entered: number, due: number) => ({
    stage,
    stageTimes: { [stage]: { enteredAt: entered, dueAt: due } },
    dueAt: due,
  });
  return [
    // Two complaints created at the same instant, both forwarded and overdue at the same time.
    makeCase({
      ticket: 'ADU-RPRT-000B',
      citizen: tg('11'),
      division: 'pbb-p2',
      topic: 'tagihan pbb',
      createdAt: AT + H,
      ...open('forwarded', AT + H, AT + 2 * H),
    }),
    makeCase({
      ticket: 'ADU-RPRT-000A',
      citizen: wa('6281'),
      division: 'pbb-p2',
      topic: 'tagihan pbb',
      createdAt: AT + H,
      ...open('forwarded', AT + H, AT + 2 * H),
    }),
    // A repeat of B, closed a day later.
    makeCase({
      ticket: 'ADU-RPRT-000C',
      citizen: tg('12'),
      division: 'bphtb',
      topic: 'validasi bphtb',
      createdAt: AT + 2 * H,
      stage: 'closed',
      stageTimes: { recorded: { enteredAt: AT + 2 * H, leftAt: AT + 3 * H }, closed: { enteredAt: AT + DAY } },
      closedAt: AT + DAY,
      repeatOf: { ticket: 'ADU-RPRT-000B', similarity: 0.8 },
    }),
    // Praise and a statement in the period; one complaint from before it, in progress and overdue later.
    makeCase({
      ticket: 'ADU-RPRT-000D',
      kind: 'praise',
      citizen: wa('6282'),
      division: 'umum',
      topic: 'pelayanan',
      createdAt: AT + 3 * H,
      stage: 'closed',
      stageTimes: { closed: { enteredAt: AT + 3 * H } },
      closedAt: AT + 3 * H,
    }),
    makeCase({
      ticket: 'ADU-RPRT-000F',
      kind: 'statement',
      citizen: tg('13'),
      division: 'umum',
      topic: 'informasi',
      createdAt: AT + 4 * H,
      stage: 'recorded',
      stageTimes: { recorded: { enteredAt: AT + 4 * H } },
    }),
    makeCase({
      ticket: 'ADU-RPRT-000E',
      citizen: tg('14'),
      division: 'pbb-p2',
      topic: 'tagihan pbb',
      createdAt: AT - DAY,
      ...open('in_progress', AT - DAY, AT + 10 * H),
    }),
    // A reklame complaint (division count ties with bphtb), and one closed before the period.
    makeCase({
      ticket: 'ADU-RPRT-000G',
      citizen: tg('15'),
      division: 'pajak-daerah',
      topic: 'reklame',
      createdAt: AT + 5 * H,
      ...open('forwarded', AT + 5 * H, AT + 10 * H),
    }),
    makeCase({
      ticket: 'ADU-RPRT-000H',
      citizen: tg('16'),
      division: 'bphtb',
      topic: 'validasi bphtb',
      createdAt: AT - 3 * DAY,
      stage: 'closed',
      stageTimes: { closed: { enteredAt: AT - 2 * DAY } },
      closedAt: AT - 2 * DAY,
    }),
  ];
}

export function reportContract(name: string, harness: ReportHarness): void {
  describe(`report contract: ${name}`, () => {
    let bundle: StoreBundle;
    beforeAll(async () => {
      bundle = await harness.open();
      await bundle.store.commit({ cases: history().map((record) => ({ record, expectedVersion: null })) });
      await bundle.store.commit({
        events: [
          { ticket: 'ADU-RPRT-000C', at: AT + 3 * H, actor: { kind: 'staff', id: 's1' }, action: 'forward' },
          { ticket: 'ADU-RPRT-000A', at: AT + 2 * H, actor: { kind: 'staff', id: 's1' }, action: 'take' },
          { ticket: 'ADU-RPRT-000C', at: AT + DAY, actor: { kind: 'staff', id: 's2' }, action: 'close' },
        ],
        conversations: [
          { key: 'telegram:21', state: { mode: 'intake', lastActivityAt: AT }, expectedVersion: null },
          { key: 'telegram:20', state: { mode: 'intake', lastActivityAt: AT }, expectedVersion: null },
          { key: 'telegram:22', state: { mode: 'intake', lastActivityAt: AT + 5 * H }, expectedVersion: null },
          { key: 'telegram:23', state: { mode: 'idle', lastActivityAt: AT }, expectedVersion: null },
        ],
      });
    });
    afterAll(async () => {
      await bundle?.store.close();
    });
    const tickets = (cases: CaseRecord[]) => cases.map((c) => c.ticket);

    it('counts cases by kind, division and openness', async () => {
      const { reports } = bundle;
      expect(await reports.countCases({ kind: 'complaint' })).toBe(6);
      expect(await reports.countCases({ division: 'pbb-p2' })).toBe(3);
      expect(await reports.countCases({ open: true, kind: 'complaint' })).toBe(4);
      expect(await reports.countCases({ stage: 'forwarded', limit: 1 })).toBe(3);
    });

    it('pages the cases of a period in (createdAt, ticket) order, the tie broken by ticket', async () => {
      const first = await bundle.reports.casesCreated({ from: AT, to: AT + DAY }, null, 2);
      expect(tickets(first)).toEqual(['ADU-RPRT-000A', 'ADU-RPRT-000B']);
      const rest = await bundle.reports.casesCreated(
        { from: AT, to: AT + DAY },
        { createdAt: AT + H, ticket: 'ADU-RPRT-000A' },
        10,
      );
      expect(tickets(rest)).toEqual([
        'ADU-RPRT-000B',
        'ADU-RPRT-000C',
        'ADU-RPRT-000D',
        'ADU-RPRT-000F',
        'ADU-RPRT-000G',
      ]);
      const pbb = await bundle.reports.casesCreated({ from: AT - 7 * DAY, to: AT + DAY, division: 'pbb-p2' }, null, 10);
      expect(tickets(pbb)).toEqual(['ADU-RPRT-000E', 'ADU-RPRT-000A', 'ADU-RPRT-000B']);
    });

    it('lists overdue complaints most recently overdue first, equal ones by ticket', async () => {
      const got = await bundle.reports.overdueCases(AT + 11 * H, ['forwarded', 'in_progress'], 10);
      expect(tickets(got)).toEqual(['ADU-RPRT-000E', 'ADU-RPRT-000G', 'ADU-RPRT-000A', 'ADU-RPRT-000B']);
      expect(tickets(await bundle.reports.overdueCases(AT + 3 * H, ['forwarded', 'in_progress'], 10))).toEqual([
        'ADU-RPRT-000A',
        'ADU-RPRT-000B',
      ]);
    });

    it('lists complaints waiting at a stage oldest first, equal ones by ticket', async () => {
      const got = await bundle.reports.casesAtStageSince('forwarded', AT + 6 * H, 10);
      expect(tickets(got)).toEqual(['ADU-RPRT-000A', 'ADU-RPRT-000B', 'ADU-RPRT-000G']);
    });

    it('finds closures in a period and before a date, in (closedAt, ticket) order', async () => {
      expect(tickets(await bundle.reports.closedBetween(AT, AT + 2 * DAY, 10))).toEqual(['ADU-RPRT-000C']);
      const before = await bundle.reports.closedBefore(AT + 2 * DAY, null, 10);
      expect(tickets(before)).toEqual(['ADU-RPRT-000H', 'ADU-RPRT-000D', 'ADU-RPRT-000C']);
    });

    it('reads event logs by ticket, then in the order written', async () => {
      const events = await bundle.reports.eventsOf(['ADU-RPRT-000C', 'ADU-RPRT-000A']);
      expect(events.map((e) => [e.ticket, e.action])).toEqual([
        ['ADU-RPRT-000A', 'take'],
        ['ADU-RPRT-000C', 'forward'],
        ['ADU-RPRT-000C', 'close'],
      ]);
    });

    it('lists half-way conversations by last activity, equal ones by key', async () => {
      const got = await bundle.reports.conversationsWaiting('intake', AT + H, 10);
      expect(got.map((c) => c.key)).toEqual(['telegram:20', 'telegram:21']);
    });

    it('gives the digest the same facts: counts, and lists with their ties in a fixed order', async () => {
      const f = await bundle.reports.digestFacts({
        from: AT,
        to: AT + DAY + H,
        now: AT + 11 * H,
        clockedStages: CLOCKED_STAGES,
        listLimit: 10,
        topicLimit: 10,
      });
      expect(f.newByKind).toEqual({ complaint: 4, praise: 1, statement: 1 });
      expect(f.newByChannel).toEqual([
        { channel: 'telegram', count: 4 },
        { channel: 'whatsapp', count: 2 },
      ]);
      expect(f.newByDivision).toEqual([
        { division: 'pbb-p2', complaint: 2, praise: 0, statement: 0 },
        { division: 'umum', complaint: 0, praise: 1, statement: 1 },
        { division: 'bphtb', complaint: 1, praise: 0, statement: 0 },
        { division: 'pajak-daerah', complaint: 1, praise: 0, statement: 0 },
      ]);
      expect(f.topics).toEqual([
        { division: 'pbb-p2', topic: 'tagihan pbb', count: 2 },
        { division: 'bphtb', topic: 'validasi bphtb', count: 1 },
        { division: 'pajak-daerah', topic: 'reklame', count: 1 },
      ]);
      expect(f.repeats).toEqual({ count: 1, earlier: [{ ticket: 'ADU-RPRT-000B', count: 1 }] });
      // Closures of any kind: the complaint C and the praise D.
      expect(f.closed).toBe(2);
      expect(f.openByStage).toEqual([
        { stage: 'forwarded', count: 3 },
        { stage: 'in_progress', count: 1 },
      ]);
      expect(f.oldestOpen.map((c) => c.ticket)).toEqual([
        'ADU-RPRT-000E',
        'ADU-RPRT-000A',
        'ADU-RPRT-000B',
        'ADU-RPRT-000G',
      ]);
    });
  });
}
