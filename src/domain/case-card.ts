// The staff-facing summary of a case (the "card" in the shared inbox, `cases show` on a terminal).
// The citizen's contact and any personal data in the text are masked: the card is read in a group.
import { maskContact, maskPersonalData } from '../../nlp/pii.js';
import type { Agency } from './agency.js';
import type { CaseEvent, CaseRecord } from './case.js';
import { STAGE_LABELS } from './stages.js';
import { isOpenPastDue } from './standard-time.js';

const JAKARTA = 'Asia/Jakarta';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "21 Nov 2026 14:05 WIB". Formatters are cached: building one costs more than formatting many dates. */
export function formatTime(ms: number, timeZone = JAKARTA): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: '2-digit',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    formatters.set(timeZone, f);
  }
  return `${f.format(ms).replace(',', '')} WIB`;
}

export function divisionName(agency: Agency, id: string): string {
  return agency.divisions.find((d) => d.id === id)?.name ?? id;
}

/**
 * The card's text. With `now`, a case open past the due time of its stage says so, by the one definition of over the
 * standard time (standard-time.ts) that the digest and the export use.
 */
export function caseCardText(c: CaseRecord, agency: Agency, now?: number): string {
  const lines = [
    `${c.ticket} · ${c.kind.toUpperCase()}${c.flags.includes('integrity') ? ' · ⚠ INTEGRITAS (pungli/suap)' : ''}`,
    `Kanal: ${c.citizen.channel} · Kontak: ${maskContact(c.citizen.userId)}${c.citizen.displayName ? ` (${maskPersonalData(c.citizen.displayName)})` : ''}`,
    `Isi: ${maskPersonalData(c.text)}`,
  ];
  if (c.details.what) lines.push(`Rincian: ${maskPersonalData(c.details.what)}`);
  if (c.details.where) lines.push(`Lokasi: ${maskPersonalData(c.details.where)}`);
  if (c.details.since) lines.push(`Sejak: ${maskPersonalData(c.details.since)}`);
  if (c.attachments.length) lines.push(`Lampiran: ${c.attachments.map((a) => a.kind).join(', ')}`);
  const cls = c.correction
    ? `${c.correction.label} (dikoreksi petugas; model: ${c.classification.label} ${pct(c.classification.confidence)})`
    : `${c.classification.label} ${pct(c.classification.confidence)}`;
  lines.push(`Klasifikasi: ${cls} · Topik: ${maskPersonalData(c.topic)}`);
  lines.push(`Bidang: ${divisionName(agency, c.division)}`);
  if (c.repeatOf) lines.push(`Aduan berulang dari: ${c.repeatOf.ticket} (kemiripan ${pct(c.repeatOf.similarity)})`);
  const late =
    now !== undefined && isOpenPastDue(c, now)
      ? ` · ⏰ MELEWATI WAKTU STANDAR (${lateBy(now - (c.dueAt ?? now))})`
      : '';
  lines.push(`Tahap: ${STAGE_LABELS[c.stage].id}${c.dueAt ? ` · batas waktu ${formatTime(c.dueAt)}` : ''}${late}`);
  if (c.reopenCount) lines.push(`Dibuka kembali: ${c.reopenCount}×`);
  lines.push(c.assignee ? `Dipegang oleh: ${c.assignee}` : 'Dipegang oleh: belum ada (pakai /ambil)');
  lines.push(...ptpLines(c));
  if (c.resolution)
    lines.push(`Penyelesaian: ${c.resolution}${c.resolutionNote ? ` (${maskPersonalData(c.resolutionNote)})` : ''}`);
  return lines.join('\n');
}

/** Every PTP round: cause, action, verifications, what the citizen was told and how they answered. */
export function ptpLines(c: CaseRecord): string[] {
  const lines: string[] = [];
  c.ptp.forEach((r, i) => {
    const head = `PTP putaran ${i + 1}${r.reopenReason ? ` (dibuka kembali: "${maskPersonalData(r.reopenReason)}")` : ''}:`;
    lines.push(head);
    if (r.rootCause) lines.push(`  Akar masalah: ${maskPersonalData(r.rootCause)}`);
    if (r.correctiveAction) {
      const owner = r.owner ? ` · PIC ${maskPersonalData(r.owner)}` : '';
      const due = r.dueAt ? ` · target ${formatTime(r.dueAt)}` : '';
      lines.push(`  Tindakan perbaikan: ${maskPersonalData(r.correctiveAction)}${owner}${due}`);
    }
    for (const v of r.verifications) {
      const what = v.result === 'approved' ? 'disetujui' : 'dikembalikan';
      lines.push(
        `  Verifikasi: ${what} oleh ${v.by}, ${formatTime(v.at)}${v.notes ? ` ("${maskPersonalData(v.notes)}")` : ''}`,
      );
    }
    if (r.citizenMessage) lines.push(`  Disampaikan ke warga: "${maskPersonalData(r.citizenMessage)}"`);
    if (r.citizenAnswer) {
      const a = r.citizenAnswer;
      const said = { satisfied: 'puas', not_satisfied: 'belum puas', no_response: 'tidak menjawab' }[a.answer];
      lines.push(`  Jawaban warga: ${said}${a.reason ? ` ("${maskPersonalData(a.reason)}")` : ''}`);
    }
    if (r.cameBackAt) lines.push(`  Masalah muncul lagi: ${formatTime(r.cameBackAt)}`);
  });
  return lines;
}

export function eventLine(e: CaseEvent): string {
  const move = e.fromStage && e.toStage && e.fromStage !== e.toStage ? ` ${e.fromStage} → ${e.toStage}` : '';
  const who = `${e.actor.kind}:${e.actor.name ?? maskActorId(e.actor.id)}`;
  return `${formatTime(e.at)}  ${who}  ${e.action}${move}${e.detail ? `  "${maskPersonalData(e.detail)}"` : ''}`;
}

/** A citizen's actor id is "channel:user id" (citizenKey): the user id part is masked like any contact. */
export function maskActorId(id: string): string {
  const colon = id.indexOf(':');
  return colon > 0 ? `${id.slice(0, colon)}:${maskContact(id.slice(colon + 1))}` : maskContact(id);
}

/** "terlambat 3 jam", "terlambat 2 hari". */
function lateBy(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 48) return `terlambat ${Math.floor(hours / 24)} hari`;
  if (hours >= 1) return `terlambat ${hours} jam`;
  return `terlambat ${Math.max(1, Math.floor(ms / 60_000))} menit`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
