// The export as a spreadsheet a head of division can open and read: "Ringkasan" (counts), "Kasus" (one row per
// case), "Putaran PTP" (one row per round) and "Waktu Tahap" (one row per stage of a case). Indonesian headers, a
// frozen and filterable header row, column widths that fit, dates as real dates in the agency's zone.
//
// Streamed with exceljs's WorkbookWriter: each row is written out as it comes, so the size of the store does not
// matter. The zip takes one sheet at a time, in the order the sheets were added (exceljs opens a sheet's stream when
// it is added), so the rounds and stage rows are kept in temporary files while the cases stream, then copied into
// their sheets; the summary, known only at the end, is the last sheet, and the one the file opens on.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CaseView } from './case-view.js';
import { caseColumns, roundColumns, stageColumns, type Cell, type Column } from './columns.js';
import type { ExportSummary } from './summary.js';
import { wallClock } from './time.js';

const DATE_FORMAT = 'dd/mm/yyyy hh:mm';
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } } as const;
const THIN = { style: 'thin', color: { argb: 'FF9FB3C8' } } as const;

export interface XlsxOptions {
  out: Writable;
  timeZone: string;
  /** "menit kerja" or "menit". */
  unit: string;
  withContacts: boolean;
  /** Lines for the top of the summary sheet (title, period, filters, masking). */
  heading: string[];
}

/** Writes cases as they come; `end` writes the other sheets and closes the file. */
export class XlsxRecords {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly caseSheet: ExcelJS.Worksheet;
  private readonly roundSheet: ExcelJS.Worksheet;
  private readonly stageSheet: ExcelJS.Worksheet;
  private readonly cases: Array<Column<CaseView>>;
  private readonly rounds = roundColumns();
  private readonly roundWidths = this.rounds.map((c) => c.width);
  private readonly stages;
  private readonly spoolDir = mkdtempSync(join(tmpdir(), 'aduan-xlsx-'));
  private readonly roundSpool: WriteStream;
  private rows = 0;
  private readonly stageSpool: WriteStream;

  constructor(private readonly o: XlsxOptions) {
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: o.out, useStyles: true, useSharedStrings: false });
    this.wb.creator = 'Aduan';
    this.cases = caseColumns({ unit: o.unit, withContacts: o.withContacts });
    this.stages = stageColumns(o.unit);
    this.caseSheet = table(this.wb, 'Kasus', this.cases);
    this.roundSheet = table(this.wb, 'Putaran PTP', this.rounds);
    this.stageSheet = table(this.wb, 'Waktu Tahap', this.stages);
    this.roundSpool = createWriteStream(join(this.spoolDir, 'rounds.jsonl'));
    this.stageSpool = createWriteStream(join(this.spoolDir, 'stages.jsonl'));
  }

  async add(v: CaseView): Promise<void> {
    addRow(this.caseSheet, this.cases, v, this.o.timeZone);
    if (++this.rows % 200 === 0) await zipCaughtUp(this.caseSheet);
    for (const r of v.rounds) await spool(this.roundSpool, this.rounds, { ticket: v.ticket, r });
    for (const s of v.stages) await spool(this.stageSpool, this.stages, { ticket: v.ticket, s });
  }

  async end(summary: ExportSummary): Promise<void> {
    try {
      this.caseSheet.commit();
      await closeSpool(this.roundSpool);
      await closeSpool(this.stageSpool);
      await copySpool(this.roundSpool.path as string, this.roundSheet, this.roundWidths, this.o.timeZone);
      this.roundSheet.commit();
      const stageWidths = this.stages.map((c) => c.width);
      await copySpool(this.stageSpool.path as string, this.stageSheet, stageWidths, this.o.timeZone);
      this.stageSheet.commit();
      const sheet = this.wb.addWorksheet('Ringkasan', { pageSetup: page('portrait', true) });
      writeSummary(sheet, this.o.heading, summary.sections(this.o.unit));
      sheet.commit();
      // Open on the summary: the tabs of the tables are beside it.
      this.wb.views = [{ activeTab: 3, firstSheet: 0, visibility: 'visible', x: 0, y: 0, width: 24000, height: 14000 }];
      await this.wb.commit();
    } finally {
      rmSync(this.spoolDir, { recursive: true, force: true });
    }
  }

  /** Drops the temporary files of an export that failed. */
  abort(): void {
    this.roundSpool.destroy();
    this.stageSpool.destroy();
    rmSync(this.spoolDir, { recursive: true, force: true });
  }
}

function page(orientation: 'portrait' | 'landscape', fitWidth: boolean): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation,
    ...(fitWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}

/** A sheet with its columns, a bold, wrapped, filterable header row that stays in view, and a print title. */
function table<T>(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: ReadonlyArray<Column<T>>) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    pageSetup: { ...page('landscape', false), printTitlesRow: '1:1' },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = ws.addRow(columns.map((c) => c.header));
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { name: 'Calibri', bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.border = { bottom: THIN };
  });
  header.commit();
  return ws;
}

