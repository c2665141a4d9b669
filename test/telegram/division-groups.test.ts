// A staff group per division (TELEGRAM_STAFF_DIVISION_CHATS), with the real Telegraf staff bot against the fake Bot
// API: cards land in their division's group, topic ids that collide across groups never mix cases up, a group that
// is not configured is ignored, notices go to the general group, a forwarded case moves its card, each group is
// paced on its own budget, and a restart keeps where every case lives.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseCardText } from '../../src/domain/case-card.js';
import { makeCase } from '../support/fixtures.js';
import { testAgency } from '../support/fake-nlp.js';
import { FakeTelegram, type FakeCall } from '../support/fake-telegram/server.js';
import { groupMessage, type TgUser } from '../support/fake-telegram/updates.js';
import { CITIZEN_TOKEN, GROUP, STAFF, STAFF_TOKEN, SUPERVISOR, startWorld, type World } from './world.js';

const PBB_GROUP = -1001111111111;
const DIGITAL_GROUP = -1002222222222;
const STRANGER_GROUP = -1009999999999;
const DIVISIONS = { 'pbb-p2': PBB_GROUP, digital: DIGITAL_GROUP };

const ANI: TgUser = { id: 8101, first_name: 'Ani' };
const BUDI: TgUser = { id: 8102, first_name: 'Budi' };
const CICI: TgUser = { id: 8103, first_name: 'Cici' };
const DEDI: TgUser = { id: 8104, first_name: 'Dedi' };

const PBB_TEXT = '/lapor Tagihan PBB saya salah hitung di kantor Bapenda sejak 2 minggu lalu';
const WEB_TEXT = '/lapor Website pembayaran error terus di kantor Bapenda sejak 2 minggu lalu';
const QUEUE_TEXT = '/lapor Antrian loket panjang sekali di kantor Bapenda sejak 2 minggu lalu';

const staffSent =
  (method: string, chat: number, pred: (c: FakeCall) => boolean = () => true) =>
  (c: FakeCall) =>
    c.token === STAFF_TOKEN && c.method === method && c.status === 200 && Number(c.params.chat_id) === chat && pred(c);
const citizenGot = (user: TgUser, words: string) => (c: FakeCall) =>
  c.token === CITIZEN_TOKEN &&
  c.method === 'sendMessage' &&
  Number(c.params.chat_id) === user.id &&
  String(c.params.text).includes(words);

