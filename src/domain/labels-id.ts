// Indonesian words for what staff, supervisors and auditors read in records (exports, the printed PTP form, digests).
// The stage names citizens read are STAGE_LABELS in stages.ts; these speak to staff ("menunggu konfirmasi warga").
import type { MessageLabel } from '../../nlp/types.js';
import type { CaseRecord } from './case.js';
import type { Resolution, Stage } from './stages.js';

export const KIND_ID: Record<MessageLabel, string> = {
  complaint: 'aduan',
  praise: 'pujian',
  statement: 'pernyataan',
};

export const REQUEST_ID: Record<NonNullable<CaseRecord['request']>, string> = {
  suggestion: 'saran / kritik',
  information: 'permintaan informasi',
  erasure: 'penghapusan data pribadi',
};

export const RESOLUTION_ID: Record<Resolution, string> = {
  satisfied: 'warga puas',
  no_response: 'warga tidak menjawab',
  invalid: 'tidak valid',
  withdrawn: 'dicabut warga',
  relabelled: 'bukan aduan (label diubah)',
  answered: 'sudah dijawab',
};

export const ANSWER_ID = { satisfied: 'puas', not_satisfied: 'belum puas', no_response: 'tidak menjawab' } as const;

const CHANNEL_ID: Record<string, string> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  console: 'Konsol',
  web: 'Situs web',
};

export function channelLabel(channel: string): string {
  return CHANNEL_ID[channel] ?? channel;
}

/**
 * Stage names as staff say them, the one vocabulary of every staff surface (card, lists, reminders, digests, exports).
 * The citizens' labels (STAGE_LABELS in stages.ts) speak to the citizen ("menunggu konfirmasi Anda").
 */
export const STAFF_STAGE_NAMES: Record<Stage, string> = {
  received: 'diterima',
  recorded: 'dicatat',
  forwarded: 'diteruskan ke bidang',
  in_review: 'ditelaah bidang',
  root_cause: 'akar masalah',
  action_planned: 'PTP direncanakan',
  in_progress: 'perbaikan dikerjakan',
  verifying: 'verifikasi',
  awaiting_confirmation: 'menunggu konfirmasi warga',
  closed: 'selesai',
  archived: 'diarsipkan',
};

/** The stage's name for staff. */
export function staffStageLabel(stage: Stage): string {
  return STAFF_STAGE_NAMES[stage];
}

const ACTION_ID: Record<string, string> = {
  received: 'aduan diterima',
  'received praise': 'pujian diterima',
  'received statement': 'pernyataan diterima',
  recorded: 'dicatat',
  forwarded: 'diteruskan ke bidang',
  take: 'diambil petugas',
  forward: 'diteruskan',
  review: 'ditelaah',
  'review note': 'catatan telaah',
  root_cause: 'akar masalah ditetapkan',
  'root cause': 'akar masalah',
  ptp: 'PTP ditetapkan',
  start: 'perbaikan dimulai',
  done: 'perbaikan selesai',
  approve: 'verifikasi: disetujui',
  'verification approved': 'verifikasi: disetujui',
  reject: 'verifikasi: dikembalikan',
  inform: 'hasil disampaikan ke warga',
  relabel: 'label diubah',
  note: 'catatan',
  'private note': 'catatan internal',
  invalid: 'ditutup: tidak valid',
  reply: 'pesan ke warga',
  'reply to citizen': 'pesan ke warga',
  'citizen message': 'pesan warga',
  'withdrawn by citizen': 'dicabut warga',
  archive: 'diarsipkan',
  'citizen satisfied': 'warga puas',
  'citizen not satisfied: reopened': 'warga belum puas: dibuka kembali',
  'problem came back: reopened': 'masalah muncul lagi: dibuka kembali',
  'follow-up: still solved': 'cek lanjutan: tetap beres',
  rated: 'penilaian warga',
  'no response: closed': 'ditutup: warga tidak menjawab',
  'overdue reminder': 'pengingat: melewati waktu standar',
  'overdue escalation': 'eskalasi ke supervisor',
  'closure reminder': 'pengingat konfirmasi ke warga',
  'follow-up asked': 'cek lanjutan ditanyakan',
  'received suggestion request': 'saran / kritik diterima',
  'received information request': 'permintaan informasi diterima',
  'received erasure request': 'permintaan hapus data diterima',
  answered: 'dijawab',
  erase: 'data pribadi dihapus atas permintaan',
  'personal data erased': 'data pribadi dihapus',
  'citizen added information': 'warga menambah keterangan',
  'citizen not satisfied (case still open)': 'warga belum puas (kasus masih dikerjakan)',
  'message to citizen not delivered': 'pesan ke warga tidak terkirim',
  'repeat linked': 'ditautkan sebagai aduan berulang',
};

/** Whether an action has an Indonesian name (a test walks whole cases and checks every event it wrote). */
export function hasActionLabel(action: string): boolean {
  return action in ACTION_ID || (action.startsWith('refused: ') && action.slice(9) in COMMAND_ID);
}

/** What a refused staff command asked for ("refused: approve" → "ditolak: setujui verifikasi"). */
const COMMAND_ID: Record<string, string> = {
  take: 'ambil kasus',
  forward: 'teruskan ke bidang',
  review: 'telaah',
  root_cause: 'akar masalah',
  ptp: 'PTP',
  start: 'mulai kerjakan',
  done: 'selesai dikerjakan',
  approve: 'setujui verifikasi',
  reject: 'kembalikan verifikasi',
  inform: 'sampaikan ke warga',
  relabel: 'ubah label',
  note: 'catatan',
  invalid: 'tutup tidak valid',
  archive: 'arsipkan',
  erase: 'hapus data pribadi',
  answered: 'jawab warga',
  reply: 'pesan ke warga',
  message: 'pesan',
  button: 'tombol',
};

/** An event's action in Indonesian for records ("citizen satisfied" → "warga puas"); unknown ones as written. */
export function actionLabel(action: string): string {
  const known = ACTION_ID[action];
  if (known) return known;
  if (!action.startsWith('refused: ')) return action;
  const asked = action.slice(9);
  return `ditolak: ${COMMAND_ID[asked] ?? asked}`;
}

const ACTOR_ID: Record<string, string> = {
  citizen: 'warga',
  staff: 'petugas',
  supervisor: 'supervisor',
  system: 'sistem',
};

/** "petugas", "warga", "sistem" for an actor kind. */
export function actorKindLabel(kind: string): string {
  return ACTOR_ID[kind] ?? kind;
}
