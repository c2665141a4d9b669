// `aduan seed --cases 5000 [--weeks 8] [--events full|report] [--seed N]`: fills the configured store with
// realistic synthetic history (for demos of the digests, and the benchmark). Never run it on a real store.
import type { Io } from '../main.js';
import { configFromEnv, parseArgs } from '../bootstrap.js';
import { openStore } from '../../store/open.js';
import { loadAgency } from '../../config/agency.js';
import { officeHoursPolicy } from '../../domain/office-hours.js';
import { loadSchedulerConfig } from '../../scheduler/settings.js';
import { seedHistory, seededRandom } from '../../digest/seed-history.js';

export default async function seed(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv);
  const cases = Number(flags.cases ?? 5000);
  const weeks = Number(flags.weeks ?? 8);
  const events = flags.events === 'report' ? 'report' : 'full';
  if (
    !Number.isInteger(cases) ||
    cases < 1 ||
    cases > 10_000_000 ||
    !Number.isInteger(weeks) ||
    weeks < 1 ||
    weeks > 104
  ) {
    io.stderr.write(
      'Usage: aduan seed --cases N (1..10,000,000) [--weeks W (1..104)] [--events full|report] [--seed N]\n',
    );
    return 2;
  }
  const config = configFromEnv();
  const settings = loadSchedulerConfig();
  const agency = loadAgency(config.agencyConfigPath);
  const { store } = await openStore(config);
  const started = Date.now();
  try {
    const step = Math.max(10_000, Math.floor(cases / 10));
    let shown = 0;
    const r = await seedHistory(store, {
      cases,
      weeks,
      now: Date.now(),
      agency,
      duePolicy: officeHoursPolicy(config.STANDARD_TIMES, settings.calendar),
      events,
      random: seededRandom(Number(flags.seed ?? 42)),
      onProgress: (done) => {
        if (done - shown >= step) {
          shown = done;
          io.stderr.write(`  ${done.toLocaleString('en')} cases…\n`);
        }
      },
    });
    io.stdout.write(
      `Seeded ${r.cases.toLocaleString('en')} cases and ${r.events.toLocaleString('en')} events over ${weeks} weeks into the ${store.kind} store in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
