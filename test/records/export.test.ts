import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersonalData } from '../../nlp/pii.js';
import { runCli } from '../support/cli.js';
import { FORMULA, NIK, PHONE, recordsStore, WA } from './support.js';
import type { CaseRecord } from '../../src/domain/case.js';

let dataDir: string;
let audited: CaseRecord;
const day = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
const range = () => ['--from', day(Date.now() - 40 * 86_400_000), '--to', day(Date.now())];
const env = () => ({ DATA_DIR: dataDir, SUPERVISOR_TELEGRAM_IDS: '700900', STAFF_TELEGRAM_IDS: '700100' });

beforeAll(async () => {
  ({ dataDir, audited } = await recordsStore(300));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function exportTo(format: string, extra: string[] = []): Promise<{ file: string; stderr: string }> {
  const file = join(dataDir, `export-${format}-${extra.length}.${format}`);
  const r = await runCli(['cases', 'export', ...range(), '--format', format, '--out', file, ...extra], { env: env() });
  expect(r.stderr).toContain('301 cases');
  expect(r.code).toBe(0);
  return { file, stderr: r.stderr };
}

function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value))));
  return out;
}

describe('the spreadsheet export', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const { file } = await exportTo('xlsx');
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
  });

  it('has a case sheet, a PTP round sheet, a stage-time sheet and a summary it opens on, with Indonesian headers', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kasus', 'Putaran PTP', 'Waktu Tahap', 'Ringkasan']);
    expect(wb.views[0]?.activeTab).toBe(3);
    const kasus = wb.getWorksheet('Kasus')!;
    expect(kasus.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (kasus.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['Tiket', 'Diterima', 'Bidang', 'Isi pesan', 'Putaran PTP']));
    expect(kasus.rowCount).toBe(302);
    expect(kasus.getColumn(1).width).toBeGreaterThan(10);
    const summary = texts(wb.getWorksheet('Ringkasan')!);
    expect(summary[summary.indexOf('Kasus dalam ekspor') + 1]).toBe('301');
  });

  it('writes one row per case with dates as real dates in the agency zone and the case fields', () => {
    const kasus = wb.getWorksheet('Kasus')!;
    const col = (name: string) => (kasus.getRow(1).values as unknown[]).indexOf(name);
    let row: ExcelJS.Row | undefined;
    kasus.eachRow((r) => {
      if (r.getCell(1).value === audited.ticket) row = r;
    });
    expect(row).toBeDefined();
    const received = row!.getCell(col('Diterima')).value as Date;
    expect(received).toBeInstanceOf(Date);
    expect(received.getTime()).toBe(audited.createdAt + 7 * 3_600_000);
    expect(row!.getCell(col('Integritas (pungli/suap)')).value).toBe('ya');
    expect(row!.getCell(col('Dibuka kembali (kali)')).value).toBe(1);
    expect(row!.getCell(col('Putaran PTP')).value).toBe(2);
    expect(row!.getCell(col('Kontak (disamarkan)')).value).toBe('**********890');
    expect(row!.getCell(col('Tahap melewati waktu standar')).value).toBe(1);
    const text = row!.getCell(col('Isi pesan'));
    expect(text.type).toBe(ExcelJS.ValueType.String);
    expect(String(text.value).startsWith(FORMULA)).toBe(true);
  });

  it('gives each PTP round its own row with its cause, action, verification and the citizen answer', () => {
    const rounds = wb.getWorksheet('Putaran PTP')!;
    const mine: unknown[][] = [];
    rounds.eachRow((r) => {
      if (r.getCell(1).value === audited.ticket) mine.push((r.values as unknown[]).slice(1));
    });
    expect(mine).toHaveLength(2);
    expect(mine[0]).toEqual(expect.arrayContaining([1, 'Data NOP ganda di sistem', 'Hapus NOP ganda', 'belum puas']));
    expect(mine[1]).toEqual(
      expect.arrayContaining([2, 'SPPT lama belum dibatalkan', 'Kasubid Penetapan', 'disetujui', 'puas']),
    );
    expect(mine[0]!.join('\n')).toContain('dikembalikan oleh Kabid PBB: Belum diverifikasi lapangan');
  });

  it('shows no personal data anywhere', () => {
    const all = wb.worksheets.flatMap(texts).join('\n');
    expect(all).not.toContain(NIK);
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain('6281234567890');
    expect(all).not.toContain('Budi Santoso');
    expect(findPersonalData(all)).toEqual([]);
  });
});

