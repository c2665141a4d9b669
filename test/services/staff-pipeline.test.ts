// Staff work cases through the SOP by sending messages through the inbound pipeline, like citizens: the terminal
// surface here (the Telegram topic takes the same path, test/telegram). In process, on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffReply } from '../../src/domain/staff.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
const texts = (ms: { text: string }[]) => ms.map((m) => m.text).join('\n');
const toCitizen = () => h.sent.filter((m) => m.channel === 'telegram');

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function fileComplaint(): Promise<string> {
  await h.say('/start');
  await h.say('/lapor Tagihan PBB saya ganda di kantor Bapenda sejak bulan lalu');
  const r = await h.say('lewati');
  return /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(texts(r))![0];
}

/** Sends each command as `as` and expects it to be acknowledged (not refused, not a usage). */
async function walk(ticket: string, steps: Array<[string, string]>): Promise<void> {
  for (const [as, command] of steps) {
    h.clock.now += 60_000;
    const shown = await h.staff(as, ticket, command);
    expect(
      shown.map((r) => r.kind),
      `${command}: ${texts(shown)}`,
    ).toEqual(['case-update']);
  }
}

async function walkToVerified(ticket: string): Promise<void> {
  await walk(ticket, [
    ['rina', '/ambil'],
    ['rina', '/telaah Dicek di sistem SISMIOP'],
    ['rina', '/akar Data objek pajak terduplikasi saat pemutakhiran'],
    ['rina', '/ptp Hapus NOP ganda dan terbitkan SPPT baru | Seksi Pendataan | 3 hari'],
    ['rina', '/mulai'],
    ['rina', '/selesai NOP ganda dihapus'],
    ['kabid', '/setujui Sudah benar'],
  ]);
}

