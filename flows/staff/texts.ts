// What the staff inbox says to staff (Indonesian, the officers' working language). Citizen-facing texts are in the
// planners (id/en) and in flows/texts.ts.
import type { Stage } from '../../src/domain/stages.js';
import { staffStageLabel } from '../../src/domain/labels-id.js';
import type { ActionType } from './actions/types.js';

/** The stage as staff call it (refusals, lists); the card uses the same names. */
export function stageName(stage: Stage): string {
  return staffStageLabel(stage);
}

/** Button labels of the case's actions. */
export const ACTION_LABELS: Record<ActionType, string> = {
  take: 'Ambil',
  forward: 'Teruskan ke bidang',
  review: 'Telaah',
  root_cause: 'Akar masalah',
  ptp: 'PTP',
  start: 'Mulai kerjakan',
  done: 'Selesai dikerjakan',
  approve: 'Setujui (supervisor)',
  reject: 'Kembalikan (supervisor)',
  inform: 'Sampaikan ke warga',
  relabel: 'Label ulang',
  note: 'Catatan internal',
  invalid: 'Tutup: tidak valid',
  reply: 'Balas warga',
  answered: 'Tutup: sudah dijawab',
  archive: 'Arsipkan',
  erase: 'Hapus data pribadi warga',
};

/** What the bot asks for when an action's text was not given with the command. */
export const PROMPTS: Partial<Record<ActionType, string>> = {
  review: 'tulis catatan telaah (atau "-" tanpa catatan).',
  root_cause: 'tulis akar masalahnya.',
  ptp: 'PTP langkah 1/3: tulis tindakan perbaikannya (untuk catatan internal; tidak dikirim ke warga).',
  reject: 'tulis rekomendasi perbaikan (hasil dikembalikan ke pengerjaan).',
  inform:
    'tulis pesan untuk warga: hasil penanganannya dengan bahasa yang mudah dipahami, tanpa istilah internal. ' +
    'Pesan ini dikirim ke warga apa adanya, lalu warga ditanya puas atau belum.',
  note: 'tulis catatan internal (tidak dikirim ke warga).',
  invalid: 'tulis alasan aduan ditutup sebagai tidak valid (dikirim ke warga).',
};

/** How each command is used (sent back when its arguments are wrong). */
export const USAGE: Partial<Record<ActionType, string>> = {
  ptp:
    'Format: /ptp <tindakan perbaikan> | <penanggung jawab> | <target, mis. 2026-12-01 atau 3 hari>. ' +
    'Atau /ptp saja untuk ditanya satu per satu.',
  forward: 'Format: /teruskan <bidang>. Atau /teruskan saja untuk memilih bidang.',
  relabel: 'Label harus salah satu dari: aduan, pujian, pernyataan (complaint, praise, statement).',
  erase:
    'Menghapus data pribadi warga kasus ini dari SEMUA kasusnya (isi pesan, kontak, percakapan, lampiran web) ' +
    'tidak dapat dibatalkan; tahap, tanggal, bidang dan label tetap untuk statistik. Ketik /hapusdata ya untuk ' +
    'melanjutkan.',
};

export const STAFF_HELP =
  'Kotak masuk aduan — perintah:\n' +
  '/kasus [tahap] daftar kasus terbuka · /cari <kata> cari kasus · /tiket <nomor> kartu dan riwayat · ' +
  '/web tautan masuk dasbor web\n' +
  'Di topik kasus: tombol di bawah kartu, atau /ambil, /teruskan [bidang], /telaah [catatan], /akar [teks], ' +
  '/ptp [tindakan | PIC | target], /mulai, /selesai [catatan], /setujui [catatan], /kembalikan [rekomendasi], ' +
  '/sampaikan [pesan untuk warga], /terjawab (permintaan informasi), /label [aduan|pujian|pernyataan], ' +
  '/catatan [teks], /tolak [alasan], /arsip, /hapusdata (permintaan hapus data pribadi), /batal.\n' +
  'Pesan biasa di topik kasus diteruskan ke warga atas nama instansi.';
