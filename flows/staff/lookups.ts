// Read-only staff commands: /kasus [stage] lists open cases, /cari <words> searches, /tiket <ticket> shows one case
// with its history, /bantuan lists the commands. Texts are masked like the card: the staff group is read by many.
import type { CaseRecord } from '../../src/domain/case.js';
import { caseCardText, eventLine, formatTime } from '../../src/domain/case-card.js';
import { isStage, STAGES } from '../../src/domain/stages.js';
import { findTicketInText, parseTicket } from '../../src/domain/ticket.js';
import type { StaffReply } from '../../src/domain/staff.js';
import { maskPersonalData } from '../../nlp/pii.js';
import { notice, type StaffContext } from './context.js';
import { stageName, STAFF_HELP } from './texts.js';

function line(c: CaseRecord, now: number): string {
  const late = c.dueAt !== undefined && c.dueAt < now ? ' ⚠ lewat batas' : '';
  const due = c.dueAt ? ` · batas ${formatTime(c.dueAt)}${late}` : '';
  const holder = c.assignee ? ` · ${c.assignee}` : '';
  return `• ${c.ticket} · ${stageName(c.stage)}${due}${holder} · ${maskPersonalData(c.text).replace(/\s+/g, ' ').slice(0, 60)}`;
}

/** /kasus [tahap]: open complaints (or those at a stage), oldest first. */
export async function listCases(args: string, ctx: StaffContext): Promise<StaffReply> {
  const word = args.trim().toLowerCase();
  if (word && !isStage(word)) {
    return notice(`Tahap "${args.trim().slice(0, 30)}" tidak dikenal. Pilihan: ${STAGES.join(', ')}.`);
  }
  const stage = word && isStage(word) ? word : undefined;
  const cases = await ctx.listCases(
    stage
      ? { stage, kind: 'complaint', limit: 50, order: 'oldest' }
      : { open: true, kind: 'complaint', limit: 50, order: 'oldest' },
  );
  const head = stage ? `Kasus pada tahap ${stageName(stage)}` : 'Kasus terbuka';
  return notice(
    cases.length
      ? `${head} (${cases.length}):\n${cases.map((c) => line(c, ctx.now)).join('\n')}`
      : `${head}: tidak ada.`,
  );
}

/** /cari <kata>: cases whose text, details, topic or ticket hold every word. */
export async function searchCases(args: string, ctx: StaffContext): Promise<StaffReply> {
  const words = args.trim().slice(0, 200);
  if (!words) return notice('Tulis kata yang dicari, contoh: /cari tagihan pbb');
  const cases = await ctx.listCases({ search: words, limit: 20 });
  return notice(
    cases.length
      ? `Hasil pencarian "${words}":\n${cases.map((c) => line(c, ctx.now)).join('\n')}`
      : `Tidak ada kasus yang cocok dengan "${words}".`,
  );
}

/** /tiket <nomor>: the case's card and its whole history. */
export async function showTicket(args: string, ctx: StaffContext): Promise<StaffReply> {
  const raw = args.trim();
  if (!raw) return notice('Tulis nomor tiketnya, contoh: /tiket ADU-7KQ9-M2XT');
  const ticket = parseTicket(raw) ?? findTicketInText(raw);
  const c = ticket ? await ctx.getCase(ticket) : null;
  if (!c) return notice(`Tiket ${raw.slice(0, 20)} tidak ditemukan.`);
  const history = (await ctx.getEvents(c.ticket)).map(eventLine).join('\n');
  return notice(`${caseCardText(c, ctx.agency)}\n\nRiwayat:\n${history || '(kosong)'}`);
}

/** /bantuan: every staff command. */
export function help(): StaffReply {
  return notice(STAFF_HELP);
}
