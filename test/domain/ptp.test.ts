import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/domain/case.js';
import { caseCardText } from '../../src/domain/case-card.js';
import { moveCase, plainMinutesPolicy } from '../../src/domain/lifecycle.js';
import { approvedThisRound, normaliseCase, withCurrentRound, withVerification } from '../../src/domain/ptp.js';
import { makeCase } from '../support/fixtures.js';
import { testAgency } from '../support/fake-nlp.js';

const policy = plainMinutesPolicy();
const citizen = { kind: 'citizen', id: 'telegram:1001' } as const;

/** A case told its result after round 1: cause, action, one rejection, then approval. */
function informedCase(): CaseRecord {
  let c = makeCase({ stage: 'awaiting_confirmation', createdAt: 1000 });
  c = { ...c, ptp: withCurrentRound(c, { rootCause: 'NJOP salah input', correctiveAction: 'Koreksi NJOP' }) };
  c = { ...c, ptp: withVerification(c, { result: 'rejected', by: 'Kabid', at: 2000, notes: 'cek NOP tetangga' }) };
  c = { ...c, ptp: withVerification(c, { result: 'approved', by: 'Kabid', at: 3000, notes: '' }) };
  return { ...c, ptp: withCurrentRound(c, { citizenMessage: 'Tagihan sudah dikoreksi.', informedAt: 4000 }) };
}

describe('PTP rounds', () => {
  it('a reopen keeps round 1 whole and opens round 2 with the citizen’s reason and no verification', () => {
    const c = informedCase();
    expect(approvedThisRound(c)).toBe(true);
    const { next } = moveCase(c, 'root_cause', {
      now: 5000,
      actor: citizen,
      action: 'citizen not satisfied: reopened',
      detail: 'Nilainya masih salah',
      policy,
    });
    expect(next.ptp).toHaveLength(2);
    expect(next.ptp[0]).toMatchObject({
      rootCause: 'NJOP salah input',
      correctiveAction: 'Koreksi NJOP',
      citizenMessage: 'Tagihan sudah dikoreksi.',
      citizenAnswer: { at: 5000, answer: 'not_satisfied', reason: 'Nilainya masih salah' },
    });
    expect(next.ptp[0]?.verifications.map((v) => v.result)).toEqual(['rejected', 'approved']);
    expect(next.ptp[1]).toEqual({ openedAt: 5000, reopenReason: 'Nilainya masih salah', verifications: [] });
    expect(approvedThisRound(next)).toBe(false);
  });

  it('the closure answer ends the round; a problem that came back after closing opens the next one', () => {
    const closed = moveCase(informedCase(), 'closed', { now: 6000, actor: citizen, action: 'x', policy }).next;
    expect(closed.ptp[0]?.citizenAnswer).toEqual({ at: 6000, answer: 'satisfied' });
    const back = moveCase(closed, 'root_cause', {
      now: 9000,
      actor: citizen,
      action: 'y',
      detail: 'bocor lagi',
      policy,
    }).next;
    expect(back.ptp.map((r) => [r.cameBackAt, r.reopenReason])).toEqual([
      [9000, undefined],
      [undefined, 'bocor lagi'],
    ]);
  });

  it('reads a record stored with the old single PTP object as round 1, and an empty one as no round', () => {
    const legacy = {
      ...makeCase({ createdAt: 1000 }),
      ptp: {
        rootCause: 'lama',
        correctiveAction: 'aksi lama',
        owner: 'Kasi',
        dueAt: 7000,
        verifications: [{ result: 'approved', by: 'K', at: 5, notes: '' }],
      },
    } as unknown as CaseRecord;
    expect(normaliseCase(legacy).ptp).toEqual([
      {
        openedAt: 1000,
        rootCause: 'lama',
        correctiveAction: 'aksi lama',
        owner: 'Kasi',
        dueAt: 7000,
        verifications: [{ result: 'approved', by: 'K', at: 5, notes: '' }],
      },
    ]);
    const empty = { ...makeCase(), ptp: { verifications: [] } } as unknown as CaseRecord;
    expect(normaliseCase(empty).ptp).toEqual([]);
  });

  it('the card lists every round, what the citizen was told and how they answered', () => {
    const c = moveCase(informedCase(), 'root_cause', {
      now: 5000,
      actor: citizen,
      action: 'reopen',
      detail: 'Nilainya masih salah',
      policy,
    }).next;
    const card = caseCardText({ ...c, ptp: withCurrentRound(c, { rootCause: 'Data ganda' }) }, testAgency);
    expect(card).toMatch(/PTP putaran 1:\n {2}Akar masalah: NJOP salah input\n {2}Tindakan perbaikan: Koreksi NJOP/);
    expect(card).toMatch(/Verifikasi: dikembalikan oleh Kabid.*cek NOP tetangga/);
    expect(card).toMatch(/Disampaikan ke warga: "Tagihan sudah dikoreksi\."/);
    expect(card).toMatch(/Jawaban warga: belum puas \("Nilainya masih salah"\)/);
    expect(card).toMatch(/PTP putaran 2 \(dibuka kembali: "Nilainya masih salah"\):\n {2}Akar masalah: Data ganda/);
  });
});
