// Read-only staff commands: /kasus [stage] lists open cases, /cari <words> searches, /tiket <ticket> shows one
// case with its history. Texts are masked like the card: the group is read by many.
import type { App } from '../../src/app.js';
import type { CaseRecord } from '../../src/domain/case.js';
import { caseCardText, eventLine, formatTime } from '../../src/domain/case-card.js';
import { isStage, STAGE_LABELS, STAGES } from '../../src/domain/stages.js';
import { findTicketInText, parseTicket } from '../../src/domain/ticket.js';
import { maskPersonalData } from '../../nlp/pii.js';
import { say, type Place } from './say.js';

export const STAFF_HELP =
  'Kotak masuk aduan — perintah:\n' +
  '/kasus [tahap] daftar kasus terbuka · /cari <kata> cari kasus · /tiket <nomor> kartu dan riwayat\n' +
  'Di topik kasus: tombol di bawah kartu, atau /ambil, /teruskan [bidang], /telaah [catatan], /akar [teks], ' +
  '/ptp [tindakan | PIC | target], /mulai, /selesai [catatan], /setujui [catatan], /kembalikan [rekomendasi], ' +
  '/sampaikan [hasil], /label [aduan|pujian|pernyataan], /catatan [teks], /tolak [alasan], /arsip, /batal.\n' +
  'Pesan biasa di topik kasus diteruskan ke warga atas nama instansi.';

function line(c: CaseRecord, now: number): string {
  const late = c.dueAt !== undefined && c.dueAt < now ? ' ⚠ lewat batas' : '';
  const due = c.dueAt ? ` · batas ${formatTime(c.dueAt)}${late}` : '';
  return `• ${c.ticket} · ${STAGE_LABELS[c.stage].id}${due} · ${maskPersonalData(c.text).replace(/\s+/g, ' ').slice(0, 60)}`;
}

export async function listCases(app: App, place: Place, args: string): Promise<void> {
  const word = args.trim().toLowerCase();
  if (word && !isStage(word)) {
    return say(app, place, `Tahap "${args.trim().slice(0, 30)}" tidak dikenal. Pilihan: ${STAGES.join(', ')}.`);
  }
  const stage = word && isStage(word) ? word : undefined;
  const cases = await app.store.listCases(
    stage
      ? { stage, kind: 'complaint', limit: 50, order: 'oldest' }
      : { open: true, kind: 'complaint', limit: 50, order: 'oldest' },
  );
  const now = app.now();
  const head = stage ? `Kasus pada tahap ${STAGE_LABELS[stage].id}` : 'Kasus terbuka';
  await say(
    app,
    place,
    cases.length ? `${head} (${cases.length}):\n${cases.map((c) => line(c, now)).join('\n')}` : `${head}: tidak ada.`,
  );
}

export async function searchCases(app: App, place: Place, args: string): Promise<void> {
  const words = args.trim().slice(0, 200);
  if (!words) return say(app, place, 'Tulis kata yang dicari, contoh: /cari tagihan pbb');
  const cases = await app.store.listCases({ search: words, limit: 20 });
  const now = app.now();
  await say(
    app,
    place,
    cases.length
      ? `Hasil pencarian "${words}":\n${cases.map((c) => line(c, now)).join('\n')}`
      : `Tidak ada kasus yang cocok dengan "${words}".`,
  );
}

export async function showTicket(app: App, place: Place, args: string): Promise<void> {
  const raw = args.trim();
  if (!raw) return say(app, place, 'Tulis nomor tiketnya, contoh: /tiket ADU-7KQ9-M2XT');
  const ticket = parseTicket(raw) ?? findTicketInText(raw);
  const c = ticket ? await app.store.getCase(ticket) : null;
  if (!c) return say(app, place, `Tiket ${raw.slice(0, 20)} tidak ditemukan.`);
  const events = await app.store.getEvents(c.ticket);
  const history = events.map(eventLine).join('\n');
  await say(app, place, `${caseCardText(c, app.agency)}\n\nRiwayat:\n${history || '(kosong)'}`);
}
