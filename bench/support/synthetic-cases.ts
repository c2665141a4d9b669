// Stored history for the benchmarks: synthetic complaint cases written in bulk (one transaction per 5,000), so a
// benchmark can start from 1,000 or 100,000 stored cases in seconds.
import { newTicket } from '../../src/domain/ticket.js';
import type { CaseRecord } from '../../src/domain/case.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const TOPICS = [
  'Tagihan PBB saya naik dua kali lipat',
  'Website e-BPHTB tidak bisa dibuka waktu bayar',
  'Antrian di loket pelayanan sangat lama',
  'Petugas parkir minta uang lebih dari tarif',
  'Pajak restoran dihitung salah oleh sistem',
  'Aplikasi pembayaran pajak error terus',
  'SPPT PBB tidak sampai ke rumah',
  'Lampu penerangan jalan mati tapi pajaknya ditagih',
];
const PLACES = ['di kantor Bapenda', 'di jalan Sudirman', 'di kecamatan Padang Barat', 'di website', 'di loket 2'];

/** A forwarded complaint of `seed-<i mod 20,000>`, created up to 90 days before `now`. */
export function syntheticCase(i: number, now: number): CaseRecord {
  const at = now - (i % 90) * 86_400_000;
  return {
    ticket: newTicket(),
    kind: 'complaint',
    citizen: { channel: 'telegram', userId: `seed-${i % 20_000}`, chatId: `seed-${i % 20_000}`, language: 'id' },
    text: `${TOPICS[i % TOPICS.length]} ${PLACES[(i >> 3) % PLACES.length]} nomor ${i}`,
    details: {},
    attachments: [],
    classification: { label: 'complaint', confidence: 0.9, modelVersion: 'seed' },
    topic: 'seed',
    division: 'pbb-p2',
    flags: [],
    stage: 'forwarded',
    stageTimes: { forwarded: { enteredAt: at } },
    reviewNotes: [],
    privateNotes: [],
    ptp: [],
    satisfaction: [],
    reopenCount: 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** Writes `count` synthetic cases into the SQLite file at `path` (created if needed). */
export async function seedSqliteCases(path: string, count: number, now = Date.now()): Promise<void> {
  const store = new SqliteStore(path, { durable: false });
  for (let i = 0; i < count; i += 5000) {
    const batch = Array.from({ length: Math.min(5000, count - i) }, (_, k) => ({
      record: syntheticCase(i + k, now),
      expectedVersion: null,
    }));
    await store.commit({ cases: batch });
  }
  await store.close();
}
