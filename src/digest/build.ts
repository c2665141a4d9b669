// Builds a digest for the period that ends at `end`: the facts from the ReportStore, the text, and for the weekly
// digest the chart of the last weeks. Reads only; sending is send.ts.
import type { Agency } from '../domain/agency.js';
import { localTime, zonedInstant } from '../domain/office-hours.js';
import { CLOCKED_STAGES } from '../domain/standard-time.js';
import type { DigestFacts, ReportStore } from '../store/reports.js';
import { composeDigest, type Period } from './compose.js';
import { dateTimeId } from './format.js';
import { recurringSubjects, type Subject } from './subjects.js';
import { retentionLine } from './retention-line.js';
import type { LeaseStore } from '../store/port.js';

export interface DigestDeps {
  reports: ReportStore;
  agency: Agency;
  timeZone: string;
  chartWeeks: number;
  /** Where the retention job notes its runs: the weekly digest says what it removed (retention-line.ts). */
  retention?: { store: Pick<LeaseStore, 'getValue'>; caseRetention: boolean };
}

export interface Digest {
  period: Period;
  from: number;
  to: number;
  text: string;
  facts: DigestFacts;
  /** The period's recurring subjects (topics grouped by meaning), largest first. */
  subjects: Subject[];
  chartPng?: Buffer;
}

export const LIST_LIMIT = 5;
/** Distinct (division, topic) rows read to group subjects: far more than a period's real variety. */
const TOPIC_ROWS = 2000;

/** The digest of the day (24 h) or week (7 days) that ends at `end`; `now` is when it is made. */
export async function buildDigest(deps: DigestDeps, period: Period, end: number, now = end): Promise<Digest> {
  const from = daysBefore(end, period === 'daily' ? 1 : 7, deps.timeZone);
  const weekly = period === 'weekly';
  const bars = weekly ? chartBars(end, deps.chartWeeks, deps.timeZone) : undefined;
  const facts = await deps.reports.digestFacts({
    from,
    to: end,
    now,
    clockedStages: CLOCKED_STAGES,
    listLimit: LIST_LIMIT,
    topicLimit: TOPIC_ROWS,
    ...(bars ? { seriesEdges: bars.edges } : {}),
  });
  const names = new Map(deps.agency.divisions.map((d) => [d.id, d.name]));
  const subjects = recurringSubjects(facts.topics, LIST_LIMIT, names);
  const composed = composeDigest({
    period,
    from,
    to: end,
    now,
    facts,
    subjects,
    agency: deps.agency,
    timeZone: deps.timeZone,
    ...(bars ? { chart: bars.unit } : {}),
  });
  const text =
    weekly && deps.retention
      ? `${composed}\n\n${await retentionLine(deps.retention.store, from, end, deps.retention.caseRetention)}`
      : composed;
  if (!bars || !facts.series) return { period, from, to: end, text, facts, subjects };
  // The chart's native canvas binding takes about 0.2 s to load: only the weekly digest pays for it, not start-up.
  const { renderChart } = await import('./chart.js');
  const chartPng = renderChart({
    agencyName: deps.agency.name,
    series: facts.series,
    unit: bars.unit,
    timeZone: deps.timeZone,
    footer: `Dibuat ${dateTimeId(now, deps.timeZone)} · sumber: Aduan`,
  });
  return { period, from, to: end, text, facts, subjects, chartPng };
}

/**
 * The chart's bars, all ending at `end` so that the last bar is exactly the digest's period and the text and the
 * chart count the same thing: one bar per week when the chart spans two weeks or more, one per day otherwise.
 * Steps are taken on the local calendar (same wall-clock time), so a daylight-saving change never skews a bar.
 */
export function chartBars(end: number, weeks: number, timeZone: string): { unit: 'week' | 'day'; edges: number[] } {
  const unit = weeks >= 2 ? 'week' : 'day';
  const count = unit === 'week' ? weeks : weeks * 7;
  const step = unit === 'week' ? 7 : 1;
  const edges: number[] = [];
  for (let i = count; i >= 0; i--) edges.push(daysBefore(end, i * step, timeZone));
  return { unit, edges };
}

/** The instant `days` local calendar days before `end`, at the same wall-clock time. */
export function daysBefore(end: number, days: number, timeZone: string): number {
  const t = localTime(end, timeZone);
  const offset = end - zonedInstant(t.year, t.month, t.day, t.minuteOfDay, timeZone);
  return zonedInstant(t.year, t.month, t.day - days, t.minuteOfDay, timeZone) + offset;
}
