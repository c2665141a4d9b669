import { describe, expect, it } from 'vitest';
import {
  addOfficeMinutes,
  officeHoursPolicy,
  parseOfficeHours,
  type OfficeCalendar,
} from '../../src/domain/office-hours.js';

const week = parseOfficeHours('Mon-Fri 07:30-16:00') as OfficeCalendar['week'];
const cal: OfficeCalendar = { timeZone: 'Asia/Jakarta', week, holidays: new Set(['2026-11-09']) };
/** An instant given in WIB (UTC+7). */
const wib = (d: number, h: number, m = 0) => Date.UTC(2026, 10, d, h - 7, m);

describe('office hours', () => {
  it('counts minutes inside the office day', () => {
    expect(addOfficeMinutes(wib(2, 9), 60, cal)).toBe(wib(2, 10));
  });

  it('carries what is left at closing time to the next office day, over the weekend', () => {
    // Friday 6 Nov 15:50 + 60 office minutes → Monday 9 Nov is a holiday → Tuesday 10 Nov 08:20.
    expect(addOfficeMinutes(wib(6, 15, 50), 60, cal)).toBe(wib(10, 8, 20));
    expect(addOfficeMinutes(wib(6, 15, 50), 60, { ...cal, holidays: new Set() })).toBe(wib(9, 8, 20));
  });

  it('starts the clock at opening time for a complaint received at night or on a Sunday', () => {
    expect(addOfficeMinutes(wib(2, 22), 30, cal)).toBe(wib(3, 8));
    expect(addOfficeMinutes(wib(8, 12), 30, cal)).toBe(wib(10, 8));
  });

  it('gives each stage its standard time in office minutes', () => {
    const p = officeHoursPolicy({ in_progress: 300 }, cal);
    // 300 minutes from Thursday 5 Nov 14:00: 120 on Thursday, 180 on Friday → Friday 10:30.
    expect(p.dueAt('in_progress', wib(5, 14))).toBe(wib(6, 10, 30));
    expect(p.dueAt('archived', wib(5, 14))).toBeUndefined();
  });

  it('reads shorter Fridays and refuses hours that make no sense', () => {
    const w = parseOfficeHours('Mon-Thu 07:30-16:00; Fri 07:30-11:30') as OfficeCalendar['week'];
    expect(w[5]).toEqual({ open: 450, close: 690 });
    expect(w[6]).toBeNull();
    expect(parseOfficeHours('Mon-Fri 16:00-07:30')).toMatch(/before the closing/);
    expect(parseOfficeHours('Weekdays 07:30-16:00')).toMatch(/not a weekday/);
    expect(parseOfficeHours('')).toMatch(/must name/);
  });
});
