// What the citizens' pages say, Indonesian first and English. The conversation itself (questions, the ticket, the
// closure question) is the flows' own text (flows/texts.ts), the same as on the chat channels.
import type { Language } from '../../src/domain/case.js';
import type { Stage } from '../../src/domain/stages.js';

export const PAGE_TEXTS = {
  service: { id: 'Layanan Pengaduan Masyarakat', en: 'Public Complaint Service' },
  formTitle: { id: 'Sampaikan pengaduan', en: 'Submit a complaint' },
  formLead: {
    id: 'Sampaikan keluhan, saran, pertanyaan, atau apresiasi Anda. Kami mencatatnya dengan nomor tiket dan meneruskannya ke bidang yang menangani.',
    en: 'Tell us your complaint, suggestion, question or praise. We record it with a ticket number and pass it to the division in charge.',
  },
  message: { id: 'Isi pengaduan', en: 'Your message' },
  messageHint: {
    id: 'Ceritakan apa yang terjadi. Jangan tulis nomor KTP atau kata sandi.',
    en: 'Tell us what happened. Do not write ID numbers or passwords.',
  },
  place: { id: 'Lokasi (tidak wajib)', en: 'Place (optional)' },
  placeHint: {
    id: 'Misalnya: loket 3 kantor Bapenda, alamat objek pajak, atau nama layanan online',
    en: 'E.g. counter 3 at the office, the property address, or the online service',
  },
  time: { id: 'Waktu kejadian (tidak wajib)', en: 'When it happened (optional)' },
  timeHint: { id: 'Misalnya: sejak 2 minggu lalu, 3 Maret 2026', en: 'E.g. for 2 weeks, 3 March 2026' },
  files: { id: 'Foto atau dokumen pendukung (tidak wajib)', en: 'Photos or documents (optional)' },
  filesHint: {
    id: (max: number) => `Paling banyak 3 berkas JPG, PNG, WebP, HEIC atau PDF, masing-masing paling besar ${max} MB.`,
    en: (max: number) => `Up to 3 JPG, PNG, WebP, HEIC or PDF files, each at most ${max} MB.`,
  },
  contact: { id: 'Bagaimana kami dapat menghubungi Anda?', en: 'How can we reach you?' },
  contactNone: { id: 'Tidak perlu dihubungi', en: 'No need to contact me' },
  contactWhatsapp: { id: 'WhatsApp', en: 'WhatsApp' },
  contactTelegram: { id: 'Telegram', en: 'Telegram' },
  contactEmail: { id: 'E-mail', en: 'E-mail' },
  contactValue: {
    id: 'Nomor WhatsApp, username Telegram, atau alamat e-mail',
    en: 'WhatsApp number, Telegram username or e-mail address',
  },
  contactHint: {
    id: 'Hanya diisi jika Anda memilih cara dihubungi di atas.',
    en: 'Only if you chose a way to reach you above.',
  },
  anonymous: { id: 'Rahasiakan identitas saya dari petugas (anonim)', en: 'Keep my identity from staff (anonymous)' },
  anonymousHint: {
    id: 'Petugas tidak melihat kontak Anda. Kontak hanya dipakai untuk mengirim ulang tautan pribadi Anda.',
    en: 'Staff will not see your contact. It is only used to send your private link again.',
  },
  privacy: {
    id: 'Pesan dan lampiran Anda hanya dibaca petugas yang berwenang. Nomor KTP/NIK, telepon dan e-mail disamarkan dalam laporan.',
    en: 'Only authorised staff read your message and files. ID numbers, phone numbers and e-mail addresses are masked in reports.',
  },
  submit: { id: 'Kirim pengaduan', en: 'Submit' },
  trackLink: { id: 'Lacak pengaduan', en: 'Track a complaint' },
  errorsTitle: { id: 'Mohon periksa kembali:', en: 'Please check:' },
  filesAgain: {
    id: 'Berkas yang sudah dipilih perlu dipilih ulang.',
    en: 'Please choose your files again.',
  },
  // Tracking.
  trackTitle: { id: 'Pengaduan Anda', en: 'Your complaint' },
  noTrack: { id: 'Lacak pengaduan', en: 'Track a complaint' },
  noTrackText: {
    id: 'Buka tautan pribadi yang Anda terima setelah mengirim pengaduan. Nomor tiket saja tidak dapat membuka pengaduan, agar tidak ada orang lain yang dapat melihatnya.',
    en: 'Open the private link you received after submitting. A ticket number alone cannot open a complaint, so that nobody else can see it.',
  },
  unknownLink: { id: 'Tautan tidak dikenal', en: 'Unknown link' },
  unknownLinkText: {
    id: 'Tautan ini tidak dikenal atau sudah diganti. Periksa kembali tautan pribadi Anda.',
    en: 'This link is unknown or was replaced. Please check your private link.',
  },
  ticket: { id: 'Nomor tiket', en: 'Ticket number' },
  notYetRecorded: {
    id: 'Pengaduan Anda belum tercatat: mohon jawab pertanyaan di bawah.',
    en: 'Your complaint is not recorded yet: please answer the question below.',
  },
  privateLink: { id: 'Tautan pribadi Anda', en: 'Your private link' },
  privateLinkText: {
    id: 'Simpan tautan ini (misalnya kirim ke diri sendiri atau tandai). Siapa pun yang memegangnya dapat melihat dan menjawab pengaduan ini.',
    en: 'Keep this link (send it to yourself or bookmark it). Anyone who has it can see and answer this complaint.',
  },
  stage: { id: 'Tahap sekarang', en: 'Current stage' },
  thread: { id: 'Percakapan', en: 'Conversation' },
  you: { id: 'Anda', en: 'You' },
  serviceName: { id: 'Petugas', en: 'Staff' },
  processing: {
    id: 'Sedang diproses… halaman ini dimuat ulang sendiri.',
    en: 'Processing… this page reloads by itself.',
  },
  answer: { id: 'Balasan Anda', en: 'Your reply' },
  answerHint: {
    id: 'Tulis jawaban, tambahan keterangan, atau pertanyaan untuk petugas.',
    en: 'Write your answer, more details, or a question for the staff.',
  },
  send: { id: 'Kirim', en: 'Send' },
  attach: { id: 'Lampirkan berkas (tidak wajib)', en: 'Attach files (optional)' },
  yourAnswer: { id: 'Jawaban Anda', en: 'Your answer' },
  confirmTitle: { id: 'Apakah Anda puas dengan hasilnya?', en: 'Are you satisfied with the result?' },
  reason: { id: 'Jika belum puas, apa yang belum beres?', en: 'If not, what is still wrong?' },
  reasonHint: {
    id: 'Alasan Anda dikirim ke petugas dan pengaduan dibuka kembali.',
    en: 'Your reason goes to the staff and the complaint is reopened.',
  },
  confirmSend: { id: 'Kirim jawaban', en: 'Send answer' },
  forget: { id: 'Keluar dari perangkat ini', en: 'Forget on this device' },
  forgotten: {
    id: 'Tautan pribadi tidak lagi tersimpan di perangkat ini. Buka tautan Anda untuk melihat pengaduan lagi.',
    en: 'Your private link is no longer kept on this device. Open your link to see the complaint again.',
  },
  newComplaint: { id: 'Pengaduan baru', en: 'New complaint' },
  tooOften: {
    id: 'Terlalu banyak permintaan dari alamat Anda. Mohon tunggu sebentar lalu coba lagi.',
    en: 'Too many requests from your address. Please wait a moment and try again.',
  },
  tooLarge: {
    id: 'Kiriman terlalu besar. Kirim berkas yang lebih kecil.',
    en: 'What you sent is too large. Please send smaller files.',
  },
  expiredForm: {
    id: 'Formulir ini sudah kedaluwarsa. Muat ulang halaman lalu kirim lagi.',
    en: 'This form has expired. Reload the page and send it again.',
  },
  unavailable: {
    id: 'Maaf, layanan sedang tidak dapat menyimpan pengaduan. Tidak ada yang tersimpan; silakan coba lagi beberapa menit lagi.',
    en: 'Sorry, the service cannot keep complaints right now. Nothing was saved; please try again in a few minutes.',
  },
  relinkTitle: { id: 'Kehilangan tautan pribadi?', en: 'Lost your private link?' },
} as const;

