// Details for a case that exists, and the short answers after a ticket.
import { describe, expect, it } from 'vitest';
import { FlowWorld, stubNlp, text, ticketIn } from './world.js';

async function recorded(w: FlowWorld): Promise<string> {
  await w.say('petugas loket bphtb minta berkas tambahan, di kantor bapenda tadi pagi');
  const r = await w.say('lewati', { choice: 'skip' });
  const ticket = ticketIn(text(r));
  if (!ticket) throw new Error(`not recorded: ${text(r)}`);
  return ticket;
}

describe('details right after a ticket', () => {
  it('are added to that case: the citizen is told which ticket, the staff thread is told', async () => {
    const more = 'berkasnya surat keterangan lurah, katanya wajib padahal di website ga ada';
    const w = new FlowWorld(stubNlp({ reads: { [more]: 'statement' } }));
    const ticket = await recorded(w);
    const r = await w.say(more);
    expect(text(r)).toMatch(new RegExp(`tambahkan ke aduan ${ticket}`));
    expect(w.mine()).toHaveLength(1);
    expect(w.get(ticket).details.what).toMatch(/surat keterangan lurah/);
    expect(w.notify.at(-1)).toMatchObject({ channel: 'staff', chatId: ticket, kind: 'relay' });
    expect(w.notify.at(-1)?.text).toMatch(/tambahan keterangan dari warga/);
  });

  it('attach a photo sent right after the ticket', async () => {
    const w = new FlowWorld(stubNlp());
    const ticket = await recorded(w);
    await w.say('', { attachments: [{ kind: 'photo', fileId: 'p9', size: 10 }] });
    expect(w.get(ticket).attachments.map((a) => a.fileId)).toEqual(['p9']);
  });

  it('say how to start another complaint instead, and a resend of the same words records nothing twice', async () => {
    const w = new FlowWorld(stubNlp());
    const ticket = await recorded(w);
    // Same subject (a word of the case, "berkas"), another reading of the router: details of that case.
    const r = await w.say('berkas yang diminta juga katanya harus dilegalisir notaris dulu');
    expect(text(r)).toMatch(/Jika ini aduan lain, ketik \/lapor/);
    const again = await w.say('petugas loket bphtb minta berkas tambahan, di kantor bapenda tadi pagi');
    expect(text(again)).toMatch(new RegExp(`sudah kami catat dengan nomor tiket ${ticket}`));
    expect(w.mine()).toHaveLength(1);
  });

  it("start a complaint of their own, saying so, when they read as a complaint of another division's matter", async () => {
    const w = new FlowWorld(stubNlp());
    const ticket = await recorded(w);
    const other = 'website pembayarannya juga error terus dari kemarin, ga bisa bayar pajak';
    const started = await w.say(other);
    expect(text(started)).toMatch(new RegExp(`aduan baru, terpisah dari ${ticket}`));
    expect(text(started)).not.toMatch(/tambahkan ke aduan/);
    // The citizen types on with the new complaint's details; none of them lands on the first case.
    await w.say('lewati', { choice: 'skip' });
    const done = await w.say('lewati', { choice: 'skip' });
    const second = ticketIn(text(done));
    expect(second).toBeTruthy();
    expect(second).not.toBe(ticket);
    expect(w.get(second!).text).toBe(other);
    expect(w.get(ticket).details.what).toBeUndefined();
  });

  it("go to the citizen's open case of that division when there is one, not a new complaint", async () => {
    const w = new FlowWorld(stubNlp());
    const first = await recorded(w); // at the counter: division 'layanan'
    await w.say('website pembayarannya juga error terus dari kemarin, ga bisa bayar pajak');
    await w.say('lewati', { choice: 'skip' });
    const web = ticketIn(text(await w.say('lewati', { choice: 'skip' })));
    expect(web).not.toBe(first);
    const r = await w.say('petugas loketnya itu juga minta uang rokok lima puluh ribu');
    expect(text(r)).toMatch(new RegExp(`tambahkan ke aduan ${first}`));
    expect(w.mine()).toHaveLength(2);
    expect(w.get(first).details.what).toMatch(/uang rokok/);
  });

  it('get a short close, never a draft or a menu, when they are only "ok makasih min", "👍" or "ga ada"', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'ok makasih min': 'thanks', '👍': 'thanks', 'ga ada': 'complaint' } }));
    const ticket = await recorded(w);
    for (const m of ['ok makasih min', '👍', 'ga ada']) {
      const r = await w.say(m);
      expect(text(r)).toMatch(new RegExp(ticket));
      expect(r.every((x) => !x.choices)).toBe(true);
      expect(w.state.mode).toBe('idle');
    }
    expect(w.mine()).toHaveLength(1);
  });
});

