// A real SQLite store in a temp DATA_DIR with seeded history plus one case written to test the records: personal data
// and formula-like text in every kind of field, two PTP rounds (a rejected verification, a reopen) and its events.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseEvent, CaseRecord } from '../../src/domain/case.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeCase } from '../support/fixtures.js';
import { runCli } from '../support/cli.js';

export const NIK = '1371012345670001';
export const PHONE = '0812-6677-8899';
export const WA = '6281234567890@c.us';
export const FORMULA = '=HYPERLINK("http://contoh.invalid","klik")';

const H = 3_600_000;

/** The case with two rounds, created at `at`. */
export function auditedCase(at: number): { c: CaseRecord; events: CaseEvent[] } {
  const citizen = { kind: 'citizen' as const, id: `whatsapp:${WA}` };
  const head = { kind: 'supervisor' as const, id: '700900', name: 'Kabid PBB' };
  const c = makeCase({
    createdAt: at,
    updatedAt: at + 60 * H,
    citizen: { channel: 'whatsapp', userId: WA, chatId: WA, displayName: 'Budi Santoso', language: 'id' },
    text: `${FORMULA} tagihan PBB saya dobel, NIK ${NIK}, hubungi ${PHONE}`,
    details: { what: '+ ditagih dua kali', where: 'kantor Bapenda', since: '2 minggu' },
    stage: 'closed',
    resolution: 'satisfied',
    closedAt: at + 60 * H,
    reopenCount: 1,
    flags: ['integrity'],
    stageTimes: {
      root_cause: { enteredAt: at + 30 * H, dueAt: at + 32 * H, leftAt: at + 40 * H },
      closed: { enteredAt: at + 60 * H },
    },
    ptp: [
      {
        openedAt: at,
        rootCause: 'Data NOP ganda di sistem',
        correctiveAction: 'Hapus NOP ganda',
        owner: 'Kasubid Pendataan',
        dueAt: at + 24 * H,
        verifications: [
          { result: 'rejected', by: 'Kabid PBB', at: at + 20 * H, notes: 'Belum diverifikasi lapangan' },
          { result: 'approved', by: 'Kabid PBB', at: at + 22 * H, notes: '' },
        ],
        citizenMessage: '-Tagihan ganda sudah kami hapus.',
        informedAt: at + 23 * H,
        citizenAnswer: { at: at + 30 * H, answer: 'not_satisfied', reason: `@admin masih dobel, telp ${PHONE}` },
      },
      {
        openedAt: at + 30 * H,
        reopenReason: `@admin masih dobel, telp ${PHONE}`,
        rootCause: 'SPPT lama belum dibatalkan',
        correctiveAction: 'Batalkan SPPT lama dan terbitkan ulang',
        owner: 'Kasubid Penetapan',
        dueAt: at + 50 * H,
        verifications: [{ result: 'approved', by: 'Kabid PBB', at: at + 55 * H, notes: 'Sudah dicek' }],
        citizenMessage: 'SPPT baru sudah terbit.',
        informedAt: at + 56 * H,
        citizenAnswer: { at: at + 60 * H, answer: 'satisfied' },
      },
    ],
    satisfaction: [
      { at: at + 30 * H, satisfied: false, round: 'closure', reason: 'masih dobel' },
      { at: at + 60 * H, satisfied: true, rating: 4, round: 'closure' },
    ],
  });
  const ev = (t: number, actor: CaseEvent['actor'], action: string, detail?: string): CaseEvent => ({
    ticket: c.ticket,
    at: at + t * H,
    actor,
    action,
    ...(detail ? { detail } : {}),
  });
  const events = [
    ev(0, citizen, 'received', `dari ${WA}`),
    ev(20, head, 'reject', 'Belum diverifikasi lapangan'),
    ev(30, citizen, 'citizen not satisfied: reopened', `masih dobel, telp ${PHONE}`),
    ev(60, citizen, 'citizen satisfied'),
  ];
  events[1]!.fromStage = 'verifying';
  events[1]!.toStage = 'in_progress';
  return { c, events };
}

/** A temp DATA_DIR with `cases` seeded cases (over 4 weeks up to now) and the audited case. */
export async function recordsStore(cases: number): Promise<{ dataDir: string; audited: CaseRecord }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aduan-records-'));
  const seeded = await runCli(['seed', '--cases', String(cases), '--weeks', '4'], { env: { DATA_DIR: dataDir } });
  if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  const { c, events } = auditedCase(Date.now() - 10 * 86_400_000);
  const store = new SqliteStore(join(dataDir, 'aduan.sqlite'));
  await store.commit({ cases: [{ record: c, expectedVersion: null }], events });
  await store.close();
  return { dataDir, audited: c };
}
