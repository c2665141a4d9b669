// Start-up that fails fast and clearly, with real processes: every failure ends in one readable line naming the
// cause and the setting (no stack trace unless --debug), --help does nothing else, and an unreachable Telegram API
// is reported at once while the service keeps running and starts the bot when the API answers.
import { spawn, spawnSync as run, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { testAgency } from '../support/fake-nlp.js';
import { FakeTelegram } from '../support/fake-telegram/server.js';
import { BIN, runCli, type CliResult } from '../support/cli.js';

const CITIZEN_TOKEN = '111:citizen-token';
const STAFF_TOKEN = '222:staff-token';
const GROUP = '-1009876543210';

const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'aduan-startup-'));
  dirs.push(d);
  writeFileSync(join(d, 'agency.json'), JSON.stringify(testAgency));
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** One line on standard error (JSON log lines aside), without a stack trace. */
function oneLine(r: CliResult): string {
  const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('{'));
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0]!;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('a start-up that cannot work', () => {
  let fake: FakeTelegram;
  afterEach(async () => fake?.close());

  const telegramEnv = (dir: string, apiRoot: string) => ({
    DATA_DIR: dir,
    AGENCY_CONFIG: join(dir, 'agency.json'),
    LOG_LEVEL: 'warn',
    TELEGRAM_BOT_TOKEN: CITIZEN_TOKEN,
    TELEGRAM_STAFF_BOT_TOKEN: STAFF_TOKEN,
    TELEGRAM_STAFF_CHAT_ID: GROUP,
    TELEGRAM_API_ROOT: apiRoot,
  });

  it('stops when Telegram rejects the citizens’ token, naming TELEGRAM_BOT_TOKEN', async () => {
    fake = await FakeTelegram.start();
    fake.addBot(STAFF_TOKEN, 222, 'AduanStafBot');
    const r = await runCli(['serve'], { env: telegramEnv(dataDir(), fake.apiRoot) });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/^Telegram rejected TELEGRAM_BOT_TOKEN \(401 Unauthorized\)/);
  });

  it('stops when Telegram rejects the staff token, naming TELEGRAM_STAFF_BOT_TOKEN', async () => {
    fake = await FakeTelegram.start();
    fake.addBot(CITIZEN_TOKEN, 111, 'AduanWargaBot');
    const r = await runCli(['serve'], { env: telegramEnv(dataDir(), fake.apiRoot) });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/TELEGRAM_STAFF_BOT_TOKEN/);
  });

  it('refuses a setting with a typo, naming the real one', async () => {
    const r = await runCli(['serve'], { env: { DATA_DIR: dataDir(), TELEGRAM_BOT_TOKN: CITIZEN_TOKEN } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TELEGRAM_BOT_TOKN: not a setting of Aduan; did you mean TELEGRAM_BOT_TOKEN\?/);
  });

  it('refuses a staff chat that is not a group', async () => {
    const r = await runCli(['serve'], {
      env: { DATA_DIR: dataDir(), TELEGRAM_STAFF_BOT_TOKEN: STAFF_TOKEN, TELEGRAM_STAFF_CHAT_ID: '123456789' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TELEGRAM_STAFF_CHAT_ID: must be a group id/);
  });

  it('refuses a wrong WhatsApp setting with the rest of the configuration', async () => {
    const r = await runCli(['serve'], { env: { DATA_DIR: dataDir(), WHATSAPP_MAX_PER_MINUTE: 'banyak' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/WHATSAPP_MAX_PER_MINUTE: must be a whole number/);
  });

  it('names HTTP_PORT when the port is taken', async () => {
    fake = await FakeTelegram.start();
    fake.addBot(CITIZEN_TOKEN, 111, 'AduanWargaBot');
    fake.addBot(STAFF_TOKEN, 222, 'AduanStafBot');
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as AddressInfo).port;
    try {
      const r = await runCli(['serve'], {
        env: { ...telegramEnv(dataDir(), fake.apiRoot), HTTP_PORT: String(port) },
      });
      expect(r.code).toBe(2);
      expect(oneLine(r)).toMatch(
        new RegExp(`^HTTP_PORT ${port} cannot be used on 127.0.0.1 \\(HTTP_HOST\\): another program`),
      );
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });

  it('names DATA_DIR when it cannot be created, and when it is under /proc (instead of hanging)', async () => {
    const d = dataDir();
    writeFileSync(join(d, 'a-file'), 'x');
    const blocked = await runCli(['chat'], { env: { DATA_DIR: join(d, 'a-file', 'data') }, input: 'halo\n' });
    expect(blocked.code).toBe(2);
    expect(oneLine(blocked)).toMatch(/^DATA_DIR .*a-file\/data cannot be created: a file is in the way/);

    const proc = await runCli(['chat'], { env: { DATA_DIR: '/proc/self/aduan' }, input: 'halo\n' });
    expect(proc.code).toBe(2);
    expect(oneLine(proc)).toMatch(/^DATA_DIR \/proc\/self\/aduan is on proc, a kernel file system/);
  });

  it('names DATA_DIR when the folder cannot be written', async () => {
    const d = dataDir();
    const data = join(d, 'data');
    mkdirSync(data, { mode: 0o500 });
    const root = process.getuid?.() === 0;
    if (root) {
      // Root writes through any mode: a read-only mount is what stops it.
      const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', data]);
      if (r !== 0) return void console.warn('[startup] read-only DATA_DIR SKIPPED: cannot mount a tmpfs here');
    }
    try {
      const r = await runCli(['chat'], { env: { DATA_DIR: data }, input: 'halo\n' });
      expect(r.code).toBe(2);
      expect(oneLine(r)).toMatch(/^DATA_DIR .* is not writable by this user/);
    } finally {
      if (root) spawnSync('umount', [data]);
    }
  });

  it('explains an unexpected failure in one line, and shows the details with --debug', async () => {
    const d = dataDir();
    const first = await runCli(['cases', 'list'], { env: { DATA_DIR: d } });
    expect(first.code, first.stderr).toBe(0);
    // A database written by a newer Aduan.
    const { SqliteStore } = await import('../../src/store/sqlite/sqlite-store.js');
    const s = new SqliteStore(join(d, 'aduan.sqlite'));
    s.database.pragma('user_version = 999');
    await s.close();
    const r = await runCli(['cases', 'list'], { env: { DATA_DIR: d } });
    expect(r.code).toBe(1);
    expect(oneLine(r)).toMatch(/^aduan cases failed: The database schema \(version 999\) is newer .*--debug/);
    const debug = await runCli(['cases', 'list', '--debug'], { env: { DATA_DIR: d } });
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});

describe('--help', () => {
  const io = () => {
    let out = '';
    const sink = new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) });
    return { io: { stdin: Readable.from([]), stdout: sink, stderr: sink }, out: () => out };
  };
  for (const command of ['serve', 'chat', 'cases', 'staff', 'jobs', 'digest', 'seed', 'classify', 'nlp']) {
    it(`on ${command} prints its usage and does nothing else`, async () => {
      for (const flag of ['--help', '-h']) {
        const t = io();
        expect(await main([command, flag], t.io)).toBe(0);
        expect(t.out()).toMatch(new RegExp(`^Usage: aduan ${command}`));
      }
    });
  }

  it('runs nothing in a real process either: seed --help and serve -h write no data', async () => {
    const d = join(dataDir(), 'never-created');
    for (const args of [
      ['seed', '--help'],
      ['serve', '-h'],
    ]) {
      const r = await runCli(args, { env: { DATA_DIR: d } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Usage: aduan /);
    }
    expect(existsSync(d)).toBe(false);
  });

  it('refuses an unknown option with the usage', async () => {
    const r = await runCli(['chat', '--sebagai', 'ani'], { env: { DATA_DIR: dataDir() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--sebagai'/);
    expect(r.stderr).toMatch(/Usage: aduan chat/);
  });
});

describe('a reader that goes away (aduan cases list | head)', () => {
  it('ends quietly instead of dying on EPIPE', async () => {
    const d = dataDir();
    const seeded = await runCli(['seed', '--cases', '1500', '--weeks', '2'], { env: { DATA_DIR: d } });
    expect(seeded.code, seeded.stderr).toBe(0);
    const child = spawn(process.execPath, [BIN, 'cases', 'list', '--all', '--limit', '1000'], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: d, LOG_FORMAT: 'json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    // Like `head -1`: read one chunk, then close the pipe.
    await new Promise<void>((r) => child.stdout.once('data', () => r()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((r) => child.once('close', (c) => r(c)));
    expect(stderr).not.toMatch(/EPIPE|^\s+at /m);
    expect(code).toBe(0);
  });
});

describe('a Telegram API that does not answer at start', () => {
  let child: ChildProcess | null = null;
  let fake: FakeTelegram | null = null;
  afterEach(async () => {
    child?.kill('SIGKILL');
    child = null;
    await fake?.close();
    fake = null;
  });

  it('is reported at once; the service runs, /health says so, and the bots start when it answers', async () => {
    const apiPort = await freePort();
    const healthPort = await freePort();
    const d = dataDir();
    child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: d,
        AGENCY_CONFIG: join(d, 'agency.json'),
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
        TELEGRAM_BOT_TOKEN: CITIZEN_TOKEN,
        TELEGRAM_STAFF_BOT_TOKEN: STAFF_TOKEN,
        TELEGRAM_STAFF_CHAT_ID: GROUP,
        TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
        HEALTH_PORT: String(healthPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
    const until = async (check: () => Promise<boolean> | boolean, what: string) => {
      for (let i = 0; !(await check()); i++) {
        if (i > 600) throw new Error(`timed out waiting for ${what}: ${log.slice(-1500)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const health = async () => {
      try {
        const res = await fetch(`http://127.0.0.1:${healthPort}/health`);
        return { status: res.status, body: (await res.json()) as { channels: Record<string, { state: string }> } };
      } catch {
        return null;
      }
    };
    await until(() => /the Telegram API does not answer/.test(log), 'the outage to be logged');
    await until(async () => (await health())?.status === 503, '/health to answer');
    expect((await health())?.body.channels).toMatchObject({
      telegram: { state: 'connecting' },
      staff: { state: 'connecting' },
    });

    fake = await FakeTelegram.start(apiPort);
    fake.addBot(CITIZEN_TOKEN, 111, 'AduanWargaBot');
    fake.addBot(STAFF_TOKEN, 222, 'AduanStafBot');
    await until(async () => (await health())?.status === 200, 'the bots to start once the API answers');
    expect((await health())?.body.channels).toMatchObject({
      telegram: { state: 'polling' },
      staff: { state: 'polling' },
    });
  });
});

function spawnSync(cmd: string, args: string[]): number {
  return run(cmd, args).status ?? 1;
}
