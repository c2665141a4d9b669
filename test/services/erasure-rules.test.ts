// The rules every store applies when it erases a citizen or anonymises an old case (src/services/erasure-rules.ts),
// called as plain functions: what is removed, what is masked, and which figures stay for statistics.
import { describe, expect, it } from 'vitest';
import {
  anonymiseCase,
  anonymiseEvent,
  ERASED,
  identifierForms,
  nameForms,
  newPseudonym,
  personalDataIn,
  scrubber,
} from '../../src/services/erasure-rules.js';
import { makeCase } from '../support/fixtures.js';

const rules = (ids: string[] = []) => ({
  pseudonym: 'dihapus-000000000001',
  scrub: scrubber(ids),
  at: 99,
  why: 'erasure' as const,
});

describe('erasure rules', () => {
  it('knows a WhatsApp number by its digits and its local form too', () => {
    expect(identifierForms(['whatsapp:6281398765432@c.us', '6281398765432@c.us'])).toEqual(
      expect.arrayContaining(['6281398765432', '081398765432', '6281398765432@c.us']),
    );
    expect(identifierForms(['', undefined, '12'])).toEqual([]);
  });

  it('finds the personal data a citizen wrote, however they wrote it', () => {
    const found = personalDataIn([
      'NIK 3171/0112/0385/0002, hp 08 12 34 56 78 90',
      'email budi @ gmail.com',
      undefined,
    ]);
    expect(found).toEqual(['3171/0112/0385/0002', '08 12 34 56 78 90', 'budi @ gmail.com']);
  });

  it('removes names as whole words only, and masks what is left', () => {
    const scrub = scrubber([...nameForms('Sri Wahyuni'), '7712345601']);
    expect(scrub('Bu Sri Wahyuni (7712345601) minta ditelepon ke 081398765432')).toBe(
      `Bu ${ERASED} (${ERASED}) minta ditelepon ke *********432`,
    );
    // "sri" inside another word is not the name.
    expect(scrub('Prasasti di Sriwijaya')).toBe('Prasasti di Sriwijaya');
  });

  it('makes a random stand-in that says nothing about the citizen', () => {
    const a = newPseudonym();
    expect(a).toMatch(/^dihapus-[0-9a-f]{12}$/);
    expect(newPseudonym()).not.toBe(a);
  });

  it('removes the citizen’s words and contact from a case and keeps its figures', () => {
    const c = makeCase({
      citizen: {
        channel: 'whatsapp',
        userId: '6281398765432@c.us',
        chatId: '6281398765432@c.us',
        displayName: 'Sri',
        language: 'id',
      },
      attachments: [{ kind: 'photo', fileId: 'web:0123456789abcdef0123456789abcdef', name: 'ktp-sri.jpg' }],
      satisfaction: [
        { at: 5, satisfied: false, rating: 2, reason: 'masih salah, hubungi 081398765432', round: 'closure' },
      ],
      privateNotes: [{ by: 'Rina', at: 3, text: 'Bu Sri minta ditelepon ke 081398765432' }],
      ptp: [
        {
          openedAt: 1,
          reopenReason: 'belum beres',
          rootCause: 'Data NIK 3171011203850002 salah input',
          verifications: [{ result: 'approved', by: 'Kabid', at: 4, notes: 'ok' }],
          citizenAnswer: { at: 5, answer: 'not_satisfied', reason: 'tetap salah' },
        },
      ],
    });
    const out = anonymiseCase(c, rules(['Sri', '081398765432']));
    expect(out).toMatchObject({
      ticket: c.ticket,
      kind: c.kind,
      stage: c.stage,
      division: c.division,
      createdAt: c.createdAt,
      stageTimes: c.stageTimes,
      text: ERASED,
      details: { where: ERASED, since: ERASED },
      attachments: [{ kind: 'photo' }],
      satisfaction: [{ at: 5, satisfied: false, rating: 2, round: 'closure' }],
      anonymised: { at: 99, why: 'erasure' },
      citizen: { channel: 'whatsapp', userId: 'dihapus-000000000001', chatId: 'dihapus-000000000001', language: 'id' },
    });
    expect(out.privateNotes[0]?.text).toBe(`Bu ${ERASED} minta ditelepon ke ${ERASED}`);
    expect(out.ptp[0]).toMatchObject({
      reopenReason: ERASED,
      rootCause: 'Data NIK ************0002 salah input',
      citizenAnswer: { answer: 'not_satisfied', reason: ERASED },
    });
    expect(JSON.stringify(out)).not.toMatch(/6281398765432|081398765432|ktp-sri|"Sri"/);
  });

  it('gives the citizen’s events the stand-in and drops their words; staff events are scrubbed', () => {
    const r = rules(['7712345601']);
    const mine = {
      ticket: 'ADU-AAAA-BBBB',
      at: 1,
      actor: { kind: 'citizen' as const, id: 'telegram:7712345601' },
      action: 'citizen message',
      detail: 'halo',
    };
    expect(anonymiseEvent(mine, r, 'telegram')).toEqual({
      ...mine,
      actor: { kind: 'citizen', id: 'telegram:dihapus-000000000001' },
      detail: ERASED,
    });
    const staff = {
      ...mine,
      actor: { kind: 'staff' as const, id: 'rina', name: 'Rina' },
      detail: 'telepon 7712345601',
    };
    expect(anonymiseEvent(staff, r, 'telegram').detail).toBe(`telepon ${ERASED}`);
  });
});
