// Upgrades: migrations run at start, so a store from an older version is brought up to date by `serve`; a store
// written by a newer version is refused with a message that says so, and is left as it was.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/sqlite/migrations.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aduan-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LATEST = migrate(new Database(':memory:'), 0);

function storeAt(name: string, prepare: (db: Database.Database) => void): string {
  const dataDir = join(dir, name);
  mkdirSync(dataDir);
  const db = new Database(join(dataDir, 'aduan.sqlite'));
  prepare(db);
  db.close();
  return dataDir;
}

const versionOf = (dataDir: string) =>
  new Database(join(dataDir, 'aduan.sqlite')).pragma('user_version', { simple: true }) as number;

describe('upgrading the SQLite store', () => {
  it('brings a store from the first version up to date when the service starts', async () => {
    const dataDir = storeAt('old', (db) => migrate(db, 1));
    expect(versionOf(dataDir)).toBe(1);
    const r = await runCli(['serve'], { env: { DATA_DIR: dataDir }, input: '' });
    expect(r.code, r.stderr).toBe(0);
    expect(versionOf(dataDir)).toBe(LATEST);
  });

  it('refuses a store written by a newer version, says to upgrade, and leaves it as it was', async () => {
    const dataDir = storeAt('newer', (db) => db.pragma(`user_version = ${LATEST + 1}`));
    const r = await runCli(['serve'], { env: { DATA_DIR: dataDir }, input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`schema \\(version ${LATEST + 1}\\) is newer than this program knows`));
    expect(r.stderr).toMatch(/Upgrade Aduan/);
    expect(versionOf(dataDir)).toBe(LATEST + 1);
  });
});
