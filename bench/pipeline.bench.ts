// The inbound pipeline's speed: message in → reply in the outbox (SQLite, classification and repeat lookup
// included), at 1,000 and at 100,000 stored cases. Prints throughput and p50/p99 latency. Not a test.
// Durable is the product's setting (each handling commit fsynced before the channel is told, synchronous=FULL);
// the run without it (synchronous=NORMAL, synced only at checkpoints) shows what durability costs on this disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/log/logger.js';
import { newTicket } from '../src/domain/ticket.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { openSqliteBundle } from '../src/store/sqlite/bundle.js';
import type { CaseRecord } from '../src/domain/case.js';
import type { InboundMessage } from '../src/domain/messages.js';

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
const SINCE = ['sejak 2 minggu lalu', 'sudah 3 hari', 'sejak kemarin', 'dari bulan lalu'];
const MESSAGES = [
  (i: number) =>
    `${TOPICS[i % TOPICS.length]} ${PLACES[i % PLACES.length]} ${SINCE[i % SINCE.length]}, mohon dibantu no ${i}`,
  () => 'Terima kasih pelayanannya cepat dan ramah, mantap',
  () => 'Jam berapa kantor buka hari Sabtu?',
  (i: number) => `udh ${1 + (i % 5)} minggu gak ada kabar soal keberatan PBB saya di kantor`,
];

function syntheticCase(i: number, now: number): CaseRecord {
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function run(stored: number, messages: number, durable: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aduan-bench-'));
  const config = loadConfig({ DATA_DIR: dir });
  const now = Date.now();
  const seedStore = new SqliteStore(config.sqlitePath);
  for (let i = 0; i < stored; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, stored - i) }, (_, k) => ({
      record: syntheticCase(i + k, now),
      expectedVersion: null,
    }));
    await seedStore.commit({ cases: batch });
  }
  await seedStore.close();
  const t0 = performance.now();
  const stores = openSqliteBundle(config.sqlitePath, { durable });
  const app = await createApp(config, { log: silentLogger, manualDispatch: true, stores });
  const startMs = performance.now() - t0;
  const latencies: number[] = [];
  const mk = (i: number): InboundMessage => ({
    channel: 'telegram',
    messageId: `bench-${i}`,
    senderId: `citizen-${i % 500}`,
    chatId: `citizen-${i % 500}`,
    text: MESSAGES[i % MESSAGES.length]!(i),
    attachments: i % 4 === 0 ? [{ kind: 'photo', fileId: `f${i}`, size: 1000 }] : [],
    sentAt: now,
  });
  for (let i = 0; i < 300; i++) await app.inbound.receive(mk(1_000_000 + i)); // warm-up
  const began = performance.now();
  for (let i = 0; i < messages; i++) {
    const s = performance.now();
    await app.inbound.receive(mk(i));
    latencies.push(performance.now() - s);
  }
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const pending = await app.store.countOutbox('pending');
  console.log(
    `${durable ? 'durable    ' : 'not durable'} | stored cases ${String(stored).padStart(7)} | ${messages} messages | ${(messages / elapsed).toFixed(0).padStart(5)} msg/s | ` +
      `p50 ${percentile(latencies, 50).toFixed(2)} ms | p99 ${percentile(latencies, 99).toFixed(2)} ms | ` +
      `max ${latencies.at(-1)!.toFixed(1)} ms | start-up (index rebuild + model load) ${startMs.toFixed(0)} ms | outbox ${pending}`,
  );
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  'Inbound pipeline: message in → reply in the outbox (SQLite file, WAL; classification, routing, repeat lookup included)',
);
/** What this disk allows: single-row commits per second with and without an fsync each (the durable ceiling). */
async function diskCeiling(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aduan-bench-disk-'));
  const rates: number[] = [];
  for (const durable of [false, true]) {
    const store = new SqliteStore(join(dir, `${durable}.sqlite`), { durable });
    const insert = store.database.prepare('INSERT INTO kv (key, value) VALUES (?, ?)');
    const n = 2000;
    const began = performance.now();
    for (let i = 0; i < n; i++) insert.run(`k${i}`, 'x'.repeat(400));
    rates.push(n / ((performance.now() - began) / 1000));
    await store.close();
  }
  console.log(
    `this disk: ${rates[1]!.toFixed(0)} durable single-row commits/s (fsync each) vs ${rates[0]!.toFixed(0)} without`,
  );
  rmSync(dir, { recursive: true, force: true });
}

await diskCeiling();
await run(1_000, 5_000, false);
await run(1_000, 5_000, true);
await run(100_000, 5_000, true);
