// (Moved from the Telegram adapter: every staff surface types due dates the same way.)
// Reads the PTP's due date as staff type it: "2026-12-01", "1/12/2026", "2026-12-01 10:00", "3 hari".
// Times are Jakarta time (WIB, UTC+7); a date alone means 16:00 WIB, the end of office hours.

const WIB_OFFSET_H = 7;

export function parseDueDate(input: string, now: number): number | null {
  const s = input.trim().toLowerCase();
  const days = /^(\d{1,3})\s*(hari|days?|d)$/.exec(s);
  if (days) {
    const n = Number(days[1]);
    return n > 0 ? now + n * 86_400_000 : null;
  }
  let y: number, mo: number, d: number;
  let rest: string | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]+(.+))?$/.exec(s);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(.+))?$/.exec(s);
  if (iso) [y, mo, d, rest] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4]];
  else if (local) [d, mo, y, rest] = [Number(local[1]), Number(local[2]), Number(local[3]), local[4]];
  else return null;
  let h = 16;
  let mi = 0;
  if (rest !== undefined) {
    const time = /^(\d{1,2})[:.](\d{2})(?:\s*wib)?$/.exec(rest.trim());
    if (!time) return null;
    [h, mi] = [Number(time[1]), Number(time[2])];
    if (h > 23 || mi > 59) return null;
  }
  const ms = Date.UTC(y, mo - 1, d, h - WIB_OFFSET_H, mi);
  const check = new Date(ms + WIB_OFFSET_H * 3_600_000);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return ms;
}
