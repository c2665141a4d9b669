// Start-up independent of history (`npm run bench:history`): `aduan serve` (the compiled build; run `npm run build`
// first) on a SQLite store holding 10,000 / 100,000 / 1,000,000 complaints, whose repeat index is kept in the store
// (nlp/repeat/stored-index.ts). Printed per size: how long generating the history took (bulk inserts, then the
// one-time indexing a first start after upgrading does), the time from spawning serve to its first reply on the
// console, its resident memory then, and repeat lookups p50/p99 on complaints the index has not seen.
// BENCH_HISTORY=10000,100000 picks the sizes. Not a test: run it once.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteBundle } from '../src/store/sqlite/bundle.js';
import { openStoredRepeatIndex } from '../nlp/repeat/stored-index.js';
import { loadProjectCorpus } from '../nlp/data/datasets.js';
import { syntheticComplaints } from '../nlp/eval/synthetic.js';
import { seedSqliteCases } from './support/synthetic-cases.js';

const BIN = process.env.BENCH_BIN ?? fileURLToPath(new URL('../bin/aduan', import.meta.url));
const SIZES = (process.env.BENCH_HISTORY ?? '10000,100000,1000000').split(',').map(Number);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

/** Resident memory of a running process in MB (Linux /proc), NaN where unknown. */
function rssMb(pid: number | undefined): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return line ? Number(line[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Spawns serve on `dataDir` (console mode), sends one message, returns ms to the reply and RSS then. */
function firstReply(dataDir: string): Promise<{ ms: number; rss: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATA_DIR: dataDir,
        LOG_FORMAT: 'json',
        HTTP_PORT: '0',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let result: { ms: number; rss: number } | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!result && out.includes('Aduan> ')) {
        result = { ms: performance.now() - started, rss: rssMb(child.pid) };
        child.stdin.end();
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      if (!result) reject(new Error(`serve exited ${code} without a reply:\n${err.slice(-2000)}`));
      else resolve(result);
    });
    child.stdin.write('halo min, tagihan PBB saya naik dua kali lipat\n');
  });
}

const seeds = loadProjectCorpus('train')
  .filter((d) => d.label === 'complaint')
  .map((d) => d.text);
const queries = syntheticComplaints(seeds, 2000, 7);

console.log(
  `Start-up with history: aduan serve (${BIN}), SQLite, repeat index kept in the store; node ${process.version}`,
);
for (const size of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'aduan-history-'));
  const texts = syntheticComplaints(seeds, size);
  const began = performance.now();
  await seedSqliteCases(join(dir, 'aduan.sqlite'), size, { text: (i) => texts[i] ?? '' });
  const seeded = (performance.now() - began) / 1000;
  await firstReply(dir); // the file cache warm, as on a server that restarts
  const runs = [await firstReply(dir), await firstReply(dir), await firstReply(dir)].sort((a, b) => a.ms - b.ms);
  const median = runs[1]!;

  const bundle = openSqliteBundle(join(dir, 'aduan.sqlite'));
  const opened = performance.now();
  const index = openStoredRepeatIndex(bundle.repeatStorage!);
  const openMs = performance.now() - opened;
  // Wall time and this process's CPU time per lookup: on a shared machine the wall time's tail is other processes.
  const lookups: number[] = [];
  const cpu: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    lookups.length = 0;
    cpu.length = 0;
    queries.forEach((q, i) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      index.findSimilar(q, `telegram:q${i}`, 5);
      lookups.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    });
  }
  lookups.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  await bundle.store.close();
  console.log(
    `${size.toLocaleString('en').padStart(9)} complaints | serve → first reply ${median.ms.toFixed(0)} ms (median of 3), ` +
      `RSS ${median.rss.toFixed(0)} MB | index open ${openMs.toFixed(0)} ms, ${index.size.toLocaleString('en')} indexed | ` +
      `lookup p50 ${percentile(lookups, 0.5).toFixed(2)} ms, p99 ${percentile(lookups, 0.99).toFixed(2)} ms ` +
      `(CPU time p50 ${percentile(cpu, 0.5).toFixed(2)} ms, p99 ${percentile(cpu, 0.99).toFixed(2)} ms) ` +
      `(${queries.length} unseen complaints, second pass) | history generated and indexed in ${seeded.toFixed(0)} s`,
  );
  rmSync(dir, { recursive: true, force: true });
}
