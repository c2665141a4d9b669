// The staff-facing summary of a case (the "card" in the shared inbox, `cases show` on a terminal).
// The citizen's contact and any personal data in the text are masked: the card is read in a group.
import { maskContact, maskPersonalData } from '../../nlp/pii.js';
import type { Agency } from './agency.js';
import type { CaseEvent, CaseRecord } from './case.js';
import type { Resolution } from './stages.js';
import { unreachableWords } from './contact.js';
import { isOpenPastDue } from './standard-time.js';
import {
  actionLabel,
  actorKindLabel,
  ANSWER_ID,
  KIND_ID,
  RESOLUTION_ID,
  STAFF_STAGE_NAMES,
  staffStageLabel,
} from './labels-id.js';

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

/** What the card shows beside the case record: things known elsewhere (the contact) or about the moment. */
export interface CardExtras {
  /** Now: a case open past the due time of its stage says so. */
  now?: number;
  /** The channel reported the citizen cannot be reached. */
  unreachable?: { at: number; reason: string };
  /** The last thing that happened, shown at the foot of a live card. */
  last?: string;
  /** The citizen's other complaints, newest first (a pattern staff should see: the same person again and again). */
  earlier?: Array<Pick<CaseRecord, 'ticket' | 'stage'>>;
  /** How many other complaints were found; more than `earlier` lists adds 'dan lainnya'. */
  earlierTotal?: number;
}

/** Who writes the praise a citizen gave with a complaint into the case's notes (flows/record.ts). */
export const PRAISE_NOTE = { by: 'Aduan', prefix: 'Pujian warga: ' } as const;

/** The praise the citizen gave with this complaint (kept as a note when it was recorded), if any. */
export function praiseOf(c: Pick<CaseRecord, 'privateNotes'>): string | undefined {
  const note = c.privateNotes.find((n) => n.by === PRAISE_NOTE.by && n.text.startsWith(PRAISE_NOTE.prefix));
  return note?.text.slice(PRAISE_NOTE.prefix.length);
}

/** The card's line naming the citizen's other complaints ('' when there are none). */
export function earlierCasesLine(x: Pick<CardExtras, 'earlier' | 'earlierTotal'>): string {
  if (!x.earlier?.length) return '';
  const more = (x.earlierTotal ?? x.earlier.length) > x.earlier.length;
  const list = x.earlier.map((o) => `${o.ticket} (${STAFF_STAGE_NAMES[o.stage]})`).join(', ');
  return `Aduan lain warga ini: ${list}${more ? ' dan lainnya' : ''}`;
}

/**
 * Text a citizen (or anyone outside the staff) wrote, as one quoted line: personal data masked, line breaks shown as
 * ⏎ and control and bidirectional-override characters dropped, so it can never start a line of its own that would
 * read as a field of the card ("Tahap: selesai") or run right-to-left over the fields after it.
 */
