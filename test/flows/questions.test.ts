// Questions answered from the FAQ (with the service's own facts) or handed to a person; greetings; what is not ours.
import { describe, expect, it } from 'vitest';
import type { OfficeCalendar } from '../../src/domain/office-hours.js';
import { describeOfficeHours, fillFacts } from '../../flows/questions.js';
import { BASE, FlowWorld, stubNlp, text, ticketIn } from './world.js';
import { DIALOGUE_ACTS, type DialogueAct } from '../../nlp/types.js';

const calendar: OfficeCalendar = {
  timeZone: 'Asia/Jakarta',
  week: [
    null,
    { open: 450, close: 960 },
    { open: 450, close: 960 },
    { open: 450, close: 960 },
    { open: 450, close: 960 },
    { open: 450, close: 690 },
    null,
  ],
  holidays: new Set(['2026-01-01', '2026-12-25', '2027-01-01']),
};

describe('a question', () => {
  it('is answered from the FAQ, with office hours and holidays filled from the clocks’ settings', async () => {
    const nlp = stubNlp({
      reads: { 'jam buka kantor kapan?': 'question' },
      faq: [{ match: /jam buka/, answer: 'Kantor buka {officeHours}, kecuali hari libur ({holidays}).' }],
    });
    const w = new FlowWorld(nlp, undefined, { calendar });
    const r = await w.say('jam buka kantor kapan?');
    expect(text(r)).toMatch(/Kantor buka Senin–Kamis 07\.30–16\.00, Jumat 07\.30–11\.30, kecuali hari libur/);
    expect(text(r)).toMatch(/25 Desember 2026, 1 Januari 2027/);
    expect(text(r)).not.toMatch(/2026-01-01|1 Januari 2026/);
    expect(w.mine()[0]).toMatchObject({ kind: 'statement' });
    expect(w.mine()[0]?.request).toBeUndefined();
  });

  it('with no FAQ answer becomes an information request with its own ticket and a card on the staff inbox', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'apa aja syarat balik nama sppt?': 'question' } }));
    const r = await w.say('apa aja syarat balik nama sppt?');
    const ticket = ticketIn(text(r));
    expect(ticket).not.toBeNull();
    expect(text(r)).toMatch(/petugas/);
    expect(text(r)).not.toMatch(/sudah kami terima dan catat/);
    expect(w.get(ticket!)).toMatchObject({ kind: 'statement', request: 'information', stage: 'recorded' });
    expect(w.notify.find((m) => m.chatId === ticket && m.kind === 'case-card')?.text).toMatch(/permintaan informasi/);
  });

  it('asked plainly ("…, siapa yg bayar?") is a question even when the model leans to a complaint', async () => {
    const asked = 'kalau rumah sudah dijual tapi pembeli belum balik nama, pbb nya siapa yg bayar?';
    const scores = { complaint: 0.76, question: 0.21 } as Record<string, number>;
    const w = new FlowWorld(stubNlp({ reads: { [asked]: { act: 'complaint', confidence: 0.76, scores } } }));
    const ticket = ticketIn(text(await w.say(asked)));
    expect(w.get(ticket!)).toMatchObject({ kind: 'statement', request: 'information' });
  });

  it('put as "kok …?" stays the grievance the model reads', async () => {
    const asked = 'kok tagihan pbb saya naik terus sih?';
    const scores = { complaint: 0.7, question: 0.3 } as Record<string, number>;
    const w = new FlowWorld(stubNlp({ reads: { [asked]: { act: 'complaint', confidence: 0.7, scores } } }));
    await w.say(asked);
    expect(w.state.mode).toBe('intake');
  });

  it('for deleting personal data goes to staff with a ticket too', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'hapus data saya': 'erase' } }));
    const r = await w.say('hapus data saya');
    expect(text(r)).toMatch(/penghapusan data pribadi/);
    expect(w.mine()[0]).toMatchObject({ request: 'erasure', stage: 'recorded' });
    expect(w.notify.find((m) => m.kind === 'case-card')?.text).toMatch(/\/hapusdata ya/);
  });
});

describe('office hours in words', () => {
  it('groups days with the same hours, in Indonesian and English', () => {
    expect(describeOfficeHours(calendar.week, 'en')).toBe('Monday–Thursday 07:30–16:00, Friday 07:30–11:30');
    expect(fillFacts('{holidays}', 'en', { now: BASE })).toBe('public holidays');
  });
});

