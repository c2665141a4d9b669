// The whole SOP from a terminal: `aduan staff --as <id> <ticket> '<command>'` (real processes, a real SQLite file)
// for the steps that show the surface, the same commands in process (the same pipeline) for the rest, with a reopen
// and a rejected verification; the citizen's side runs in process on the same file, and the PTP rounds appear in
// `cases show`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasActionLabel } from '../../src/domain/labels-id.js';
import { runCli } from '../support/cli.js';
import { startHarness, type Harness } from '../support/harness.js';

const STAFF_ENV = {
  STAFF_TELEGRAM_IDS: '501',
  SUPERVISOR_TELEGRAM_IDS: '601',
  STAFF_OPERATORS: 'rina,kabid:supervisor',
};
const texts = (ms: { text: string }[]) => ms.map((m) => m.text).join('\n');

describe('working a case from the terminal with `aduan staff`', () => {
  let dir: string;
  let h: Harness;
  let env: Record<string, string>;
  let ticket = '';
  const cli = (args: string[]) => runCli(['staff', ...args], { env });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aduan-staff-cli-'));
    env = { DATA_DIR: dir, AGENCY_CONFIG: join(dir, 'agency.json'), LOG_LEVEL: 'warn', ...STAFF_ENV };
    h = await startHarness({ dir, env: STAFF_ENV });
    await h.say('/start');
    await h.say('/lapor Tagihan PBB saya naik dua kali lipat di kantor Bapenda sejak bulan lalu');
    ticket = /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(texts(await h.say('lewati')))![0];
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes the case and writes the PTP, printing what the topic would show with its next steps as commands', async () => {
    const take = await cli(['--as', '501', ticket, '/ambil']);
    expect(take.code, take.stderr).toBe(0);
    expect(take.stdout).toMatch(new RegExp(`${ticket} ditangani oleh 501\\.\\n {2}\\[Telaah\\] /telaah`));
    expect((await h.staff('rina', ticket, '/telaah Dicek bersama Kasi PBB')).map((r) => r.kind)).toEqual([
      'case-update',
    ]);
    expect((await h.staff('rina', ticket, '/akar Luas bangunan salah input')).map((r) => r.kind)).toEqual([
      'case-update',
    ]);
    const ptp = await cli(['--as', '501', ticket, '/ptp Koreksi luas bangunan | Kasubid Pendataan | 3 hari']);
    expect(ptp.stdout).toMatch(/PTP dicatat\.\n {2}\[Mulai kerjakan\] \/mulai/);
    const c = await h.app.store.getCase(ticket);
    expect(c?.ptp[0]).toMatchObject({ correctiveAction: 'Koreksi luas bangunan', owner: 'Kasubid Pendataan' });
    // The citizen hears that a fix is planned, in plain words, through the outbox the service delivers.
    await h.deliver();
    const told = h.sent.filter((m) => m.channel === 'telegram').at(-1)?.text ?? '';
    expect(told).toMatch(/perbaikannya sudah dijadwalkan/);
    expect(told).not.toMatch(/Koreksi luas bangunan|Kasubid/);
  });

  it('a supervisor sends the first result back; approval comes only on the second try', async () => {
    await h.staff('rina', ticket, '/mulai');
    await h.staff('rina', ticket, '/selesai');
    const plain = await cli(['--as', '501', ticket, '/setujui']);
    expect(plain.stdout).toMatch(/hanya supervisor/);
    const back = await cli(['--as', '601', ticket, '/kembalikan Lampirkan foto ukur ulang']);
    expect(back.stdout).toMatch(/verifikasi DITOLAK[\s\S]*Lampirkan foto ukur ulang/);
    expect((await h.app.store.getCase(ticket))?.stage).toBe('in_progress');
    await h.staff('rina', ticket, '/selesai Foto ukur ulang dilampirkan');
    await h.staff('kabid', ticket, '/setujui');
  });

  it('informs the citizen with the message staff wrote; "not satisfied" reopens round 2, verified again', async () => {
    const inform = await cli(['--as', '501', ticket, '/sampaikan Luas bangunan Anda sudah kami koreksi.']);
    expect(inform.stdout).toMatch(/hasil disampaikan ke warga/);
    await h.deliver();
    expect(texts(await h.say('2'))).toMatch(/alasannya/);
    await h.say('Tagihannya belum berubah');
    expect(await h.app.store.getCase(ticket)).toMatchObject({ stage: 'root_cause', reopenCount: 1 });
    for (const [as, command] of [
      ['rina', '/akar Koreksi belum disinkronkan ke SISMIOP'],
      ['rina', '/ptp Sinkronkan data | Operator SISMIOP | 1 hari'],
      ['rina', '/mulai'],
      ['rina', '/selesai'],
    ] as const) {
      expect(
        (await h.staff(as, ticket, command)).map((r) => r.kind),
        command,
      ).toEqual(['case-update']);
    }
    expect((await cli(['--as', '501', ticket, '/sampaikan Sudah.'])).stdout).toMatch(/belum diverifikasi/);
    await h.staff('kabid', ticket, '/setujui');
    await h.staff('rina', ticket, '/sampaikan Tagihan baru dengan luas yang benar sudah terbit.');
    await h.say('1');
    await h.say('5');
    expect(await h.app.store.getCase(ticket)).toMatchObject({ stage: 'closed', resolution: 'satisfied' });
  });

  it('shows every PTP round in `cases show`', async () => {
    const shown = await runCli(['cases', 'show', ticket], { env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(
      /PTP putaran 1:\n {2}Akar masalah: Luas bangunan salah input\n {2}Tindakan perbaikan: Koreksi luas bangunan · PIC Kasubid Pendataan/,
    );
    expect(shown.stdout).toMatch(/Verifikasi: dikembalikan oleh 601.*Lampirkan foto ukur ulang/);
    expect(shown.stdout).toMatch(/Disampaikan ke warga: "Luas bangunan Anda sudah kami koreksi\."/);
    expect(shown.stdout).toMatch(/Jawaban warga: belum puas \("Tagihannya belum berubah"\)/);
    expect(shown.stdout).toMatch(
      /PTP putaran 2 \(dibuka kembali: "Tagihannya belum berubah"\):\n {2}Akar masalah: Koreksi belum disinkronkan/,
    );
    expect(shown.stdout).toMatch(/Jawaban warga: puas/);
  });

  it('writes the history staff and auditors read in Indonesian: every action of the walk has its name', async () => {
    const events = await h.app.store.getEvents(ticket);
    expect(events.length).toBeGreaterThan(12);
    expect(events.map((e) => e.action).filter((a) => !hasActionLabel(a))).toEqual([]);
    const shown = (await runCli(['cases', 'show', ticket], { env })).stdout;
    expect(shown).toMatch(/supervisor:\S+ +verifikasi: dikembalikan \(verifikasi → perbaikan dikerjakan\)/);
    expect(shown).toMatch(/petugas:\S+ +ditolak: setujui verifikasi +"hanya supervisor/);
    expect(shown).toMatch(/warga belum puas: dibuka kembali \(menunggu konfirmasi warga → akar masalah\)/);
    expect(shown).not.toMatch(/\b(citizen|staff|system):|root_cause|awaiting_confirmation|in_progress|refused/);
  });

  it('acts once on a repeated --id, refuses someone not listed, and says so for an unknown ticket or a missing --as', async () => {
    const args = ['--as', '501', '--id', 'catatan-1', ticket, '/catatan Diperiksa ulang bulan depan'];
    expect((await cli(args)).stdout).toMatch(/catatan internal disimpan/);
    expect((await cli(args)).stdout).toMatch(/sudah ditangani sebelumnya/);
    expect((await h.app.store.getCase(ticket))?.privateNotes.map((n) => n.text)).toEqual([
      'Diperiksa ulang bulan depan',
    ]);
    const stranger = await cli(['--as', '999', ticket, '/arsip']);
    expect(stranger.stdout).toMatch(/tidak terdaftar sebagai petugas/);
    expect((await h.app.store.getCase(ticket))?.stage).toBe('closed');
    const unknown = await cli(['--as', '501', 'ADU-0000-0000', '/ambil']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/tidak ditemukan/);
    const usage = await cli([ticket, '/ambil']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--as <staff-id>/);
  });
});
