// Dissatisfaction anywhere: the case is found, confirmed when unclear, and handled by its stage.
import { describe, expect, it } from 'vitest';
import type { Agency } from '../../src/domain/agency.js';
import { testAgency } from '../support/fake-nlp.js';
import { FlowWorld, stubNlp, text } from './world.js';

const UNHAPPY = 'masalah saya belum beres, saya tidak puas';
const reads = { [UNHAPPY]: 'dissatisfied' as const, ya: 'yes' as const, hmm: 'unrelated' as const };

describe('a citizen who says they are not satisfied, unasked', () => {
  it('reopens the case awaiting confirmation at the root cause, reason stored, staff told', async () => {
    const w = new FlowWorld(stubNlp({ reads }));
    const c = w.caseAt('awaiting_confirmation', 'Tagihan PBB saya naik');
    const r = await w.say(UNHAPPY);
    expect(text(r)).toMatch(new RegExp(`${c.ticket} kami buka kembali`));
    expect(w.get(c.ticket)).toMatchObject({ stage: 'root_cause', reopenCount: 1 });
    expect(w.get(c.ticket).satisfaction.at(-1)?.reason).toBe(UNHAPPY);
    expect(w.notify.some((m) => m.chatId === c.ticket && /BELUM PUAS/.test(m.text))).toBe(true);
    expect(w.mine()).toHaveLength(1);
  });

  it('reopens a case closed within the window', async () => {
    const w = new FlowWorld(stubNlp({ reads }));
    const c = w.caseAt('closed', 'Pajak reklame salah', { ageDays: 30 });
    await w.say(UNHAPPY);
    expect(w.get(c.ticket)).toMatchObject({ stage: 'root_cause', reopenCount: 1 });
    expect(w.get(c.ticket).satisfaction.at(-1)).toMatchObject({ round: 'follow-up', satisfied: false });
  });

  it('records a new complaint linked to a case closed longer ago than the window', async () => {
    const w = new FlowWorld(stubNlp({ reads: { ...reads, lewati: 'dont_know' } }));
    const c = w.caseAt('closed', 'Tagihan PBB saya naik', { ageDays: 90 });
    await w.say(UNHAPPY);
    let last = '';
    while (w.state.mode === 'intake') last = text(await w.say('lewati'));
    expect(last).toMatch(new RegExp(`${c.ticket} sudah ditutup lebih dari 60 hari`));
    const fresh = w.mine().find((x) => x.ticket !== c.ticket);
    expect(fresh?.repeatOf?.ticket).toBe(c.ticket);
    expect(w.get(c.ticket).stage).toBe('closed');
    expect(w.events.some((e) => e.ticket === c.ticket && e.action === 'repeat linked')).toBe(true);
  });

  it('adds the words to the thread of a case still being worked and tells its staff', async () => {
    const w = new FlowWorld(stubNlp({ reads }));
    const c = w.caseAt('in_progress', 'Lampu jalan mati');
    const r = await w.say(UNHAPPY);
    expect(text(r)).toMatch(/masih dalam proses/);
    expect(w.get(c.ticket).stage).toBe('in_progress');
    expect(w.events.some((e) => e.ticket === c.ticket && e.detail === UNHAPPY)).toBe(true);
    expect(w.notify.find((m) => m.chatId === c.ticket)?.text).toMatch(/BELUM PUAS/);
  });

  it('links a withdrawn case by default, and reopens it where the profile says so', async () => {
    const linked = new FlowWorld(stubNlp({ reads }));
    const a = linked.caseAt('closed', 'Petugas tidak ada', { ageDays: 3, resolution: 'withdrawn' });
    await linked.say(UNHAPPY);
    expect(linked.get(a.ticket).stage).toBe('closed');
    expect(linked.state.draft?.linkTo).toBe(a.ticket);

    const agency: Agency = { ...testAgency, withdrawnDispute: 'reopen' };
    const reopened = new FlowWorld(stubNlp({ reads }), agency);
    const b = reopened.caseAt('closed', 'Petugas tidak ada', { ageDays: 3, resolution: 'withdrawn' });
    await reopened.say(UNHAPPY);
    expect(reopened.get(b.ticket).stage).toBe('root_cause');
  });

  it('links an archived case', async () => {
    const w = new FlowWorld(stubNlp({ reads }));
    const c = w.caseAt('archived', 'Tagihan pajak restoran salah', { ageDays: 200 });
    await w.say(UNHAPPY);
    expect(w.state.draft?.linkTo).toBe(c.ticket);
    expect(w.get(c.ticket).stage).toBe('archived');
  });

  it('asks one short question when two cases could be meant, and acts on the answer', async () => {
    const w = new FlowWorld(stubNlp({ reads }));
    const older = w.caseAt('closed', 'Tagihan PBB saya naik dua kali lipat', { ageDays: 10 });
    const newer = w.caseAt('closed', 'Website pembayaran pajak hotel error', { ageDays: 2 });
    const q = await w.say(UNHAPPY);
    expect(text(q)).toMatch(new RegExp(`Apakah ini tentang ${newer.ticket} \\(Website pembayaran`));
    expect(q.at(-1)?.choices?.map((c) => c.label)).toEqual(['Ya', 'Bukan, aduan baru']);
    await w.say('ya');
    expect(w.get(newer.ticket).stage).toBe('root_cause');
    expect(w.get(older.ticket).stage).toBe('closed');
  });

  it('takes "bukan, aduan baru" as a new complaint in the same words', async () => {
    const w = new FlowWorld(stubNlp({ reads }));
    w.caseAt('closed', 'Tagihan PBB saya naik', { ageDays: 10 });
    w.caseAt('in_review', 'Antrian panjang', { ageDays: 3 });
    await w.say(UNHAPPY);
    await w.say('bukan, aduan baru');
    expect(w.state.mode).toBe('intake');
    expect(w.state.draft?.text).toBe(UNHAPPY);
  });

  it('picks the case whose words the message shares, without asking', async () => {
    const msg = 'hasilnya blm sesuai, nama di sppt msh salah';
    const w = new FlowWorld(stubNlp({ reads: { [msg]: 'dissatisfied' } }));
    const open = w.caseAt('in_review', 'Antrian di loket BPHTB panjang');
    const named = w.caseAt('awaiting_confirmation', 'Nama di SPPT saya salah');
    await w.say(msg);
    expect(w.get(named.ticket).stage).toBe('root_cause');
    expect(w.get(open.ticket)).toEqual(open);
  });

  it('drops the question after nonsense twice, touching nothing', async () => {
    const w = new FlowWorld(stubNlp({ reads: { ...reads, '🤔': 'unrelated' } }));
    const a = w.caseAt('closed', 'Tagihan PBB naik', { ageDays: 10 });
    const b = w.caseAt('closed', 'Aplikasi error', { ageDays: 4 });
    await w.say(UNHAPPY);
    expect(text(await w.say('🤔'))).toMatch(/Apakah ini tentang/);
    await w.say('hmm');
    expect(w.state.mode).toBe('idle');
    expect([w.get(a.ticket), w.get(b.ticket)]).toEqual([a, b]);
  });

  it('answers another citizen’s ticket exactly like a ticket that does not exist', async () => {
    const msg = (t: string) => `sy tidak puas dgn aduan ${t}, tolong dibuka lagi`;
    const w = new FlowWorld(stubNlp({ route: () => ({}) }));
    const theirs = w.caseAt('closed', 'Tagihan salah', { other: true, ageDays: 5 });
    const nlp = stubNlp({ reads: { [msg(theirs.ticket)]: 'dissatisfied', [msg('ADU-ZZZZ-ZZZ9')]: 'dissatisfied' } });
    const w2 = new FlowWorld(nlp);
    w2.cases.set(theirs.ticket, theirs);
    const a = text(await w2.say(msg(theirs.ticket)));
    const b = text(await w2.say(msg('ADU-ZZZZ-ZZZ9')));
    expect(a.replace(theirs.ticket, 'X')).toBe(b.replace('ADU-ZZZZ-ZZZ9', 'X'));
    expect(w2.get(theirs.ticket)).toEqual(theirs);
    expect(w.mine()).toEqual([]);
  });

  it('starts a complaint when the citizen has no case at all', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'sy kecewa sm pelayanan di kantor bapenda': 'dissatisfied' } }));
    await w.say('sy kecewa sm pelayanan di kantor bapenda');
    expect(w.state.mode).toBe('intake');
  });

  it('reopens a case named by its ticket typed in lowercase without dashes', async () => {
    const w = new FlowWorld(stubNlp());
    const c = w.caseAt('closed', 'Tagihan hotel salah', { ageDays: 5 });
    const plain = c.ticket.replace(/-/g, '').toLowerCase();
    const nlp = stubNlp({ reads: { [`aduan ${plain} blm selesai`]: 'dissatisfied' } });
    const w2 = new FlowWorld(nlp);
    w2.cases.set(c.ticket, c);
    await w2.say(`aduan ${plain} blm selesai`);
    expect(w2.get(c.ticket)).toMatchObject({ stage: 'root_cause', reopenCount: 1 });
  });
});

