import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import type { StaffActor } from '../../src/services/case-service.js';

let h: Harness;
const staff: StaffActor = { kind: 'staff', id: '501', name: 'Rina' };
const head: StaffActor = { kind: 'supervisor', id: '900', name: 'Kabid PBB' };
const texts = (ms: { text: string }[]) => ms.map((m) => m.text).join('\n');

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

async function walkToVerified(ticket: string) {
  const steps = [
    [staff, { type: 'take' }],
    [staff, { type: 'review', note: 'Dicek di sistem SISMIOP' }],
    [staff, { type: 'root_cause', text: 'Data objek pajak terduplikasi saat pemutakhiran' }],
    [
      staff,
      {
        type: 'ptp',
        correctiveAction: 'Hapus NOP ganda dan terbitkan SPPT baru',
        owner: 'Seksi Pendataan',
        dueAt: h.clock.now + 86_400_000,
      },
    ],
    [staff, { type: 'start' }],
    [staff, { type: 'done', note: 'NOP ganda dihapus' }],
    [head, { type: 'approve', notes: 'Sudah benar' }],
  ] as const;
  for (const [actor, action] of steps) {
    h.clock.now += 60_000;
    const r = await h.app.cases.act(ticket, actor, action);
    expect(r, `${action.type} should succeed`).toMatchObject({ ok: true });
  }
}

