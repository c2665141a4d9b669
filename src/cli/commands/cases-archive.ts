// `aduan cases archive --closed-before YYYY-MM-DD [--dry-run] [--as STAFF_ID]`: SOP step 14 by hand. Cases closed
// before the start of that day (agency time zone) move to archived, each committed with its event; --dry-run only
// counts them. The scheduled job `archive` does the same every night after ARCHIVE_AFTER_DAYS.
import type { Io } from '../main.js';
import { configFromEnv, parseArgs } from '../bootstrap.js';
import { loadSchedulerConfig } from '../../scheduler/settings.js';
import { officeHoursPolicy } from '../../domain/office-hours.js';
import type { Actor } from '../../domain/case.js';
import { dateTimeId } from '../../digest/format.js';
import { archiveClosed } from '../../records/archive.js';
import { localDay, openRecords } from './records-common.js';

const USAGE = 'Usage: aduan cases archive --closed-before YYYY-MM-DD [--dry-run] [--as STAFF_ID]\n';

export default async function casesArchive(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv);
  if (flags.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const config = configFromEnv();
  const settings = loadSchedulerConfig();
  const before = localDay(flags['closed-before'], settings.timeZone);
  if (before === null) {
    io.stderr.write(`--closed-before must be a date YYYY-MM-DD.\n${USAGE}`);
    return 2;
  }
  let actor: Actor = { kind: 'system', id: 'cli', name: 'Arsip (cases archive)' };
  if (flags.as !== undefined) {
    const id = String(flags.as);
    const kind = config.SUPERVISOR_TELEGRAM_IDS.includes(id)
      ? 'supervisor'
      : config.STAFF_TELEGRAM_IDS.includes(id)
        ? 'staff'
        : null;
    if (!kind) {
      io.stderr.write(`--as ${id}: not listed in STAFF_TELEGRAM_IDS or SUPERVISOR_TELEGRAM_IDS. Nothing archived.\n`);
      return 1;
    }
    actor = { kind, id };
  }
  const dryRun = flags['dry-run'] === true;
  const { store, reports } = await openRecords(config);
  try {
    const r = await archiveClosed({
      store,
      reports,
      closedBefore: before,
      policy: officeHoursPolicy(config.STANDARD_TIMES, settings.calendar),
      actor,
      detail: `ditutup sebelum ${String(flags['closed-before'])}`,
      now: Date.now,
      dryRun,
    });
    const span =
      r.first && r.last
        ? ` (closed ${dateTimeId(r.first.closedAt, settings.timeZone)} … ${dateTimeId(r.last.closedAt, settings.timeZone)})`
        : '';
    io.stdout.write(
      `${dryRun ? 'Would archive' : 'Archived'} ${r.archived.toLocaleString('en')} closed case(s)${span}` +
        `${r.conflicts ? `; ${r.conflicts} changed meanwhile and were left as they are` : ''}.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
