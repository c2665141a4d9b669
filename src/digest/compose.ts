// The digest as text supervisors read on a phone (Telegram, WhatsApp): short lines, Indonesian, counts first, then
// the tickets that need someone. Every piece of citizen text is masked (NIK, phone, e-mail, bank account) before
// it is shortened, so a cut can never leave part of a number readable.
import type { Agency } from '../domain/agency.js';
import { divisionName } from '../domain/case-card.js';
import { channelLabel, staffStageLabel } from '../domain/labels-id.js';
import { maskPersonalData } from '../../nlp/pii.js';
import type { CaseBrief, DigestFacts, StageCount } from '../store/reports.js';
import { dateId, dateTimeId, durationId, percent } from './format.js';
import type { Subject } from './subjects.js';

export type Period = 'daily' | 'weekly';

/** Masked and shortened citizen text for one line. */
export function excerpt(text: string, max = 70): string {
  const masked = maskPersonalData(text).replace(/\s+/g, ' ').trim();
  return masked.length > max ? `${masked.slice(0, max - 1)}…` : masked;
}

export interface ComposeInput {
  period: Period;
  from: number;
  to: number;
  now: number;
  facts: DigestFacts;
  /** Recurring subjects of the period (subjects.ts), largest first. */
  subjects: readonly Subject[];
  agency: Agency;
  timeZone: string;
  /** The attached chart's bars, when there is a chart. */
  chart?: 'week' | 'day';
}

export function composeDigest(i: ComposeInput): string {
  const { facts: f, agency, timeZone: tz, now } = i;
  const div = (id: string) => divisionName(agency, id);
  const title = i.period === 'daily' ? 'Ringkasan harian pengaduan' : 'Ringkasan mingguan pengaduan';
  const lines: string[] = [
    `📊 ${title}`,
    agency.name,
    `Periode: ${dateTimeId(i.from, tz)} – ${dateTimeId(i.to, tz)}`,
    '',
  ];
  const total = f.newByKind.complaint + f.newByKind.praise + f.newByKind.statement;
  lines.push(
    `Pesan baru: ${total} (aduan ${f.newByKind.complaint} · pujian ${f.newByKind.praise} · pernyataan/pertanyaan ${f.newByKind.statement})`,
  );
  if (f.newByChannel.length) {
    lines.push(`Per kanal: ${f.newByChannel.map((c) => `${channelLabel(c.channel)} ${c.count}`).join(' · ')}`);
  }
  if (f.newByDivision.length) {
    lines.push('Per bidang:');
    for (const d of f.newByDivision)
      lines.push(`  • ${div(d.division)}: aduan ${d.complaint}, pujian ${d.praise}, pernyataan ${d.statement}`);
  }
  lines.push('');

  const open = f.openByStage.reduce((s, r) => s + r.count, 0);
  lines.push(`Aduan terbuka: ${open} · ditutup dalam periode: ${f.closed}`);
  for (const r of f.openByStage) lines.push(`  • ${staffStageLabel(r.stage)}: ${r.count}`);
  lines.push('');

  lines.push(...overStandardLines(f, now, div));
  lines.push('');

  const often = f.repeats.earlier.filter((r) => r.count > 1).slice(0, 3);
  lines.push(
    `🔁 Aduan berulang: ${f.repeats.count}${often.length ? ` (paling sering diulang: ${often.map((r) => `${r.ticket} ×${r.count}`).join(', ')})` : ''}`,
  );
  if (i.subjects.length) {
    lines.push('Isu terbanyak (dikelompokkan per bidang dan pokok masalah):');
    for (const s of i.subjects)
      lines.push(`  • ${excerpt(s.label, 40)} · ${shortDivision(div(s.division))}: ${s.count}`);
  }
  lines.push(
    `Dibuka kembali: ${f.reopened.count}${f.reopened.tickets.length ? ` (${f.reopened.tickets.join(', ')})` : ''}`,
  );
  lines.push('');

  const s = f.satisfaction;
  const answered = s.satisfied + s.notSatisfied;
  const avg = s.ratings ? (s.ratingSum / s.ratings).toFixed(1).replace('.', ',') : '–';
  lines.push(
    `🙂 Kepuasan: ${percent(s.satisfied, answered)} puas (${s.satisfied} dari ${answered} jawaban) · nilai rata-rata ${avg}/5 (${s.ratings} penilaian) · tanpa jawaban ${s.noResponse}`,
  );
  if (s.stillSolved + s.cameBack > 0)
    lines.push(`Cek lanjutan: ${s.stillSolved} tetap beres, ${s.cameBack} muncul lagi`);
  lines.push('');

  if (f.oldestOpen.length) {
    lines.push('Aduan terbuka tertua:');
    for (const c of f.oldestOpen) lines.push(`  • ${oldestLine(c, now, tz, div)}`);
    lines.push('');
  }
  const praise = f.newByDivision.filter((d) => d.praise > 0).sort((a, b) => b.praise - a.praise);
  lines.push(
    `👏 Pujian per bidang: ${praise.length ? praise.map((d) => `${div(d.division)} ${d.praise}`).join(' · ') : 'belum ada'}`,
  );
  if (i.chart) {
    const per = i.chart === 'week' ? 'mingguan' : 'harian';
    lines.push(
      '',
      `Grafik ${per} aduan baru, selesai dan tahap melewati waktu standar terlampir (batang terakhir = periode ini).`,
    );
  }
  lines.push('', `Dibuat ${dateTimeId(now, tz)} · data pribadi disamarkan.`);
  return lines.join('\n');
}

/**
 * Both views of "over the standard time" (src/domain/standard-time.ts): the stages that passed their due time in the
 * period (the number the chart's last bar shows) and the complaints open past due now, the longest overdue first.
 */
function overStandardLines(f: DigestFacts, now: number, div: (id: string) => string): string[] {
  const { passed, openNow } = f.overStandard;
  const byStage = (rows: StageCount[]) =>
    rows.length ? ` (${rows.map((r) => `${staffStageLabel(r.stage)} ${r.count}`).join(', ')})` : '';
  const lines = [
    '⏰ Melewati waktu standar SOP:',
    `  • dalam periode ini: ${passed.total} tahap tidak selesai sebelum batas waktunya${byStage(passed.byStage)}`,
    `  • saat ini: ${openNow.total} aduan terbuka sudah lewat batas waktu tahapnya${byStage(openNow.byStage)}`,
  ];
  for (const c of openNow.worst) {
    lines.push(
      `    – ${c.ticket} · ${staffStageLabel(c.stage)} · ${div(c.division)} · terlambat ${durationId(now - (c.dueAt ?? now))}`,
    );
  }
  return lines;
}

/** "PBB-P2" for "Bidang Pajak Bumi … (PBB-P2)": the acronym in brackets when a division's name ends with one. */
export function shortDivision(name: string): string {
  return /\(([^()]{2,20})\)$/.exec(name)?.[1] ?? name;
}

function oldestLine(c: CaseBrief, now: number, tz: string, div: (id: string) => string): string {
  return `${c.ticket} · sejak ${dateId(c.createdAt, tz)} (${durationId(now - c.createdAt)}) · ${staffStageLabel(c.stage)} · ${div(c.division)}: "${excerpt(c.text)}"`;
}
