// Two `aduan chat` processes on one SQLite file, each piping hundreds of messages as fast as it can: writers wait
// for each other (BEGIN IMMEDIATE, busy timeout) and checkpoints never take the lock from them, so neither dies
// with "database is locked"; every message is handled once and every reply printed by its own citizen's terminal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aduan-two-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINES = [
  'Tagihan PBB saya naik dua kali lipat',
  'di kantor Bapenda',
  'sejak 2 minggu lalu',
  'lewati',
  'udh 3 minggu gak ada kabar soal keberatan PBB saya',
  'Terima kasih pelayanannya cepat',
  'jam brp kantor buka?',
  '/kasus',
];
const PER_INSTANCE = 600;
const script = (who: string) =>
  Array.from({ length: PER_INSTANCE }, (_, i) => `${LINES[i % LINES.length]} (${who} ${i})`).join('\n') + '\n';

describe('two instances on one SQLite file', () => {
  it('handle every message once, with no "database is locked"', { timeout: 240_000 }, async () => {
    const env = { DATA_DIR: dir };
    const [a, b] = await Promise.all([
      runCli(['chat', '--as', 'ani'], { env, input: script('ani') }),
      runCli(['chat', '--as', 'budi'], { env, input: script('budi') }),
    ]);
    for (const r of [a, b]) {
      expect(r.code, r.stderr.slice(-2000)).toBe(0);
      expect(r.stderr).not.toMatch(/locked|SQLITE_BUSY/);
    }
    expect(a.stdout.match(/^Anda> /gm)).toHaveLength(PER_INSTANCE);
    expect(b.stdout.match(/^Anda> /gm)).toHaveLength(PER_INSTANCE);
    expect(a.stdout).not.toMatch(/\(budi \d+\)/);
    expect(b.stdout).not.toMatch(/\(ani \d+\)/);

    const store = new SqliteStore(join(dir, 'aduan.sqlite'));
    const db = store.database;
    const inbound = db.prepare('SELECT COUNT(*) AS n, COUNT(handled_at) AS handled FROM inbound').get();
    expect(inbound).toEqual({ n: 2 * PER_INSTANCE, handled: 2 * PER_INSTANCE });
    // Every citizen reply was printed, once (staff cards wait for the staff channel, which a chat does not run).
    const console = db
      .prepare("SELECT status, COUNT(*) AS n FROM outbox WHERE chat_key LIKE 'console:%' GROUP BY status")
      .all();
    const printed = (a.stdout.match(/^Aduan> /gm)?.length ?? 0) + (b.stdout.match(/^Aduan> /gm)?.length ?? 0);
    expect(console).toEqual([{ status: 'delivered', n: printed }]);
    await store.close();
  });
});