type Key = keyof typeof PAGE_TEXTS;

/** A page text in `lang`. */
export function pt(lang: Language, key: Key): string {
  const v = PAGE_TEXTS[key] as { id: unknown; en: unknown };
  const s = v[lang];
  return typeof s === 'string' ? s : String(s);
}

/** What a stage means for the citizen, in plain words. */
export const STAGE_FOR_CITIZEN: Record<Stage, { id: string; en: string }> = {
  received: { id: 'Pengaduan diterima.', en: 'Your complaint was received.' },
  recorded: { id: 'Pesan Anda sudah dicatat.', en: 'Your message is recorded.' },
  forwarded: {
    id: 'Pengaduan sudah diteruskan ke bidang yang menangani dan menunggu ditelaah.',
    en: 'Your complaint was passed to the division in charge and waits to be reviewed.',
  },
  in_review: { id: 'Bidang terkait sedang menelaah pengaduan Anda.', en: 'The division is reviewing your complaint.' },
  root_cause: {
    id: 'Petugas sedang mencari penyebab masalahnya.',
    en: 'Staff are looking for the cause of the problem.',
  },
  action_planned: {
    id: 'Tindakan perbaikan sudah direncanakan.',
    en: 'A corrective action has been planned.',
  },
  in_progress: { id: 'Perbaikan sedang dikerjakan.', en: 'The fix is being carried out.' },
  verifying: {
    id: 'Hasil perbaikan sedang diperiksa oleh kepala bidang.',
    en: 'The head of division is checking the result.',
  },
  awaiting_confirmation: {
    id: 'Hasilnya sudah kami sampaikan. Mohon beri tahu kami apakah Anda puas.',
    en: 'We have told you the result. Please tell us whether you are satisfied.',
  },
  closed: { id: 'Pengaduan selesai. Terima kasih.', en: 'The complaint is closed. Thank you.' },
  archived: { id: 'Pengaduan selesai dan diarsipkan.', en: 'The complaint is closed and archived.' },
};

/** The steps shown to the citizen, each covering SOP stages. */
export const CITIZEN_STEPS: Array<{ stages: Stage[]; id: string; en: string }> = [
  { stages: ['received', 'recorded'], id: 'Diterima dan dicatat', en: 'Received and recorded' },
  { stages: ['forwarded'], id: 'Diteruskan ke bidang', en: 'Passed to the division' },
  { stages: ['in_review', 'root_cause'], id: 'Ditelaah, dicari penyebabnya', en: 'Reviewed, cause sought' },
  { stages: ['action_planned', 'in_progress'], id: 'Perbaikan', en: 'Fixing' },
  { stages: ['verifying'], id: 'Pemeriksaan hasil', en: 'Result checked' },
  { stages: ['awaiting_confirmation'], id: 'Konfirmasi Anda', en: 'Your confirmation' },
  { stages: ['closed', 'archived'], id: 'Selesai', en: 'Closed' },
];