describe('greetings and what is not ours', () => {
  it('answers salam with salam', async () => {
    const w = new FlowWorld(stubNlp({ reads: { assalamualaikum: 'greeting' } }), undefined, { greeted: false });
    const r = await w.say('assalamualaikum');
    expect(r[0]?.text).toMatch(/^Wa'alaikumsalam/);
    expect(text(r)).toMatch(/Selamat datang/);
    expect(w.mine()).toEqual([]);
  });

  it("returns a time-of-day greeting in kind, in the citizen's language", async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'selamat malam min': 'greeting' } }), undefined, { greeted: false });
    const r = await w.say('selamat malam min');
    expect(r[0]?.text).toBe('Selamat malam.');
    const en = new FlowWorld(stubNlp({ reads: { 'good morning': 'greeting' } }), undefined, { language: 'en' });
    expect(text(await en.say('good morning'))).toMatch(/^Good morning\./);
  });

  it('greets back a greeting later in the conversation', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'selamat pagi min': 'greeting' } }));
    expect(text(await w.say('selamat pagi min'))).toMatch(/ada yang bisa kami bantu/);
  });

  it('records nothing for spam or chit-chat and says what the service is for', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'promo pinjol cair 5 menit': 'unrelated' } }));
    expect(text(await w.say('promo pinjol cair 5 menit'))).toMatch(/khusus untuk keluhan/);
    expect(w.mine()).toEqual([]);
  });

  it('thanks a statement without claiming staff will see it', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'sy sudah bayar pbb tadi': 'statement' } }));
    const r = await w.say('sy sudah bayar pbb tadi');
    expect(text(r)).not.toMatch(/catat/);
    expect(w.notify).toEqual([]);
  });

  it('asks one clarifying question when unsure, with the kinds we handle', async () => {
    const w = new FlowWorld(
      stubNlp({ reads: { 'soal pajak itu': { act: 'complaint', confidence: 0.3 }, '3': 'suggestion' } }),
    );
    const q = await w.say('soal pajak itu');
    expect(q.at(-1)?.choices?.map((c) => c.id)).toEqual(['complaint', 'question', 'suggestion', 'praise']);
    await w.say('3');
    expect(w.mine()[0]).toMatchObject({ kind: 'complaint', request: 'suggestion', text: 'soal pajak itu' });
  });
});

describe('an unsure reading torn only between a complaint and a plain statement', () => {
  it('is filed as a complaint (the menu has no "statement"), while complaint against praise is still asked', async () => {
    const dobel = 'tagihan pbb sy dobel, ada 2 sppt utk 1 rumah di jl khatib sulaiman';
    const mixed = 'petugasnya ramah sih tp lama';
    const scores = (complaint: number, rival: DialogueAct, other: number) =>
      Object.fromEntries(
        DIALOGUE_ACTS.map((a) => [a, a === 'complaint' ? complaint : a === rival ? other : 0.01]),
      ) as Record<DialogueAct, number>;
    const w = new FlowWorld(
      stubNlp({
        reads: {
          [dobel]: { act: 'complaint', confidence: 0.49, scores: scores(0.49, 'statement', 0.4) },
          [mixed]: { act: 'complaint', confidence: 0.45, scores: scores(0.45, 'praise', 0.4) },
        },
      }),
    );
    const filed = await w.say(dobel);
    expect(text(filed)).not.toMatch(/termasuk yang mana/);
    expect(w.state.mode).toBe('intake');
    const other = new FlowWorld(w.nlp);
    expect(text(await other.say(mixed))).toMatch(/termasuk yang mana/);
  });
});

describe('a message that says what kind it is', () => {
  it('is not asked the clarifying question ("saya mau menyampaikan keluhan, …")', async () => {
    const said = 'Selamat siang. Saya mau menyampaikan keluhan, SPPT rumah saya masih atas nama pemilik lama';
    const w = new FlowWorld(stubNlp({ reads: { [said]: { act: 'statement', confidence: 0.49 } } }));
    const r = await w.say(said);
    expect(text(r)).not.toMatch(/termasuk yang mana/);
    expect(w.state.mode).toBe('intake');
  });
});

describe('a photo sent instead of answering the clarifying question', () => {
  it('keeps the message and the photo: the message is taken as what it most likely was', async () => {
    const said = 'sppt rumah saya masih atas nama pemilik lama di jl perintis no 8 sejak 2 tahun';
    const w = new FlowWorld(stubNlp({ reads: { [said]: { act: 'complaint', confidence: 0.4 } } }));
    expect(text(await w.say(said))).toMatch(/termasuk yang mana/);
    await w.say('', { attachments: [{ kind: 'photo', fileId: 'p1', size: 10 }] });
    const c = w.mine()[0];
    expect(c).toMatchObject({ kind: 'complaint', text: said });
    expect(c?.attachments).toHaveLength(1);
  });
});

describe('a citizen who writes on instead of answering the clarifying question', () => {
  it('has the first message taken as its likeliest kind and the next one read after it', async () => {
    const w = new FlowWorld(
      stubNlp({
        reads: {
          'tagihan pbb sy dobel': { act: 'complaint', confidence: 0.4 },
          'di jl khatib sulaiman no 3': { act: 'statement', slots: { place: 'jl khatib sulaiman no 3' } },
        },
      }),
    );
    expect((await w.say('tagihan pbb sy dobel')).at(-1)?.choices?.length).toBe(4);
    const r = await w.say('di jl khatib sulaiman no 3');
    expect(text(r)).not.toMatch(/Di mana/);
    expect(w.state.mode).toBe('intake');
    expect(w.state.draft).toMatchObject({
      text: 'tagihan pbb sy dobel',
      details: { where: 'jl khatib sulaiman no 3' },
    });
  });
});
