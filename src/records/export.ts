// `cases export` (SOP step 14): reads the cases of a period page by page through the reports port, with their event
// logs, turns each into its record view (masked unless a supervisor asked for contacts) and streams it out as CSV, a
// spreadsheet or JSON lines. Memory stays flat whatever the size of the store: a page at a time.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CaseEvent } from '../domain/case.js';
import type { CaseFilter, ReportStore } from '../store/reports.js';
import { caseView, type CaseView, type RecordContext } from './case-view.js';
import { caseColumns, roundsText, stageTimeColumns, type Column } from './columns.js';
import { csvHeader, csvRow } from './csv.js';
import { jsonlLine } from './jsonl.js';
import { ExportSummary } from './summary.js';
import { localDateTime } from './time.js';

export type ExportFormat = 'csv' | 'xlsx' | 'jsonl';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'jsonl'];

export interface ExportInput {
  reports: ReportStore;
  ctx: RecordContext;
  filter: CaseFilter;
  format: ExportFormat;
  out: Writable;
  /** Lines that say what the file holds (the spreadsheet's summary sheet shows them). */
  heading: string[];
  /** Cases read per page (default 500). */
  pageSize?: number;
}

interface Sink {
  add(v: CaseView): Promise<void>;
  end(summary: ExportSummary): Promise<void>;
  abort(): void;
}

/** Streams the export; resolves with its counts once everything is written (the caller closes `out`). */
export async function exportCases(i: ExportInput): Promise<ExportSummary> {
  const sink = await sinkFor(i);
  const summary = new ExportSummary();
  try {
    for await (const page of pages(i.reports, i.filter, i.pageSize ?? 500)) {
      for (const { record, events } of page) {
        const v = caseView(record, events, i.ctx);
        summary.add(v);
        await sink.add(v);
      }
      // Let the output streams drain before the next page is read.
      await new Promise((r) => setImmediate(r));
    }
    await sink.end(summary);
    return summary;
  } catch (err) {
    sink.abort();
    throw err;
  }
}

/** The cases of the filter with their events, a page at a time, in (createdAt, ticket) order. */
async function* pages(reports: ReportStore, filter: CaseFilter, size: number) {
  let after: { createdAt: number; ticket: string } | null = null;
  for (;;) {
    const cases = await reports.casesCreated(filter, after, size);
    if (cases.length === 0) return;
    const events = new Map<string, CaseEvent[]>();
    for (const e of await reports.eventsOf(cases.map((c) => c.ticket))) {
      const list = events.get(e.ticket);
      if (list) list.push(e);
      else events.set(e.ticket, [e]);
    }
    yield cases.map((record) => ({ record, events: events.get(record.ticket) ?? [] }));
    const last = cases.at(-1);
    if (!last || cases.length < size) return;
    after = { createdAt: last.createdAt, ticket: last.ticket };
  }
}

// The spreadsheet writer (exceljs, a large library) loads only when a spreadsheet is asked for.
async function sinkFor(i: ExportInput): Promise<Sink> {
  const tz = i.ctx.timeZone;
  const unit = i.ctx.clock.label;
  if (i.format === 'xlsx') {
    const { XlsxRecords } = await import('./xlsx.js');
    return new XlsxRecords({
      out: i.out,
      timeZone: tz,
      unit,
      withContacts: i.ctx.withContacts,
      heading: i.heading,
    });
  }
  if (i.format === 'jsonl') {
    return {
      add: (v) => write(i.out, jsonlLine(v, tz, i.ctx.clock.unit)),
      end: async () => {},
      abort: () => {},
    };
  }
  const date = (ms: number) => localDateTime(ms, tz);
  const columns: Array<Column<CaseView>> = [
    ...caseColumns({ unit, withContacts: i.ctx.withContacts }),
    { header: 'Putaran PTP (rincian)', width: 60, cell: (v) => ({ kind: 'text', value: roundsText(v, date) }) },
    ...stageTimeColumns(unit),
  ];
  let started = false;
  return {
    add: async (v) => {
      const head = started ? '' : csvHeader(columns);
      started = true;
      await write(i.out, head + csvRow(columns, v, date));
    },
    end: async () => {
      if (!started) await write(i.out, csvHeader(columns));
    },
    abort: () => {},
  };
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