describe('staff work a case through the SOP', () => {
  it('walks a complaint from forwarded to closed, with the citizen told along the way', async () => {
    const ticket = await fileComplaint();
    await walkToVerified(ticket);
    const informed = await h.app.cases.act(ticket, staff, { type: 'inform', result: 'SPPT ganda sudah dibatalkan.' });
    expect(informed.ok).toBe(true);
    await h.deliver();
    const toCitizen = h.sent.filter((m) => m.channel === 'telegram');
    expect(texts(toCitizen)).toMatch(/tindakan perbaikan sudah diputuskan/);
    expect(texts(toCitizen)).toMatch(/sedang diperiksa hasilnya/);
    const question = toCitizen.at(-1)!;
    expect(question.text).toMatch(/Apakah Anda puas/);
    expect(question.choices?.map((c) => c.id)).toEqual(['satisfied', 'not_satisfied']);

    const rating = await h.say('1');
    expect(texts(rating)).toMatch(/Beri nilai/);
    const closed = await h.say('5');
    expect(texts(closed)).toMatch(/kami tutup/);
    const c = await h.app.store.getCase(ticket);
    expect(c).toMatchObject({ stage: 'closed', resolution: 'satisfied', reopenCount: 0 });
    expect(c?.satisfaction).toEqual([{ at: expect.any(Number), satisfied: true, rating: 5, round: 'closure' }]);
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

  it('reopens at the root cause when the citizen is not satisfied, keeping the history', async () => {
    const ticket = await fileComplaint();
    await walkToVerified(ticket);
    await h.app.cases.act(ticket, staff, { type: 'inform', result: 'SPPT ganda sudah dibatalkan.' });
    await h.deliver();
    expect(texts(await h.say('belum puas'))).toMatch(/alasannya/);
    const r = await h.say('SPPT baru belum saya terima');
    expect(texts(r)).toMatch(/buka kembali/);
    const c = await h.app.store.getCase(ticket);
    expect(c).toMatchObject({ stage: 'root_cause', reopenCount: 1 });
    expect(c?.satisfaction.at(-1)).toMatchObject({ satisfied: false, reason: 'SPPT baru belum saya terima' });
    expect(c?.ptp[0]?.rootCause).toBe('Data objek pajak terduplikasi saat pemutakhiran');
    const staffNote = h.sent.filter((m) => m.channel === 'staff' && m.ticket === ticket).at(-1);
    expect(staffNote?.text).toMatch(/BELUM PUAS/);
  });

  it('asks for verification again in the reopened round: round 1’s approval does not let staff inform', async () => {
    const ticket = await fileComplaint();
    await walkToVerified(ticket);
    await h.app.cases.act(ticket, staff, { type: 'inform', result: 'SPPT ganda sudah dibatalkan.' });
    await h.deliver();
    await h.say('belum puas');
    await h.say('SPPT baru belum saya terima');
    for (const a of [
      { type: 'root_cause', text: 'SPPT tertahan di kurir' },
      { type: 'ptp', correctiveAction: 'Antar langsung', owner: 'Seksi Penagihan', dueAt: h.clock.now + 1e7 },
      { type: 'start' },
      { type: 'done' },
    ] as const) {
      expect((await h.app.cases.act(ticket, staff, a)).ok, a.type).toBe(true);
    }
    const early = await h.app.cases.act(ticket, staff, { type: 'inform', result: 'Sudah diantar.' });
    expect(early).toMatchObject({ ok: false, reason: expect.stringMatching(/belum diverifikasi/) });
    expect((await h.app.store.getCase(ticket))?.stage).toBe('verifying');
    expect((await h.app.cases.act(ticket, head, { type: 'approve' })).ok).toBe(true);
    expect((await h.app.cases.act(ticket, staff, { type: 'inform', result: 'Sudah diantar.' })).ok).toBe(true);
    const c = await h.app.store.getCase(ticket);
    expect(c?.ptp.map((r) => [r.rootCause, r.citizenMessage, r.citizenAnswer?.answer])).toEqual([
      ['Data objek pajak terduplikasi saat pemutakhiran', 'SPPT ganda sudah dibatalkan.', 'not_satisfied'],
      ['SPPT tertahan di kurir', 'Sudah diantar.', undefined],
    ]);
  });

  it('sends a rejected verification back to work with the recommendation', async () => {
    const ticket = await fileComplaint();
    for (const a of [
      { type: 'review' },
      { type: 'root_cause', text: 'x' },
      { type: 'ptp', correctiveAction: 'y', owner: 'z', dueAt: h.clock.now + 1e7 },
      { type: 'start' },
      { type: 'done' },
    ] as const) {
      expect((await h.app.cases.act(ticket, staff, a)).ok).toBe(true);
    }
    const r = await h.app.cases.act(ticket, head, { type: 'reject', recommendation: 'Cek juga NOP tetangga' });
    expect(r.ok).toBe(true);
    const c = await h.app.store.getCase(ticket);
    expect(c?.stage).toBe('in_progress');
    expect(c?.ptp.at(-1)?.verifications.at(-1)).toMatchObject({ result: 'rejected', notes: 'Cek juga NOP tetangga' });
  });

  it('refuses verification by plain staff, logs the refusal and changes nothing', async () => {
    const ticket = await fileComplaint();
    for (const a of [
      { type: 'review' },
      { type: 'root_cause', text: 'x' },
      { type: 'ptp', correctiveAction: 'y', owner: 'z', dueAt: h.clock.now + 1e7 },
      { type: 'start' },
      { type: 'done' },
    ] as const) {
      await h.app.cases.act(ticket, staff, a);
    }
    const before = await h.app.store.getCase(ticket);
    const r = await h.app.cases.act(ticket, staff, { type: 'approve' });
    expect(r.ok).toBe(false);
    expect(await h.app.store.getCase(ticket)).toEqual(before);
    const last = (await h.app.store.getEvents(ticket)).at(-1);
    expect(last).toMatchObject({ action: 'refused: approve', actor: { id: '501' } });
  });

  it('refuses a step out of order with a reason, and informing before approval', async () => {
    const ticket = await fileComplaint();
    const r = await h.app.cases.act(ticket, staff, { type: 'done' });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot move/) });
    const p = await h.app.cases.act(ticket, staff, {
      type: 'ptp',
      correctiveAction: 'a',
      owner: 'b',
      dueAt: h.clock.now + 1e6,
    });
    expect(p.ok).toBe(false);
    expect((await h.app.store.getCase(ticket))?.stage).toBe('forwarded');
  });

  it('keeps private notes away from the citizen and relays replies signed with the agency name', async () => {
    const ticket = await fileComplaint();
    const before = h.sent.filter((m) => m.channel === 'telegram').length;
    await h.app.cases.act(ticket, staff, { type: 'note', text: 'Warga ini sering komplain' });
    await h.app.cases.act(ticket, staff, { type: 'reply', text: 'Mohon kirim foto SPPT Anda.' });
    await h.deliver();
    const toCitizen = h.sent.filter((m) => m.channel === 'telegram').slice(before);
    expect(toCitizen).toHaveLength(1);
    expect(toCitizen[0]?.text).toMatch(/Mohon kirim foto SPPT Anda\.[\s\S]*Petugas Layanan Bapenda Kota Uji/);
    expect(texts(toCitizen)).not.toMatch(/sering komplain/);
    // The citizen's answer goes to the case's staff thread.
    const r = await h.say('Baik, ini fotonya', { attachments: [{ kind: 'photo', fileId: 'sppt', size: 2000 }] });
    expect(texts(r)).toMatch(/teruskan ke petugas/);
    const relay = h.sent.filter((m) => m.channel === 'staff' && m.kind === 'relay').at(-1);
    expect(relay).toMatchObject({ chatId: ticket, text: expect.stringMatching(/Baik, ini fotonya/) });
    expect((await h.app.store.getCase(ticket))?.attachments.map((a) => a.fileId)).toContain('sppt');
  });

  it('relabels a complaint as praise, closing it, and keeps the correction for retraining', async () => {
    const ticket = await fileComplaint();
    const r = await h.app.cases.act(ticket, staff, { type: 'relabel', label: 'praise', note: 'ini pujian' });
    expect(r.ok).toBe(true);
    const c = await h.app.store.getCase(ticket);
    expect(c).toMatchObject({
      kind: 'praise',
      stage: 'closed',
      resolution: 'relabelled',
      correction: { label: 'praise' },
    });
    expect(await h.app.store.listCorrections()).toEqual([{ text: c!.text, label: 'praise' }]);
  });

  it('closes an invalid complaint with its reason and tells the citizen', async () => {
    const ticket = await fileComplaint();
    expect((await h.app.cases.act(ticket, staff, { type: 'invalid', reason: '' })).ok).toBe(false);
    expect((await h.app.cases.act(ticket, staff, { type: 'invalid', reason: 'bukan kewenangan Bapenda' })).ok).toBe(
      true,
    );
    await h.deliver();
    expect(h.sent.filter((m) => m.channel === 'telegram').at(-1)?.text).toMatch(/bukan kewenangan Bapenda/);
    expect((await h.app.store.getCase(ticket))?.resolution).toBe('invalid');
  });

  it('forwards only to a division the agency has', async () => {
    const ticket = await fileComplaint();
    expect((await h.app.cases.act(ticket, staff, { type: 'forward', division: 'nope' })).ok).toBe(false);
    expect((await h.app.cases.act(ticket, staff, { type: 'forward', division: 'digital' })).ok).toBe(true);
    expect((await h.app.store.getCase(ticket))?.division).toBe('digital');
    await h.deliver();
    expect(h.sent.filter((m) => m.channel === 'telegram').at(-1)?.text).toMatch(/dialihkan ke Layanan Digital/);
  });

  it('offers supervisors the verification buttons and plain staff not', async () => {
    const c = { ...(await h.app.store.getCase(await fileComplaint()))!, stage: 'verifying' as const };
    expect(h.app.cases.allowedActions(c, 'supervisor')).toContain('approve');
    expect(h.app.cases.allowedActions(c, 'staff')).not.toContain('approve');
  });
});

