// What the WhatsApp adapter itself says: replies to messages the flows cannot use (stickers, contact cards,
// view-once media), the numbered-choice hint, and the staff group's connection notices.
import type { Language } from '../../src/domain/case.js';

const REPLIES = {
  sticker: {
    id: 'Maaf, stiker belum bisa kami proses. Silakan tulis pesan Anda dengan kata-kata.',
    en: 'Sorry, we cannot read stickers. Please write your message in words.',
  },
  viewOnce: {
    id: 'Maaf, foto/video "sekali lihat" tidak dapat kami simpan sebagai bukti. Mohon kirim ulang sebagai foto atau video biasa.',
    en: 'Sorry, "view once" photos and videos cannot be kept as evidence. Please send it again as a normal photo or video.',
  },
  contactCard: {
    id: 'Maaf, kartu kontak tidak kami proses. Silakan tulis keluhan atau pertanyaan Anda dengan kata-kata.',
    en: 'Sorry, we do not process contact cards. Please write your complaint or question in words.',
  },
  oversized: {
    id: 'Maaf, berkas Anda terlalu besar untuk kami terima. Kirim berkas yang lebih kecil atau foto layar.',
    en: 'Sorry, your file is too large for us to receive. Please send a smaller file or a screenshot.',
  },
  unsupported: {
    id: 'Maaf, jenis pesan ini belum bisa kami proses. Silakan kirim teks, foto, dokumen, pesan suara, atau lokasi.',
    en: 'Sorry, we cannot process this kind of message. Please send text, a photo, a document, a voice note or a location.',
  },
} satisfies Record<string, Record<Language, string>>;

export type UnusableKind = keyof typeof REPLIES;

/** The polite reply to a message the flows cannot use. */
export function unusableReply(kind: UnusableKind, lang: Language): string {
  return REPLIES[kind][lang];
}

/** The line under numbered choices (WhatsApp Web has no reliable buttons). */
export function answerHint(count: number, lang: Language): string {
  const range = count > 1 ? ` (1-${count})` : '';
  return lang === 'en' ? `Reply with the number${range}.` : `Balas dengan angka${range}.`;
}

/** Staff-group notices about the connection. */
export const notices = {
  down: (detail: string) =>
    `⚠️ WhatsApp terputus (${detail}). Pesan keluar ke warga ditahan di antrean dan dikirim setelah tersambung kembali. ` +
    'Sistem mencoba menyambung ulang otomatis.' +
    (/LOGOUT|UNPAIRED|authentication failed/.test(detail)
      ? ' Sesi WhatsApp tampaknya keluar: admin server perlu memindai ulang kode QR (lihat log layanan).'
      : ''),
  back: () => '✅ WhatsApp tersambung kembali. Pesan yang tertunda sedang dikirim.',
};
