// Indonesian words for what staff, supervisors and auditors read in records (exports, the printed PTP form, digests).
// The stage names citizens read are STAGE_LABELS in stages.ts; these speak to staff ("menunggu konfirmasi warga").
import type { MessageLabel } from '../../nlp/types.js';
import type { CaseRecord } from './case.js';
import { STAGE_LABELS, type Resolution, type Stage } from './stages.js';

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
  relabelled: 'dilabel ulang',
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

/** The stage's name for staff (the citizens' label at awaiting_confirmation speaks to the citizen). */
export function staffStageLabel(stage: Stage): string {
  return stage === 'awaiting_confirmation' ? 'menunggu konfirmasi warga' : STAGE_LABELS[stage].id;
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
};

/** An event's action in Indonesian for records ("citizen satisfied" → "warga puas"); unknown ones as written. */
export function actionLabel(action: string): string {
  const known = ACTION_ID[action];
  if (known) return known;
  return action.startsWith('refused: ') ? `ditolak: ${action.slice(9)}` : action;
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
