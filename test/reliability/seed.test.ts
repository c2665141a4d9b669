// `aduan seed` keeps synthetic history apart from real cases: it refuses a store with real cases unless --force,
// marks what it writes, and `seed --remove` deletes exactly that.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aduan-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMPLAINT = [
  '/lapor',
  'Tagihan PBB saya tahun ini naik dua kali lipat padahal tidak ada perubahan bangunan',
  'di kantor Bapenda Kota Padang',
  'sejak 2 minggu lalu',
  'lewati',
].join('\n');

async function counts(): Promise<{ cases: number; seeded: number; events: number }> {
  const store = new SqliteStore(join(dir, 'aduan.sqlite'));
  const db = store.database;
  const r = db
    .prepare(
      "SELECT COUNT(*) AS cases, SUM(json_extract(doc, '$.seeded') IS 1) AS seeded, (SELECT COUNT(*) FROM case_events) AS events FROM cases",
    )
    .get() as { cases: number; seeded: number | null; events: number };
  await store.close();
  return { ...r, seeded: r.seeded ?? 0 };
}

describe('seed', () => {
  it('refuses real cases, marks what it writes, and removes only that', { timeout: 120_000 }, async () => {
    const env = { DATA_DIR: dir };
    const chat = await runCli(['chat'], { env, input: COMPLAINT });
    expect(chat.code, chat.stderr).toBe(0);
    const ticket = /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(chat.stdout)?.[0];
    expect(ticket).toBeDefined();
    const real = await counts();
    expect(real.seeded).toBe(0);
    expect(real.cases).toBeGreaterThanOrEqual(1);

    const refused = await runCli(['seed', '--cases', '40', '--weeks', '2'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/holds \d+ real cases?: .*--force/);
    expect(await counts()).toEqual(real);

    const forced = await runCli(['seed', '--cases', '40', '--weeks', '2', '--force'], { env });
    expect(forced.code, forced.stderr).toBe(0);
    const mixed = await counts();
    expect(mixed.seeded).toBe(40);
    expect(mixed.cases).toBe(real.cases + 40);

    const removed = await runCli(['seed', '--remove'], { env });
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(/^Removed 40 seeded cases and \d+ events/);
    expect(await counts()).toEqual(real);
    const shown = await runCli(['cases', 'show', ticket!], { env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/Tagihan PBB/);
  });

  it('fills an empty store without being asked twice', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'aduan-seed-empty-'));
    try {
      const r = await runCli(['seed', '--cases', '30', '--weeks', '1'], { env: { DATA_DIR: empty } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Seeded 30 cases/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
