import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import { localTime } from '../../src/domain/office-hours.js';
import { latestOccurrence, loadSchedulerConfig, nextOccurrence } from '../../src/scheduler/index.js';
import { DAY, MINUTE, setup, type Setup } from './support.js';

const dirs: string[] = [];
const running: Setup[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) {
    await s.scheduler.stop();
    await s.h.close();
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function sharedDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'aduan-sched-'));
  dirs.push(d);
  return d;
}

async function instance(dir: string, at: number): Promise<Setup> {
  const s = await setup({ dir });
  s.h.clock.now = at;
  running.push(s);
  return s;
}

const digests = (s: Setup) => s.h.sent.filter((m) => m.kind === 'digest');
// Monday 2 November 2026, 09:00 WIB.
const MONDAY_0900 = Date.UTC(2026, 10, 2, 2, 0);

describe('scheduling across instances', () => {
  it('two instances on one store send each digest once', async () => {
    const dir = sharedDir();
    const a = await instance(dir, MONDAY_0900);
    const b = await instance(dir, MONDAY_0900);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    // Tuesday 07:01 WIB: the daily digest is due on both.
    for (const s of [a, b]) s.h.clock.now = MONDAY_0900 + DAY - 2 * 60 * MINUTE + MINUTE;
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    await Promise.all([a.h.deliver(), b.h.deliver()]);
    expect([...digests(a), ...digests(b)].map((m) => `${m.channel}:${m.chatId}`).sort()).toEqual([
      'staff:dm:111',
      'staff:dm:222',
      'whatsapp:628111222333@c.us',
    ]);
    // Next Monday 07:01 WIB: the daily and the weekly digest, each once, the weekly with its chart.
    for (const s of [a, b]) s.h.clock.now = MONDAY_0900 + 7 * DAY - 2 * 60 * MINUTE + MINUTE;
    await Promise.all([b.scheduler.tick(), a.scheduler.tick()]);
    await Promise.all([a.h.deliver(), b.h.deliver()]);
    const all = [...digests(a), ...digests(b)];
    expect(all).toHaveLength(9);
    const weekly = all.filter((m) => /mingguan/.test(m.text));
    expect(weekly).toHaveLength(3);
    expect(weekly.every((m) => typeof m.imagePngBase64 === 'string' && m.imagePngBase64.length > 1000)).toBe(true);
  });

  it('sends a digest missed while the service was down once when it starts again', async () => {
    const dir = sharedDir();
    const first = await instance(dir, MONDAY_0900);
    await first.scheduler.tick();
    await first.scheduler.stop();
    await first.h.app.close();
    running.splice(running.indexOf(first), 1);
    // Down over Tuesday's and Wednesday's 07:00; back on Wednesday at 10:00 WIB.
    const second = await instance(dir, MONDAY_0900 + 2 * DAY + 60 * MINUTE);
    const outcomes = await second.scheduler.start({ timers: false });
    await second.h.deliver();
    expect(outcomes.find((o) => o.job === 'digest-daily')).toMatchObject({
      ran: true,
      occurrence: MONDAY_0900 + 2 * DAY - 2 * 60 * MINUTE,
    });
    expect(digests(second)).toHaveLength(3);
    await second.scheduler.tick();
    second.h.clock.now += 60 * MINUTE;
    await second.scheduler.tick();
    await second.h.deliver();
    expect(digests(second)).toHaveLength(3);
  });

  it('logs and skips an unreachable supervisor; the others still get the digest', async () => {
    const { DeliveryError } = await import('../../src/services/dispatcher.js');
    const s = await instance(sharedDir(), MONDAY_0900);
    s.h.app.dispatcher.register({
      channel: 'staff',
      send: async (m) => {
        if (m.chatId === 'dm:111')
          throw new DeliveryError('Forbidden: bot was blocked by the user', 'permanent', undefined, true);
        s.h.sent.push(m);
      },
    });
    const out = await s.scheduler.runNow('digest-daily');
    expect(out.ran).toBe(true);
    await s.h.deliver();
    expect(
      digests(s)
        .map((m) => m.chatId)
        .sort(),
    ).toEqual(['628111222333@c.us', 'dm:222']);
    expect(await s.h.app.store.countOutbox('failed')).toBe(1);
  });

  it('does not start a second run of a job while one is running in this instance', async () => {
    const s = await instance(sharedDir(), MONDAY_0900);
    const [one, two] = await Promise.all([s.scheduler.runNow('digest-weekly'), s.scheduler.runNow('digest-weekly')]);
    expect([one.ran, two.ran].sort()).toEqual([false, true]);
    expect([one, two].find((o) => !o.ran)).toMatchObject({ reason: 'busy' });
  });

  it('arms node-cron timers in the agency time zone', async () => {
    const s = await instance(sharedDir(), MONDAY_0900);
    await s.scheduler.start();
    const daily = s.scheduler.armed().find((a) => a.job === 'digest-daily')?.next;
    expect(daily).toBeInstanceOf(Date);
    expect(localTime(daily!.getTime(), 'Asia/Jakarta')).toMatchObject({ hour: 7, minute: 0 });
    const weekly = s.scheduler.armed().find((a) => a.job === 'digest-weekly')?.next;
    expect(localTime(weekly!.getTime(), 'Asia/Jakarta')).toMatchObject({ weekday: 1, hour: 7, minute: 0 });
  });
});

