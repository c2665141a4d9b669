// Personal data stays on the agency's side (issue 11 item 4): a citizen writes their NIK, phone, e-mail and account
// number in every awkward form (separators, spaces, full-width digits, zero-width characters, a spaced or full-width
// @) into the complaint, its "since when" answer, added details and a reply in the case's thread; staff work the case
// in the topic and look it up with /tiket. Then every Bot API call either bot made (cards, relays, lookups, notices,
// the citizen's own replies), every log line and the daily and weekly digest are searched for any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { buildDigest } from '../../src/digest/build.js';
import { testAgency } from '../support/fake-nlp.js';
import { leaksIn, PII_WRITTEN as W, stringsIn } from '../support/leaks.js';
import { buttonsOf } from '../support/fake-telegram/updates.js';
import { STAFF, startWorld, type World } from './world.js';

const BUDI = { id: 7712345601, first_name: 'Budi' };

describe('a case walked with personal data in every form', () => {
  let w: World;
  const logs: string[] = [];
  let ticket = '';

  beforeAll(async () => {
    w = await startWorld({ log: createLogger({ level: 'debug', format: 'json', write: (l) => logs.push(l) }) });
    let replies = await w.citizenSays(
      BUDI,
      `Tagihan PBB saya naik dua kali lipat tanpa pemberitahuan. NIK ${W.nikSlashes}, hp ${W.phoneSpaced}, ` +
        `email ${W.emailSpaced}, ${W.account}`,
      { until: (c) => buttonsOf(c.params).length > 0 },
    );
    replies = await w.citizenSays(BUDI, `di kantor Bapenda, telp ${W.phoneFullWidth}`);
    replies = await w.citizenSays(BUDI, `sejak 2 minggu lalu, NIK ${W.nikSlashes} hubungi ${W.phoneZeroWidth}`);
    replies = await w.citizenPresses(BUDI, replies.at(-1)!, 'skip');
    ticket = /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(String(replies.at(-1)?.params.text))?.[0] ?? '';
    const topicId = await w.topicOf(ticket);
    await w.citizenSays(BUDI, `tambahan keterangan: email saya juga ${W.emailFullWidth}`);
    // Staff write to the citizen (a thread opens), the citizen answers in it, staff look the case up.
    w.staffSays(STAFF, 'Baik Pak, kami cek dulu tagihannya.', { topicId });
    await w.until(async () => (await w.app.store.countOutbox('pending')) === 0 || null, 'relay delivered');
    await w.citizenSays(BUDI, `siap pak, NIK saya ${W.nikSlashes} no hp ${W.phoneSpaced} rek ${W.account}`);
    w.staffSays(STAFF, `/catatan warga minta dihubungi di ${W.phoneSpaced}`, { topicId });
    w.staffSays(STAFF, `/tiket ${ticket}`);
    await w.until(async () => {
      const events = await w.app.store.getEvents(ticket);
      const noted = events.some((e) => e.action === 'private note');
      return noted && (await w.app.store.countOutbox('pending')) === 0 ? true : null;
    }, 'everything delivered');
    await w.fake.waitFor((c) => String(c.params.text ?? '').includes('Riwayat'), { what: '/tiket answered' });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('keeps the data whole in the store, where the agency needs it', async () => {
    const c = (await w.app.store.getCase(ticket))!;
    expect(leaksIn(JSON.stringify(c))).toEqual(['nik', 'phone', 'email', 'account']);
  });

  it('sends none of it to Telegram, in any call of either bot', () => {
    const leaking = w.fake.calls
      .flatMap((c) => stringsIn(c.params).map((text) => ({ method: c.method, text, leaks: leaksIn(text) })))
      .filter((c) => c.leaks.length > 0);
    expect(w.fake.calls.filter((c) => /Riwayat/.test(String(c.params.text ?? ''))).length).toBeGreaterThan(0);
    expect(leaking).toEqual([]);
  });

  it('logs none of it', () => {
    expect(logs.length).toBeGreaterThan(10);
    expect(logs.filter((l) => leaksIn(l).length > 0)).toEqual([]);
  });

  it('puts none of it in the daily or weekly digest', async () => {
    const deps = { reports: w.app.reports, agency: testAgency, timeZone: 'Asia/Jakarta', chartWeeks: 2 };
    for (const period of ['daily', 'weekly'] as const) {
      const d = await buildDigest(deps, period, Date.now() + 60_000);
      expect(d.facts.newByKind.complaint).toBeGreaterThan(0);
      expect(leaksIn(d.text)).toEqual([]);
    }
  });
});
