// Retention (issue 11 item 5): the nightly job deletes handled inbound and sent outbox messages after
// RETENTION_INBOUND_DAYS, anonymises closed cases after RETENTION_CASE_DAYS (off unless set), and the weekly digest
// says what it removed. The settings accept the earlier INBOUND_RETENTION_DAYS.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import { loadSchedulerConfig } from '../../src/scheduler/index.js';
import { dumpSqlite } from '../support/sqlite-dump.js';
import type { JobReport } from '../../src/scheduler/job.js';
import { DAY, fileComplaint, setup, staff, type Setup } from './support.js';

/** A job run by hand; its report (a run that did not happen fails the test). */
async function run(s: Setup, name: string): Promise<JobReport> {
  const r = await s.scheduler.runNow(name);
  if (!r.ran) throw new Error(`${name} did not run: ${r.reason}`);
  return r.report;
}

const NIK = '3171044509880003';

describe('retention settings', () => {
  it('keeps inbound messages 90 days and cases for ever unless told otherwise', () => {
    const s = loadSchedulerConfig({});
    expect(s.inboundRetentionMs).toBe(90 * DAY);
    expect(s.caseRetentionMs).toBeNull();
    expect(loadSchedulerConfig({ RETENTION_INBOUND_DAYS: '30', RETENTION_CASE_DAYS: '1825' })).toMatchObject({
      inboundRetentionMs: 30 * DAY,
      caseRetentionMs: 1825 * DAY,
    });
  });

  it('still reads the earlier name INBOUND_RETENTION_DAYS, and stops on a conflicting pair or a wrong value', () => {
    expect(loadSchedulerConfig({ INBOUND_RETENTION_DAYS: '45' }).inboundRetentionMs).toBe(45 * DAY);
    expect(loadSchedulerConfig({ INBOUND_RETENTION_DAYS: '45', RETENTION_INBOUND_DAYS: '45' }).inboundRetentionMs).toBe(
      45 * DAY,
    );
    const wrong = (env: Record<string, string>) => () => loadSchedulerConfig(env);
    expect(wrong({ INBOUND_RETENTION_DAYS: '45', RETENTION_INBOUND_DAYS: '60' })).toThrow(/INBOUND_RETENTION_DAYS/);
    expect(wrong({ RETENTION_INBOUND_DAYS: 'sembilan puluh' })).toThrow(ConfigError);
    expect(wrong({ RETENTION_INBOUND_DAYS: '0' })).toThrow(/RETENTION_INBOUND_DAYS/);
    expect(wrong({ RETENTION_CASE_DAYS: '10' })).toThrow(/RETENTION_CASE_DAYS.*ARCHIVE_AFTER_DAYS/);
  });
});

describe('the retention job', () => {
  let s: Setup | undefined;
  afterEach(async () => s?.h.close());

  it('deletes old messages, anonymises old closed cases only, and the weekly digest says so', async () => {
    s = await setup({ schedulerEnv: { RETENTION_CASE_DAYS: '60' } });
    const { h } = s;
    const closed = await fileComplaint(h, `Tagihan PBB ganda, NIK saya ${NIK}`, '7712345601');
    await h.staff(staff, closed, '/tolak Objek pajak bukan wilayah Kota Padang');
    const open = await fileComplaint(h, `Antrian loket lama sekali, NIK ${NIK}`, '7799900011');
    const file = join(h.dir, 'aduan.sqlite');
    const stored = (await h.app.store.countOutbox('delivered')) + (await h.app.store.countOutbox('pending'));
    expect(stored).toBeGreaterThan(0);

    // 30 days on nothing is old enough; 100 days on, everything handled is.
    h.clock.now += 30 * DAY;
    expect(await run(s, 'retention')).toEqual({
      purgedInbound: 0,
      purgedOutbox: 0,
      anonymisedCases: 0,
    });
    h.clock.now += 70 * DAY;
    const r = await run(s, 'retention');
    expect(r.purgedInbound).toBeGreaterThanOrEqual(8);
    expect(r.purgedOutbox).toBe(stored);
    expect(await h.app.store.countOutbox('delivered')).toBe(0);
    expect(r.anonymisedCases).toBe(1);
    expect(await h.app.store.listUnhandledInbound(10)).toEqual([]);

    const gone = (await h.app.store.getCase(closed))!;
    expect(gone).toMatchObject({ stage: 'closed', text: '[dihapus]', anonymised: { why: 'retention' } });
    expect(gone.citizen.userId).toMatch(/^dihapus-/);
    expect((await h.app.store.getCase(open))!.text).toContain(NIK);
    // Retention touches closed cases only: the open one keeps its text, the citizen keeps their contact.
    expect(dumpSqlite(file)).toContain(NIK);
    expect(await h.app.store.getContact('telegram:7712345601')).not.toBeNull();
    expect(await run(s, 'retention')).toMatchObject({ anonymisedCases: 0 });

    // The other citizen asks for erasure and staff confirm it: the digest counts it, without saying whose.
    await h.staff(staff, open, '/hapusdata ya');
    await run(s, 'digest-weekly');
    await h.deliver();
    const digest = h.sent.filter((m) => m.kind === 'digest').at(-1)!.text;
    expect(digest).toMatch(
      new RegExp(
        `Retensi data pribadi: ${r.purgedInbound} pesan masuk dan ${r.purgedOutbox} pesan keluar lama dihapus, ` +
          '1 kasus lama dianonimkan\\. Penghapusan data atas permintaan warga: 1\\.',
      ),
    );
  });

  it('leaves closed cases alone when RETENTION_CASE_DAYS is not set, and the digest says anonymising is off', async () => {
    s = await setup();
    const { h } = s;
    const closed = await fileComplaint(h, `Tagihan PBB ganda, NIK saya ${NIK}`);
    await h.staff(staff, closed, '/tolak Objek pajak bukan wilayah Kota Padang');
    h.clock.now += 4000 * DAY;
    expect(await run(s, 'retention')).toMatchObject({ anonymisedCases: 0 });
    expect((await h.app.store.getCase(closed))!.text).toContain(NIK);
    await run(s, 'digest-weekly');
    await h.deliver();
    expect(h.sent.filter((m) => m.kind === 'digest').at(-1)!.text).toMatch(
      /anonimisasi kasus lama tidak aktif\)\. Penghapusan data atas permintaan warga: 0\./,
    );
  });
});
