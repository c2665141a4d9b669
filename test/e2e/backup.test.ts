// `aduan backup --out FILE` while the store is in use: the copy holds every committed case, including one still only
// in the write-ahead log (a plain copy of aduan.sqlite would miss it), and it opens as a store.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeCase } from '../support/fixtures.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aduan-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The tickets in a SQLite file read on its own (no -wal beside it); none when even the schema is not in it yet. */
function ticketsIn(file: string): string[] {
  const db = new Database(file);
  try {
    return (db.prepare('SELECT ticket FROM cases').all() as Array<{ ticket: string }>).map((r) => r.ticket);
  } catch {
    return [];
  } finally {
    db.close();
  }
}

describe('aduan backup', () => {
  it('copies a store in use, with a case still only in the write-ahead log, into a file that opens as a store', async () => {
    const dataDir = join(dir, 'live');
    const store = new SqliteStore(join(dataDir, 'aduan.sqlite'));
    const older = makeCase({ text: 'Tagihan PBB naik dua kali lipat' });
    await store.commit({ cases: [{ record: older, expectedVersion: null }] });
    // A reader holding a snapshot from before the next commit keeps that commit out of the main file.
    const reader = new Database(join(dataDir, 'aduan.sqlite'));
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM cases').get();
    const newer = makeCase({ text: 'Website e-BPHTB tidak bisa dibuka' });
    await store.commit({ cases: [{ record: newer, expectedVersion: null }] });

    const plain = join(dir, 'plain-copy.sqlite');
    copyFileSync(join(dataDir, 'aduan.sqlite'), plain);
    expect(ticketsIn(plain)).not.toContain(newer.ticket);

    const out = join(dir, 'aduan-backup.sqlite');
    const r = await runCli(['backup', '--out', out], { env: { DATA_DIR: dataDir } });
    reader.prepare('COMMIT').run();
    await store.close();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Backup written: .*aduan-backup\.sqlite .*schema version \d+/);
    expect(existsSync(`${out}-wal`)).toBe(false);

    const restored = new SqliteStore(out);
    try {
      expect((await restored.getCase(older.ticket))?.text).toBe(older.text);
      expect((await restored.getCase(newer.ticket))?.text).toBe(newer.text);
    } finally {
      await restored.close();
    }
  });

  it('refuses to overwrite an existing file and leaves it as it was', async () => {
    const dataDir = join(dir, 'overwrite');
    await new SqliteStore(join(dataDir, 'aduan.sqlite')).close();
    const out = join(dir, 'existing.sqlite');
    writeFileSync(out, 'yesterday');
    const r = await runCli(['backup', '--out', out], { env: { DATA_DIR: dataDir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/exists already/);
    expect(readFileSync(out, 'utf8')).toBe('yesterday');
  });

  it('says where the store should be when there is none, and writes nothing', async () => {
    const out = join(dir, 'none.sqlite');
    const r = await runCli(['backup', '--out', out], { env: { DATA_DIR: join(dir, 'empty') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No SQLite store at .*DATA_DIR/);
    expect(existsSync(out)).toBe(false);
  });

  it('points to mongodump when the store is MongoDB, and asks for --out', async () => {
    const mongo = await runCli(['backup', '--out', join(dir, 'm.sqlite')], {
      env: { MONGODB_URI: 'mongodb://localhost:27017/aduan?replicaSet=rs0' },
    });
    expect(mongo.code).toBe(2);
    expect(mongo.stderr).toMatch(/mongodump/);
    const bare = await runCli(['backup'], { env: { DATA_DIR: dir } });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--out FILE/);
  });
});
