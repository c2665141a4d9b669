// What ships is the compiled build: `npm run build` compiles the sources to dist/ and copies the data files they read
// (agency profile, classifier model, lexicons), and bin/aduan runs dist/. This test builds into a fresh copy of the
// package's layout that holds no sources (bin/aduan, package.json, dist/, node_modules), so it always runs the code
// as it is now, never a stale dist/, and a module that still needs a .ts file or a file left out of dist/ fails here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aduan-compiled-'));
const pkg = join(dir, 'pkg');
const bin = join(pkg, 'bin', 'aduan');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A package layout as an install has it, built by the project's own build script. */
function layout(target: string, withBuild: boolean): void {
  mkdirSync(join(target, 'bin'), { recursive: true });
  copyFileSync(join(ROOT, 'bin', 'aduan'), join(target, 'bin', 'aduan'));
  copyFileSync(join(ROOT, 'package.json'), join(target, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(target, 'node_modules'));
  if (!withBuild) return;
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), join(target, 'dist')], {
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
}

const SCRIPT = [
  '/start',
  'min tagihan PBB sy tahun ini naik 2x lipat pdhl rumah ga ada perubahan, udh 2 minggu blm ada jawaban',
  'di kantor Bapenda',
  'lewati',
].join('\n');

describe('the compiled build', () => {
  beforeAll(() => layout(pkg, true), 180_000);

  it('runs a console conversation that files a complaint, then shows the case', async () => {
    const env = { DATA_DIR: join(dir, 'data') };
    const chat = await runCli(['chat'], { bin, env, input: SCRIPT });
    expect(chat.code, chat.stderr).toBe(0);
    const ticket = chat.stdout.match(/ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0];
    expect(ticket, chat.stdout).toBeDefined();
    const shown = await runCli(['cases', 'show', ticket!], { bin, env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(ticket!);
    expect(shown.stdout).toMatch(/PBB/);
  });

  it('serves the console chat when no channel is configured', async () => {
    const r = await runCli(['serve'], { bin, env: { DATA_DIR: join(dir, 'serve') }, input: 'halo min\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Aduan> /m);
  });

  it('classifies with the shipped model', async () => {
    const r = await runCli(['classify'], { bin, input: 'jalan depan rumah rusak parah udh sebulan\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ label: 'complaint' });
  });

  it('without a build, says how to make one instead of failing on a missing module', async () => {
    const bare = join(dir, 'bare');
    layout(bare, false);
    const r = await runCli(['chat'], { bin: join(bare, 'bin', 'aduan'), input: 'halo' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/npm run build/);
  });
});