describe('one staff group per division', () => {
  let w: World;
  const tickets = { pbb: '', web: '', queue: '' };

  beforeAll(async () => {
    w = await startWorld({
      divisionChats: DIVISIONS,
      staffRetry: { initialMs: 50, maxMs: 200, jitter: 0 },
      before: (fake) => fake.numberTopicsPerChat(),
    });
  });
  afterAll(async () => {
    await w?.close();
  });

  it("puts each complaint's topic and card in its division's group, and a division without one in the general group", async () => {
    tickets.pbb = await w.fileComplaint(ANI, PBB_TEXT);
    tickets.web = await w.fileComplaint(BUDI, WEB_TEXT);
    tickets.queue = await w.fileComplaint(CICI, QUEUE_TEXT);
    const placed: Array<[string, number]> = [
      [tickets.pbb, PBB_GROUP],
      [tickets.web, DIGITAL_GROUP],
      [tickets.queue, GROUP],
    ];
    for (const [ticket, group] of placed) {
      const card = await w.fake.waitFor(
        staffSent('sendMessage', group, (c) => String(c.params.text).startsWith(ticket)),
        { what: `the card of ${ticket} in ${group}` },
      );
      // Each group numbers its own topics: all three cases have topic 500, each in its own group.
      expect(card.params.message_thread_id).toBe(500);
      const created = w.fake.calls.filter(staffSent('createForumTopic', group));
      expect(created.map((c) => String(c.params.name).slice(0, 13))).toContain(ticket);
    }
    expect(await w.app.store.getCaseThread(tickets.pbb)).toEqual({
      ticket: tickets.pbb,
      kind: 'topic',
      id: 500,
      chat: String(PBB_GROUP),
    });
    expect(await w.app.store.getCaseThread(tickets.web)).toMatchObject({ id: 500, chat: String(DIGITAL_GROUP) });
    // The general group's threads are recorded as before (no chat), so older records read the same.
    expect(await w.app.store.getCaseThread(tickets.queue)).toEqual({ ticket: tickets.queue, kind: 'topic', id: 500 });
    // No card of one division appears in another group.
    const pbbCards = w.fake.calls.filter(
      (c) => c.token === STAFF_TOKEN && c.method === 'sendMessage' && String(c.params.text).startsWith(tickets.pbb),
    );
    expect(new Set(pbbCards.map((c) => Number(c.params.chat_id)))).toEqual(new Set([PBB_GROUP]));
  });

  it("keeps an integrity report in the general group, not in its division's group", async () => {
    const from = w.fake.calls.length;
    const ticket = await w.fileComplaint(
      DEDI,
      '/lapor Petugas PBB minta uang pelicin di kantor Bapenda sejak 2 minggu lalu',
    );
    const c = await w.app.store.getCase(ticket);
    expect(c).toMatchObject({ division: 'pbb-p2', flags: ['integrity'] });
    await w.fake.waitFor(
      staffSent('sendMessage', GROUP, (x) => String(x.params.text).startsWith(ticket)),
      {
        from,
        what: 'the integrity card in the general group',
      },
    );
    expect(await w.app.store.getCaseThread(ticket)).not.toHaveProperty('chat');
    expect(
      w.fake.calls
        .slice(from)
        .filter(
          (x) => Number(x.params.chat_id) === PBB_GROUP && String(x.params.text ?? x.params.name).includes(ticket),
        ),
    ).toEqual([]);
  });

  it("relays a reply in group A's topic 500 to A's citizen, though group B and the general group have a topic 500 too", async () => {
    const from = w.fake.calls.length;
    w.pushStaff(groupMessage(PBB_GROUP, STAFF, 'Mohon kirim foto SPPT PBB Ibu ya', { topicId: 500 }));
    await w.fake.waitFor(citizenGot(ANI, 'Mohon kirim foto SPPT PBB Ibu ya'), { from, what: 'the relay to Ani' });
    w.pushStaff(groupMessage(DIGITAL_GROUP, STAFF, 'Silakan coba login ulang Pak', { topicId: 500 }));
    await w.fake.waitFor(citizenGot(BUDI, 'Silakan coba login ulang Pak'), { from, what: 'the relay to Budi' });
    const relayed = w.fake.calls.slice(from).filter((c) => c.token === CITIZEN_TOKEN && c.method === 'sendMessage');
    expect(relayed.filter((c) => String(c.params.text).includes('SPPT')).map((c) => Number(c.params.chat_id))).toEqual([
      ANI.id,
    ]);
    expect(relayed.filter((c) => String(c.params.text).includes('login')).map((c) => Number(c.params.chat_id))).toEqual(
      [BUDI.id],
    );
    // Each acknowledgement (a 👌) is set in the group the member wrote in.
    await w.fake.waitFor(staffSent('setMessageReaction', DIGITAL_GROUP), { from, what: 'the 👌 in group B' });
    await w.fake.waitFor(staffSent('setMessageReaction', PBB_GROUP), { from, what: 'the 👌 in group A' });
    const reactions = w.fake.calls
      .slice(from)
      .filter((c) => c.token === STAFF_TOKEN && c.method === 'setMessageReaction');
    expect(new Set(reactions.map((c) => Number(c.params.chat_id)))).toEqual(new Set([PBB_GROUP, DIGITAL_GROUP]));
  });

  it('ignores messages from a group that is not configured, as any unknown chat', async () => {
    const from = w.fake.calls.length;
    w.pushStaff(groupMessage(STRANGER_GROUP, STAFF, 'Pesan nyasar dari grup lain', { topicId: 500 }));
    // A marker after it in a configured group: once it is relayed, the stranger's message was taken in before it.
    w.pushStaff(groupMessage(PBB_GROUP, STAFF, 'Penanda urutan', { topicId: 500 }));
    await w.fake.waitFor(citizenGot(ANI, 'Penanda urutan'), { from, what: 'the marker' });
    await w.drained(STAFF_TOKEN);
    expect(w.fake.calls.slice(from).filter((c) => String(c.params.text ?? '').includes('nyasar'))).toEqual([]);
    expect(w.fake.calls.slice(from).filter((c) => Number(c.params.chat_id) === STRANGER_GROUP)).toEqual([]);
  });

  it('answers a lookup typed in a division group in that group, outside any topic', async () => {
    const from = w.fake.calls.length;
    w.pushStaff(groupMessage(DIGITAL_GROUP, STAFF, `/tiket ${tickets.web}`));
    const answer = await w.fake.waitFor(
      staffSent('sendMessage', DIGITAL_GROUP, (c) => String(c.params.text).includes(tickets.web)),
      { from, what: 'the lookup answer' },
    );
    expect(answer.params.message_thread_id).toBeUndefined();
  });

  it("lists in a division group only that group's cases, and every case in the general group", async () => {
    let from = w.fake.calls.length;
    w.pushStaff(groupMessage(DIGITAL_GROUP, STAFF, '/kasus'));
    const there = await w.fake.waitFor(
      staffSent('sendMessage', DIGITAL_GROUP, (c) => String(c.params.text).startsWith('Kasus terbuka')),
      { from, what: "the digital group's list" },
    );
    expect(String(there.params.text)).toContain(tickets.web);
    expect(String(there.params.text)).not.toContain(tickets.pbb);
    expect(String(there.params.text)).not.toContain(tickets.queue);
    from = w.fake.calls.length;
    w.pushStaff(groupMessage(GROUP, STAFF, '/kasus'));
    const all = await w.fake.waitFor(
      staffSent('sendMessage', GROUP, (c) => String(c.params.text).startsWith('Kasus terbuka')),
      { from, what: "the general group's list" },
    );
    for (const t of [tickets.web, tickets.pbb, tickets.queue]) expect(String(all.params.text)).toContain(t);
  });

  it("tells the general group and the supervisors what to fix when a division group refuses, naming that group's setting", async () => {
    w.fake.fail(
      STAFF_TOKEN,
      'createForumTopic',
      { code: 400, description: 'Bad Request: not enough rights to create a topic' },
      1_000,
      (p) => Number(p.chat_id) === DIGITAL_GROUP,
    );
    const from = w.fake.calls.length;
    const ticket = await w.fileComplaint(
      CICI,
      '/lapor Aplikasi pajak online tidak bisa dibuka di kantor Bapenda sejak 2 minggu lalu',
    );
    const notice = await w.fake.waitFor(
      staffSent('sendMessage', GROUP, (c) => String(c.params.text).startsWith('⚠ Bot petugas')),
      { from, what: 'the notice in the general group' },
    );
    const text = String(notice.params.text);
    expect(text).toContain(`grup Layanan Digital (TELEGRAM_STAFF_DIVISION_CHATS digital:${DIGITAL_GROUP})`);
    expect(text).toContain("hak 'Manage Topics' (Kelola Topik) di grup Layanan Digital");
    expect(notice.params.message_thread_id).toBeUndefined();
    await w.fake.waitFor(
      (c) => c.token === STAFF_TOKEN && c.method === 'sendMessage' && Number(c.params.chat_id) === SUPERVISOR.id,
      { from, what: 'the notice to the supervisor' },
    );
    expect(w.app.health.get('staff-delivery')?.state).toBe('failing');
    // Other groups keep working meanwhile.
    const pbb = await w.fileComplaint(
      ANI,
      '/lapor PBB tahun ini dobel tagihannya di kantor Bapenda sejak 2 minggu lalu',
    );
    await w.fake.waitFor(
      staffSent('sendMessage', PBB_GROUP, (c) => String(c.params.text).startsWith(pbb)),
      {
        from,
        what: 'a PBB card while the digital group fails',
      },
    );
    // Fixed: the waiting card appears in its group and the general group hears it is over.
    w.fake.clearFailures();
    await w.fake.waitFor(
      staffSent('sendMessage', DIGITAL_GROUP, (c) => String(c.params.text).startsWith(ticket)),
      {
        from,
        what: 'the card after the fix',
      },
    );
    const clear = await w.fake.waitFor(
      staffSent('sendMessage', GROUP, (c) => String(c.params.text).startsWith('✅ Bot petugas dapat memposting lagi')),
      { from, what: 'the all-clear' },
    );
    expect(String(clear.params.text)).toContain('ke grup Layanan Digital');
    await w.until(async () => w.app.health.get('staff-delivery')?.state === 'ok', 'health ok again');
  });

  it('moves a case forwarded to another division: a new topic with the live card there, the old topic told and closed', async () => {
    const from = w.fake.calls.length;
    w.pushStaff(groupMessage(PBB_GROUP, STAFF, '/teruskan digital', { topicId: 500 }));
    const thread = await w.until(async () => {
      const t = await w.app.store.getCaseThread(tickets.pbb);
      return t?.chat === String(DIGITAL_GROUP) ? t : null;
    }, 'the thread in the digital group');
    const card = await w.fake.waitFor(
      staffSent('sendMessage', DIGITAL_GROUP, (c) => String(c.params.text).startsWith(tickets.pbb)),
      { from, what: 'the card in the new group' },
    );
    expect(card.params.message_thread_id).toBe(thread.id);
    const told = await w.fake.waitFor(
      staffSent('sendMessage', PBB_GROUP, (c) => String(c.params.text).includes('dipindahkan ke grup Layanan Digital')),
      { from, what: 'the old topic told' },
    );
    expect(told.params.message_thread_id).toBe(500);
    await w.fake.waitFor(
      staffSent('closeForumTopic', PBB_GROUP, (c) => c.params.message_thread_id === 500),
      {
        from,
        what: 'the old topic closed',
      },
    );
    expect(w.fake.topic(PBB_GROUP, 500)?.closed).toBe(true);
    // The case is worked in its new topic from now on.
    const mark = w.fake.calls.length;
    w.pushStaff(groupMessage(DIGITAL_GROUP, STAFF, 'Kami cek tagihannya ya Bu', { topicId: thread.id }));
    await w.fake.waitFor(citizenGot(ANI, 'Kami cek tagihannya ya Bu'), {
      from: mark,
      what: 'a relay from the new topic',
    });
  });
});

