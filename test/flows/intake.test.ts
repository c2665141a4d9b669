// Intake by meaning: facts from every message, questions only for what is missing, answers taken as what they say.
import { describe, expect, it } from 'vitest';
import { FlowWorld, stubNlp, text, ticketIn } from './world.js';

import { caseCardText } from '../../src/domain/case-card.js';
const nothing = { act: 'dont_know' as const };

describe('a complaint with its facts in the first message', () => {
  it('is asked only for a photo when it already says where and since when', async () => {
    const w = new FlowWorld(stubNlp());
    const r = await w.say('antrian di loket 3 kantor bapenda udh 2 jam ga gerak');
    expect(text(r)).not.toMatch(/Di mana|Sejak kapan/);
    expect(text(r)).toMatch(/foto/);
  });

  it('takes the place and time the text reader finds, not only its own patterns', async () => {
    const nlp = stubNlp({
      reads: {
        'tagihan pbb ambo salah hituang sajak bulan lalu di pasa raya': {
          act: 'complaint',
          slots: { place: 'pasa raya', time: 'sajak bulan lalu' },
        },
      },
    });
    const w = new FlowWorld(nlp);
    const r = await w.say('tagihan pbb ambo salah hituang sajak bulan lalu di pasa raya');
    expect(text(r)).toMatch(/foto/);
    await w.say('lewati', { choice: 'skip' });
    expect(w.mine()[0]?.details).toMatchObject({ where: 'pasa raya', since: 'sajak bulan lalu' });
  });

  it('tells the text reader what it waits for, and that the citizen has cases', async () => {
    const nlp = stubNlp();
    const w = new FlowWorld(nlp);
    w.caseAt('forwarded', 'Tagihan PBB salah', { ageDays: 9 });
    await w.say('tagihan pbb saya naik dua kali lipat tanpa alasan');
    await w.say('di jalan sudirman');
    expect(nlp.contexts.at(-2)).toEqual({ hasCases: true });
    expect(nlp.contexts.at(-1)).toEqual({ hasCases: true, expecting: 'where' });
  });
});

