// Builds a digest for the period that ends at `end`: the facts from the ReportStore, the text, and for the weekly
// digest the chart of the last weeks. Reads only; sending is send.ts.
import type { Agency } from '../domain/agency.js';
import { startOfLocalDay, utcOffsetMs } from '../domain/office-hours.js';
import { CLOCKED_STAGES, type DigestFacts, type ReportStore } from '../store/reports.js';
import { composeDigest, type Period } from './compose.js';
import { dateTimeId } from './format.js';

export interface DigestDeps {
  reports: ReportStore;
  agency: Agency;
  timeZone: string;
  chartWeeks: number;
}

export interface Digest {
  period: Period;
  from: number;
  to: number;
  text: string;
  facts: DigestFacts;
  chartPng?: Buffer;
}

const DAY = 86_400_000;
export const LIST_LIMIT = 5;

/** The digest of the day (24 h) or week (7 days) that ends at `end`; `now` is when it is made. */
export async function buildDigest(deps: DigestDeps, period: Period, end: number, now = end): Promise<Digest> {
  const from = end - (period === 'daily' ? DAY : 7 * DAY);
  const weekly = period === 'weekly';
  const facts = await deps.reports.digestFacts({
    from,
    to: end,
    now,
    clockedStages: CLOCKED_STAGES,
    utcOffsetMs: utcOffsetMs(end, deps.timeZone),
    listLimit: LIST_LIMIT,
    ...(weekly ? { seriesFrom: startOfLocalDay(end - deps.chartWeeks * 7 * DAY, deps.timeZone) } : {}),
  });
  const text = composeDigest({
    period,
    from,
    to: end,
    now,
    facts,
    agency: deps.agency,
    timeZone: deps.timeZone,
    withChart: weekly,
  });
  if (!weekly || !facts.series) return { period, from, to: end, text, facts };
  // The chart's native canvas binding takes about 0.2 s to load: only the weekly digest pays for it, not start-up.
  const { renderChart } = await import('./chart.js');
  const chartPng = renderChart({
    agencyName: deps.agency.name,
    series: facts.series,
    timeZone: deps.timeZone,
    footer: `Dibuat ${dateTimeId(now, deps.timeZone)} · sumber: Aduan`,
  });
  return { period, from, to: end, text, facts, chartPng };
}
