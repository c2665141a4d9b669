import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advance, DAY, fileComplaint, MINUTE, setup, ticketIn, toClosureQuestion, type Setup } from './support.js';

let s: Setup;
beforeEach(async () => {
  s = await setup();
  await s.scheduler.tick();
});
afterEach(async () => {
  await s.scheduler.stop();
  await s.h.close();
});

const toCitizen = (s: Setup, from: number) =>
  s.h.sent.slice(from).filter((m) => m.channel === 'telegram' && m.chatId === '1001');

describe('a complaint left half-way', () => {
  it('gets one reminder, then is recorded with what it has and the citizen is told', async () => {
    await s.h.say('/start');
    const asked = await s.h.say('Tagihan PBB saya naik dua kali lipat tanpa pemberitahuan');
    expect(asked.at(-1)?.text).toMatch(/Di mana/);
    let mark = s.h.sent.length;
    await advance(s, 20 * MINUTE);
    expect(toCitizen(s, mark)).toHaveLength(0);
    await advance(s, 15 * MINUTE);
    const reminder = toCitizen(s, mark);
    expect(reminder).toHaveLength(1);
    expect(reminder[0]?.text).toMatch(/belum selesai/);
    expect(reminder[0]?.choices?.map((c) => c.id)).toEqual(['skip']);
    mark = s.h.sent.length;
    await advance(s, 30 * MINUTE);
    expect(toCitizen(s, mark)).toHaveLength(0);
    expect(await s.h.app.store.listCases({})).toHaveLength(0);
    await advance(s, 35 * MINUTE);
    const told = toCitizen(s, mark);
    expect(told).toHaveLength(1);
    const ticket = ticketIn(told[0]?.text ?? '');
    expect(told[0]?.text).toMatch(/kami catat dengan informasi yang ada/);
    const c = await s.h.app.store.getCase(ticket ?? '');
    expect(c).toMatchObject({
      kind: 'complaint',
      stage: 'forwarded',
      text: 'Tagihan PBB saya naik dua kali lipat tanpa pemberitahuan',
    });
    expect(s.h.sent.some((m) => m.channel === 'staff' && m.chatId === ticket && m.kind === 'case-card')).toBe(true);
    // The conversation is free again: the next message is a new one.
    expect((await s.h.app.store.getConversation('telegram:1001'))?.state).toMatchObject({ mode: 'idle' });
    await advance(s, 2 * 60 * MINUTE);
    expect(await s.h.app.store.listCases({})).toHaveLength(1);
  });

  it('is not reminded while the citizen keeps answering', async () => {
    await s.h.say('/start');
    await s.h.say('Tagihan PBB saya naik dua kali lipat tanpa pemberitahuan');
    s.h.clock.now += 25 * MINUTE;
    await s.h.say('di kantor Bapenda');
    const mark = s.h.sent.length;
    await advance(s, 10 * MINUTE);
    expect(toCitizen(s, mark)).toHaveLength(0);
  });
});

describe('the closure question', () => {
  it('unanswered gets a reminder after 3 days, then the case closes as no response after 7', async () => {
    const ticket = await fileComplaint(s.h);
    await toClosureQuestion(s.h, ticket);
    let mark = s.h.sent.length;
    await advance(s, 2 * DAY);
    expect(toCitizen(s, mark)).toHaveLength(0);
    await advance(s, 1 * DAY + 60 * MINUTE);
    const reminder = toCitizen(s, mark);
    expect(reminder).toHaveLength(1);
    expect(reminder[0]?.text).toMatch(new RegExp(`Pengingat.*${ticket}`));
    expect(reminder[0]?.choices?.map((c) => c.id)).toEqual(['satisfied', 'not_satisfied']);
    mark = s.h.sent.length;
    await advance(s, 1 * DAY);
    expect(toCitizen(s, mark)).toHaveLength(0);
    await advance(s, 3 * DAY);
    const closed = toCitizen(s, mark);
    expect(closed).toHaveLength(1);
    expect(closed[0]?.text).toMatch(/kami tutup/);
    expect(await s.h.app.store.getCase(ticket)).toMatchObject({ stage: 'closed', resolution: 'no_response' });
    expect((await s.h.app.store.getConversation('telegram:1001'))?.state).toMatchObject({ mode: 'idle' });
  });

  it('answered after the reminder closes as satisfied, not as no response', async () => {
    const ticket = await fileComplaint(s.h);
    await toClosureQuestion(s.h, ticket);
    await advance(s, 3 * DAY + 60 * MINUTE);
    await s.h.say('1');
    await advance(s, 5 * DAY);
    expect(await s.h.app.store.getCase(ticket)).toMatchObject({ stage: 'closed', resolution: 'satisfied' });
  });
});