export function quoted(text: string, max = 800): string {
  const flat = maskPersonalData(text)
    .replace(/\r\n?|[\n\u2028\u2029\u0085\v\f]/g, ' ⏎ ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/"/g, "'")
    .replace(/\s{2,}/g, ' ')
    .trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

/**
 * The card's text (Indonesian: the officers' working language). With `now`, a case open past the due time of its
 * stage says so, by the one definition of over the standard time (standard-time.ts) that the digest and the export
 * use. Everything a citizen wrote is quoted (see `quoted`).
 */
export function caseCardText(c: CaseRecord, agency: Agency, nowOrExtras?: number | CardExtras): string {
  const x: CardExtras = typeof nowOrExtras === 'number' ? { now: nowOrExtras } : (nowOrExtras ?? {});
  const now = x.now;
  const kind =
    c.request === 'suggestion' ? 'saran' : c.request === 'information' ? 'permintaan informasi' : KIND_ID[c.kind];
  const lines = [
    `${c.ticket} · ${kind.toUpperCase()}${c.flags.includes('integrity') ? ' · ⚠ INTEGRITAS (pungli/suap)' : ''}`,
    `Kanal: ${c.citizen.channel} · Kontak: ${maskContact(c.citizen.userId)}${c.citizen.displayName ? ` (${quoted(c.citizen.displayName, 60)})` : ''}`,
  ];
  if (x.unreachable)
    lines.push(
      `⚠ Warga tidak dapat dihubungi sejak ${formatTime(x.unreachable.at)} (${unreachableWords(x.unreachable.reason)})`,
    );
  lines.push(`Isi: ${quoted(c.text)}`);
  if (c.details.what) lines.push(`Rincian: ${quoted(c.details.what)}`);
  if (c.details.where) lines.push(`Lokasi: ${quoted(c.details.where, 200)}`);
  if (c.details.since) lines.push(`Sejak: ${quoted(c.details.since, 100)}`);
  if (c.attachments.length) lines.push(`Lampiran: ${c.attachments.map((a) => a.kind).join(', ')}`);
  if (c.request === 'information') lines.push('Jenis: permintaan informasi (jawab warga di topik ini, lalu /terjawab)');
  if (c.request === 'suggestion') lines.push('Jenis: saran / aspirasi');
  if (c.request === 'erasure')
    lines.push('Jenis: permintaan penghapusan data pribadi (UU PDP); setelah diperiksa: /hapusdata ya');
  const praise = praiseOf(c);
  if (praise) lines.push(`Pujian warga (diteruskan): ${quoted(praise, 300)}`);
  const cls = c.correction
    ? `${KIND_ID[c.correction.label]} (dikoreksi petugas; model: ${KIND_ID[c.classification.label]} ${pct(c.classification.confidence)})`
    : `${KIND_ID[c.classification.label]} (keyakinan model ${pct(c.classification.confidence)})`;
  lines.push(`Klasifikasi: ${cls} · Topik: ${quoted(c.topic, 80)}`);
  lines.push(`Bidang: ${divisionName(agency, c.division)}`);
  if (c.repeatOf) lines.push(`Aduan berulang dari: ${c.repeatOf.ticket} (kemiripan ${pct(c.repeatOf.similarity)})`);
  const others = earlierCasesLine(x);
  if (others) lines.push(others);
  const late =
    now !== undefined && isOpenPastDue(c, now)
      ? ` · ⏰ MELEWATI WAKTU STANDAR (${lateBy(now - (c.dueAt ?? now))})`
      : '';
  const due = c.dueAt && c.stage !== 'closed' && c.stage !== 'archived' ? ` · batas waktu ${formatTime(c.dueAt)}` : '';
  lines.push(`Tahap: ${STAFF_STAGE_NAMES[c.stage]}${due}${late}`);
  if (c.reopenCount) lines.push(`Dibuka kembali: ${c.reopenCount}×`);
  lines.push(c.assignee ? `Dipegang oleh: ${c.assignee}` : 'Dipegang oleh: belum ada (pakai /ambil)');
  lines.push(...ptpLines(c));
  const rated = [...c.satisfaction].reverse().find((a) => a.rating !== undefined);
  if (rated)
    lines.push(
      `Penilaian warga: ${'★'.repeat(rated.rating ?? 0)}${'☆'.repeat(5 - (rated.rating ?? 0))} (${rated.rating}/5)`,
    );
  if (c.resolution)
    lines.push(
      `Penyelesaian: ${resolutionName(c.resolution)}${c.resolutionNote ? ` (${quoted(c.resolutionNote, 300)})` : ''}`,
    );
  if (x.last) lines.push(`\nTerakhir: ${x.last}`);
  return lines.join('\n');
}

/** Every PTP round: cause, action, verifications, what the citizen was told and how they answered. */
export function ptpLines(c: CaseRecord): string[] {
  const lines: string[] = [];
  c.ptp.forEach((r, i) => {
    const head = `PTP putaran ${i + 1}${r.reopenReason ? ` (dibuka kembali: ${quoted(r.reopenReason, 300)})` : ''}:`;
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
    if (r.citizenMessage) lines.push(`  Disampaikan ke warga: ${quoted(r.citizenMessage, 600)}`);
    if (r.citizenAnswer) {
      const a = r.citizenAnswer;
      const said = ANSWER_ID[a.answer];
      lines.push(`  Jawaban warga: ${said}${a.reason ? ` (${quoted(a.reason, 300)})` : ''}`);
    }
    if (r.cameBackAt) lines.push(`  Masalah muncul lagi: ${formatTime(r.cameBackAt)}`);
  });
  return lines;
}

export function eventLine(e: CaseEvent): string {
  const move = stageMove(e);
  const who = `${actorKindLabel(e.actor.kind)}:${e.actor.name ?? maskActorId(e.actor.id)}`;
  return `${formatTime(e.at)}  ${who}  ${actionLabel(e.action)}${move}${e.detail ? `  "${maskPersonalData(e.detail)}"` : ''}`;
}

/** " (dicatat → diteruskan ke bidang)" when the event moved the case, else ''. The card, cases show and the dashboard. */
export function stageMove(e: Pick<CaseEvent, 'fromStage' | 'toStage'>): string {
  return e.fromStage && e.toStage && e.fromStage !== e.toStage
    ? ` (${staffStageLabel(e.fromStage)} → ${staffStageLabel(e.toStage)})`
    : '';
}

/** A citizen's actor id is "channel:user id" (citizenKey): the user id part is masked like any contact. */
export function maskActorId(id: string): string {
  const colon = id.indexOf(':');
  return colon > 0 ? `${id.slice(0, colon)}:${maskContact(id.slice(colon + 1))}` : maskContact(id);
}

/** How a case ended, in the staff's words. */
export function resolutionName(r: Resolution): string {
  return RESOLUTION_ID[r];
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
