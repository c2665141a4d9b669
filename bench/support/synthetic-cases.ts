// Stored history for the benchmarks: synthetic complaint cases written in bulk (one transaction per 5,000), so a
// benchmark can start from 1,000 or 100,000 stored cases in seconds.
import type { CaseRecord } from '../../src/domain/case.js';
import { openSqliteBundle } from '../../src/store/sqlite/bundle.js';
import { openStoredRepeatIndex } from '../../nlp/repeat/stored-index.js';

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

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The i-th seeded ticket: distinct for every i (random tickets collide at a million: 32^8 is only 10^12). */
export function seedTicket(i: number): string {
  let code = '';
  for (let n = i, k = 0; k < 8; k++, n = Math.floor(n / 32)) code = CROCKFORD[n % 32] + code;
  return `ADU-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A forwarded complaint of `seed-<i mod 20,000>`, created up to 90 days before `now` (text: given or a template). */
export function syntheticCase(i: number, now: number, text?: string): CaseRecord {
  const at = now - (i % 90) * 86_400_000;
  return {
    ticket: seedTicket(i),
    kind: 'complaint',
    citizen: { channel: 'telegram', userId: `seed-${i % 20_000}`, chatId: `seed-${i % 20_000}`, language: 'id' },
    text: text ?? `${TOPICS[i % TOPICS.length]} ${PLACES[(i >> 3) % PLACES.length]} nomor ${i}`,
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

/**
 * Writes `count` synthetic cases into the SQLite file at `path` (created if needed), with their entries in the
 * repeat index kept in the store (as a service that recorded them would have left it). `text(i)`: the i-th text.
 */
export async function seedSqliteCases(
  path: string,
  count: number,
  opts: { now?: number; text?: (i: number) => string } = {},
): Promise<void> {
  const now = opts.now ?? Date.now();
  const bundle = openSqliteBundle(path, { durable: false });
  for (let i = 0; i < count; i += 5000) {
    const batch = Array.from({ length: Math.min(5000, count - i) }, (_, k) => ({
      record: syntheticCase(i + k, now, opts.text?.(i + k)),
      expectedVersion: null,
    }));
    await bundle.store.commit({ cases: batch });
  }
  if (bundle.repeatStorage) openStoredRepeatIndex(bundle.repeatStorage).catchUp(5000);
  await bundle.store.close();
}