describe('the follow-up check weeks after closing', () => {
  it('asks once whether the problem stayed solved; "no" reopens the case at the root cause', async () => {
    const ticket = await fileComplaint(s.h);
    await toClosureQuestion(s.h, ticket);
    await s.h.say('puas');
    await s.h.say('lewati');
    expect(await s.h.app.store.getCase(ticket)).toMatchObject({ stage: 'closed', resolution: 'satisfied' });
    let mark = s.h.sent.length;
    await advance(s, 13 * DAY);
    expect(toCitizen(s, mark)).toHaveLength(0);
    await advance(s, 1 * DAY + 60 * MINUTE);
    const asked = toCitizen(s, mark);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.text).toMatch(/tetap beres/);
    mark = s.h.sent.length;
    await advance(s, 1 * DAY);
    expect(toCitizen(s, mark)).toHaveLength(0);
    const reply = await s.h.say('2');
    expect(reply.map((m) => m.text).join('\n')).toMatch(/buka kembali/);
    const c = await s.h.app.store.getCase(ticket);
    expect(c).toMatchObject({ stage: 'root_cause', reopenCount: 1 });
    expect(c?.satisfaction.at(-1)).toMatchObject({ satisfied: false, round: 'follow-up' });
  });

  it('does not cut into a complaint the citizen is writing; asks when they are free', async () => {
    const ticket = await fileComplaint(s.h);
    await toClosureQuestion(s.h, ticket);
    await s.h.say('puas');
    await s.h.say('lewati');
    s.h.clock.now += 14 * DAY;
    await s.h.say('Lampu jalan di depan kantor mati');
    const mark = s.h.sent.length;
    await advance(s, 60 * MINUTE + 1);
    expect(toCitizen(s, mark).some((m) => /tetap beres/.test(m.text))).toBe(false);
  });
});

describe('recording and closing by the scheduler', () => {
  it('tells the citizen that a report of illegal levies goes to the head of the agency, also when recorded half-way', async () => {
    await s.h.say('/start');
    // The integrity notice comes at once, with the first question; recording half-way does not repeat or drop it.
    const mark = s.h.sent.length;
    await s.h.say('Petugas minta uang pungli 200 ribu supaya berkas cepat');
    await advance(s, 35 * MINUTE);
    await advance(s, 65 * MINUTE);
    const told = toCitizen(s, mark).map((m) => m.text);
    expect(told.join('\n')).toMatch(/kami catat dengan informasi yang ada/);
    expect(told.filter((t) => /pimpinan/.test(t))).toHaveLength(1);
    expect(await s.h.app.store.getCase(ticketIn(told.join('\n')) ?? '')).toMatchObject({
      flags: expect.arrayContaining(['integrity']),
    });
  });

  it('brings back a complaint put aside for the closure question when that question closes as no response', async () => {
    const ticket = await fileComplaint(s.h);
    await s.h.say('/lapor Lampu jalan di depan rumah mati tapi pajak PJU tetap ditagih');
    await toClosureQuestion(s.h, ticket);
    expect((await s.h.app.store.getConversation('telegram:1001'))?.state).toMatchObject({ mode: 'confirm' });
    const mark = s.h.sent.length;
    await advance(s, 8 * DAY);
    expect((await s.h.app.store.getCase(ticket))?.resolution).toBe('no_response');
    const told = toCitizen(s, mark)
      .map((m) => m.text)
      .join('\n');
    expect(told).toMatch(/Kita lanjutkan aduan/);
    expect((await s.h.app.store.getConversation('telegram:1001'))?.state).toMatchObject({
      mode: 'intake',
      draft: { text: 'Lampu jalan di depan rumah mati tapi pajak PJU tetap ditagih' },
    });
  });
});