describe('the CSV export', () => {
  let raw: Buffer;
  let rows: string[][];
  beforeAll(async () => {
    const { file } = await exportTo('csv');
    raw = readFileSync(file);
    const wb = new ExcelJS.Workbook();
    // exceljs reads CSV with fast-csv (RFC 4180); `map` keeps every field as the text it is.
    const ws = await wb.csv.read(Readable.from(raw.subarray(3)), { map: (v: unknown) => v });
    rows = [];
    ws.eachRow((r) => rows.push((r.values as string[]).slice(1)));
  });

  it('is UTF-8 with a byte-order mark, one row per case under one header row', () => {
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows).toHaveLength(302);
    expect(rows[0]).toEqual(expect.arrayContaining(['Tiket', 'Isi pesan', 'Putaran PTP (rincian)']));
    expect(rows[0]).toEqual(expect.arrayContaining(['akar masalah: lama (menit kerja)']));
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
  });

  it('never lets citizen text become a formula', () => {
    const mine = rows.find((r) => r[0] === audited.ticket)!;
    const at = (name: string) => mine[rows[0]!.indexOf(name)] ?? '';
    expect(at('Isi pesan').startsWith(`'${FORMULA}`)).toBe(true);
    expect(at('Rincian')).toBe("'+ ditagih dua kali");
    for (const r of rows.slice(1)) for (const cell of r) expect(cell ?? '').not.toMatch(/^[=+\-@]/);
    const rounds = at('Putaran PTP (rincian)');
    expect(rounds).toContain('Putaran 1');
    expect(rounds).toContain('Putaran 2');
    expect(rounds).toContain('disampaikan ke warga: -Tagihan ganda sudah kami hapus.');
    expect(at('Diterima')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('masks personal data', () => {
    const text = raw.toString('utf8');
    expect(text).not.toContain(NIK);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain('6281234567890');
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('the JSON lines export', () => {
  it('holds one case per line with its rounds and events, masked', async () => {
    const { file } = await exportTo('jsonl');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(301);
    const mine = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((x) => x.ticket === audited.ticket)!;
    expect(mine.ptp).toHaveLength(2);
    expect((mine.events as unknown[]).length).toBe(4);
    expect(mine.createdAt).toMatch(/\+07:00$/);
    expect((mine.stageTimes as { unit: string }).unit).toBe('office minutes');
    const line = JSON.stringify(mine);
    expect(line).not.toContain(NIK);
    expect(line).not.toContain('6281234567890');
  });
});

describe('exporting with contacts', () => {
  it('is refused to anyone who is not a supervisor, and nothing is written', async () => {
    const file = join(dataDir, 'refused.csv');
    for (const as of [[], ['--as', '700100'], ['--as', '123']]) {
      const r = await runCli(
        ['cases', 'export', ...range(), '--format', 'csv', '--out', file, '--with-contacts', ...as],
        { env: env() },
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('hanya untuk supervisor');
      expect(existsSync(file)).toBe(false);
    }
  });

  it('keeps the contacts for a supervisor, and says so in the file', async () => {
    const { file, stderr } = await exportTo('jsonl', ['--with-contacts', '--as', '700900']);
    expect(stderr).toContain('NOT masked');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(WA);
    expect(text).toContain(NIK);
  });

  it('refuses bad dates, formats and filters with the usage, writing nothing', async () => {
    const bad = [
      ['--from', '2026-02-30', '--to', '2026-03-01', '--format', 'csv'],
      ['--from', '2026-03-02', '--to', '2026-03-01', '--format', 'csv'],
      [...range(), '--format', 'pdf'],
      [...range(), '--format', 'csv', '--stage', 'nowhere'],
      [...range(), '--format', 'xlsx'],
    ];
    for (const args of bad) {
      const r = await runCli(['cases', 'export', ...args], { env: env() });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Usage: aduan cases export');
      expect(r.stdout).toBe('');
    }
  });
});