describe('cron occurrences by the app clock', () => {
  it('finds the latest and next occurrence in Jakarta time', () => {
    const monday0659 = Date.UTC(2026, 10, 1, 23, 59);
    expect(latestOccurrence('0 7 * * *', 'Asia/Jakarta', monday0659)).toBe(Date.UTC(2026, 10, 1, 0, 0));
    expect(latestOccurrence('0 7 * * 1', 'Asia/Jakarta', monday0659)).toBe(Date.UTC(2026, 9, 26, 0, 0));
    expect(nextOccurrence('0 7 * * 1', 'Asia/Jakarta', monday0659)).toBe(Date.UTC(2026, 10, 2, 0, 0));
    expect(latestOccurrence('*/5 * * * *', 'Asia/Jakarta', Date.UTC(2026, 10, 2, 2, 7, 30))).toBe(
      Date.UTC(2026, 10, 2, 2, 5),
    );
    expect(latestOccurrence('0 7 1 * *', 'Asia/Jakarta', monday0659)).toBe(Date.UTC(2026, 10, 1, 0, 0));
    expect(latestOccurrence('0 7 1 * *', 'Asia/Jakarta', Date.UTC(2026, 9, 31, 23, 59))).toBe(
      Date.UTC(2026, 9, 1, 0, 0),
    );
  });
});

describe('scheduler settings', () => {
  const bad: Array<[string, Record<string, string>]> = [
    ['DIGEST_DAILY_CRON', { DIGEST_DAILY_CRON: '61 7 * * *' }],
    ['DIGEST_WEEKLY_CRON', { DIGEST_WEEKLY_CRON: 'every monday' }],
    ['CLOCK_CHECK_CRON', { CLOCK_CHECK_CRON: '*/5 * * *' }],
    ['AGENCY_TIMEZONE', { AGENCY_TIMEZONE: 'Asia/Atlantis' }],
    ['OFFICE_HOURS', { OFFICE_HOURS: 'Mon-Fri 16:00-07:30' }],
    ['PUBLIC_HOLIDAYS', { PUBLIC_HOLIDAYS: '2026-02-30' }],
    ['CONFIRM_CLOSE_DAYS', { CONFIRM_REMINDER_DAYS: '7', CONFIRM_CLOSE_DAYS: '3' }],
  ];
  for (const [name, env] of bad) {
    it(`stops start-up naming ${name} when it is wrong`, () => {
      expect(() => loadSchedulerConfig(env)).toThrow(ConfigError);
      expect(() => loadSchedulerConfig(env)).toThrow(new RegExp(name));
    });
  }

  it('defaults to Jakarta, office hours Monday to Friday 07:30-16:00, digests at 07:00', () => {
    const s = loadSchedulerConfig({});
    expect(s.timeZone).toBe('Asia/Jakarta');
    expect(s.calendar.week[1]).toEqual({ open: 450, close: 960 });
    expect(s.calendar.week[0]).toBeNull();
    expect(s.cron).toMatchObject({ digestDaily: '0 7 * * *', digestWeekly: '0 7 * * 1' });
    expect(s.confirmCloseMs).toBe(7 * DAY);
  });

  it('reads public holidays from a list', () => {
    expect([...loadSchedulerConfig({ PUBLIC_HOLIDAYS: '2026-12-25, 2027-01-01' }).calendar.holidays]).toEqual([
      '2026-12-25',
      '2027-01-01',
    ]);
  });
});
