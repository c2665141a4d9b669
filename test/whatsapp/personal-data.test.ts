// Personal data stays on the agency's side on WhatsApp too (issue 11 item 4): a citizen writes their NIK, phone,
// e-mail and account number in every awkward form through the complaint, its follow-up answers and a status check;
// an integrity report reaches the supervisor's WhatsApp; the digest goes there too. Nothing the fake client sent
// (to the citizen or the supervisor) and no log line holds any of it.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { createScheduler, loadSchedulerConfig } from '../../src/scheduler/index.js';
import { leaksIn, PII_WRITTEN as W, stringsIn } from '../support/leaks.js';
import { CITIZEN, joined, startWaTest, SUPERVISOR, ticketIn, type WaTest } from './setup.js';

let t: WaTest | undefined;
afterEach(async () => t?.close());

describe('a WhatsApp walk with personal data in every form', () => {
  it('sends none of it to WhatsApp and logs none of it', async () => {
    const logs: string[] = [];
    t = await startWaTest(
      {},
      {},
      { log: createLogger({ level: 'debug', format: 'json', write: (l) => logs.push(l) }) },
    );
    await t.connect();
    await t.say(
      `Petugas loket minta uang pungli 200rb biar tagihan PBB beres. NIK ${W.nikSlashes}, hp ${W.phoneSpaced}, ` +
        `email ${W.emailSpaced}, ${W.account}`,
    );
    await t.say(`di kantor Bapenda, telp ${W.phoneFullWidth}`);
    await t.say(`sejak 2 minggu, hubungi ${W.phoneZeroWidth} atau ${W.emailFullWidth}`);
    const ticket = ticketIn(joined(await t.say('1')));
    expect(ticket).not.toBeNull();
    await t.say(`/status ${ticket}`);
    await createScheduler(t.h.app, loadSchedulerConfig({})).runNow('digest-daily');
    await t.flush();

    const c = (await t.h.app.store.getCase(ticket!))!;
    expect(leaksIn(JSON.stringify(c))).toEqual(['nik', 'phone', 'email', 'account']);
    const sent = t.client().sent;
    expect(sent.some((m) => m.chatId === SUPERVISOR)).toBe(true);
    const leaking = sent
      .flatMap((m) => stringsIn(m.content).map((text) => ({ to: m.chatId, text, leaks: leaksIn(text) })))
      .filter((m) => m.leaks.length > 0);
    expect(leaking).toEqual([]);
    // Staff see the case and its history lines, with the citizen's WhatsApp number masked there too.
    const shown = await t.h.staff('rina', null, `/tiket ${ticket}`);
    const toStaff = [...shown.map((r) => r.text), ...t.h.sent.filter((m) => m.channel === 'staff').map((m) => m.text)];
    expect(shown.map((r) => r.text).join('\n')).toMatch(/Riwayat/);
    expect(toStaff.filter((x) => leaksIn(x).length > 0 || x.includes(CITIZEN.split('@')[0]!))).toEqual([]);
    expect(logs.length).toBeGreaterThan(5);
    expect(logs.filter((l) => leaksIn(l).length > 0)).toEqual([]);
  });
});
