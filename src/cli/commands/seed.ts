// `aduan seed --cases 5000 [--weeks 8] [--events full|report] [--seed N] [--force]`: fills the configured store with
// realistic synthetic history (demos of the digests, benchmarks), every case marked `seeded`. It refuses a store
// that holds real cases unless --force; `aduan seed --remove` deletes the seeded cases and their events, nothing
// else.
import type { Io } from '../main.js';
import { configFromEnv, parseFlags, UsageError } from '../bootstrap.js';
import { openStore } from '../../store/open.js';
import { loadAgency } from '../../config/agency.js';
import { officeHoursPolicy } from '../../domain/office-hours.js';
import { loadSchedulerConfig } from '../../scheduler/settings.js';
import { seedHistory, seededRandom } from '../../digest/seed-history.js';

export const usage = `Usage: aduan seed --cases N [--weeks W] [--events full|report] [--seed N] [--force]
       aduan seed --remove
  Fills the store with realistic synthetic history for demos and benchmarks: N cases (1..10,000,000, default
  5,000) over W weeks (1..104, default 8), each marked as seeded. Refuses a store that holds real cases unless
  --force. --remove deletes the seeded cases and their events and nothing else.
`;

const whole = (v: string | undefined, fallback: number, min: number, max: number, name: string): number => {
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max.toLocaleString('en')}.`, usage);
  return n;
};

export default async function seed(argv: string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      cases: { type: 'string' },
      weeks: { type: 'string' },
      events: { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean' },
      remove: { type: 'boolean' },
    },
    usage,
  );
  const cases = whole(values.cases, 5000, 1, 10_000_000, 'cases');
  const weeks = whole(values.weeks, 8, 1, 104, 'weeks');
  const randomSeed = whole(values.seed, 42, 0, 2 ** 31, 'seed');
  if (values.events !== undefined && values.events !== 'full' && values.events !== 'report')
    throw new UsageError('--events must be full or report.', usage);
  const config = configFromEnv();
  const { store, seeded } = await openStore(config);
  try {
    if (values.remove) {
      const r = await seeded.removeSeeded();
      io.stdout.write(
        `Removed ${r.cases.toLocaleString('en')} seeded cases and ${r.events.toLocaleString('en')} events from the ${store.kind} store; real cases untouched.\n`,
      );
      return 0;
    }
    const real = await seeded.countRealCases();
    if (real > 0 && !values.force) {
      io.stderr.write(
        `The ${store.kind} store holds ${real.toLocaleString('en')} real case${real === 1 ? '' : 's'}: seed adds synthetic history to a demo or benchmark store only. Add --force to add it anyway (marked seeded; aduan seed --remove deletes it again).\n`,
      );
      return 2;
    }
    const settings = loadSchedulerConfig();
    const agency = loadAgency(config.agencyConfigPath);
    const started = Date.now();
    const step = Math.max(10_000, Math.floor(cases / 10));
    let shown = 0;
    const r = await seedHistory(store, {
      cases,
      weeks,
      now: Date.now(),
      agency,
      duePolicy: officeHoursPolicy(config.STANDARD_TIMES, settings.calendar),
      events: values.events === 'report' ? 'report' : 'full',
      random: seededRandom(randomSeed),
      onProgress: (done) => {
        if (done - shown >= step) {
          shown = done;
          io.stderr.write(`  ${done.toLocaleString('en')} cases…\n`);
        }
      },
    });
    io.stdout.write(
      `Seeded ${r.cases.toLocaleString('en')} cases and ${r.events.toLocaleString('en')} events over ${weeks} weeks into the ${store.kind} store in ${((Date.now() - started) / 1000).toFixed(1)} s (marked seeded; aduan seed --remove deletes them).\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
