import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/domain/case.js';
import { runCli } from '../support/cli.js';
import { NIK, PHONE, recordsStore } from './support.js';

let dataDir: string;
let audited: CaseRecord;
beforeAll(async () => {
  ({ dataDir, audited } = await recordsStore(20));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** The text of a PDF by poppler's pdftotext, or null where poppler-utils is not installed. */
function pdfText(file: string): string | null {
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

describe('the printed PTP form', () => {
  it('is a valid PDF holding the case, every round, the history, page numbers and a signature block', async () => {
    const file = join(dataDir, 'ptp.pdf');
    const r = await runCli(['cases', 'pdf', audited.ticket.toLowerCase(), '--out', file], {
      env: { DATA_DIR: dataDir },
    });
    expect(r.stderr).toContain(`PTP form of ${audited.ticket} written`);
    expect(r.code).toBe(0);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
    const text = pdfText(file);
    if (text === null) {
      // Without poppler: the page objects and their content streams are there.
      expect(bytes.toString('latin1')).toMatch(/\/Type \/Page\b/);
      expect(bytes.toString('latin1')).toContain('stream');
      return;
    }
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'FORMULIR PERMINTAAN TINDAKAN PERBAIKAN (PTP)',
      audited.ticket,
      'PTP putaran 1',
      'PTP putaran 2 (dibuka kembali)',
      'Data NOP ganda di sistem',
      'SPPT lama belum dibatalkan',
      'Kasubid Penetapan',
      'dikembalikan oleh Kabid PBB',
      'Tagihan ganda sudah kami hapus',
      'belum puas',
      'Riwayat penanganan',
      'warga belum puas: dibuka kembali',
      'Halaman 1 dari',
      'Diverifikasi dan disetujui',
      'Kepala Bidang Pajak Bumi',
    ]) {
      expect(flat).toContain(expected);
    }
    expect(flat).not.toContain(NIK);
    expect(flat).not.toContain(PHONE);
    expect(flat).not.toContain('6281234567890');
  });

  it('refuses a ticket that is not one, or not there, writing nothing', async () => {
    const file = join(dataDir, 'none.pdf');
    const bad = await runCli(['cases', 'pdf', 'hello', '--out', file], { env: { DATA_DIR: dataDir } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a ticket number');
    const missing = await runCli(['cases', 'pdf', 'ADU-0000-0000', '--out', file], { env: { DATA_DIR: dataDir } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No case with ticket');
    expect(existsSync(file)).toBe(false);
  });
});
