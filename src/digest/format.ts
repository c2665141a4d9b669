// Small formatting helpers shared by digests and reminders (Indonesian, the supervisors' language).
import { utcOffsetMs } from '../domain/office-hours.js';

/** "3 hari 4 jam", "2 jam 15 menit", "12 menit". */
export function durationId(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} hari ${hours} jam` : `${days} hari`;
  if (hours > 0) return mins > 0 ? `${hours} jam ${mins} menit` : `${hours} jam`;
  return `${mins} menit`;
}

/** The zone's abbreviation Indonesians use (WIB, WITA, WIT), or "UTC+h" elsewhere. */
export function zoneLabel(timeZone: string, at: number): string {
  const hours = utcOffsetMs(at, timeZone) / 3_600_000;
  if (/^Asia\/(Jakarta|Pontianak)$/.test(timeZone)) return 'WIB';
  if (/^Asia\/(Makassar)$/.test(timeZone)) return 'WITA';
  if (/^Asia\/(Jayapura)$/.test(timeZone)) return 'WIT';
  return `UTC${hours >= 0 ? '+' : ''}${hours}`;
}

/** "Sen, 2 Nov 2026 07.00 WIB" */
export function dateTimeId(ms: number, timeZone: string): string {
  const s = new Intl.DateTimeFormat('id-ID', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(ms);
  return `${s} ${zoneLabel(timeZone, ms)}`;
}

/** "2 Nov 2026" */
export function dateId(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(ms);
}

/** "80%" */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`;
}
