import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { seedHistory, seededRandom } from '../../src/digest/seed-history.js';
import { findPersonalData } from '../../nlp/pii.js';
import { startHarness, type Harness } from '../support/harness.js';
import { DAY, fileComplaint, MINUTE, toClosureQuestion } from '../scheduler/support.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const deps = () => ({
  reports: h.app.reports,
  agency: h.app.agency,
  timeZone: 'Asia/Jakarta',
  chartWeeks: 8,
});

describe('the digest', () => {
  it('counts new messages by label, channel and division, open cases per stage and overdue ones', async () => {
    const t1 = await fileComplaint(h, 'Tagihan PBB ganda di kantor Bapenda sejak bulan lalu');
    await fileComplaint(h, 'Website pembayaran error di halaman login sejak kemarin', '2002');
    await h.say('Mantap pelayanannya cepat sekali, terima kasih', { senderId: '3003', chatId: '3003' });
    await h.say('Jam buka kantor kapan ya?', {
      channel: 'whatsapp',
      senderId: '6281234567890@c.us',
      chatId: '6281234567890@c.us',
    });
    await h.staff('rina', t1, '/telaah -');
    h.clock.now += 3 * 60 * MINUTE;
    const d = await buildDigest(deps(), 'daily', h.clock.now);
    expect(d.facts.newByKind).toEqual({ complaint: 2, praise: 1, statement: 1 });
    expect(d.facts.newByChannel).toEqual([
      { channel: 'telegram', count: 3 },
      { channel: 'whatsapp', count: 1 },
    ]);
    expect(d.facts.newByDivision.find((x) => x.division === 'pbb-p2')).toMatchObject({ complaint: 1 });
    expect(d.facts.openByStage).toEqual([
      { stage: 'forwarded', count: 1 },
      { stage: 'in_review', count: 1 },
    ]);
    expect(d.facts.overStandard.openNow.total).toBe(2);
    expect(d.facts.overStandard.passed.total).toBe(2);
    expect(d.text).toMatch(/Pesan baru: 4 \(aduan 2 · pujian 1 · pernyataan\/pertanyaan 1\)/);
    expect(d.text).toContain(t1);
    expect(d.text).toMatch(/Pujian per bidang: Pelayanan dan Perilaku Petugas 1/);
    expect(d.chartPng).toBeUndefined();
  });

  it('reports satisfaction, ratings, reopened cases and non-responses from the period', async () => {
    const a = await fileComplaint(h, 'Tagihan PBB ganda di kantor Bapenda sejak bulan lalu', '1001');
    const b = await fileComplaint(h, 'Antrian loket lama sekali di kantor sejak pagi tadi', '2002');
    await toClosureQuestion(h, a);
    await toClosureQuestion(h, b);
    await h.say('puas', { senderId: '1001', chatId: '1001' });
    await h.say('4', { senderId: '1001', chatId: '1001' });
    await h.say('belum puas', { senderId: '2002', chatId: '2002' });
    await h.say('antriannya masih panjang', { senderId: '2002', chatId: '2002' });
    const d = await buildDigest(deps(), 'daily', h.clock.now + MINUTE);
    expect(d.facts.satisfaction).toMatchObject({
      satisfied: 1,
      notSatisfied: 1,
      ratings: 1,
      ratingSum: 4,
      noResponse: 0,
    });
    expect(d.facts.reopened).toEqual({ count: 1, tickets: [b] });
    expect(d.text).toMatch(/Kepuasan: 50% puas \(1 dari 2 jawaban\) · nilai rata-rata 4,0\/5/);
  });

  it('never shows an NIK, phone number or e-mail address unmasked', async () => {
    const nik = '1371012345670001';
    const phone = '0812-6677-8899';
    const email = 'budi.santoso@example.com';
    await fileComplaint(h, `Tagihan PBB saya ganda, NIK ${nik}, hubungi ${phone} atau ${email} segera`);
    h.clock.now += 5 * DAY;
    for (const period of ['daily', 'weekly'] as const) {
      const d = await buildDigest(deps(), period, h.clock.now);
      expect(d.text).toContain('Aduan terbuka tertua');
      expect(d.text).not.toContain(nik);
      expect(d.text).not.toContain(phone);
      expect(d.text).not.toContain(email);
      expect(d.text).not.toContain('6677');
      expect(findPersonalData(d.text)).toEqual([]);
      expect(d.text).toMatch(/\*{4,}/);
    }
  });

  it('draws the weekly chart as a valid PNG of a reasonable size', async () => {
    await seedHistory(h.app.store, {
      cases: 600,
      weeks: 8,
      now: h.clock.now,
      agency: h.app.agency,
      duePolicy: h.app.duePolicy,
      random: seededRandom(3),
    });
    const d = await buildDigest(deps(), 'weekly', h.clock.now);
    const png = d.chartPng!;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(640);
    expect(png.length).toBeGreaterThan(20_000);
    expect(png.length).toBeLessThan(1_000_000);
    expect(d.facts.series).toHaveLength(8);
    expect(d.facts.series!.reduce((s, x) => s + x.newComplaints, 0)).toBeGreaterThan(300);
    expect(d.facts.series!.some((x) => x.closed > 0 && x.overStandard > 0)).toBe(true);
  });

  it('describes a seeded history with repeats, reopened cases and ratings', async () => {
    await seedHistory(h.app.store, {
      cases: 2000,
      weeks: 4,
      now: h.clock.now,
      agency: h.app.agency,
      duePolicy: h.app.duePolicy,
      random: seededRandom(9),
    });
    const d = await buildDigest(deps(), 'weekly', h.clock.now);
    const f = d.facts;
    expect(f.newByKind.complaint).toBeGreaterThan(f.newByKind.praise);
    expect(f.repeats.count).toBeGreaterThan(0);
    expect(f.topics.length).toBeGreaterThan(0);
    expect(d.subjects.length).toBeGreaterThan(0);
    expect(f.reopened.count).toBeGreaterThan(0);
    expect(f.satisfaction.ratings).toBeGreaterThan(0);
    expect(f.satisfaction.ratingSum / f.satisfaction.ratings).toBeGreaterThan(3);
    expect(f.overStandard.passed.total).toBeGreaterThan(0);
    expect(f.oldestOpen).toHaveLength(5);
    expect(f.oldestOpen[0]!.createdAt).toBeLessThanOrEqual(f.oldestOpen[4]!.createdAt);
  });
});