describe('one staff group per division, over a restart', () => {
  let fake: FakeTelegram;
  let dir: string;
  beforeAll(async () => {
    fake = await FakeTelegram.start();
    fake.addBot('111:citizen-token', 111, 'AduanWargaBot');
    fake.addBot('222:staff-token', 222, 'AduanStafBot');
    fake.numberTopicsPerChat();
    dir = mkdtempSync(join(tmpdir(), 'aduan-tg-groups-'));
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps which group and topic each case lives in, so replies after the restart reach the right citizen', async () => {
    const first = await startWorld({ divisionChats: DIVISIONS, reuse: { fake, dir } });
    const pbb = await first.fileComplaint(ANI, PBB_TEXT);
    const web = await first.fileComplaint(BUDI, WEB_TEXT);
    await first.until(async () => (await first.app.store.getCaseThread(web)) ?? null, 'the second topic');
    await first.fake.waitFor(staffSent('sendMessage', DIGITAL_GROUP, (c) => String(c.params.text).startsWith(web)));
    await first.close();

    const again = await startWorld({ divisionChats: DIVISIONS, reuse: { fake, dir } });
    try {
      expect(await again.app.store.getCaseThread(pbb)).toMatchObject({ id: 500, chat: String(PBB_GROUP) });
      expect(await again.app.store.getCaseThread(web)).toMatchObject({ id: 500, chat: String(DIGITAL_GROUP) });
      const from = fake.calls.length;
      again.pushStaff(groupMessage(DIGITAL_GROUP, STAFF, 'Sudah kami perbaiki, silakan coba lagi', { topicId: 500 }));
      await fake.waitFor(citizenGot(BUDI, 'Sudah kami perbaiki'), { from, what: 'the relay to Budi' });
      again.pushStaff(groupMessage(PBB_GROUP, STAFF, 'Tagihan Ibu sedang kami periksa', { topicId: 500 }));
      await fake.waitFor(citizenGot(ANI, 'Tagihan Ibu sedang kami periksa'), { from, what: 'the relay to Ani' });
      const relays = fake.calls
        .slice(from)
        .filter((c) => c.token === CITIZEN_TOKEN && c.method === 'sendMessage')
        .map((c) => [Number(c.params.chat_id), /perbaiki|periksa/.exec(String(c.params.text))?.[0]]);
      expect(relays).toEqual([
        [BUDI.id, 'perbaiki'],
        [ANI.id, 'periksa'],
      ]);
    } finally {
      await again.close();
    }
  });
});

