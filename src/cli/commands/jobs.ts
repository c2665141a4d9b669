// `aduan jobs list` (each job, its schedule, last and next run) and `aduan jobs run <name>` (runs one job now; its
// messages go to the outbox, which the running service delivers).
import type { Io } from '../main.js';
import { parseFlags, startCore } from '../bootstrap.js';
import { createScheduler } from '../../scheduler/index.js';
import { loadSchedulerConfig } from '../../scheduler/settings.js';
import { dateTimeId } from '../../digest/format.js';

export const usage = `Usage: aduan jobs list
       aduan jobs run <name>
  Lists the scheduled jobs (schedule, last and next run), or runs one now; its messages wait in the outbox for the
  running service to deliver.
`;

export default async function jobs(argv: string[], io: Io): Promise<number> {
  const { positionals } = parseFlags(argv, {}, usage, true);
  const [sub, name] = positionals;
  if (sub !== 'list' && !(sub === 'run' && name)) {
    io.stderr.write(usage);
    return 2;
  }
  const settings = loadSchedulerConfig();
  const app = await startCore({ manualDispatch: true });
  try {
    const scheduler = createScheduler(app, settings);
    if (sub === 'list') {
      const when = (ms: number | null) => (ms === null ? '-' : dateTimeId(ms, settings.timeZone));
      for (const j of await scheduler.status()) {
        io.stdout.write(
          `${j.name.padEnd(18)} ${j.cron.padEnd(14)} last ${when(j.lastOccurrence)} · next ${when(j.nextOccurrence)}\n  ${j.summary}\n`,
        );
      }
      return 0;
    }
    if (!scheduler.job(name ?? '')) {
      io.stderr.write(`No job named "${name}". Jobs: ${scheduler.jobs.map((j) => j.name).join(', ')}\n`);
      return 2;
    }
    const out = await scheduler.runNow(name ?? '');
    if (!out.ran) {
      io.stderr.write(`${name} did not run: ${out.reason}.\n`);
      return 1;
    }
    io.stdout.write(
      `${name} ran: ${Object.entries(out.report)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}
