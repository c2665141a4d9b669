// The inbox officers work in: one live card per case edited in place as it moves, only the buttons that make sense
// now, superseded keyboards removed, the topic named after the case and its stage, closed on close and opened again
// on reopen, and few messages for a whole SOP walk. Real bots against the fake Bot API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeCall } from '../support/fake-telegram/server.js';
import { buttonsOf } from '../support/fake-telegram/updates.js';
import { walkSop } from './sop-walk.js';
import { GROUP, STAFF_TOKEN, startWorld, type World } from './world.js';

const CITIZEN = { id: 7501, first_name: 'Wulan' };

describe('a case walked through the SOP with one reopen in its topic', () => {
  let w: World;
  let ticket = '';
  let topic = 0;
  let inTopic: FakeCall[] = [];
  let cardId = 0;
  const edits = () =>
    w.fake.calls.filter(
      (c) =>
        c.token === STAFF_TOKEN &&
        c.method === 'editMessageText' &&
        c.status === 200 &&
        String(c.params.text).startsWith(ticket),
    );

  beforeAll(async () => {
    w = await startWorld();
    ticket = await w.fileComplaint(CITIZEN);
    topic = await w.topicOf(ticket);
    await walkSop(w, ticket, CITIZEN);
    inTopic = w.fake.calls.filter(
      (c) =>
        c.token === STAFF_TOKEN &&
        c.status === 200 &&
        (c.method === 'sendMessage' || c.method === 'sendPhoto') &&
        c.params.message_thread_id === topic,
    );
    cardId = (inTopic[0]?.result as { message_id: number }).message_id;
  }, 60_000);
  afterAll(async () => {
    await w?.close();
  });

  it('costs at most 15 bot messages in the topic, the first of them the card', () => {
    expect(String(inTopic[0]?.params.text)).toMatch(new RegExp(`^${ticket}`));
    expect(inTopic.length).toBeLessThanOrEqual(15);
    // Only the card posts a case's card text; the acknowledgements are edits of it.
    expect(inTopic.filter((c) => String(c.params.text).startsWith(`${ticket} · `))).toHaveLength(1);
  });

  it('keeps one live card, edited in place as the case moves, with the buttons that make sense at each stage', () => {
    const all = edits();
    expect(all.length).toBeGreaterThan(10);
    expect(new Set(all.map((c) => Number(c.params.message_id)))).toEqual(new Set([cardId]));
    const at = (re: RegExp) => all.find((c) => re.test(String(c.params.text)));
    const actions = (c: FakeCall | undefined) => buttonsOf(c?.params ?? {}).map((b) => b.callback_data.split(':')[1]);
    const taken = at(/Dipegang oleh: Rina/)!;
    expect(actions(taken)).not.toContain('take');
    const verifying = at(/Tahap: verifikasi/)!;
    expect(actions(verifying)).toEqual(['approve', 'reject']);
    const approved = all.find(
      (c) => /Verifikasi: disetujui/.test(String(c.params.text)) && /Tahap: verifikasi/.test(String(c.params.text)),
    );
    expect(actions(approved)).toContain('inform');
    expect(actions(approved)).not.toContain('approve');
    expect(actions(approved)).not.toContain('reject');
    const last = String(all.at(-1)?.params.text);
    expect(last).toMatch(/Tahap: selesai/);
    expect(last).toMatch(/Dibuka kembali: 1×/);
    expect(last).toMatch(/PTP putaran 2 \(dibuka kembali: "Tagihannya masih salah"\)/);
    expect(last).toMatch(/Penilaian warga: ★★★★★ \(5\/5\)/);
    // Indonesian only, for staff.
    for (const c of all) expect(String(c.params.text)).not.toMatch(/COMPLAINT|satisfied|menunggu konfirmasi Anda/);
  });

  it('removes the buttons of every question once the next message about the case comes', () => {
    const questions = inTopic.filter(
      (c) => buttonsOf(c.params).length > 0 && !String(c.params.text).startsWith(ticket),
    );
    expect(questions.length).toBeGreaterThan(5);
    const cleared = new Set(
      w.fake
        .callsOf('editMessageReplyMarkup', STAFF_TOKEN)
        .filter((c) => buttonsOf(c.params).length === 0)
        .map((c) => Number(c.params.message_id)),
    );
    for (const q of questions) expect(cleared).toContain((q.result as { message_id: number }).message_id);
  });

  it('acknowledges typed answers with a reaction on the member’s message, not a new message', () => {
    const reactions = w.fake.callsOf('setMessageReaction', STAFF_TOKEN).filter((c) => c.status === 200);
    // Review, two causes, two PTPs (their last answer), two messages for the citizen: 7 typed answers that act.
    expect(reactions.map((c) => w.fake.messageText(GROUP, Number(c.params.message_id)))).toEqual([
      '-',
      'NJOP salah input',
      '3 hari',
      'Tagihan Anda sudah kami koreksi.',
      'Koreksi belum masuk sistem',
      '3 hari',
      'Tagihan Anda sudah kami koreksi.',
    ]);
  });

  it('names the topic after the ticket, the subject and the stage, renames it as it moves, and closes it on close', () => {
    const renames = w.fake
      .callsOf('editForumTopic', STAFF_TOKEN)
      .filter((c) => Number(c.params.message_thread_id) === topic);
    expect(renames.length).toBeGreaterThan(5);
    const now = w.fake.topic(GROUP, topic)!;
    expect(now.name).toMatch(new RegExp(`^${ticket} · Tagihan PBB saya salah hitung.* · ✅ selesai ↺1$`));
    expect(now.name.length).toBeLessThanOrEqual(128);
    expect(now.closed).toBe(true);
  });

  it('opens the topic again when the citizen says the problem is back, with the card showing the reopened stage', async () => {
    const from = w.fake.calls.length;
    await w.citizenSays(CITIZEN, `masalah ${ticket} belum beres, tagihannya masih salah`);
    await w.until(async () => ((await w.app.store.getCase(ticket))?.stage === 'root_cause' ? true : null), 'reopened');
    await w.fake.waitFor((c) => c.method === 'reopenForumTopic' && c.status === 200, {
      from,
      what: 'the topic reopened',
    });
    await w.until(async () => (w.fake.topic(GROUP, topic)?.closed === false ? true : null), 'the topic open');
    const card = await w.fake.waitFor(
      (c) => c.method === 'editMessageText' && c.status === 200 && /Dibuka kembali: 2×/.test(String(c.params.text)),
      { from, what: 'the card at the new round' },
    );
    expect(Number(card.params.message_id)).toBe(cardId);
    await w.until(async () => (/🧩 akar masalah ↺2$/.test(w.fake.topic(GROUP, topic)!.name) ? true : null), 'renamed');
  });
});