describe('one staff group per division, paced per group', () => {
  let w: World;
  beforeAll(async () => {
    // Each group: one message a second (Telegram's budget is about 20 a minute; slower here only to stay short).
    w = await startWorld({ divisionChats: DIVISIONS, staffPacing: { globalPerSecond: 1 } });
  });
  afterAll(async () => {
    await w?.close();
  });

  it("sends another group's card and acknowledgement while one division's group works through a burst", async () => {
    const at = Date.now();
    const burst = [1, 2, 3, 4].map((i) =>
      makeCase({
        citizen: { channel: 'telegram', userId: String(8200 + i), chatId: String(8200 + i), language: 'id' },
        createdAt: at,
        updatedAt: at,
        division: 'pbb-p2',
      }),
    );
    const other = makeCase({
      citizen: { channel: 'telegram', userId: String(BUDI.id), chatId: String(BUDI.id), language: 'id' },
      text: 'Website pembayaran error terus',
      division: 'digital',
      createdAt: at,
      updatedAt: at,
    });
    const all = [...burst, other];
    // As the intake commits them: the cases and their cards (which may wait behind answers to staff), in one go.
    await w.app.store.commit({
      cases: all.map((record) => ({ record, expectedVersion: null })),
      outbox: all.map((c) => ({
        channel: 'staff' as const,
        chatId: c.ticket,
        ticket: c.ticket,
        kind: 'case-card' as const,
        text: caseCardText(c, testAgency),
        deferrable: true,
      })),
    });
    w.app.dispatcher.kick();
    const cardOf = (c: { ticket: string }, group: number) =>
      staffSent('sendMessage', group, (x) => String(x.params.text).startsWith(c.ticket));
    const otherCard = await w.fake.waitFor(cardOf(other, DIGITAL_GROUP), { what: "the digital group's card" });
    const topic = Number(otherCard.params.message_thread_id);
    // A member answers in the digital group's topic at once: acknowledged in that group's own budget.
    const from = w.fake.calls.length;
    w.pushStaff(groupMessage(DIGITAL_GROUP, STAFF, 'Baik Pak, kami cek websitenya', { topicId: topic }));
    await w.fake.waitFor(citizenGot(BUDI, 'kami cek websitenya'), { from, what: 'the relay' });
    await w.fake.waitFor(staffSent('setMessageReaction', DIGITAL_GROUP), { from, what: 'the 👌' });
    const reaction = w.fake.calls.findIndex(staffSent('setMessageReaction', DIGITAL_GROUP));
    // Meanwhile the PBB group's burst is still going out at its own pace (a topic and a card each).
    const pbbCards = () => burst.map((c) => w.fake.calls.findIndex(cardOf(c, PBB_GROUP)));
    expect(pbbCards().filter((i) => i >= 0 && i < reaction).length).toBeLessThan(burst.length);
    await w.until(async () => pbbCards().every((i) => i >= 0), 'every PBB card', 30_000);
    const cards = pbbCards();
    expect(cards.filter((i) => i < w.fake.calls.indexOf(otherCard)).length).toBeLessThanOrEqual(1);
    // The burst's topics were created in the PBB group only, each counted in its pace.
    expect(w.fake.calls.filter(staffSent('createForumTopic', PBB_GROUP))).toHaveLength(burst.length);
  }, 60_000);
});

