// Digest generation over a million cases (SQLite): seeds 1,000,000 cases of synthetic history into a temporary
// file, then times the daily and the weekly digest (facts, text and, weekly, the chart PNG). Prints the p50 of
// several runs. Not a test: run with `npm run bench`. BENCH_CASES changes the size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAgency } from '../src/config/agency.js';
import { DEFAULT_AGENCY_CONFIG, projectRoot } from '../src/config/config.js';
import { officeHoursPolicy } from '../src/domain/office-hours.js';
import { DEFAULT_STANDARD_MINUTES } from '../src/domain/stages.js';
import { buildDigest } from '../src/digest/build.js';
import { seedHistory, seededRandom } from '../src/digest/seed-history.js';
import { loadSchedulerConfig } from '../src/scheduler/settings.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { SqliteReports } from '../src/store/sqlite/sqlite-reports.js';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const WEEKS = Number(process.env.BENCH_WEEKS ?? 26);
const RUNS = 7;

function p50(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const dir = mkdtempSync(join(tmpdir(), 'aduan-digest-bench-'));
try {
  const settings = loadSchedulerConfig({});
  const agency = loadAgency(join(projectRoot(), DEFAULT_AGENCY_CONFIG));
  const store = new SqliteStore(join(dir, 'bench.sqlite'));
  const now = Date.UTC(2026, 10, 23, 0, 0); // Monday 07:00 WIB
  const t = performance.now();
  const seeded = await seedHistory(store, {
    cases: CASES,
    weeks: WEEKS,
    now,
    agency,
    duePolicy: officeHoursPolicy(DEFAULT_STANDARD_MINUTES, settings.calendar),
    events: 'full',
    random: seededRandom(7),
    batch: 5000,
  });
  console.log(
    `seeded ${seeded.cases.toLocaleString('en')} cases, ${seeded.events.toLocaleString('en')} events over ${WEEKS} weeks in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  // The report indexes exist from the store's migration on, so seeding above already kept them up to date.
  const reports = new SqliteReports(store.database);
  const deps = { reports, agency, timeZone: settings.timeZone, chartWeeks: settings.chartWeeks };
  for (const period of ['daily', 'weekly'] as const) {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const d = await buildDigest(deps, period, now);
      times.push(performance.now() - start);
      size = d.chartPng?.length ?? 0;
    }
    console.log(
      `digest ${period.padEnd(6)} over ${CASES.toLocaleString('en')} cases: p50 ${p50(times).toFixed(1)} ms (runs: ${times.map((x) => x.toFixed(0)).join(', ')} ms)${size ? `, chart ${size.toLocaleString('en')} bytes` : ''}`,
    );
  }
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