describe('answers to the follow-up questions', () => {
  it('builds one complaint from details sent as many short messages, with nothing put where it does not belong', async () => {
    const w = new FlowWorld(
      stubNlp({
        reads: {
          'halo min': 'greeting',
          'ga ada': nothing,
          'rumahnya di jl sutomo no 5': { act: 'statement', slots: { place: 'jl sutomo no 5' } },
          'dari januari': { act: 'statement', slots: { time: 'dari januari' } },
        },
      }),
    );
    for (const m of [
      'halo min',
      'mau lapor',
      'tagihan pbb sy',
      'tagihannya salah',
      'luas tanahnya beda',
      'di sppt tertulis 300 meter',
      'padahal cuma 150 meter',
      'rumahnya di jl sutomo no 5',
      'dari januari',
    ])
      await w.say(m);
    const r = await w.say('ga ada');
    expect(ticketIn(text(r))).not.toBeNull();
    const [c] = w.mine();
    expect(w.mine()).toHaveLength(1);
    expect(c?.details.where).toBe('jl sutomo no 5');
    expect(c?.details.since).toBe('dari januari');
    expect(c?.details.what).toMatch(/tagihannya salah[\s\S]*luas tanahnya beda[\s\S]*150 meter/);
  });

  it('does not ask for the place when the answer to another question already gave it', async () => {
    const w = new FlowWorld(stubNlp());
    const first = await w.say('mau komplain bphtb');
    expect(text(first)).toMatch(/lebih rinci/);
    const r = await w.say('nilai bphtb nya dihitung lebih tinggi, sy urus di loket bphtb kantor bapenda');
    expect(text(r)).not.toMatch(/Di mana/);
    expect(text(r)).toMatch(/Sejak kapan/);
  });

  it('asks where when the first message names only "my village", and takes the answer as the place', async () => {
    const first = 'dalan neng kampungku bolong2 mbok yo didandani';
    const w = new FlowWorld(
      stubNlp({ reads: { [first]: { act: 'complaint', slots: { place: 'dalan neng kampungku' } } } }),
    );
    expect(text(await w.say(first))).toMatch(/Di mana/);
    await w.say('neng kampung kricak jl magelang');
    expect(w.state.draft?.details.where).toBe('neng kampung kricak jl magelang');
  });

  it('takes an English answer to "where?" that opens like a place, even naming a place it does not know', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'at the parking lot of Basko mall': 'statement' } }));
    await w.say('tagihan pajak parkir saya salah hitung');
    await w.say('at the parking lot of Basko mall');
    expect(w.state.draft?.details.where).toBe('at the parking lot of Basko mall');
    expect(w.state.draft?.awaiting).toBe('since');
  });

  it('does not take "gak ada foto" as the date, and asks since when again', async () => {
    const w = new FlowWorld(
      stubNlp({
        reads: {
          'gak ada foto': { act: 'dont_know', slots: { evidence: 'none' } },
          'dari tahun kemarin': { act: 'statement', slots: { time: 'dari tahun kemarin' } },
        },
      }),
    );
    await w.say('tagihan pbb sy dobel, ada 2 sppt utk 1 rumah di jl khatib sulaiman');
    const r = await w.say('gak ada foto');
    expect(text(r)).toMatch(/Sejak kapan/);
    const done = await w.say('dari tahun kemarin');
    expect(text(done)).not.toMatch(/kirim foto/);
    expect(w.mine()[0]?.details.since).toBe('dari tahun kemarin');
  });

  it('does not take "123" as evidence: asks once more, then records without it', async () => {
    const w = new FlowWorld(stubNlp({ reads: { '123': 'unrelated' } }));
    await w.say('petugas di loket pelayanan kantor bapenda bentak2 warga tadi pagi');
    const again = await w.say('123');
    expect(text(again)).toMatch(/belum berupa foto/);
    const done = await w.say('123');
    expect(ticketIn(text(done))).not.toBeNull();
    expect(w.mine()[0]?.attachments).toEqual([]);
    expect(w.mine()[0]?.details.what ?? '').not.toMatch(/123/);
  });

  it('takes "gak tau" as the answer to the question asked and nothing else', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'gak tau': nothing } }));
    await w.say('aplikasi e-pbb tidak bisa menampilkan tagihan saya, layar putih');
    const r = await w.say('gak tau');
    expect(text(r)).toMatch(/foto/);
    await w.say('lewati', { choice: 'skip' });
    expect(w.mine()[0]?.details.since).toBeUndefined();
    expect(w.mine()[0]?.details.where).toMatch(/aplikasi/);
  });

  it('keeps a photo sent as the answer to the photo question', async () => {
    const w = new FlowWorld(stubNlp());
    await w.say('jalan ke kantor samsat berlubang besar sejak seminggu lalu');
    const r = await w.say('', { attachments: [{ kind: 'photo', fileId: 'f1', size: 10 }] });
    expect(ticketIn(text(r))).not.toBeNull();
    expect(w.mine()[0]?.attachments.map((a) => a.fileId)).toEqual(['f1']);
  });

  it('does not ask for a photo when the citizen said there is none', async () => {
    const w = new FlowWorld(
      stubNlp({
        reads: {
          'petugas parkir di kantor bapenda minta bayar tadi pagi, ga sempet foto': {
            act: 'complaint',
            slots: { evidence: 'none' },
          },
        },
      }),
    );
    const r = await w.say('petugas parkir di kantor bapenda minta bayar tadi pagi, ga sempet foto');
    expect(text(r)).not.toMatch(/kirim foto/);
    expect(ticketIn(text(r))).not.toBeNull();
  });
});

describe('cancelling in words', () => {
  it('calls off the complaint being written, and a second "batal" finds nothing to cancel', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'gak jadi deh': 'cancel', batal: 'cancel' } }));
    await w.say('tagihan pbb sy naik terus tiap tahun padahal rumah tidak berubah');
    expect(text(await w.say('gak jadi deh'))).toMatch(/dibatalkan/);
    expect(text(await w.say('batal'))).toMatch(/Tidak ada aduan yang sedang diisi/);
    expect(w.mine()).toEqual([]);
    expect(w.state.mode).toBe('idle');
  });

  it('takes the complaint up again where it stopped when the citizen changes their mind soon after', async () => {
    // The model may read "eh jadi deh" as another cancel: the words decide, not the act.
    const w = new FlowWorld(stubNlp({ reads: { 'gak jadi deh': 'cancel', 'eh jadi deh min, lanjut aja': 'cancel' } }));
    await w.say('tagihan pbb sy naik 3x lipat di jl sudirman 12 padang');
    expect(text(await w.say('gak jadi deh'))).toMatch(/dibatalkan.*lanjut/s);
    const back = text(await w.say('eh jadi deh min, lanjut aja'));
    expect(back).toMatch(/Kita lanjutkan/);
    expect(back).toMatch(/Sejak kapan/);
    await w.say('sejak bulan lalu');
    const done = await w.say('lewati', { choice: 'skip' });
    expect(ticketIn(text(done))).not.toBeNull();
    expect(w.mine()).toHaveLength(1);
    expect(w.mine()[0]?.details).toMatchObject({ since: 'sejak bulan lalu' });
  });

  it('does not take it up again on "ga jadi lanjut", nor after half an hour', async () => {
    const w = new FlowWorld(stubNlp({ reads: { batal: 'cancel' } }));
    await w.say('tagihan pbb sy naik 3x lipat di jl sudirman 12 padang');
    await w.say('batal');
    expect(text(await w.say('ga jadi lanjut'))).not.toMatch(/Kita lanjutkan/);
    await w.say('tagihan pbb sy naik 3x lipat di jl sudirman 12 padang');
    await w.say('batal');
    w.now += 31 * 60_000;
    expect(text(await w.say('lanjut'))).not.toMatch(/Kita lanjutkan/);
    expect(w.mine()).toEqual([]);
  });

  it('cancels after /lapor too', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'batalin aja min': 'cancel' } }));
    await w.say('/lapor');
    expect(text(await w.say('batalin aja min'))).toMatch(/dibatalkan/);
    expect(w.mine()).toEqual([]);
  });
});

