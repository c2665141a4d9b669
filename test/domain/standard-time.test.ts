import { describe, expect, it } from 'vitest';
import { isOpenPastDue, isOverStandard, passedDueIn, stageClocks } from '../../src/domain/standard-time.js';
import { parseOfficeHours, type OfficeCalendar } from '../../src/domain/office-hours.js';
import { officeMinutesBetween } from '../../src/domain/work-time.js';
import { makeCase } from '../support/fixtures.js';

const H = 3_600_000;

describe('over the standard time', () => {
  it('is a stage not done by its due time: left late, or still running past it', () => {
    expect(isOverStandard({ enteredAt: 0, dueAt: 10, leftAt: 9 }, 100)).toBe(false);
    expect(isOverStandard({ enteredAt: 0, dueAt: 10, leftAt: 10 }, 100)).toBe(true);
    expect(isOverStandard({ enteredAt: 0, dueAt: 10, leftAt: 11 }, 100)).toBe(true);
    expect(isOverStandard({ enteredAt: 0, dueAt: 10 }, 9)).toBe(false);
    expect(isOverStandard({ enteredAt: 0, dueAt: 10 }, 10)).toBe(true);
    expect(isOverStandard({ enteredAt: 0 }, 1_000)).toBe(false);
  });

  it('counts in a period by the due time, whether the case is still there or moved on late', () => {
    const leftLate = { enteredAt: 0, dueAt: 5 * H, leftAt: 9 * H };
    const stillThere = { enteredAt: 0, dueAt: 5 * H };
    expect(passedDueIn(leftLate, 0, 6 * H, 100 * H)).toBe(true);
    expect(passedDueIn(stillThere, 0, 6 * H, 100 * H)).toBe(true);
    expect(passedDueIn(leftLate, 6 * H, 12 * H, 100 * H)).toBe(false);
    expect(passedDueIn(stillThere, 0, 6 * H, 4 * H)).toBe(false);
  });

  it('calls a case open past due only for a complaint at a clocked stage', () => {
    const now = 10 * H;
    expect(isOpenPastDue(makeCase({ stage: 'in_review', dueAt: 9 * H }), now)).toBe(true);
    expect(isOpenPastDue(makeCase({ stage: 'in_review', dueAt: 11 * H }), now)).toBe(false);
    // The citizen's answer and archiving are not the staff's clock.
    expect(isOpenPastDue(makeCase({ stage: 'awaiting_confirmation', dueAt: 9 * H }), now)).toBe(false);
    expect(isOpenPastDue(makeCase({ stage: 'closed', dueAt: 9 * H }), now)).toBe(false);
    expect(isOpenPastDue(makeCase({ kind: 'statement', stage: 'recorded', dueAt: 9 * H }), now)).toBe(false);
  });

  it('judges every stage of a case in SOP order, with how late it was', () => {
    const c = makeCase({
      stage: 'root_cause',
      stageTimes: {
        root_cause: { enteredAt: 8 * H, dueAt: 10 * H },
        forwarded: { enteredAt: 0, dueAt: 1 * H, leftAt: 3 * H },
        in_review: { enteredAt: 3 * H, dueAt: 4 * H, leftAt: 8 * H },
        awaiting_confirmation: { enteredAt: 0, dueAt: 1 * H, leftAt: 5 * H },
      },
    });
    const clocks = stageClocks(c, 12 * H);
    expect(clocks.map((s) => s.stage)).toEqual(['forwarded', 'in_review', 'root_cause', 'awaiting_confirmation']);
    expect(clocks.map((s) => s.lateMs)).toEqual([2 * H, 4 * H, 2 * H, 0]);
    expect(clocks.find((s) => s.stage === 'root_cause')).toMatchObject({ running: true, over: true });
    expect(clocks.find((s) => s.stage === 'awaiting_confirmation')).toMatchObject({ clocked: false, over: false });
  });
});

describe('office minutes between two instants', () => {
  const week = parseOfficeHours('Mon-Fri 07:30-16:00') as OfficeCalendar['week'];
  const cal: OfficeCalendar = { timeZone: 'Asia/Jakarta', week, holidays: new Set(['2026-11-09']) };
  const wib = (d: number, h: number, m = 0) => Date.UTC(2026, 10, d, h - 7, m);

  it('counts only the open hours of office days', () => {
    expect(officeMinutesBetween(wib(2, 9), wib(2, 10), cal)).toBe(60);
    // Friday 15:00 → Monday 8:30, Monday a holiday → Tuesday 8:30: 60 on Friday, 60 on Tuesday.
    expect(officeMinutesBetween(wib(6, 15), wib(10, 8, 30), cal)).toBe(120);
    expect(officeMinutesBetween(wib(7, 9), wib(8, 20), cal)).toBe(0);
    expect(officeMinutesBetween(wib(2, 10), wib(2, 9), cal)).toBe(0);
  });
});

describe('office minutes over long spans', () => {
  /** The same count, one local day at a time, written plainly (the reference). */
  function dayByDay(from: number, to: number, cal: OfficeCalendar): number {
    let total = 0;
    const f = new Intl.DateTimeFormat('en-CA', {
      timeZone: cal.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (let t = from; t < to; t += 60_000) {
      const date = f.format(t);
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: cal.timeZone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(t);
      const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
      const minute = Number(get('hour')) * 60 + Number(get('minute'));
      const hours = cal.holidays.has(date) ? null : cal.week[weekday];
      if (hours && minute >= hours.open && minute < hours.close) total += 1;
      // Outside office hours, jump to the next half hour (every opening time here is on one): exact, just faster.
      if (!hours || minute < hours.open || minute >= hours.close) t += (29 - (minute % 30)) * 60_000;
    }
    return total;
  }

  it('agrees with a day-by-day count across weeks, holidays and a daylight-saving change', () => {
    const week = parseOfficeHours('Mon-Thu 07:30-16:00; Fri 07:30-11:30') as OfficeCalendar['week'];
    for (const timeZone of ['Asia/Jakarta', 'Europe/Berlin']) {
      const cal: OfficeCalendar = { timeZone, week, holidays: new Set(['2026-03-30', '2026-04-03', '2026-05-01']) };
      const from = Date.UTC(2026, 2, 3, 5, 17);
      for (const days of [0.4, 3, 9, 16, 45, 70]) {
        const to = from + days * 86_400_000 + 23 * 60_000;
        expect(officeMinutesBetween(from, to, cal), `${timeZone} +${days} days`).toBe(dayByDay(from, to, cal));
      }
    }
  });
});
