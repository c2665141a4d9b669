// The columns of the records an export writes, with their Indonesian headers, one list per table: cases (one row per
// case), PTP rounds (one row per round) and stage times (one row per stage of a case). The spreadsheet writes each
// table on its own sheet; the CSV writes one row per case with the rounds and stage times folded into it.
import { STAGES, type Stage } from '../domain/stages.js';
import { staffStageLabel } from '../domain/labels-id.js';
import type { CaseView, RoundView, StageView } from './case-view.js';

/** A value of a cell: text, a number, a percentage (0..1), an instant (ms, shown in the agency zone), or empty. */
export type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'percent'; value: number }
  | { kind: 'date'; value: number }
  | null;

export interface Column<T> {
  header: string;
  /** Width in characters for the spreadsheet. */
  width: number;
  cell(row: T): Cell;
}

const text = (value: string | undefined): Cell => (value ? { kind: 'text', value } : null);
const num = (value: number | undefined): Cell => (value === undefined ? null : { kind: 'number', value });
const date = (value: number | undefined): Cell => (value === undefined ? null : { kind: 'date', value });
const yesNo = (value: boolean): Cell => ({ kind: 'text', value: value ? 'ya' : 'tidak' });

function col<T>(header: string, width: number, cell: (row: T) => Cell): Column<T> {
  return { header, width, cell };
}

/** Over-standard stages of a case in one line: "sedang ditelaah (+95 menit kerja)". */
export function overStagesText(v: CaseView, unit: string): string {
  return v.stages
    .filter((s) => s.over)
    .map((s) => `${s.label} (+${s.lateMinutes || '< 1'} ${unit})`)
    .join('; ');
}

/** Every PTP round of a case as text (the CSV folds the rounds into one cell). */
export function roundsText(v: CaseView, fmt: (ms: number) => string): string {
  return v.rounds
    .map((r) => {
      const parts = [`Putaran ${r.round} (dibuka ${fmt(r.openedAt)})`];
      if (r.reopenReason) parts.push(`alasan dibuka kembali: ${r.reopenReason}`);
      if (r.rootCause) parts.push(`akar masalah: ${r.rootCause}`);
      if (r.correctiveAction) parts.push(`tindakan: ${r.correctiveAction}`);
      if (r.owner) parts.push(`PIC: ${r.owner}`);
      if (r.dueAt !== undefined) parts.push(`target: ${fmt(r.dueAt)}`);
      for (const x of r.verifications)
        parts.push(`verifikasi ${x.result} oleh ${x.by} ${fmt(x.at)}${x.notes ? ` (${x.notes})` : ''}`);
      if (r.citizenMessage) parts.push(`disampaikan ke warga: ${r.citizenMessage}`);
      if (r.answer)
        parts.push(
          `jawaban warga: ${r.answer}${r.answerReason ? ` (${r.answerReason})` : ''}${r.answeredAt !== undefined ? ` ${fmt(r.answeredAt)}` : ''}`,
        );
      if (r.cameBackAt !== undefined) parts.push(`masalah muncul lagi: ${fmt(r.cameBackAt)}`);
      return parts.join('; ');
    })
    .join('\n');
}

/** The columns of the cases table; `unit` names the clock's minutes ("menit kerja"). */
export function caseColumns(opts: { unit: string; withContacts: boolean }): Array<Column<CaseView>> {
  const u = opts.unit;
  return [
    col('Tiket', 16, (v) => text(v.ticket)),
    col('Jenis', 11, (v) => text(v.kind)),
    col('Permintaan', 20, (v) => text(v.request)),
    col('Kanal', 11, (v) => text(v.channel)),
    col(opts.withContacts ? 'Kontak' : 'Kontak (disamarkan)', 18, (v) => text(v.contact)),
    ...(opts.withContacts ? [col<CaseView>('Nama', 20, (v) => text(v.name))] : []),
    col('Diterima', 17, (v) => date(v.createdAt)),
    col('Bidang', 34, (v) => text(v.divisionName)),
    col('Tahap sekarang', 26, (v) => text(v.stageLabel)),
    col('Batas waktu tahap sekarang', 17, (v) => date(v.dueAt)),
    col('Lewat batas sekarang', 12, (v) => yesNo(v.openPastDue)),
    col('Isi pesan', 60, (v) => text(v.text)),
    col('Rincian', 30, (v) => text(v.what)),
    col('Lokasi', 22, (v) => text(v.where)),
    col('Sejak', 12, (v) => text(v.since)),
    col('Lampiran', 12, (v) => text(v.attachments)),
    col('Label model', 11, (v) => text(v.label)),
    col('Keyakinan model', 10, (v) => ({ kind: 'percent', value: v.confidence })),
    col('Koreksi petugas', 24, (v) => text(v.correction)),
    col('Topik', 20, (v) => text(v.topic)),
    col('Integritas (pungli/suap)', 12, (v) => yesNo(v.integrity)),
    col('Aduan berulang dari', 16, (v) => text(v.repeatOf)),
    col('Kemiripan', 10, (v) =>
      v.repeatSimilarity === undefined ? null : { kind: 'percent', value: v.repeatSimilarity },
    ),
    col('Dipegang oleh', 18, (v) => text(v.assignee)),
    col('Catatan telaah', 30, (v) => text(v.reviewNotes)),
    col('Putaran PTP', 9, (v) => num(v.rounds.length)),
    col('Dibuka kembali (kali)', 10, (v) => num(v.reopenCount)),
    col('Kepuasan', 11, (v) => text(v.satisfaction)),
    col('Nilai (1-5)', 8, (v) => num(v.rating)),
    col('Penyelesaian', 18, (v) => text(v.resolution)),
    col('Catatan penyelesaian', 24, (v) => text(v.resolutionNote)),
    col('Ditutup', 17, (v) => date(v.closedAt)),
    col('Tahap melewati waktu standar', 12, (v) => num(v.stages.filter((s) => s.over).length)),
    col(`Rincian keterlambatan (${u})`, 40, (v) => text(overStagesText(v, u))),
  ];
}

