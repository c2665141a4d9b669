// Start-up as a citizen sees it: spawn `bin/aduan serve` (console mode: no channel configured) on an empty store,
// pipe one message, and time until its reply is printed; then close standard input and time until the process
// exits. Each run gets a fresh DATA_DIR, so every run starts from nothing (migrations included). Not a test.
//   BENCH_RUNS (default 10), BENCH_COMMAND (default serve; `chat` works too), BENCH_BIN (default bin/aduan).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = process.env.BENCH_BIN ?? fileURLToPath(new URL('../bin/aduan', import.meta.url));
const COMMAND = process.env.BENCH_COMMAND ?? 'serve';
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const MESSAGE = 'halo min, tagihan PBB saya naik dua kali lipat\n';

interface Run {
  replyMs: number;
  exitMs: number;
  /** CPU time the process had used when the reply was printed (Linux; NaN elsewhere). */
  cpuMs: number;
}

// CPU time is the steadier figure on a shared machine: wall time also counts waiting for a free core.
const TICK_MS = existsSync('/proc/self/stat')
  ? 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }))
  : NaN;

/** User + system CPU time of a running process, from /proc (all its threads). */
function cpuMsOf(pid: number | undefined): number {
  if (!pid || Number.isNaN(TICK_MS)) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/** One cold start: ms until the first reply is on stdout, and until the process has exited. */
function once(): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aduan-startup-'));
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn(process.execPath, [BIN, COMMAND], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATA_DIR: dataDir,
        LOG_FORMAT: 'json',
        HTTP_PORT: '0',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let replyMs = -1;
    let cpuMs = NaN;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      // The console channel prints nothing before its first reply, and every reply starts with "Aduan> ".
      if (replyMs < 0 && stdout.includes('Aduan> ')) {
        replyMs = ms();
        cpuMs = cpuMsOf(child.pid);
        child.stdin.end();
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      if (code !== 0 || replyMs < 0) reject(new Error(`aduan ${COMMAND} exited ${code} without a reply:\n${stderr}`));
      else resolve({ replyMs, exitMs: ms(), cpuMs });
    });
    child.stdin.write(MESSAGE);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const runs: Run[] = [];
await once(); // warm the file cache; not counted
for (let i = 0; i < RUNS; i++) runs.push(await once());
const line = (what: string, xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${what.padEnd(14)} p50 ${percentile(s, 50).toFixed(0)} ms, p90 ${percentile(s, 90).toFixed(0)} ms (min ${s[0]?.toFixed(0)}, max ${s.at(-1)?.toFixed(0)})`;
};
console.log(`aduan ${COMMAND}, empty store, ${RUNS} cold starts (${BIN})`);
for (const [what, key] of [
  ['first reply', 'replyMs'],
  ['exit', 'exitMs'],
  ['CPU to reply', 'cpuMs'],
] as const) {
  console.log(
    line(
      what,
      runs.map((r) => r[key]),
    ),
  );
}
