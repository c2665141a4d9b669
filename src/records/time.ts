// Instants as records show them: always the agency's wall-clock time, never the server's or UTC.
import { utcOffsetMs } from '../domain/office-hours.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The wall-clock time of `ms` in the zone, as a Date whose UTC fields hold it (what spreadsheet dates store). */
export function wallClock(ms: number, timeZone: string): Date {
  return new Date(ms + utcOffsetMs(ms, timeZone));
}

/** "2026-11-21 14:05" in the zone (CSV: spreadsheet programs read it as a date and time). */
export function localDateTime(ms: number, timeZone: string): string {
  const d = wallClock(ms, timeZone);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2026-11-21T14:05:00+07:00": ISO 8601 with the zone's offset (JSON lines). */
export function isoLocal(ms: number, timeZone: string): string {
  const off = utcOffsetMs(ms, timeZone);
  const d = new Date(ms + off);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off) / 60_000;
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