describe('the card of a citizen who wrote before', () => {
  let w: World;
  afterAll(async () => {
    await w?.close();
  });

  it("lists the citizen's other complaints with their stage", async () => {
    w = await startWorld();
    const who = { id: 7502, first_name: 'Yusuf' };
    const first = await w.fileComplaint(who);
    const second = await w.fileComplaint(
      who,
      '/lapor Antrian di loket BPHTB kantor Bapenda lama sekali sejak 3 hari lalu, petugasnya tidak ada',
    );
    expect(second).not.toBe(first);
    await w.topicOf(second);
    const cardOf = (t: string) =>
      w.fake.calls.find(
        (c) =>
          c.token === STAFF_TOKEN &&
          c.status === 200 &&
          ['sendMessage', 'editMessageText'].includes(c.method) &&
          String(c.params.text).startsWith(`${t} · `) &&
          /Aduan lain warga ini/.test(String(c.params.text)),
      );
    await expect.poll(() => cardOf(second), { timeout: 20_000 }).toBeDefined();
    expect(String(cardOf(second)!.params.text)).toMatch(new RegExp(`Aduan lain warga ini: ${first} \\(`));
    // The first card was posted before there was anything else to list.
    const firstCard = w.fake.calls.find(
      (c) => c.token === STAFF_TOKEN && c.method === 'sendMessage' && String(c.params.text).startsWith(`${first} · `),
    );
    expect(String(firstCard?.params.text)).not.toMatch(/Aduan lain warga ini/);
  }, 60_000);
});