describe('staff work a case through the SOP with the same commands as in the topic', () => {
  it('walks a complaint from forwarded to closed; the citizen hears plain words, never the internal action', async () => {
    const ticket = await fileComplaint();
    await walkToVerified(ticket);
    const informed = await h.staff('rina', ticket, '/sampaikan Tagihan ganda Anda sudah kami batalkan.');
    expect(texts(informed)).toMatch(/disampaikan ke warga/);
    const said = texts(toCitizen());
    expect(said).toMatch(/perbaikannya sudah dijadwalkan/);
    expect(said).toMatch(/sedang diperiksa hasilnya/);
    expect(said).not.toMatch(/Hapus NOP ganda|Seksi Pendataan/);
    const question = toCitizen().at(-1)!;
    expect(question.text).toMatch(/Tagihan ganda Anda sudah kami batalkan\.[\s\S]*Apakah Anda puas/);
    expect(question.choices?.map((c) => c.id)).toEqual(['satisfied', 'not_satisfied']);

    expect(texts(await h.say('1'))).toMatch(/Beri nilai/);
    expect(texts(await h.say('5'))).toMatch(/kami tutup/);
    const c = await h.app.store.getCase(ticket);
    expect(c).toMatchObject({ stage: 'closed', resolution: 'satisfied', reopenCount: 0, assignee: 'Rina' });
    expect(c?.ptp).toEqual([
      expect.objectContaining({
        rootCause: 'Data objek pajak terduplikasi saat pemutakhiran',
        correctiveAction: 'Hapus NOP ganda dan terbitkan SPPT baru',
        owner: 'Seksi Pendataan',
        citizenMessage: 'Tagihan ganda Anda sudah kami batalkan.',
        citizenAnswer: { at: expect.any(Number), answer: 'satisfied' },
        verifications: [expect.objectContaining({ result: 'approved', by: 'Kabid PBB', notes: 'Sudah benar' })],
      }),
    ]);
    const stages = (await h.app.store.getEvents(ticket)).filter((e) => e.fromStage !== e.toStage).map((e) => e.toStage);
    expect(stages).toEqual([
      'received',
      'recorded',
      'forwarded',
      'in_review',
      'root_cause',
      'action_planned',
      'in_progress',
      'verifying',
      'awaiting_confirmation',
      'closed',
    ]);
  });

  it('posts what was done on the terminal in the case’s thread too, so the shared inbox keeps the record', async () => {
    const ticket = await fileComplaint();
    await h.staff('rina', ticket, '/akar ini terlalu dini');
    await h.staff('rina', ticket, '/telaah Sudah dicek');
    const thread = h.sent.filter((m) => m.channel === 'staff' && m.chatId === ticket).map((m) => m.text);
    expect(thread.at(-1)).toBe(`Rina (lewat terminal): ${ticket}: telaah dicatat.`);
    // The refusal went only to the one who typed it.
    expect(thread.join('\n')).not.toMatch(/terlalu dini|tidak dapat/);
  });

  it('asks for verification again in the reopened round, keeps both rounds, and a rejection sends work back', async () => {
    const ticket = await fileComplaint();
    await walkToVerified(ticket);
    await h.staff('rina', ticket, '/sampaikan Tagihan ganda sudah dibatalkan.');
    await h.say('belum puas');
    await h.say('SPPT baru belum saya terima');
    expect(await h.app.store.getCase(ticket)).toMatchObject({ stage: 'root_cause', reopenCount: 1 });
    // Round 2 needs its own cause before its PTP.
    expect(texts(await h.staff('rina', ticket, '/ptp Antar langsung | Seksi Penagihan | 2 hari'))).toMatch(
      /catat akar masalah putaran ini dulu/,
    );
    await walk(ticket, [
      ['rina', '/akar SPPT tertahan di kurir'],
      ['rina', '/ptp Antar langsung | Seksi Penagihan | 2 hari'],
      ['rina', '/mulai'],
      ['rina', '/selesai'],
    ]);
    const early = await h.staff('rina', ticket, '/sampaikan Sudah diantar.');
    expect(texts(early)).toMatch(/belum diverifikasi \(disetujui\) supervisor/);
    expect((await h.app.store.getCase(ticket))?.stage).toBe('verifying');
    await walk(ticket, [
      ['kabid', '/kembalikan Pastikan tanda terima ditandatangani'],
      ['rina', '/selesai Tanda terima sudah ada'],
      ['kabid', '/setujui'],
      ['rina', '/sampaikan SPPT Anda sudah kami antar langsung ke rumah.'],
    ]);
    const c = await h.app.store.getCase(ticket);
    expect(c?.ptp.map((r) => [r.reopenReason, r.rootCause, r.citizenMessage, r.citizenAnswer?.answer])).toEqual([
      [
        undefined,
        'Data objek pajak terduplikasi saat pemutakhiran',
        'Tagihan ganda sudah dibatalkan.',
        'not_satisfied',
      ],
      [
        'SPPT baru belum saya terima',
        'SPPT tertahan di kurir',
        'SPPT Anda sudah kami antar langsung ke rumah.',
        undefined,
      ],
    ]);
    expect(c?.ptp[1]?.verifications.map((v) => [v.result, v.notes])).toEqual([
      ['rejected', 'Pastikan tanda terima ditandatangani'],
      ['approved', ''],
    ]);
  });

  it('refuses verification by plain staff: the reason is said, the refusal logged, the case unchanged', async () => {
    const ticket = await fileComplaint();
    await walk(ticket, [
      ['rina', '/telaah -'],
      ['rina', '/akar x'],
      ['rina', '/ptp y | z | 1 hari'],
      ['rina', '/mulai'],
      ['rina', '/selesai'],
    ]);
    const before = await h.app.store.getCase(ticket);
    expect(texts(await h.staff('rina', ticket, '/setujui'))).toMatch(/hanya supervisor/);
    expect(await h.app.store.getCase(ticket)).toEqual(before);
    const last = (await h.app.store.getEvents(ticket)).at(-1);
    expect(last).toMatchObject({ action: 'refused: approve', actor: { id: 'operator:rina' } });
  });

  it('answers wrong arguments with the command’s usage, a step out of order with its reason, and changes nothing', async () => {
    const ticket = await fileComplaint();
    await walk(ticket, [['rina', '/telaah -']]);
    const before = await h.app.store.getCase(ticket);
    const events = (await h.app.store.getEvents(ticket)).length;
    const said = [
      texts(await h.staff('rina', ticket, '/ptp hanya satu bagian')),
      texts(await h.staff('rina', ticket, '/ambil sekarang juga')),
      texts(await h.staff('rina', ticket, '/teruskan bidang-rahasia')),
      texts(await h.staff('rina', ticket, '/label entah')),
      texts(await h.staff('rina', ticket, '/hapus')),
      texts(await h.staff('rina', null, '/akar tanpa tiket')),
    ];
    expect(said[0]).toMatch(/tidak dapat dilakukan pada tahap ditelaah bidang/);
    expect(said[1]).toMatch(/Perintah \/ambil tidak memakai tambahan kata/);
    expect(said[2]).toMatch(/Bidang "bidang-rahasia" tidak dikenal. Pilihan: pbb-p2, digital, layanan/);
    expect(said[3]).toMatch(/Label harus salah satu dari/);
    expect(said[4]).toMatch(/Perintah \/hapus tidak dikenal/);
    expect(said[5]).toMatch(/dengan nomor tiket kasusnya/);
    expect(await h.app.store.getCase(ticket)).toEqual(before);
    // Only the refused step is written to the case's log.
    const added = (await h.app.store.getEvents(ticket)).slice(events).map((e) => e.action);
    expect(added).toEqual(['refused: ptp']);
  });

  it('keeps private notes away from the citizen and relays replies signed; the citizen’s answer reaches the thread', async () => {
    const ticket = await fileComplaint();
    const before = toCitizen().length;
    expect(texts(await h.staff('rina', ticket, '/catatan Warga ini sering komplain'))).toMatch(/catatan internal/);
    expect(texts(await h.staff('rina', ticket, 'Mohon kirim foto SPPT Anda.'))).toMatch(/dikirim ke warga/);
    const relayed = toCitizen().slice(before);
    expect(relayed).toHaveLength(1);
    expect(relayed[0]?.text).toMatch(/Mohon kirim foto SPPT Anda\.[\s\S]*Petugas Layanan Bapenda Kota Uji/);
    expect(texts(relayed)).not.toMatch(/sering komplain/);
    const r = await h.say('Baik, ini fotonya', { attachments: [{ kind: 'photo', fileId: 'sppt', size: 2000 }] });
    expect(texts(r)).toMatch(/teruskan ke petugas/);
    const relay = h.sent.filter((m) => m.channel === 'staff' && m.kind === 'relay').at(-1);
    expect(relay).toMatchObject({ chatId: ticket, text: expect.stringMatching(/Baik, ini fotonya/) });
    expect((await h.app.store.getCase(ticket))?.attachments.map((a) => a.fileId)).toContain('sppt');
  });

  it('relabels a complaint as praise, closing it, and keeps the correction for retraining', async () => {
    const ticket = await fileComplaint();
    expect(texts(await h.staff('rina', ticket, '/label pujian ini pujian'))).toMatch(/dilabel ulang sebagai pujian/);
    const c = await h.app.store.getCase(ticket);
    expect(c).toMatchObject({
      kind: 'praise',
      stage: 'closed',
      resolution: 'relabelled',
      correction: { label: 'praise' },
    });
    expect(await h.app.store.listCorrections()).toEqual([{ text: c!.text, label: 'praise' }]);
  });

  it('closes an invalid complaint with its reason (asked for when missing) and tells the citizen', async () => {
    const ticket = await fileComplaint();
    expect(texts(await h.staff('rina', ticket, '/tolak'))).toMatch(/tulis alasan aduan ditutup/);
    expect(texts(await h.staff('rina', ticket, 'bukan kewenangan Bapenda'))).toMatch(/ditutup sebagai tidak valid/);
    expect(toCitizen().at(-1)?.text).toMatch(/bukan kewenangan Bapenda/);
    expect(await h.app.store.getCase(ticket)).toMatchObject({
      resolution: 'invalid',
      resolutionNote: 'bukan kewenangan Bapenda',
    });
  });

  it('forwards only to a division the agency has, and tells the citizen the new one', async () => {
    const ticket = await fileComplaint();
    expect(texts(await h.staff('rina', ticket, '/teruskan nope'))).toMatch(/tidak dikenal/);
    const shown = await h.staff('rina', ticket, '/teruskan digital');
    expect(shown[0]?.text).toMatch(/diteruskan ke Layanan Digital[\s\S]*Bidang: Layanan Digital/);
    expect((await h.app.store.getCase(ticket))?.division).toBe('digital');
    expect(toCitizen().at(-1)?.text).toMatch(/dialihkan ke Layanan Digital/);
  });

  it('asks before taking a case someone else holds, and says who holds it', async () => {
    const ticket = await fileComplaint();
    await walk(ticket, [['rina', '/ambil']]);
    const asked: StaffReply[] = await h.staff('kabid', ticket, '/ambil');
    expect(texts(asked)).toMatch(/sedang dipegang Rina\. Ambil alih/);
    expect(asked[0]?.choices?.map((c) => c.label)).toEqual(['Ya, ambil alih', 'Batal']);
    expect((await h.app.store.getCase(ticket))?.assignee).toBe('Rina');
    expect(texts(await h.staff('kabid', ticket, 'ya'))).toMatch(/diambil alih oleh Kabid PBB \(sebelumnya Rina\)/);
    expect(await h.app.store.getCase(ticket)).toMatchObject({ assignee: 'Kabid PBB', assigneeId: 'operator:kabid' });
    expect(texts(await h.staff('kabid', ticket, '/ambil'))).toMatch(/sudah Anda pegang/);
    // "No" to the question leaves the case where it is.
    await h.staff('rina', ticket, '/ambil');
    expect(texts(await h.staff('rina', ticket, 'tidak jadi'))).toMatch(/tidak diambil alih/);
    expect((await h.app.store.getCase(ticket))?.assignee).toBe('Kabid PBB');
  });

  it('refuses someone who is not listed, and changes nothing', async () => {
    const ticket = await fileComplaint();
    const before = await h.app.store.getCase(ticket);
    expect(texts(await h.staff('tamu', ticket, '/ambil'))).toMatch(/tidak terdaftar sebagai petugas/);
    expect(await h.app.store.getCase(ticket)).toEqual(before);
    expect((await h.app.store.getEvents(ticket)).at(-1)).toMatchObject({
      action: 'refused: message',
      actor: { kind: 'system', id: 'terminal:tamu' },
    });
  });
});

