// The "done when", end to end through the adapter: the fake client emits what WhatsApp would, the
// core handles it on a real SQLite store, and replies leave through the outbox and the adapter's sender.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TICKET_PATTERN } from '../../src/domain/ticket.js';
import { CITIZEN, joined, startWaTest, ticketIn, type WaTest } from './setup.js';
import { waMessage } from './fake-client.js';

let t: WaTest;
beforeEach(async () => {
  t = await startWaTest();
  await t.connect();
});
afterEach(async () => {
  await t.close();
});

async function fileComplaint(): Promise<string> {
  await t.say('Tagihan PBB saya naik dua kali lipat tanpa pemberitahuan');
  await t.say('di kantor Bapenda jalan Sudirman');
  await t.say('sudah 2 minggu');
  const ticket = ticketIn(joined(await t.say('1')));
  if (!ticket) throw new Error('no ticket');
  return ticket;
}

describe('a citizen on WhatsApp', () => {
  it('files a complaint by answering the numbered follow-up questions and gets a ticket', async () => {
    const first = await t.say('Tagihan PBB saya naik dua kali lipat tanpa pemberitahuan');
    expect(joined(first)).toMatch(/Di mana/);
    // WhatsApp has no buttons: the offered choice is a numbered line.
    expect(first.at(-1)).toMatch(/\n1\. Lewati\nBalas dengan angka\.$/);
    expect(joined(await t.say('di kantor Bapenda jalan Sudirman'))).toMatch(/Sejak kapan/);
    const photo = await t.say('sudah 2 minggu');
    expect(joined(photo)).toMatch(/foto/);
    expect(photo.at(-1)).toMatch(/1\. Lewati/);
    const done = joined(await t.say('1'));
    const ticket = ticketIn(done);
    expect(ticket).toMatch(TICKET_PATTERN);
    const c = await t.h.app.store.getCase(ticket!);
    expect(c).toMatchObject({ kind: 'complaint', stage: 'forwarded', division: 'pbb-p2' });
    expect(c?.citizen).toMatchObject({
      channel: 'whatsapp',
      userId: CITIZEN,
      chatId: CITIZEN,
      displayName: 'Warga Uji',
    });
    // The case reached the staff inbox.
    expect(t.h.sent.some((m) => m.channel === 'staff' && m.ticket === ticket && m.kind === 'case-card')).toBe(true);
    // Handled messages are marked read, so a later catch-up does not look at them again.
    expect(t.client().seen).toContain(CITIZEN);
  });

  it('receives a staff photo with its caption, fetched from the surface that holds it', async () => {
    const ticket = await fileComplaint();
    const bytes = Buffer.from('foto SPPT yang sudah dikoreksi');
    // The surface that holds the file (the staff bot on Telegram; here the terminal) registers how to fetch it.
    t.h.app.files.set('staff-terminal', async (id) => {
      if (id !== 'sppt-1') throw new Error('unknown file');
      return { bytes, name: 'sppt.jpg', mime: 'image/jpeg' };
    });
    const before = t.client().sent.length;
    await t.h.app.inbound.receive({
      surface: 'terminal',
      messageId: 'photo-1',
      sender: { id: 'rina', name: 'Rina' },
      ticket,
      text: 'Ini SPPT baru Bapak.',
      attachments: [{ kind: 'photo', fileId: 'sppt-1' }],
      sentAt: Date.now(),
    });
    await t.flush();
    const sent = t
      .client()
      .sent.slice(before)
      .filter((m) => m.chatId === CITIZEN);
    expect(sent).toHaveLength(1);
    const media = sent[0]!.content as { mimetype: string; data: string; filename: string };
    expect(media.mimetype).toBe('image/jpeg');
    expect(Buffer.from(media.data, 'base64')).toEqual(bytes);
    expect(sent[0]!.options?.caption).toContain('Ini SPPT baru Bapak.');
  });

  it('receives a staff reply written in the staff inbox', async () => {
    const ticket = await fileComplaint();
    const before = t.client().textsTo(CITIZEN).length;
    const shown = await t.h.staff('rina', ticket, 'Mohon kirim foto SPPT PBB Anda.');
    expect(shown.map((r) => r.text)).toEqual([`${ticket}: pesan dikirim ke warga.`]);
    await t.flush();
    const relayed = t.client().textsTo(CITIZEN).slice(before);
    expect(relayed).toHaveLength(1);
    expect(relayed[0]).toContain('Mohon kirim foto SPPT PBB Anda.');
    expect(relayed[0]).toContain(ticket);
  });

  it('answers the closure question with "2" and a reason, which reopens the case at the root cause', async () => {
    const ticket = await fileComplaint();
    for (const [as, command] of [
      ['rina', '/telaah dicek'],
      ['rina', '/akar NJOP salah input'],
      ['rina', '/ptp Koreksi NJOP | Seksi Pendataan | 1 hari'],
      ['rina', '/mulai'],
      ['rina', '/selesai NJOP dikoreksi'],
      ['kabid', '/setujui ok'],
      ['rina', '/sampaikan Tagihan sudah dikoreksi.'],
    ] as const) {
      const shown = await t.h.staff(as, ticket, command);
      expect(shown[0]?.kind, `${command}: ${shown.map((r) => r.text).join(' ')}`).toBe('case-update');
    }
    await t.flush();
    const question = t.client().textsTo(CITIZEN).at(-1) ?? '';
    expect(question).toMatch(/Apakah Anda puas/);
    expect(question).toMatch(/1\. Puas\n2\. Belum puas\nBalas dengan angka \(1-2\)\./);

    expect(joined(await t.say('2'))).toMatch(/alasannya/);
    expect(joined(await t.say('Tagihannya masih dua kali lipat'))).toContain(ticket);
    const c = await t.h.app.store.getCase(ticket);
    expect(c).toMatchObject({ stage: 'root_cause', reopenCount: 1 });
    expect(c?.satisfaction.at(-1)).toMatchObject({ satisfied: false, reason: 'Tagihannya masih dua kali lipat' });
  });

  it('handles the same message id only once, e.g. when WhatsApp delivers it again after a reconnect', async () => {
    const m = waMessage({ body: 'Mantap pelayanannya cepat sekali, terima kasih' });
    await t.receive(m);
    await t.receive(m);
    await t.flush();
    expect(await t.h.app.store.listCases({ kind: 'praise' })).toHaveLength(1);
    const thanks = t
      .client()
      .textsTo(CITIZEN)
      .filter((s) => /apresiasinya/.test(s));
    expect(thanks).toHaveLength(1);
  });
});
