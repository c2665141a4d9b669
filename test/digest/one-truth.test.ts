import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDigest, chartBars } from '../../src/digest/build.js';
import { seedHistory, seededRandom } from '../../src/digest/seed-history.js';
import type { CaseRecord } from '../../src/domain/case.js';
import { CLOCKED_STAGES, isOpenPastDue, passedDueIn } from '../../src/domain/standard-time.js';
import { officeClock } from '../../src/domain/work-time.js';
import { parseOfficeHours, type OfficeCalendar } from '../../src/domain/office-hours.js';
import { caseView } from '../../src/records/case-view.js';
import type { ReportStore } from '../../src/store/reports.js';
import { startHarness, type Harness } from '../support/harness.js';

const DAY = 86_400_000;
let h: Harness;
let reports: ReportStore;
async function seeded(): Promise<void> {
  h = await startHarness();
  reports = h.app.reports;
  await seedHistory(h.app.store, {
    cases: 900,
    weeks: 8,
    now: h.clock.now,
    agency: h.app.agency,
    duePolicy: h.app.duePolicy,
    random: seededRandom(5),
  });
}

async function everyCase(): Promise<CaseRecord[]> {
  const out: CaseRecord[] = [];
  let after: { createdAt: number; ticket: string } | null = null;
  for (;;) {
    const page = await reports.casesCreated({ from: 0, to: Number.MAX_SAFE_INTEGER }, after, 97);
    out.push(...page);
    const last = page.at(-1);
    if (!last) return out;
    after = { createdAt: last.createdAt, ticket: last.ticket };
  }
}

/** View (a) counted straight from the case records with the domain's definition. */
function passedByDefinition(cases: CaseRecord[], from: number, to: number, now: number): number {
  let n = 0;
  for (const c of cases) {
    if (c.kind !== 'complaint') continue;
    for (const stage of CLOCKED_STAGES) if (passedDueIn(c.stageTimes[stage], from, to, now)) n += 1;
  }
  return n;
}

describe('one truth about the standard time', () => {
  beforeEach(seeded);
  afterEach(async () => {
    await h.close();
  });

  it('gives the weekly text, the last bar of its chart and the case records the same counts', async () => {
    const now = h.clock.now + 2 * DAY; // two days after the history ends: cases at work are late by then
    const d = await buildDigest(
      { reports, agency: h.app.agency, timeZone: 'Asia/Jakarta', chartWeeks: 8 },
      'weekly',
      now,
    );
    const cases = await everyCase();
    expect(cases).toHaveLength(900);
    const passed = d.facts.overStandard.passed.total;
    expect(passed).toBeGreaterThan(0);
    expect(passed).toBe(passedByDefinition(cases, d.from, d.to, now));
    expect(d.text).toContain(`dalam periode ini: ${passed} tahap tidak selesai sebelum batas waktunya`);

    const bars = d.facts.series!;
    expect(bars).toHaveLength(8);
    const last = bars.at(-1)!;
    expect([last.from, last.to]).toEqual([d.from, d.to]);
    expect(last.overStandard).toBe(passed);
    expect(last.newComplaints).toBe(d.facts.newByKind.complaint);
    for (const b of bars) expect(b.overStandard).toBe(passedByDefinition(cases, b.from, b.to, now));

    const openNow = cases.filter((c) => isOpenPastDue(c, now));
    expect(openNow.length).toBeGreaterThan(0);
    expect(d.facts.overStandard.openNow.total).toBe(openNow.length);
    expect(d.text).toContain(`saat ini: ${openNow.length} aduan terbuka sudah lewat batas`);
  });

  it('flags in the export exactly the cases the digest counts as open past due', async () => {
    const now = h.clock.now + 2 * DAY; // two days after the history ends: cases at work are late by then
    const d = await buildDigest(
      { reports, agency: h.app.agency, timeZone: 'Asia/Jakarta', chartWeeks: 2 },
      'daily',
      now,
    );
    const week = parseOfficeHours('Mon-Fri 07:30-16:00') as OfficeCalendar['week'];
    const ctx = {
      agency: h.app.agency,
      now,
      timeZone: 'Asia/Jakarta',
      clock: officeClock({ timeZone: 'Asia/Jakarta', week, holidays: new Set<string>() }),
      standardMinutes: h.app.config.STANDARD_TIMES,
      withContacts: false,
    };
    const flagged = (await everyCase()).map((c) => caseView(c, [], ctx)).filter((v) => v.openPastDue);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.length).toBe(d.facts.overStandard.openNow.total);
  });
});

describe('the chart bars', () => {
  it('are weeks ending where the period ends when the chart spans weeks, days otherwise', () => {
    const end = Date.UTC(2026, 10, 30, 0, 0); // Monday 07:00 WIB
    const weeks = chartBars(end, 8, 'Asia/Jakarta');
    expect(weeks.unit).toBe('week');
    expect(weeks.edges).toHaveLength(9);
    expect(weeks.edges.at(-1)).toBe(end);
    expect(weeks.edges[0]).toBe(end - 56 * DAY);
    const days = chartBars(end, 1, 'Asia/Jakarta');
    expect(days.unit).toBe('day');
    expect(days.edges).toHaveLength(8);
    expect(days.edges.at(-2)).toBe(end - DAY);
  });
});