describe('"tambahan keterangan" later', () => {
  it('goes to the citizen’s open case', async () => {
    const msg = 'tambahan keterangan min, luas tanah sy yg benar 150 meter';
    const w = new FlowWorld(stubNlp({ reads: { [msg]: 'add_info' } }));
    const c = w.caseAt('forwarded', 'Tagihan PBB salah, luas tanah tidak sesuai', { ageDays: 2 });
    const r = await w.say(msg);
    expect(text(r)).toMatch(new RegExp(`tambahkan ke aduan ${c.ticket}`));
    expect(w.get(c.ticket).details.what).toMatch(/150 meter/);
    expect(w.events.at(-1)).toMatchObject({ ticket: c.ticket, action: 'citizen added information' });
  });

  it('goes to the ticket it names, and raises the integrity flag when it reports a bribe', async () => {
    const w = new FlowWorld(stubNlp());
    const a = w.caseAt('in_review', 'Pajak restoran dihitung salah', { ageDays: 3 });
    w.caseAt('forwarded', 'Website lambat', { ageDays: 1 });
    const msg = `tambahan utk tiket ${a.ticket}: petugasnya minta amplop biar cepat`;
    const w2 = new FlowWorld(stubNlp({ reads: { [msg]: { act: 'add_info', flags: ['integrity'] } } }));
    for (const c of w.cases.values()) w2.cases.set(c.ticket, c);
    const r = await w2.say(msg);
    expect(w2.get(a.ticket).details.what).toMatch(/amplop/);
    expect(w2.get(a.ticket).flags).toContain('integrity');
    expect(text(r)).toMatch(/pimpinan/);
    expect(w2.notify.some((m) => m.chatId === 'dm:77')).toBe(true);
  });
});

describe('withdrawing in words', () => {
  it('asks before withdrawing the case just recorded, and withdraws it on yes', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'batalin aja min': 'cancel', ya: 'yes' } }));
    const ticket = await recorded(w);
    expect(text(await w.say('batalin aja min'))).toMatch(new RegExp(`menarik .*aduan ${ticket}`));
    await w.say('ya');
    expect(w.get(ticket)).toMatchObject({ stage: 'closed', resolution: 'withdrawn' });
  });

  it('keeps the case when the answer is no', async () => {
    const w = new FlowWorld(stubNlp({ reads: { batal: 'cancel', tidak: 'no' } }));
    const ticket = await recorded(w);
    await w.say('batal');
    expect(text(await w.say('tidak'))).toMatch(/tetap kami proses/);
    expect(w.get(ticket).stage).toBe('forwarded');
  });
});

describe('after staff wrote to the citizen', () => {
  function threadWorld(reads: Record<string, 'status' | 'complaint' | 'statement'> = {}) {
    const w = new FlowWorld(stubNlp({ reads }));
    const c = w.caseAt('in_review', 'Tagihan PBB salah', { ageDays: 2 });
    w.state = { ...w.state, mode: 'thread', ticket: c.ticket, lastActivityAt: w.now };
    return { w, c };
  }

  it('relays the citizen’s words to the case’s staff thread, personal data masked', async () => {
    const { w, c } = threadWorld({ 'nop saya 1371010001, hp 0812 3456 7890': 'statement' });
    const r = await w.say('nop saya 1371010001, hp 0812 3456 7890');
    expect(text(r)).toMatch(new RegExp(`tiket ${c.ticket}`));
    const relay = w.notify.find((m) => m.chatId === c.ticket && m.kind === 'relay');
    expect(relay?.text).toMatch(/pesan warga/);
    expect(relay?.text).not.toMatch(/3456 7890/);
  });

  it('answers a status request as one instead of relaying it', async () => {
    const { w, c } = threadWorld({ 'udah sampai mana min?': 'status' });
    const r = await w.say('udah sampai mana min?');
    expect(text(r)).toMatch(new RegExp(`Tiket ${c.ticket} .*ditelaah`));
    expect(w.notify).toEqual([]);
  });

  it('no longer catches messages days later', async () => {
    const { w } = threadWorld();
    w.now += 4 * 86_400_000;
    await w.say('jalan depan kantor samsat berlubang besar');
    expect(w.state.mode).toBe('intake');
    expect(w.notify).toEqual([]);
  });
});

describe('an unsure reading right after a ticket', () => {
  it('is a short close for a few words and details for more, never the clarifying menu', async () => {
    const w = new FlowWorld(
      stubNlp({
        reads: {
          'ok makasih min': { act: 'statement', confidence: 0.3 },
          'itu kejadiannya pas jam istirahat siang': { act: 'statement', confidence: 0.3 },
        },
      }),
    );
    const ticket = await recorded(w);
    const short = await w.say('ok makasih min');
    expect(short.every((r) => !r.choices)).toBe(true);
    expect(text(short)).toMatch(new RegExp(ticket));
    await w.say('itu kejadiannya pas jam istirahat siang');
    expect(w.get(ticket).details.what).toMatch(/jam istirahat/);
    expect(w.mine()).toHaveLength(1);
  });
});
