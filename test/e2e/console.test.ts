// The foundation's "done when", with real processes: a scripted console conversation files a complaint; after a
// restart `cases show` has its full history; the same complaint from another citizen is linked as a repeat without
// telling them the first ticket; a SIGKILL between
// storing a message and delivering its reply loses nothing and repeats nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'aduan-e2e-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SCRIPT = [
  '/start',
  'Tagihan PBB saya tahun ini naik dua kali lipat padahal tidak ada perubahan bangunan, sudah 2 minggu belum ada jawaban',
  'di kantor Bapenda Kota Padang',
  'lewati',
].join('\n');

const ticketsIn = (s: string) => [...s.matchAll(/ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/g)].map((m) => m[0]);

describe('the console chat, scripted through standard input', () => {
  it('files a complaint, keeps it across a restart, and recognises the same complaint again as a repeat', async () => {
    const env = { DATA_DIR: dataDir() };
    const first = await runCli(['chat'], { env, input: SCRIPT });
    expect(first.code, first.stderr).toBe(0);
    const [ticket] = ticketsIn(first.stdout);
    expect(ticket).toBeDefined();
    expect(first.stdout).toMatch(/nomor tiket/);

    const shown = await runCli(['cases', 'show', ticket!], { env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(ticket);
    expect(shown.stdout).toMatch(/Tagihan PBB/);
    expect(shown.stdout).toMatch(/aduan diterima/);
    expect(shown.stdout).toMatch(/dicatat → diteruskan ke bidang|diterima → dicatat/);

    // Another citizen with the same problem: joined to the existing report, without learning its ticket.
    const again = await runCli(['chat', '--as', 'warga-2'], { env, input: SCRIPT });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Laporan serupa dari warga lain/);
    expect(again.stdout).not.toContain(ticket);
    const second = ticketsIn(again.stdout).find((t) => t !== ticket);
    const linked = await runCli(['cases', 'show', second!], { env });
    expect(linked.stdout).toMatch(new RegExp(`berulang dari: ${ticket}`));

    const listed = await runCli(['cases', 'list'], { env });
    expect(ticketsIn(listed.stdout).sort()).toEqual([ticket, second].sort());
  });

  it('answers a ticket that does not exist with a clear message and exit code', async () => {
    const r = await runCli(['cases', 'show', 'ADU-0000-0000'], { env: { DATA_DIR: dataDir() } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No case with ticket/);
  });

  it('stops start-up with a message naming a wrong setting', async () => {
    const r = await runCli(['chat'], { env: { DATA_DIR: dataDir(), MONGODB_URI: 'mysql://nope' }, input: 'halo' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/MONGODB_URI/);
  });
});

describe('a crash between storing a message and delivering its reply', () => {
  for (const point of ['after-store', 'before-send'] as const) {
    it(`(${point}) delivers the reply exactly once after the restart`, async () => {
      const env = { DATA_DIR: dataDir() };
      const crashed = await runCli(['chat'], {
        env: { ...env, ADUAN_TEST_CRASH: point },
        input: 'Terima kasih, pelayanan Bapenda sekarang cepat sekali, mantap',
      });
      expect(crashed.signal).toBe('SIGKILL');
      expect(crashed.stdout).not.toMatch(/Selamat datang/);

      const restarted = await runCli(['chat'], { env, input: '' });
      expect(restarted.code, restarted.stderr).toBe(0);
      expect(restarted.stdout.match(/Selamat datang/g)).toHaveLength(1);

      const thirdRun = await runCli(['chat'], { env, input: '' });
      expect(thirdRun.stdout).not.toMatch(/Selamat datang/);
    });
  }
});