describe('one staff group per division, in groups without topics', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ divisionChats: DIVISIONS, forum: false });
  });
  afterAll(async () => {
    await w?.close();
  });

  it("relays a reply to group B's card to B's citizen, though A's card has the same message id", async () => {
    const pbb = await w.fileComplaint(ANI, PBB_TEXT);
    const web = await w.fileComplaint(BUDI, WEB_TEXT);
    const pbbCard = await w.fake.waitFor(
      staffSent('sendMessage', PBB_GROUP, (c) => String(c.params.text).startsWith(pbb)),
    );
    const webCard = await w.fake.waitFor(
      staffSent('sendMessage', DIGITAL_GROUP, (c) => String(c.params.text).startsWith(web)),
    );
    // Telegram numbers messages per chat: both cards are message 100000 of their group.
    const id = (c: FakeCall) => (c.result as { message_id: number }).message_id;
    expect(id(webCard)).toBe(id(pbbCard));
    // Recorded right after the card went out.
    const thread = await w.until(async () => w.app.store.getCaseThread(web), 'the thread record');
    expect(thread).toEqual({
      ticket: web,
      kind: 'message',
      id: id(webCard),
      chat: String(DIGITAL_GROUP),
    });
    const from = w.fake.calls.length;
    w.pushStaff(groupMessage(DIGITAL_GROUP, STAFF, 'Websitenya sudah normal lagi Pak', { replyTo: id(webCard) }));
    await w.fake.waitFor(citizenGot(BUDI, 'Websitenya sudah normal lagi Pak'), { from, what: 'the relay to Budi' });
    w.pushStaff(groupMessage(PBB_GROUP, STAFF, 'Tagihannya kami koreksi Bu', { replyTo: id(pbbCard) }));
    await w.fake.waitFor(citizenGot(ANI, 'Tagihannya kami koreksi Bu'), { from, what: 'the relay to Ani' });
    const relays = w.fake.calls.slice(from).filter((c) => c.token === CITIZEN_TOKEN && c.method === 'sendMessage');
    expect(relays.map((c) => Number(c.params.chat_id))).toEqual([BUDI.id, ANI.id]);
  });
});
