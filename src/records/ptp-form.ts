// The printed record of one case, the form auditors ask for: "Formulir Permintaan Tindakan Perbaikan (PTP)" with the
// complaint, every PTP round as its own block (cause, action, PIC, target, verification, what the citizen was told
// and answered), satisfaction, each stage's time against its standard time, the full history and a signature block
// for the head of division. Built from the masked record view (case-view.ts), like the exports.
import type { Agency } from '../domain/agency.js';
import { dateTimeId } from '../digest/format.js';
import type { CaseView, RoundView } from './case-view.js';
import {
  contentWidth,
  ensureRoom,
  fieldTable,
  gridTable,
  MARGIN,
  newDoc,
  pageFooters,
  printable,
  section,
  type Doc,
} from './pdf-layout.js';

export interface PtpFormInput {
  view: CaseView;
  agency: Agency;
  timeZone: string;
  /** When it is printed. */
  now: number;
  /** "menit kerja" or "menit". */
  unit: string;
}

/** The form as PDF bytes. */
export async function ptpFormPdf(i: PtpFormInput): Promise<Buffer> {
  const { doc, unicode } = newDoc({ title: `Formulir PTP ${i.view.ticket}`, author: i.agency.name });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const p = (s: string | undefined) => printable(s ?? '', unicode);
  const at = (ms: number | undefined) => (ms === undefined ? '' : dateTimeId(ms, i.timeZone));
  const v = i.view;

  letterhead(doc, i.agency.name, p);
  doc.font('bold').fontSize(13).text('FORMULIR PERMINTAAN TINDAKAN PERBAIKAN (PTP)', { align: 'center' });
  doc.font('body').fontSize(9).fillColor('#44546a');
  doc.text('Rekaman penanganan pengaduan masyarakat · ISO 9001:2015 klausul 10.2', { align: 'center' });
  doc.fillColor('black').moveDown(0.4);
  doc.font('bold').fontSize(10).text(`Nomor tiket: ${v.ticket}`, { align: 'center' });
  doc.moveDown(0.4);

  section(doc, 'A. Data pengaduan');
  fieldTable(doc, [
    ['Nomor tiket', v.ticket],
    ['Diterima', at(v.createdAt)],
    ['Kanal', v.channel],
    ['Kontak', p(v.name ? `${v.contact} (${v.name})` : `${v.contact} (disamarkan)`)],
    ['Jenis', `${v.kind}${v.request ? ` · ${v.request}` : ''}`],
    [
      'Klasifikasi',
      `${v.label} (keyakinan ${Math.round(v.confidence * 100)}%)${v.correction ? ` · dikoreksi: ${p(v.correction)}` : ''}`,
    ],
    ['Bidang terkait', p(v.divisionName)],
    ['Topik', p(v.topic)],
    ['Isi pengaduan', p(v.text)],
    ...(v.what ? ([['Rincian', p(v.what)]] as Array<[string, string]>) : []),
    ['Lokasi / sejak', p([v.where, v.since].filter(Boolean).join(' · '))],
    ['Lampiran', v.attachments || 'tidak ada'],
    ['Integritas (pungli/suap)', v.integrity ? 'YA: ditandai untuk perhatian pimpinan' : 'tidak'],
    [
      'Aduan berulang dari',
      v.repeatOf ? `${v.repeatOf} (kemiripan ${Math.round((v.repeatSimilarity ?? 0) * 100)}%)` : 'tidak',
    ],
    [
      'Tahap sekarang',
      `${v.stageLabel}${v.dueAt !== undefined ? ` · batas waktu ${at(v.dueAt)}` : ''}${v.openPastDue ? ' · MELEWATI WAKTU STANDAR' : ''}`,
    ],
    ['Dipegang oleh', p(v.assignee)],
  ]);

  if (v.rounds.length === 0) {
    section(doc, 'B. Tindakan perbaikan (PTP)');
    doc.font('body').fontSize(9.5).text('Belum ada putaran PTP: penyebab belum ditelusuri.', MARGIN);
  }
  for (const r of v.rounds) {
    section(doc, `B.${r.round} PTP putaran ${r.round}${r.round > 1 ? ' (dibuka kembali)' : ''}`);
    fieldTable(doc, roundRows(r, at, p));
  }

  section(doc, 'C. Kepuasan warga dan penyelesaian');
  fieldTable(doc, [
    ['Kepuasan terakhir', v.satisfaction ?? 'belum ada jawaban'],
    ['Nilai (1-5)', v.rating === undefined ? '–' : String(v.rating)],
    ['Dibuka kembali', `${v.reopenCount} kali`],
    ['Penyelesaian', `${v.resolution ?? 'belum selesai'}${v.resolutionNote ? ` (${p(v.resolutionNote)})` : ''}`],
    ['Ditutup', at(v.closedAt)],
  ]);

  section(doc, `D. Waktu tiap tahap terhadap waktu standar SOP (dalam ${i.unit})`);
  gridTable(
    doc,
    ['Tahap', 'Masuk', 'Keluar', 'Batas waktu', 'Lama', 'Standar', 'Status'],
    [22, 17, 17, 17, 7, 8, 14],
    v.stages
      .filter((s) => s.stage !== 'closed' && s.stage !== 'archived')
      .map((s) => [
        s.label,
        at(s.enteredAt),
        at(s.leftAt),
        at(s.dueAt),
        s.minutes === undefined ? '–' : String(s.minutes),
        s.standardMinutes === undefined ? '–' : String(s.standardMinutes),
        !s.clocked
          ? 'tidak dihitung'
          : s.dueAt === undefined
            ? 'tanpa batas waktu'
            : s.over
              ? `terlambat ${s.lateMinutes || '< 1'}`
              : 'sesuai standar',
      ]),
  );

  section(doc, 'E. Riwayat penanganan (lengkap)');
  gridTable(
    doc,
    ['Waktu', 'Pelaku', 'Tindakan', 'Keterangan'],
    [16, 20, 30, 34],
    v.events.map((e) => [at(e.at), p(e.actor), p(e.description), p(e.detail)]),
    7.5,
  );

  signatures(doc, v, at(i.now), p);
  pageFooters(
    doc,
    `${v.ticket} · Formulir PTP · dicetak ${at(i.now)} · ${v.name ? 'memuat data pribadi: rahasia' : 'data pribadi disamarkan'}`,
  );
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function roundRows(r: RoundView, at: (ms?: number) => string, p: (s?: string) => string): Array<[string, string]> {
  const rows: Array<[string, string]> = [['Dibuka', at(r.openedAt)]];
  if (r.reopenReason) rows.push(['Alasan dibuka kembali', p(r.reopenReason)]);
  rows.push(
    ['Akar masalah', p(r.rootCause)],
    ['Tindakan perbaikan', p(r.correctiveAction)],
    ['Penanggung jawab (PIC)', p(r.owner)],
    ['Target selesai', at(r.dueAt)],
    [
      'Verifikasi',
      r.verifications.length
        ? r.verifications
            .map((x) => `${x.result} oleh ${p(x.by)}, ${at(x.at)}${x.notes ? `: "${p(x.notes)}"` : ''}`)
            .join('\n')
        : 'belum diverifikasi',
    ],
    ['Disampaikan kepada warga', r.citizenMessage ? `"${p(r.citizenMessage)}"\n${at(r.informedAt)}` : 'belum'],
    [
      'Jawaban warga',
      r.answer ? `${r.answer}${r.answerReason ? `: "${p(r.answerReason)}"` : ''}\n${at(r.answeredAt)}` : 'belum ada',
    ],
  );
  if (r.cameBackAt !== undefined) rows.push(['Masalah muncul lagi', at(r.cameBackAt)]);
  return rows;
}

/** The agency's name over a double rule, as on the agency's letters. */
function letterhead(doc: Doc, agency: string, p: (s?: string) => string): void {
  doc
    .font('bold')
    .fontSize(15)
    .text(p(agency).toUpperCase(), MARGIN, MARGIN, { align: 'center', width: contentWidth(doc) });
  doc
    .font('body')
    .fontSize(9)
    .text('Layanan Pengaduan Masyarakat', { align: 'center', width: contentWidth(doc) });
  const y = doc.y + 5;
  doc
    .lineWidth(1.8)
    .strokeColor('black')
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + contentWidth(doc), y)
    .stroke();
  doc
    .lineWidth(0.6)
    .moveTo(MARGIN, y + 3)
    .lineTo(MARGIN + contentWidth(doc), y + 3)
    .stroke();
  doc.y = y + 14;
}

