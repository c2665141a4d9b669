// How long a stage took, measured the way its standard time is counted: office minutes when the due policy counts
// office hours (the SOP's "mutu baku" is work time), plain minutes otherwise. Records say which one they used.
import { localTime, zonedInstant, type OfficeCalendar } from './office-hours.js';

const DAY_MS = 86_400_000;

export interface WorkClock {
  unit: 'office' | 'plain';
  /** For people: "menit kerja (jam kantor)" or "menit". */
  label: string;
  /** Minutes of counted time in [from, to) (0 when to <= from). */
  minutes(from: number, to: number): number;
}

/** Office minutes in [from, to): only the open hours of office days that are not holidays count. */
export function officeMinutesBetween(from: number, to: number, cal: OfficeCalendar): number {
  if (!(to > from)) return 0;
  let total = 0;
  let t = from;
  // A day per step; the guard only stops a span of more than ten years.
  for (let guard = 0; guard < 3660 && t < to; guard++) {
    const lt = localTime(t, cal.timeZone);
    const midnight = zonedInstant(lt.year, lt.month, lt.day, 0, cal.timeZone);
    const hours = cal.holidays.has(lt.date) ? null : cal.week[lt.weekday];
    if (hours) {
      const open = Math.max(t, midnight + hours.open * 60_000);
      const close = Math.min(to, midnight + hours.close * 60_000);
      if (close > open) total += close - open;
    }
    // Next local midnight (noon-safe step, so a 23- or 25-hour day is fine).
    const next = localTime(midnight + DAY_MS + 12 * 3_600_000, cal.timeZone);
    t = zonedInstant(next.year, next.month, next.day, 0, cal.timeZone);
  }
  return Math.round(total / 60_000);
}

/** The clock of an office-hours due policy (the service's: `officeHoursPolicy`). */
export function officeClock(cal: OfficeCalendar): WorkClock {
  return { unit: 'office', label: 'menit kerja', minutes: (a, b) => officeMinutesBetween(a, b, cal) };
}

/** The clock of a plain-minutes due policy. */
export function plainClock(): WorkClock {
  return { unit: 'plain', label: 'menit', minutes: (a, b) => (b > a ? Math.round((b - a) / 60_000) : 0) };
}
