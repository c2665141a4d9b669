// The records export (SOP step 14) as a download: the cases received in a period as CSV or a spreadsheet, made by the
// same exportCases as `aduan cases export` and streamed page by page to the browser. Personal data is masked unless
// a supervisor asks for contacts.
import { PassThrough, Readable } from 'node:stream';
import type { App } from '../../app.js';
import { zonedInstant } from '../../domain/office-hours.js';
import type { StaffActor } from '../../domain/staff.js';
import { plainClock, type WorkClock } from '../../domain/work-time.js';
import { exportCases, type ExportFormat } from '../../records/export.js';
import { h, type Html } from '../pages/html.js';

const DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of "YYYY-MM-DD" in the zone (null: not a date); `after` gives the next day's. */
function localDay(value: string, timeZone: string, after = false): number | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return zonedInstant(y, mo, d + (after ? 1 : 0), 0, timeZone);
}

function isoDay(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

export function exportForm(app: App, actor: StaffActor, timeZone: string, problem?: string): Html {
  const now = app.now();
  return h`<h1>Ekspor rekaman pengaduan</h1>
${problem ? h`<div class="errors" role="alert">${problem}</div>` : ''}
<form class="card" method="get" action="/staf/ekspor/unduh">
<p class="lead">Aduan yang diterima dalam periode, dengan setiap putaran PTP dan lama tiap tahap dibanding waktu standarnya.</p>
<div class="filters">
<div><label for="e-dari">Dari tanggal</label><input id="e-dari" type="date" name="dari" required value="${isoDay(now - 29 * DAY, timeZone)}"></div>
<div><label for="e-sampai">Sampai tanggal</label><input id="e-sampai" type="date" name="sampai" required value="${isoDay(now, timeZone)}"></div>
<div><label for="e-format">Format</label><select id="e-format" name="format"><option value="xlsx">Spreadsheet (.xlsx)</option><option value="csv">CSV</option></select></div>
</div>
${
  actor.kind === 'supervisor'
    ? h`<label class="choice"><input type="checkbox" name="kontak" value="1"> Sertakan kontak dan data pribadi tanpa disamarkan (supervisor)</label>`
    : h`<p class="muted">Data pribadi disamarkan.</p>`
}
<div class="actions"><button type="submit">Unduh</button></div>
</form>`;
}

export interface ExportRequest {
  from: number;
  to: number;
  format: ExportFormat;
  withContacts: boolean;
  label: string;
}

/** Reads the download's query; a string names what is wrong. */
export function readExport(
  q: (k: string) => string | undefined,
  actor: StaffActor,
  timeZone: string,
): ExportRequest | string {
  const fromText = q('dari') ?? '';
  const toText = q('sampai') ?? '';
  const from = localDay(fromText, timeZone);
  const to = localDay(toText, timeZone, true);
  if (from === null || to === null) return 'Tanggal tidak terbaca (YYYY-MM-DD).';
  if (to <= from) return 'Tanggal akhir tidak boleh sebelum tanggal awal.';
  if (to - from > 400 * DAY) return 'Periode paling panjang 400 hari.';
  const format = q('format') === 'csv' ? 'csv' : 'xlsx';
  return {
    from,
    to,
    format,
    withContacts: actor.kind === 'supervisor' && q('kontak') === '1',
    label: `${fromText}_${toText}`,
  };
}

/** The export as a streamed download. */
export function exportResponse(
  app: App,
  r: ExportRequest,
  actor: StaffActor,
  opts: { timeZone: string; clock?: WorkClock },
): Response {
  const out = new PassThrough();
  const heading = [
    `Ekspor rekaman pengaduan · ${app.agency.name}`,
    `Dibuat lewat dasbor oleh ${actor.name}`,
    r.withContacts ? 'Data pribadi TIDAK disamarkan (permintaan supervisor)' : 'Data pribadi disamarkan',
  ];
  exportCases({
    reports: app.reports,
    ctx: {
      agency: app.agency,
      now: app.now(),
      timeZone: opts.timeZone,
      clock: opts.clock ?? plainClock(),
      standardMinutes: app.config.STANDARD_TIMES,
      withContacts: r.withContacts,
    },
    filter: { from: r.from, to: r.to },
    format: r.format,
    out,
    heading,
  }).then(
    (summary) => {
      if (!out.writableEnded) out.end();
      app.log.info('export downloaded from the dashboard', {
        staff: actor.id,
        cases: summary.cases,
        contacts: r.withContacts,
      });
    },
    (err: Error) => {
      app.log.error('dashboard export failed', { error: err });
      out.destroy(err);
    },
  );
  const type =
    r.format === 'csv'
      ? 'text/csv; charset=utf-8'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="aduan_${r.label}.${r.format}"`,
    },
  });
}