/** Who signs: the officer who recorded it and the head of the division that verified it. */
function signatures(doc: Doc, v: CaseView, printed: string, p: (s?: string) => string): void {
  ensureRoom(doc, 150);
  doc.moveDown(1.5);
  const y = doc.y;
  const half = contentWidth(doc) / 2;
  const block = (x: number, lines: string[]) => {
    doc.font('body').fontSize(9.5);
    doc.text(lines[0] ?? '', x, y, { width: half - 20, align: 'center' });
    doc.font('bold').text(lines[1] ?? '', x, doc.y, { width: half - 20, align: 'center' });
    doc.font('body').text(lines[2] ?? '', x, y + 80, { width: half - 20, align: 'center' });
    doc.text('NIP. ..............................', x, doc.y, { width: half - 20, align: 'center' });
  };
  block(MARGIN, ['Dicatat oleh,', 'Petugas Layanan Pengaduan', '(..............................)']);
  block(MARGIN + half + 20, [
    'Diverifikasi dan disetujui,',
    `Kepala ${p(v.divisionName)}`,
    '(..............................)',
  ]);
  doc.font('body').fontSize(8).fillColor('#44546a');
  doc.text(`Tanggal cetak: ${printed}`, MARGIN, doc.y + 12, { width: contentWidth(doc) });
  doc.fillColor('black');
  doc.x = MARGIN;
}