describe('information requests and suggestions', () => {
  it('an information request is answered with a plain reply and closed as answered', async () => {
    await h.say('/start');
    await h.say('Jam berapa kantor Bapenda buka hari Sabtu?');
    // Made directly: recording information requests is the citizens' flows' part; here is the staff side.
    const c = (await h.app.store.listCases({ kind: 'statement' }))[0]!;
    await h.app.store.commit({ cases: [{ record: { ...c, request: 'information' }, expectedVersion: c.version }] });
    expect(texts(await h.staff('rina', c.ticket, '/tiket ' + c.ticket))).toMatch(/PERMINTAAN INFORMASI/);
    expect(texts(await h.staff('rina', c.ticket, 'Kantor buka Sabtu pukul 08.00-12.00.'))).toMatch(/dikirim ke warga/);
    expect(toCitizen().at(-1)?.text).toMatch(/08\.00-12\.00/);
    expect(texts(await h.staff('rina', c.ticket, '/terjawab'))).toMatch(/ditutup sebagai terjawab/);
    expect(await h.app.store.getCase(c.ticket)).toMatchObject({ stage: 'closed', resolution: 'answered' });
  });

  it('only an information request can be closed as answered', async () => {
    const ticket = await fileComplaint();
    expect(texts(await h.staff('rina', ticket, '/terjawab'))).toMatch(/hanya permintaan informasi/);
  });

  it('a suggestion is worked through the SOP like a complaint', async () => {
    const ticket = await fileComplaint();
    const c = (await h.app.store.getCase(ticket))!;
    await h.app.store.commit({ cases: [{ record: { ...c, request: 'suggestion' }, expectedVersion: c.version }] });
    await walk(ticket, [
      ['rina', '/telaah -'],
      ['rina', '/akar Antrian tidak diatur'],
    ]);
    expect((await h.app.store.getCase(ticket))?.stage).toBe('root_cause');
  });
});