describe('integrity reports', () => {
  it('flag the complaint, tell the citizen at once and send a notice to every supervisor, personal data masked', async () => {
    const w = new FlowWorld(
      stubNlp({
        reads: {
          'petugas loket minta uang 100rb, sy bisa dihubungi di 0812 3456 7890': {
            act: 'statement',
            flags: ['integrity'],
            integrity: 0.97,
          },
        },
      }),
    );
    const r = await w.say('petugas loket minta uang 100rb, sy bisa dihubungi di 0812 3456 7890');
    expect(text(r)).not.toMatch(/informasinya/);
    // Told at once, before the questions, and not again with the ticket.
    expect(text(r)).toMatch(/pimpinan/);
    let done = '';
    while (w.state.mode === 'intake') done = text(await w.say('lewati', { choice: 'skip' }));
    expect(ticketIn(done)).not.toBeNull();
    expect(done).not.toMatch(/pimpinan/);
    const [c] = w.mine();
    expect(c?.kind).toBe('complaint');
    expect(c?.flags).toContain('integrity');
    const notice = w.notify.find((m) => m.chatId === 'dm:77');
    expect(notice?.text).toMatch(/integritas/);
    expect(notice?.text).not.toMatch(/3456 7890/);
  });
});

describe('suggestions and aspirations', () => {
  it('get a ticket at once, routed and counted as a suggestion', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'saran min, loket pbb buka hari sabtu juga': 'suggestion' } }));
    const r = await w.say('saran min, loket pbb buka hari sabtu juga');
    const ticket = ticketIn(text(r));
    expect(ticket).not.toBeNull();
    expect(text(r)).not.toMatch(/Di mana/);
    expect(w.get(ticket!)).toMatchObject({ kind: 'complaint', request: 'suggestion', division: 'pbb-p2' });
    expect(w.notify.some((m) => m.kind === 'case-card' && /saran/.test(m.text))).toBe(true);
  });
});

describe('praise and sarcasm', () => {
  it('records sarcastic praise as a complaint, never thanking it', async () => {
    const w = new FlowWorld(
      stubNlp({
        reads: { 'wah hebat ya, tagihan pbb sy naik 3x lipat 👏👏': { act: 'praise', flags: ['sarcasm'] } },
      }),
    );
    const r = await w.say('wah hebat ya, tagihan pbb sy naik 3x lipat 👏👏');
    expect(text(r)).not.toMatch(/apresiasi/);
    expect(w.state.mode).toBe('intake');
  });

  it('records the complaint of a mixed message and passes the praise on to staff', async () => {
    const msg = 'petugasnya ramah makasih, tapi website pembayarannya error terus sejak kemarin';
    const w = new FlowWorld(
      stubNlp({ reads: { [msg]: { act: 'complaint', flags: ['mixed'], praise: 'petugasnya ramah makasih' } } }),
    );
    await w.say(msg);
    const done = await w.say('lewati', { choice: 'skip' });
    expect(text(done)).toMatch(/apresiasi/);
    const [c] = w.mine();
    expect(c?.privateNotes[0]?.text).toMatch(/Pujian warga: petugasnya ramah/);
    const card = w.notify.find((m) => m.kind === 'case-card')?.text ?? '';
    expect(card).toMatch(/Pujian warga \(diteruskan\): "petugasnya ramah makasih"/);
    // Every later redraw of the card (bots/telegram-staff/live.ts) is drawn from the stored record alone: the praise
    // stays on it after the case moves on.
    const moved = { ...c!, stage: 'in_review' as const, assignee: 'Rina' };
    expect(caseCardText(moved, w.agency)).toMatch(/Pujian warga \(diteruskan\): "petugasnya ramah makasih"/);
    expect(card.match(/^Jenis:|Pujian warga/gm)).toHaveLength(1);
  });
});
