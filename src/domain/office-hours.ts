// Standard times in office minutes: the SOP's "mutu baku" is work time, so a complaint received on Friday at
// 15:50 with 60 minutes to go is due on Monday at 08:20, not on Friday evening. Weekends, public holidays and the
// hours outside the office day do not count. Everything is computed in the agency's time zone.
import type { DuePolicy } from './lifecycle.js';
import { DEFAULT_STANDARD_MINUTES, type Stage } from './stages.js';

/** The office week: for each weekday (0 = Sunday … 6 = Saturday) the open and close minute of the day, or null. */
export interface OfficeCalendar {
  timeZone: string;
  week: ReadonlyArray<{ open: number; close: number } | null>;
  /** Public holidays as local dates "YYYY-MM-DD". */
  holidays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a time zone name the runtime does not know. */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-US', { timeZone });
}

const offsetCache = new Map<string, number>();

/** The zone's offset from UTC (ms, local = utc + offset) at an instant; cached per zone and hour. */
export function utcOffsetMs(ms: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(ms / 3_600_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  const offset = asUtc - (ms - (((ms % 1000) + 1000) % 1000));
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  /** "YYYY-MM-DD" */
  date: string;
}

/** The wall-clock time of an instant in a zone. */
export function localTime(ms: number, timeZone: string): LocalTime {
  const local = new Date(ms + utcOffsetMs(ms, timeZone));
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const hour = local.getUTCHours();
  const minute = local.getUTCMinutes();
  return {
    year,
    month,
    day,
    hour,
    minute,
    weekday: local.getUTCDay(),
    minuteOfDay: hour * 60 + minute,
    date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
}

/** The instant of a wall-clock time in a zone (the offset of that moment; exact for zones without DST). */
export function zonedInstant(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day) + minuteOfDay * 60_000;
  const first = guess - utcOffsetMs(guess, timeZone);
  return guess - utcOffsetMs(first, timeZone);
}

/** Local midnight (as an instant) of the day that contains `ms`. */
export function startOfLocalDay(ms: number, timeZone: string): number {
  const t = localTime(ms, timeZone);
  return zonedInstant(t.year, t.month, t.day, 0, timeZone);
}

/** Adds `minutes` of office time to `from`; the result is always inside office hours (or at a closing time). */
export function addOfficeMinutes(from: number, minutes: number, cal: OfficeCalendar): number {
  let remaining = minutes * 60_000;
  let t = from;
  // Ten years of days is far more than any standard time needs; the bound only stops a calendar with no office day.
  for (let guard = 0; guard < 3660; guard++) {
    const lt = localTime(t, cal.timeZone);
    const hours = cal.holidays.has(lt.date) ? null : cal.week[lt.weekday];
    const midnight = zonedInstant(lt.year, lt.month, lt.day, 0, cal.timeZone);
    if (hours && hours.close > hours.open) {
      const open = midnight + hours.open * 60_000;
      const close = midnight + hours.close * 60_000;
      const start = Math.max(t, open);
      if (start < close) {
        if (remaining <= close - start) return start + remaining;
        remaining -= close - start;
      }
    }
    // Next local day (noon-safe step then back to its midnight, so a DST day of 23 or 25 hours is fine).
    const next = localTime(midnight + DAY_MS + 12 * 3_600_000, cal.timeZone);
    t = zonedInstant(next.year, next.month, next.day, 0, cal.timeZone);
  }
  throw new Error('The office calendar has no office hours: standard times can never be met.');
}

/** A DuePolicy counting each stage's standard minutes in office time (the lead wires it in place of plain minutes). */
export function officeHoursPolicy(
  minutes: Partial<Record<Stage, number>> = DEFAULT_STANDARD_MINUTES,
  calendar: OfficeCalendar,
): DuePolicy {
  return {
    dueAt(stage, enteredAt) {
      const m = minutes[stage];
      return m === undefined ? undefined : addOfficeMinutes(enteredAt, m, calendar);
    },
  };
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Reads office hours such as "Mon-Fri 07:30-16:00" or "Mon-Thu 07:30-16:00; Fri 07:30-16:30". Returns the week,
 * or a message saying what is wrong.
 */
export function parseOfficeHours(spec: string): OfficeCalendar['week'] | string {
  const week: Array<{ open: number; close: number } | null> = [null, null, null, null, null, null, null];
  const parts = spec
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return 'must name days and hours, e.g. "Mon-Fri 07:30-16:00"';
  for (const part of parts) {
    const m = /^([A-Za-z,\s-]+?)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!m) return `"${part}" is not "<days> HH:MM-HH:MM" (e.g. "Mon-Fri 07:30-16:00")`;
    const open = Number(m[2]) * 60 + Number(m[3]);
    const close = Number(m[4]) * 60 + Number(m[5]);
    if (Number(m[3]) > 59 || Number(m[5]) > 59 || close > 24 * 60 || open >= close) {
      return `"${part}": the opening time must be before the closing time, both within the day`;
    }
    for (const range of (m[1] ?? '').split(',').map((s) => s.trim().toLowerCase())) {
      const [a = '', b] = range.split('-').map((s) => s.trim().slice(0, 3));
      const from = WEEKDAYS.indexOf(a);
      const to = b === undefined ? from : WEEKDAYS.indexOf(b);
      if (from < 0 || to < 0) return `"${range}" is not a weekday or range of weekdays (Mon, Tue, … Sun)`;
      for (let d = from; ; d = (d + 1) % 7) {
        week[d] = { open, close };
        if (d === to) break;
      }
    }
  }
  return week;
}
