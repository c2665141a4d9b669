// How long a stage took, measured the way its standard time is counted: office minutes when the due policy counts
// office hours (the SOP's "mutu baku" is work time), plain minutes otherwise. Records say which one they used.
import { localTime, zonedInstant, type LocalTime, type OfficeCalendar } from './office-hours.js';

const DAY_MS = 86_400_000;

export interface WorkClock {
  unit: 'office' | 'plain';
  /** For people: "menit kerja (jam kantor)" or "menit". */
  label: string;
  /** Minutes of counted time in [from, to) (0 when to <= from). */
  minutes(from: number, to: number): number;
}

/**
 * Office minutes in [from, to): only the open hours of office days that are not holidays count. Whole weeks in the
 * middle of a long span are added at once (a statement left at "recorded" for months costs a few steps, not one per
 * day); the days at either end are walked one by one on the local calendar.
 */
export function officeMinutesBetween(from: number, to: number, cal: OfficeCalendar): number {
  if (!(to > from)) return 0;
  let total = 0;
  let t = from;
  let days = 0;
  // The guard only stops a span of more than ten years.
  for (let guard = 0; guard < 3660 && t < to; guard++) {
    const lt = localTime(t, cal.timeZone);
    const midnight = zonedInstant(lt.year, lt.month, lt.day, 0, cal.timeZone);
    if (t === midnight && days >= 1) {
      const weeks = wholeWeeksFrom(lt, to, cal.timeZone);
      if (weeks > 0) {
        total += weeks * weekMs(cal) - holidayMs(lt, weeks * 7, cal);
        const next = zonedInstant(lt.year, lt.month, lt.day + weeks * 7, 0, cal.timeZone);
        t = next;
        continue;
      }
    }
    const hours = cal.holidays.has(lt.date) ? null : cal.week[lt.weekday];
    if (hours) {
      const open = Math.max(t, midnight + hours.open * 60_000);
      const close = Math.min(to, midnight + hours.close * 60_000);
      if (close > open) total += close - open;
    }
    // Next local midnight (noon-safe step, so a 23- or 25-hour day is fine).
    const next = localTime(midnight + DAY_MS + 12 * 3_600_000, cal.timeZone);
    t = zonedInstant(next.year, next.month, next.day, 0, cal.timeZone);
    days += 1;
  }
  return Math.round(total / 60_000);
}

/** How many whole local weeks fit between the midnight of `day` and `to`. */
function wholeWeeksFrom(day: LocalTime, to: number, timeZone: string): number {
  // An estimate by elapsed time, then corrected on the calendar (a DST change moves midnights by an hour).
  let weeks = Math.max(0, Math.floor((to - zonedInstant(day.year, day.month, day.day, 0, timeZone)) / (7 * DAY_MS)));
  while (weeks > 0 && zonedInstant(day.year, day.month, day.day + weeks * 7, 0, timeZone) > to) weeks -= 1;
  return weeks;
}

/** Open time of a whole office week (ms). */
function weekMs(cal: OfficeCalendar): number {
  return cal.week.reduce((sum, h) => sum + (h ? Math.max(0, h.close - h.open) * 60_000 : 0), 0);
}

/** Open time lost to holidays on the `days` local days starting at `day` (ms). */
function holidayMs(day: LocalTime, days: number, cal: OfficeCalendar): number {
  if (cal.holidays.size === 0) return 0;
  const first = Date.UTC(day.year, day.month - 1, day.day);
  const last = first + days * DAY_MS;
  let lost = 0;
  for (const date of cal.holidays) {
    const at = Date.parse(`${date}T00:00:00Z`);
    if (!(at >= first && at < last)) continue;
    const hours = cal.week[new Date(at).getUTCDay()];
    if (hours) lost += Math.max(0, hours.close - hours.open) * 60_000;
  }
  return lost;
}

/** The clock of an office-hours due policy (the service's: `officeHoursPolicy`). */
export function officeClock(cal: OfficeCalendar): WorkClock {
  return { unit: 'office', label: 'menit kerja', minutes: (a, b) => officeMinutesBetween(a, b, cal) };
}

/** The clock of a plain-minutes due policy. */
export function plainClock(): WorkClock {
  return { unit: 'plain', label: 'menit', minutes: (a, b) => (b > a ? Math.round((b - a) / 60_000) : 0) };
}