describe('a grievance about how an earlier report is handled, read as a complaint', () => {
  const SLOW = 'kok lama bgt sih, udh seminggu belum ada perbaikan';
  const SAD = 'saya kecewa, pelayanannya buruk sekali';

  it('goes to the thread of the one case still being worked, not to a new complaint', async () => {
    const w = new FlowWorld(stubNlp({ reads: { [SLOW]: 'complaint' } }));
    const c = w.caseAt('in_progress', 'Lampu jalan di depan kantor mati');
    const r = await w.say(SLOW);
    expect(text(r)).toMatch(/masih dalam proses/);
    expect(w.state.mode).toBe('idle');
    expect(w.events.some((e) => e.ticket === c.ticket && e.detail === SLOW)).toBe(true);
    expect(w.notify.find((m) => m.chatId === c.ticket)?.text).toMatch(/BELUM PUAS/);
    expect(w.mine()).toHaveLength(1);
  });

  it('asks which case when the words only say the citizen is disappointed', async () => {
    const w = new FlowWorld(stubNlp({ reads: { [SAD]: 'complaint' } }));
    const c = w.caseAt('in_review', 'Antrian di loket BPHTB panjang');
    const q = await w.say(SAD);
    expect(text(q)).toMatch(new RegExp(`Apakah ini tentang ${c.ticket}`));
    expect(w.state.mode).toBe('confirm_case');
  });

  it('asks which case when the grievance names a problem of its own', async () => {
    const own = 'berkas bphtb saya sudah sebulan tidak diproses';
    const route = (t: string) => (t.includes('bphtb') ? { division: 'bphtb', keywords: ['bphtb'] } : {});
    const w = new FlowWorld(stubNlp({ reads: { [own]: 'complaint' }, route }));
    const c = w.caseAt('in_progress', 'Lampu jalan mati');
    const q = await w.say(own);
    expect(text(q)).toMatch(new RegExp(`Apakah ini tentang ${c.ticket}`));
    expect(w.get(c.ticket)).toEqual(c);
  });

  it('reopens the case a problem that came back shares its words with ("the street light is out again")', async () => {
    const again = 'the street light is out again since last night';
    const w = new FlowWorld(stubNlp({ reads: { [again]: { act: 'complaint', confidence: 0.4 } } }));
    const c = w.caseAt('closed', 'The street light in front of the office is out', { ageDays: 12 });
    await w.say(again);
    expect(w.get(c.ticket)).toMatchObject({ stage: 'root_cause', reopenCount: 1 });
  });

  it('asks which case when a problem came back but shares no words with it', async () => {
    const again = 'banjir lagi di depan rumah';
    const w = new FlowWorld(stubNlp({ reads: { [again]: 'complaint' } }));
    const c = w.caseAt('in_progress', 'Lampu jalan mati');
    expect(text(await w.say(again))).toMatch(new RegExp(`Apakah ini tentang ${c.ticket}`));
  });

  it('is a new complaint from a citizen whose cases are all closed long ago', async () => {
    const w = new FlowWorld(stubNlp({ reads: { [SLOW]: 'complaint' } }));
    const c = w.caseAt('closed', 'Lampu jalan mati', { ageDays: 200 });
    await w.say(SLOW);
    expect(w.state.mode).toBe('intake');
    expect(w.get(c.ticket)).toEqual(c);
  });

  it('never takes a bribery report for a reply to an open case, even with "kecewa" and the office named', async () => {
    const bribe = 'petugas parkir di kantor bapenda minta uang 5rb tanpa karcis, kecewa sy';
    const w = new FlowWorld(stubNlp({ reads: { [bribe]: { act: 'complaint', flags: ['integrity'] } } }));
    const c = w.caseAt('in_progress', 'Lampu jalan di depan kantor Bapenda mati');
    const r = await w.say(bribe);
    expect(text(r)).not.toMatch(/Apakah ini tentang/);
    expect(w.state.mode).toBe('intake');
    expect(w.get(c.ticket)).toEqual(c);
  });

  it('adds announced details ("mau nambahin …") to the open case even when read as a complaint', async () => {
    const more = 'I want to add something to my complaint: the owner is Siti Rahmah';
    const w = new FlowWorld(stubNlp({ reads: { [more]: 'complaint' } }));
    const c = w.caseAt('in_progress', 'Nama di SPPT salah');
    const r = await w.say(more);
    expect(text(r)).toContain(c.ticket);
    expect(w.get(c.ticket).details.what).toContain('Siti Rahmah');
    expect(w.mine()).toHaveLength(1);
  });
});
