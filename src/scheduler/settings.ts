// The scheduler's own settings (time zone, office hours, holidays, cron expressions, follow-up delays), validated at
// start-up like the core configuration: a wrong value throws a ConfigError naming the setting.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../config/config.js';
import { assertTimeZone, parseOfficeHours, type OfficeCalendar } from '../domain/office-hours.js';
import { cronProblem } from './cron.js';

const cron = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((v) => (v === '' ? fallback : v))
    .superRefine((v, ctx) => {
      const problem = cronProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

const whole = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .transform((v) => (v === '' ? String(fallback) : v))
    .refine((v) => /^\d+$/.test(v), 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

const schema = z.object({
  AGENCY_TIMEZONE: z
    .string()
    .trim()
    .default('Asia/Jakarta')
    .transform((v) => v || 'Asia/Jakarta')
    .superRefine((v, ctx) => {
      try {
        assertTimeZone(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a time zone (use an IANA name such as Asia/Jakarta)` });
      }
    }),
  OFFICE_HOURS: z
    .string()
    .trim()
    .default('Mon-Fri 07:30-16:00')
    .transform((v) => v || 'Mon-Fri 07:30-16:00'),
  PUBLIC_HOLIDAYS: z.string().trim().default(''),
  DIGEST_DAILY_CRON: cron('0 7 * * *'),
  DIGEST_WEEKLY_CRON: cron('0 7 * * 1'),
  CLOCK_CHECK_CRON: cron('*/5 * * * *'),
  FOLLOWUP_CRON: cron('0 9 * * *'),
  ARCHIVE_CRON: cron('30 2 * * *'),
  INTAKE_REMINDER_MINUTES: whole(30, 1, 10_080),
  INTAKE_GIVE_UP_MINUTES: whole(60, 1, 10_080),
  CONFIRM_REMINDER_DAYS: whole(3, 1, 60),
  CONFIRM_CLOSE_DAYS: whole(7, 1, 90),
  FOLLOWUP_CHECK_DAYS: whole(14, 1, 365),
  DIGEST_CHART_WEEKS: whole(8, 1, 52),
  RETENTION_INBOUND_DAYS: z.string().trim().optional(),
  /** The earlier name of RETENTION_INBOUND_DAYS, still read (a conflicting pair stops start-up). */
  INBOUND_RETENTION_DAYS: z.string().trim().optional(),
  RETENTION_CASE_DAYS: whole(0, 0, 36_500),
  ARCHIVE_AFTER_DAYS: whole(30, 1, 3650),
});

/** Every setting the scheduler reads (for the start-up check of unknown settings, src/config/known-settings.ts). */
export const SCHEDULER_SETTINGS: readonly string[] = Object.keys(schema.shape);

export interface SchedulerSettings {
  timeZone: string;
  calendar: OfficeCalendar;
  cron: { digestDaily: string; digestWeekly: string; clockCheck: string; followup: string; archive: string };
  intakeReminderMs: number;
  /** Counted from the reminder (and from the citizen's last message). */
  intakeGiveUpMs: number;
  confirmReminderMs: number;
  confirmCloseMs: number;
  followupAfterMs: number;
  chartWeeks: number;
  /** How long a handled inbound message (and so its dedupe key) and a sent outbox message are kept. */
  inboundRetentionMs: number;
  /** Closed and archived cases are anonymised this long after closing; null: never (the default). */
  caseRetentionMs: number | null;
  /** Closed cases are archived (SOP step 14) this long after closing. */
  archiveAfterMs: number;
}

const DAY = 86_400_000;

/** Validates the scheduler settings; throws ConfigError naming every wrong one. */
export function loadSchedulerConfig(env: Record<string, string | undefined> = process.env): SchedulerSettings {
  const r = schema.safeParse(env);
  if (!r.success)
    throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  const s = r.data;
  const problems: string[] = [];
  const week = parseOfficeHours(s.OFFICE_HOURS);
  if (typeof week === 'string') problems.push(`OFFICE_HOURS: ${week}`);
  const holidays = readHolidays(s.PUBLIC_HOLIDAYS);
  if (typeof holidays === 'string') problems.push(`PUBLIC_HOLIDAYS: ${holidays}`);
  const inboundDays = retentionDays(s.RETENTION_INBOUND_DAYS, s.INBOUND_RETENTION_DAYS, problems);
  if (s.RETENTION_CASE_DAYS > 0 && s.RETENTION_CASE_DAYS < s.ARCHIVE_AFTER_DAYS)
    problems.push('RETENTION_CASE_DAYS: must be 0 (off) or at least ARCHIVE_AFTER_DAYS (cases are archived first)');
  if (s.CONFIRM_CLOSE_DAYS <= s.CONFIRM_REMINDER_DAYS) {
    problems.push('CONFIRM_CLOSE_DAYS: must be more than CONFIRM_REMINDER_DAYS');
  }
  if (problems.length || typeof week === 'string' || typeof holidays === 'string') throw new ConfigError(problems);
  return {
    timeZone: s.AGENCY_TIMEZONE,
    calendar: { timeZone: s.AGENCY_TIMEZONE, week, holidays },
    cron: {
      digestDaily: s.DIGEST_DAILY_CRON,
      digestWeekly: s.DIGEST_WEEKLY_CRON,
      clockCheck: s.CLOCK_CHECK_CRON,
      followup: s.FOLLOWUP_CRON,
      archive: s.ARCHIVE_CRON,
    },
    intakeReminderMs: s.INTAKE_REMINDER_MINUTES * 60_000,
    intakeGiveUpMs: s.INTAKE_GIVE_UP_MINUTES * 60_000,
    confirmReminderMs: s.CONFIRM_REMINDER_DAYS * DAY,
    confirmCloseMs: s.CONFIRM_CLOSE_DAYS * DAY,
    followupAfterMs: s.FOLLOWUP_CHECK_DAYS * DAY,
    chartWeeks: s.DIGEST_CHART_WEEKS,
    inboundRetentionMs: inboundDays * DAY,
    caseRetentionMs: s.RETENTION_CASE_DAYS > 0 ? s.RETENTION_CASE_DAYS * DAY : null,
    archiveAfterMs: s.ARCHIVE_AFTER_DAYS * DAY,
  };
}

/**
 * RETENTION_INBOUND_DAYS (default 90), or its earlier name INBOUND_RETENTION_DAYS when only that one is set; the two
 * set to different values is a mistake worth stopping for.
 */
function retentionDays(value: string | undefined, alias: string | undefined, problems: string[]): number {
  const read = (v: string | undefined, name: string): number | null => {
    if (v === undefined || v === '') return null;
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (n >= 1 && n <= 3650) return n;
    problems.push(`${name}: must be a whole number between 1 and 3650`);
    return null;
  };
  const days = read(value, 'RETENTION_INBOUND_DAYS');
  const old = read(alias, 'INBOUND_RETENTION_DAYS');
  if (days !== null && old !== null && days !== old)
    problems.push('INBOUND_RETENTION_DAYS: is the old name of RETENTION_INBOUND_DAYS; set only RETENTION_INBOUND_DAYS');
  return days ?? old ?? 90;
}

/** Dates "YYYY-MM-DD" separated by commas, or the path of a file with one date per line (# starts a comment). */
function readHolidays(value: string): Set<string> | string {
  let text = value;
  if (value !== '' && !/^\d{4}-\d{2}-\d{2}(\s*,\s*\d{4}-\d{2}-\d{2})*$/.test(value)) {
    if (!existsSync(value)) return `"${value}" is neither comma-separated dates (YYYY-MM-DD) nor a file that exists`;
    text = readFileSync(value, 'utf8').replace(/#.*$/gm, '');
  }
  const out = new Set<string>();
  for (const d of text.split(/[\s,]+/).filter(Boolean)) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    const at = Date.parse(`${d}T00:00:00Z`);
    const valid = m !== null && !Number.isNaN(at) && new Date(at).toISOString().startsWith(d);
    if (!valid) return `"${d}" is not a date YYYY-MM-DD`;
    out.add(d);
  }
  return out;
}
