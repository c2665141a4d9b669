// What the records commands (cases export, archive, pdf) share: reading local dates, opening the store with its
// reports, the supervisor check, and writing an output file so that a failed run never leaves a half file behind.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Config } from '../../config/config.js';
import { zonedInstant } from '../../domain/office-hours.js';
import { openStore } from '../../store/open.js';
import type { Store } from '../../store/port.js';
import type { ReportStore } from '../../store/reports.js';

/** Local midnight of a "YYYY-MM-DD" date in the zone, or null when it is not a real date. */
export function localDay(value: unknown, timeZone: string): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return zonedInstant(y, mo, d, 0, timeZone);
}

/** The local midnight after the day that starts at `dayStart` (a whole calendar day later). */
export function nextLocalDay(value: string, timeZone: string): number {
  const [y = 0, mo = 1, d = 1] = value.split('-').map(Number);
  return zonedInstant(y, mo, d + 1, 0, timeZone);
}

/** The store and its reports, closed together. */
export async function openRecords(config: Config): Promise<{ store: Store; reports: ReportStore }> {
  const { store, reports } = await openStore(config);
  return { store, reports };
}

/**
 * Whether `id` may see personal data unmasked: a supervisor (SUPERVISOR_TELEGRAM_IDS), the same list that may
 * verify results and receives digests.
 */
export function isSupervisor(config: Pick<Config, 'SUPERVISOR_TELEGRAM_IDS'>, id: unknown): id is string {
  return typeof id === 'string' && config.SUPERVISOR_TELEGRAM_IDS.includes(id);
}

/**
 * Writes `path` through `fill`, first to `path.partial`, renamed into place only when `fill` succeeded: a failed or
 * interrupted run leaves no file that looks complete.
 */
export async function writeFileAtomically(path: string, fill: (out: Writable) => Promise<void>): Promise<void> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  try {
    await fill(out);
    if (!out.writableEnded) out.end();
    if (!out.closed) await once(out, 'close');
    renameSync(partial, path);
  } catch (err) {
    out.destroy();
    rmSync(partial, { force: true });
    throw err;
  }
}