function addRow<T>(ws: ExcelJS.Worksheet, columns: ReadonlyArray<Column<T>>, row: T, tz: string): void {
  writeCells(
    ws,
    columns.map((c) => c.cell(row)),
    columns.map((c) => c.width),
    tz,
  );
}

// One style object per kind of cell, shared by every cell: exceljs remembers a style by its object, so a shared one
// is looked up once instead of being rendered again for each of a million cells.
const TOP = { vertical: 'top' } as const;
const STYLES: Record<NonNullable<Cell>['kind'], Partial<ExcelJS.Style>> = {
  text: { alignment: { vertical: 'top', wrapText: true } },
  number: { alignment: TOP },
  percent: { numFmt: '0%', alignment: TOP },
  date: { numFmt: DATE_FORMAT, alignment: TOP },
};

const LINE_POINTS = 15;
const MAX_LINES = 12;

/**
 * Writes a row. Long text wraps, and the row is given the height its longest text needs: spreadsheet programs do not
 * all recompute heights when they open a file, and without it wrapped lines overlap the next row.
 */
function writeCells(ws: ExcelJS.Worksheet, cells: readonly Cell[], widths: readonly number[], tz: string): void {
  const row = ws.addRow(cells.map((c) => (c === null ? null : c.kind === 'date' ? wallClock(c.value, tz) : c.value)));
  let lines = 1;
  cells.forEach((c, i) => {
    row.getCell(i + 1).style = STYLES[c?.kind ?? 'number'];
    if (c?.kind === 'text') lines = Math.max(lines, wrappedLines(c.value, widths[i] ?? 10));
  });
  if (lines > 1) row.height = Math.min(lines, MAX_LINES) * LINE_POINTS;
  row.commit();
}

/** About how many lines a text takes in a column `width` characters wide (words are not split). */
export function wrappedLines(text: string, width: number): number {
  // Proportional text fits a little more than one character per unit of column width.
  const room = Math.max(4, Math.floor(width * 1.15) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (used > 0 && used + 1 + word.length <= room) {
        used += 1 + word.length;
        continue;
      }
      if (used > 0) lines += 1; // the word starts a new line
      const extra = Math.ceil(word.length / room) - 1; // a word longer than the column breaks
      lines += extra;
      used = word.length - extra * room;
    }
  }
  return lines;
}

async function spool<T>(out: WriteStream, columns: ReadonlyArray<Column<T>>, row: T): Promise<void> {
  if (!out.write(`${JSON.stringify(columns.map((c) => c.cell(row)))}\n`)) await once(out, 'drain');
}

async function closeSpool(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'close');
}

async function copySpool(path: string, ws: ExcelJS.Worksheet, widths: number[], tz: string): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    writeCells(ws, JSON.parse(line) as Cell[], widths, tz);
    if (++n % 200 === 0) await zipCaughtUp(ws);
  }
}

const ZIP_QUEUE_BYTES = 1 << 20;

/**
 * exceljs hands a sheet's XML to the zip compressor without back-pressure: rows written faster than they are
 * compressed pile up in memory (and nothing reaches the file until the end). Waits while more than a megabyte is
 * queued between the sheet and the compressor. It reads the sheet stream's destinations and their stream states,
 * exceljs and readable-stream internals: if they ever change, this waits for nothing and memory grows again.
 */
async function zipCaughtUp(ws: ExcelJS.Worksheet): Promise<void> {
  interface Queued {
    _writableState?: { length?: number };
    _readableState?: { length?: number };
  }
  const pipes = ((ws as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes ?? []) as Queued[];
  const queued = () => pipes.reduce((n, p) => n + (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0), 0);
  while (queued() > ZIP_QUEUE_BYTES) await new Promise((r) => setTimeout(r, 5));
}

function writeSummary(ws: ExcelJS.Worksheet, heading: string[], sections: ReturnType<ExportSummary['sections']>) {
  ws.columns = [{ width: 62 }, { width: 16 }];
  heading.forEach((line, i) => {
    const row = ws.addRow([line]);
    row.getCell(1).font =
      i === 0 ? { name: 'Calibri', bold: true, size: 14 } : { name: 'Calibri', size: 10, color: { argb: 'FF44546A' } };
    row.commit();
  });
  for (const s of sections) {
    ws.addRow([]).commit();
    const title = ws.addRow([s.title, 'Jumlah']);
    title.eachCell((c) => {
      c.font = { name: 'Calibri', bold: true };
      c.fill = HEADER_FILL;
      c.border = { bottom: THIN };
    });
    title.commit();
    for (const [label, value] of s.rows) {
      const row = ws.addRow([label, value]);
      row.getCell(2).alignment = { horizontal: 'right' };
      row.commit();
    }
  }
}
