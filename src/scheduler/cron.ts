// Cron expressions read with node-cron, and the occurrences of one relative to any clock (the app's, which tests
// control), not only to the wall clock node-cron's timers follow. An occurrence is the job's scheduled minute;
// the scheduler records the last one done, so a run missed while the service was down is found at start.
import cron from 'node-cron';
import { localTime, zonedInstant } from '../domain/office-hours.js';

type Matcher = { match(date: Date): boolean };

const matchers = new Map<string, { matcher: Matcher; minutes: number[]; hours: number[] }>();
const DAY_MS = 86_400_000;
/** How far to look for an occurrence: a little over a year covers any yearly expression. */
const HORIZON_DAYS = 400;

/** Null for a usable expression; otherwise what is wrong with it. Jobs run at minute precision: five fields. */
export function cronProblem(expression: string): string | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return `"${expression}" must have five fields: minute hour day-of-month month day-of-week`;
  const v = cron.validateDetailed(expression);
  if (!v.valid) return `"${expression}" is not a valid cron expression (${v.errors.map((e) => e.message).join('; ')})`;
  return null;
}

function compiled(expression: string, timeZone: string) {
  const key = `${timeZone}|${expression}`;
  let c = matchers.get(key);
  if (!c) {
    const problem = cronProblem(expression);
    if (problem) throw new Error(problem);
    const fields = cron.parse(expression);
    // An unstarted task is node-cron's public way to ask whether a date matches; it is never scheduled.
    const matcher = cron.createTask(expression, () => {}, { timezone: timeZone, name: `matcher:${key}` });
    c = { matcher, minutes: [...fields.minute].sort((a, b) => a - b), hours: [...fields.hour].sort((a, b) => a - b) };
    matchers.set(key, c);
  }
  return c;
}

/** The latest occurrence at or before `now` (ms, whole minute), or null when there is none within a year. */
export function latestOccurrence(expression: string, timeZone: string, now: number): number | null {
  const { matcher, minutes, hours } = compiled(expression, timeZone);
  let day = localTime(now, timeZone);
  for (let i = 0; i < HORIZON_DAYS; i++) {
    for (let h = hours.length - 1; h >= 0; h--) {
      for (let m = minutes.length - 1; m >= 0; m--) {
        const at = zonedInstant(day.year, day.month, day.day, (hours[h] ?? 0) * 60 + (minutes[m] ?? 0), timeZone);
        if (at <= now && matcher.match(new Date(at))) return at;
      }
    }
    day = localTime(zonedInstant(day.year, day.month, day.day, 0, timeZone) - DAY_MS / 2, timeZone);
  }
  return null;
}

/** The first occurrence strictly after `after`, or null when there is none within a year. */
export function nextOccurrence(expression: string, timeZone: string, after: number): number | null {
  const { matcher, minutes, hours } = compiled(expression, timeZone);
  let day = localTime(after, timeZone);
  for (let i = 0; i < HORIZON_DAYS; i++) {
    for (const h of hours) {
      for (const m of minutes) {
        const at = zonedInstant(day.year, day.month, day.day, h * 60 + m, timeZone);
        if (at > after && matcher.match(new Date(at))) return at;
      }
    }
    day = localTime(zonedInstant(day.year, day.month, day.day, 0, timeZone) + DAY_MS * 1.5, timeZone);
  }
  return null;
}
