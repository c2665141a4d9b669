// A small, bounded load test of the citizens' pages on loopback: the complaint form (POST /lapor: a new web citizen,
// the message through the whole pipeline with the real text understanding, durable SQLite commits, the replies
// delivered to the page) and the private tracking page (GET /lacak with the tracking cookie). Prints requests per
// second, p50 / p99 latency and errors for each. Not a test; no test asserts on time.
//   npm run bench:web   (BENCH_FORMS, BENCH_PAGES, BENCH_CONCURRENCY change the size)
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/log/logger.js';
import { startHttpServer } from '../src/http/server.js';
import { startWebChannel } from '../bots/web/index.js';
import { hashToken } from '../src/http/tokens.js';

const FORMS = Number(process.env.BENCH_FORMS ?? 400);
const PAGES = Number(process.env.BENCH_PAGES ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

const MESSAGES = [
  'Tagihan PBB saya naik dua kali lipat padahal tidak ada perubahan bangunan, mohon dicek',
  'udh 2 minggu gak ada kabar soal keberatan PBB saya di kantor bapenda',
  'Website e-BPHTB tidak bisa dibuka waktu mau bayar, error terus dari kemarin',
  'Antrian di loket pelayanan lama sekali, petugasnya cuma satu',
  'Petugas parkir minta uang lebih dari tarif resmi di depan kantor',
];

/** Single-row commits per second with an fsync each (WAL, synchronous=FULL): the ceiling of durable writes here. */
function fsyncCeiling(dir: string): number {
  const db = new Database(join(dir, 'ceiling.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (x INTEGER)');
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  const began = performance.now();
  for (let i = 0; i < 200; i++) insert.run(i);
  const rate = 200 / ((performance.now() - began) / 1000);
  db.close();
  return rate;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Runs `total` requests, `concurrency` at a time; returns each one's latency and how many failed. */
async function load(total: number, concurrency: number, one: (i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const s = performance.now();
        const ok = await one(i).catch(() => false);
        latencies.push(performance.now() - s);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

const dir = mkdtempSync(join(tmpdir(), 'aduan-bench-web-'));
const config = loadConfig({
  DATA_DIR: dir,
  // One address sends everything here: the per-address limits are lifted for the measurement.
  WEB_FORM_PER_HOUR: '1000000',
  WEB_PAGE_PER_MINUTE: '1000000',
});
const app = await createApp(config, { log: silentLogger });
const http = await startHttpServer(app, { port: 0, host: '127.0.0.1', trustProxy: false });
const web = startWebChannel(app, http.routes);
const base = http.localUrl;
const cookies: string[] = [];
const line = (what: string, n: number, c: number, r: Awaited<ReturnType<typeof load>>, extra = '') =>
  console.log(
    `${what.padEnd(32)} | ${n} requests, ${c} at a time | ${r.rps.toFixed(0).padStart(4)} req/s | ` +
      `p50 ${r.p50.toFixed(1)} ms | p99 ${r.p99.toFixed(1)} ms | errors ${r.errors}${extra}`,
  );
try {
  // Warm-up: the model, the statements, the connection pool.
  for (let i = 0; i < 20; i++) await fetch(`${base}/`).then((r) => r.arrayBuffer());
  const forms = Math.min(CONCURRENCY, 8);
  const form = await load(FORMS, forms, async (i) => {
    const res = await fetch(`${base}/lapor`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: new URLSearchParams({
        formulir: `bench-form-${i}-${'x'.repeat(16)}`,
        pesan: `${MESSAGES[i % MESSAGES.length]} (${i})`,
        lokasi: 'Jl. Sudirman 12',
        waktu: 'sejak minggu lalu',
        kontak: 'none',
      }),
    });
    await res.arrayBuffer();
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (cookie) cookies.push(cookie);
    return res.status === 303 && Boolean(cookie);
  });
  // The answer box: each filing answers the flow's open question ("Lewati") and is recorded with a ticket.
  const answer = await load(cookies.length, forms, async (i) => {
    const cookie = cookies[i] ?? '';
    const token = cookie.split('=')[1] ?? '';
    const res = await fetch(`${base}/lacak/balas`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie },
      body: new URLSearchParams({
        _csrf: hashToken(`csrf:${token}`),
        formulir: `bench-answer-${i}-xxxxxxxx`,
        pilihan: 'skip',
      }),
    });
    await res.arrayBuffer();
    return res.status === 303;
  });
  const cases = (await app.store.listCases({ limit: FORMS + 10 })).length;
  const track = await load(PAGES, CONCURRENCY, async (i) => {
    const res = await fetch(`${base}/lacak`, { headers: { cookie: cookies[i % cookies.length] ?? '' } });
    const html = await res.text();
    return res.status === 200 && html.includes('Tautan pribadi');
  });
  console.log('Web pages on loopback (client in the same process; SQLite durable; real text understanding)');
  line('POST /lapor (complaint form)', FORMS, forms, form);
  line('POST /lacak/balas (answer box)', cookies.length, forms, answer, ` | cases recorded ${cases}`);
  line('GET /lacak (tracking page)', PAGES, CONCURRENCY, track);
  console.log(
    `This disk: ${fsyncCeiling(dir).toFixed(0)} durable single-row commits/s. A filing or an answer is about 9 durable ` +
      'commits (the message stored, handled, its conversation kept; each reply claimed, kept, marked delivered).',
  );
} finally {
  await web.stop();
  await http.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
