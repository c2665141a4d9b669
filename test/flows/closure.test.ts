// The closure question and the follow-up check answered by meaning, as plain flow calls.
import { describe, expect, it } from 'vitest';
import { closureAsked } from '../../flows/staff-effects.js';
import { FlowWorld, stubNlp, text, type StubOptions } from './world.js';

function informed(reads: StubOptions['reads'] = {}) {
  const w = new FlowWorld(stubNlp({ reads }));
  const c = w.caseAt('awaiting_confirmation', 'Tagihan PBB saya naik dua kali lipat');
  w.askClosure(c);
  return { w, c };
}

describe('the closure question', () => {
  it('takes "tidak puas, tagihan masih salah" as not satisfied with its reason, without a second question', async () => {
    const { w, c } = informed({ 'tidak puas, tagihan masih salah': 'no' });
    const r = await w.say('tidak puas, tagihan masih salah');
    expect(text(r)).toMatch(/buka kembali/);
    expect(text(r)).not.toMatch(/Tulis alasannya/);
    const after = w.get(c.ticket);
    expect(after).toMatchObject({ stage: 'root_cause', reopenCount: 1 });
    expect(after.satisfaction.at(-1)).toMatchObject({ satisfied: false, reason: 'tidak puas, tagihan masih salah' });
    expect(w.notify.find((m) => m.chatId === c.ticket)?.text).toMatch(/BELUM PUAS: "tidak puas, tagihan masih salah"/);
  });

  it('asks for the reason once when the answer is a bare "belum puas"', async () => {
    const { w, c } = informed({ 'belum puas': 'no', 'antriannya masih panjang': 'complaint' });
    expect(text(await w.say('belum puas'))).toMatch(/Tulis alasannya/);
    await w.say('antriannya masih panjang');
    expect(w.get(c.ticket).satisfaction.at(-1)?.reason).toBe('antriannya masih panjang');
  });

  it('closes on "iya" and takes the rating', async () => {
    const { w, c } = informed({ iya: 'yes' });
    expect(text(await w.say('iya'))).toMatch(/nilai/);
    await w.say('⭐⭐⭐⭐');
    expect(w.get(c.ticket)).toMatchObject({ stage: 'closed', resolution: 'satisfied' });
    expect(w.get(c.ticket).satisfaction.at(-1)?.rating).toBe(4);
  });

  it('asks once more after nonsense, then drops the question and leaves the case untouched', async () => {
    const { w, c } = informed({ asdfgh: 'unrelated', qwerty: 'unrelated' });
    const again = await w.say('asdfgh');
    expect(text(again)).toMatch(/belum menangkap/);
    expect(again.at(-1)?.choices?.map((x) => x.id)).toEqual(['satisfied', 'not_satisfied']);
    await w.say('qwerty');
    expect(w.state.mode).toBe('idle');
    expect(w.get(c.ticket)).toEqual(c);
  });

  it('lets a citizen who will check first answer later, then takes the answer', async () => {
    const { w, c } = informed({
      'hmm sy cek dl ya': 'unrelated',
      'nanti saya kabari min': 'thanks',
      'udh bener kok': 'yes',
    });
    for (const m of ['hmm sy cek dl ya', 'nanti saya kabari min']) {
      const r = await w.say(m);
      expect(text(r)).toMatch(/silakan dicek dulu/);
      expect(text(r)).not.toMatch(/belum menangkap/);
      expect(r.at(-1)?.choices?.map((x) => x.id)).toEqual(['satisfied', 'not_satisfied']);
      expect(w.state.mode).toBe('confirm');
      expect(w.get(c.ticket)).toEqual(c);
    }
    await w.say('udh bener kok');
    expect(w.get(c.ticket).satisfaction.at(-1)).toMatchObject({ satisfied: true });
  });

  it('treats sarcastic praise as not satisfied', async () => {
    const { w, c } = informed({ 'wah mantap, masih sama aja 🙃': { act: 'praise', flags: ['sarcasm'] } });
    await w.say('wah mantap, masih sama aja 🙃');
    expect(w.get(c.ticket).stage).toBe('root_cause');
  });

  it('hands a question asked meanwhile to the question flow and leaves the case as it is', async () => {
    const { w, c } = informed({ 'kapan jatuh tempo pbb?': 'question' });
    const r = await w.say('kapan jatuh tempo pbb?');
    expect(text(r)).toMatch(/petugas dengan nomor tiket/);
    expect(w.get(c.ticket).stage).toBe('awaiting_confirmation');
  });
});

describe('the follow-up check', () => {
  it('reopens when the problem came back, with its words', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'tidak, bocor lagi pas hujan kemarin': 'no' } }));
    const c = w.caseAt('closed', 'Atap ruang tunggu bocor', { ageDays: 14 });
    w.state = { ...w.state, mode: 'followup', ticket: c.ticket, offered: [] };
    await w.say('tidak, bocor lagi pas hujan kemarin');
    expect(w.get(c.ticket)).toMatchObject({ stage: 'root_cause', reopenCount: 1 });
    expect(w.notify.some((m) => /MUNCUL LAGI/.test(m.text))).toBe(true);
  });

  it('keeps the case closed when it stayed solved', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'alhamdulillah aman min': 'yes' } }));
    const c = w.caseAt('closed', 'Kursi rusak', { ageDays: 14 });
    w.state = { ...w.state, mode: 'followup', ticket: c.ticket, offered: [] };
    expect(text(await w.say('alhamdulillah aman min'))).toMatch(/tetap beres/);
    expect(w.get(c.ticket).stage).toBe('closed');
  });
});

describe('staff asking the closure question', () => {
  it('puts a complaint being written aside', async () => {
    const w = new FlowWorld(stubNlp());
    const c = w.caseAt('awaiting_confirmation', 'Website error', { ageDays: 1 });
    await w.say('lampu parkir kantor mati sejak kemarin');
    expect(w.state.mode).toBe('intake');
    const s = closureAsked(w.state, c.ticket, [], w.now);
    expect(s).toMatchObject({ mode: 'confirm', ticket: c.ticket });
    expect(s.suspended?.draft.text).toBe('lampu parkir kantor mati sejak kemarin');
  });

  it('replaces a "which case?" question that was waiting, with its nonsense count', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'sy blm puas': 'dissatisfied', hmm: 'unrelated' } }));
    w.caseAt('closed', 'Tagihan PBB naik', { ageDays: 10 });
    w.caseAt('closed', 'Aplikasi error', { ageDays: 4 });
    const c = w.caseAt('awaiting_confirmation', 'Website error', { ageDays: 1 });
    w.state = {
      ...w.state,
      mode: 'confirm_case',
      retries: 1,
      pendingCase: { ticket: c.ticket, purpose: 'dissatisfied', text: 'x', attachments: [] },
    };
    const s = closureAsked(w.state, c.ticket, [], w.now);
    expect(s).toMatchObject({ mode: 'confirm', ticket: c.ticket });
    expect(s.pendingCase).toBeUndefined();
    expect(s.retries).toBeUndefined();
  });
});