/** The columns of the PTP rounds table. */
export function roundColumns(): Array<Column<{ ticket: string; r: RoundView }>> {
  type R = { ticket: string; r: RoundView };
  const lastV = (x: R) => x.r.verifications.at(-1);
  return [
    col<R>('Tiket', 16, (x) => text(x.ticket)),
    col<R>('Putaran', 8, (x) => num(x.r.round)),
    col<R>('Dibuka', 17, (x) => date(x.r.openedAt)),
    col<R>('Alasan dibuka kembali', 30, (x) => text(x.r.reopenReason)),
    col<R>('Akar masalah', 36, (x) => text(x.r.rootCause)),
    col<R>('Tindakan perbaikan', 40, (x) => text(x.r.correctiveAction)),
    col<R>('PIC', 18, (x) => text(x.r.owner)),
    col<R>('Target selesai', 17, (x) => date(x.r.dueAt)),
    col<R>('Verifikasi (semua, berurutan)', 40, (x) =>
      text(x.r.verifications.map((v) => `${v.result} oleh ${v.by}${v.notes ? `: ${v.notes}` : ''}`).join('\n')),
    ),
    col<R>('Hasil verifikasi terakhir', 14, (x) => text(lastV(x)?.result)),
    col<R>('Diverifikasi oleh', 18, (x) => text(lastV(x)?.by)),
    col<R>('Tanggal verifikasi', 17, (x) => date(lastV(x)?.at)),
    col<R>('Disampaikan ke warga', 40, (x) => text(x.r.citizenMessage)),
    col<R>('Tanggal disampaikan', 17, (x) => date(x.r.informedAt)),
    col<R>('Jawaban warga', 14, (x) => text(x.r.answer)),
    col<R>('Alasan warga', 30, (x) => text(x.r.answerReason)),
    col<R>('Tanggal jawaban', 17, (x) => date(x.r.answeredAt)),
    col<R>('Masalah muncul lagi', 17, (x) => date(x.r.cameBackAt)),
  ];
}

/** The columns of the stage-times table; `unit` names the clock's minutes. */
export function stageColumns(unit: string): Array<Column<{ ticket: string; s: StageView }>> {
  type R = { ticket: string; s: StageView };
  return [
    col<R>('Tiket', 16, (x) => text(x.ticket)),
    col<R>('Tahap', 32, (x) => text(x.s.label)),
    col<R>('Masuk', 17, (x) => date(x.s.enteredAt)),
    col<R>('Keluar', 17, (x) => date(x.s.leftAt)),
    col<R>('Batas waktu', 17, (x) => date(x.s.dueAt)),
    col<R>(`Lama (${unit})`, 12, (x) => num(x.s.minutes)),
    col<R>(`Standar (${unit})`, 12, (x) => num(x.s.standardMinutes)),
    col<R>('Melewati waktu standar', 14, (x) => (x.s.clocked ? yesNo(x.s.over) : text('tidak dihitung'))),
    col<R>(`Terlambat (${unit})`, 12, (x) => (x.s.over ? num(x.s.lateMinutes) : null)),
  ];
}

/** The CSV's per-stage columns: entered, left, due, time, standard, over, for every stage of the SOP. */
export function stageTimeColumns(unit: string): Array<Column<CaseView>> {
  const of = (v: CaseView, stage: Stage) => v.stages.find((s) => s.stage === stage);
  return STAGES.filter((s) => s !== 'archived').flatMap((stage) => {
    const name = staffStageLabel(stage);
    return [
      col<CaseView>(`${name}: masuk`, 17, (v) => date(of(v, stage)?.enteredAt)),
      col<CaseView>(`${name}: keluar`, 17, (v) => date(of(v, stage)?.leftAt)),
      col<CaseView>(`${name}: batas waktu`, 17, (v) => date(of(v, stage)?.dueAt)),
      col<CaseView>(`${name}: lama (${unit})`, 10, (v) => num(of(v, stage)?.minutes)),
      col<CaseView>(`${name}: standar (${unit})`, 10, (v) =>
        of(v, stage) ? num(of(v, stage)?.standardMinutes) : null,
      ),
      col<CaseView>(`${name}: melewati standar`, 10, (v) => {
        const s = of(v, stage);
        return s && s.clocked ? yesNo(s.over) : null;
      }),
    ];
  });
}