describe('a closure question while the citizen is writing another complaint', () => {
  it('puts the half-written complaint aside and resumes it after the answer', async () => {
    const ticket = await fileComplaint();
    await walkToVerified(ticket);
    await h.say('/lapor Lampu jalan di depan rumah mati tapi pajak PJU tetap ditagih');
    expect((await h.app.store.getConversation('telegram:1001'))?.state).toMatchObject({ mode: 'intake' });
    await h.app.cases.act(ticket, staff, { type: 'inform', result: 'SPPT ganda sudah dibatalkan.' });
    await h.deliver();
    await h.say('1');
    const after = texts(await h.say('5'));
    expect(after).toMatch(/kami tutup/);
    expect(after).toMatch(/Kita lanjutkan aduan/);
    // "di depan rumah" already said where; the question it was waiting for comes again.
    expect(after).toMatch(/Sejak kapan/);
    const done = texts(await h.say('sejak bulan lalu'));
    const more = done.match(/foto/) ? texts(await h.say('lewati')) : done;
    const second = /nomor tiket (ADU-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(more)?.[1];
    expect(second).toBeDefined();
    expect((await h.app.store.getCase(second!))?.text).toMatch(/Lampu jalan/);
    expect((await h.app.store.getCase(ticket))?.stage).toBe('closed');
  });
});

describe('why an action is refused', () => {
  it('names the supervisor rule for verification by plain staff, the stage otherwise, and nothing when allowed', async () => {
    const c = { ...(await h.app.store.getCase(await fileComplaint()))!, stage: 'verifying' as const };
    expect(h.app.cases.refusalReason(c, 'staff', 'approve')).toMatch(/hanya supervisor/);
    expect(h.app.cases.refusalReason(c, 'supervisor', 'approve')).toBeNull();
    expect(h.app.cases.refusalReason(c, 'supervisor', 'start')).toMatch(/tahap verifying/);
  });
});
