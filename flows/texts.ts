// Everything the bot says to citizens, in Indonesian (default) and English. Plain text: channel adapters escape
// it for their own formatting.
import type { Language } from '../src/domain/case.js';

type Params = Record<string, string | number>;
type Template = string | ((p: Params) => string);

const TEXTS = {
  greeting: {
    id: (p: Params) =>
      `Selamat datang di layanan pengaduan ${p.agency}. Sampaikan keluhan, saran, atau pertanyaan Anda di sini.\n\n` +
      'Privasi: pesan dan lampiran Anda kami simpan untuk menangani pengaduan dan hanya dibaca petugas yang berwenang. ' +
      'Nomor KTP/NIK, nomor telepon dan e-mail disamarkan dalam laporan.\n\n' +
      'Ketik /lapor untuk aduan baru, /status <nomor tiket> untuk cek status, /kasus untuk daftar aduan Anda, ' +
      '/bantuan untuk bantuan. For English, type /language en.',
    en: (p: Params) =>
      `Welcome to the complaint service of ${p.agency}. Tell us your complaint, suggestion or question here.\n\n` +
      'Privacy: we keep your messages and attachments to handle your complaint; only authorised staff read them. ' +
      'ID (NIK) numbers, phone numbers and e-mail addresses are masked in reports.\n\n' +
      'Type /report for a new complaint, /status <ticket> to check a status, /cases for your complaints, /help for help. ' +
      'Untuk Bahasa Indonesia, ketik /bahasa id.',
  },
  help: {
    id:
      'Cara memakai layanan ini:\n' +
      '• Tulis keluhan Anda langsung, atau ketik /lapor.\n' +
      '• /status <nomor tiket>: cek status aduan (contoh: /status ADU-7KQ9-M2XT).\n' +
      '• /kasus: daftar aduan Anda.\n' +
      '• /batal: batalkan aduan yang sedang diisi, atau /batal <nomor tiket> untuk menarik aduan.\n' +
      '• /bahasa en: ganti ke bahasa Inggris.',
    en:
      'How to use this service:\n' +
      '• Write your complaint directly, or type /report.\n' +
      '• /status <ticket>: check a complaint (e.g. /status ADU-7KQ9-M2XT).\n' +
      '• /cases: your complaints.\n' +
      '• /cancel: stop the complaint you are writing, or /cancel <ticket> to withdraw one.\n' +
      '• /language id: switch to Indonesian.',
  },
  reportPrompt: {
    id: 'Silakan ceritakan keluhan Anda: apa yang terjadi, di mana, dan sejak kapan.',
    en: 'Please tell us your complaint: what happened, where, and since when.',
  },
  empty: {
    id: 'Pesan Anda kosong. Silakan tulis keluhan, saran, atau pertanyaan Anda.',
    en: 'Your message is empty. Please write your complaint, suggestion or question.',
  },
  tooLong: {
    id: (p: Params) =>
      `Pesan Anda terlalu panjang (${p.length} karakter; maksimal ${p.max}). Mohon ringkas atau kirim dalam beberapa pesan.`,
    en: (p: Params) =>
      `Your message is too long (${p.length} characters; at most ${p.max}). Please shorten it or send it in parts.`,
  },
  unknownCommand: {
    id: (p: Params) => `Perintah ${p.command} tidak dikenal. Ketik /bantuan untuk melihat perintah yang tersedia.`,
    en: (p: Params) => `${p.command} is not a command we know. Type /help to see the commands.`,
  },
  clarify: {
    id: 'Mohon maaf, agar tepat kami tangani: pesan Anda termasuk yang mana?',
    en: 'So that we handle it right: which of these is your message?',
  },
  choiceComplaint: { id: 'Aduan / keluhan', en: 'A complaint' },
  choicePraise: { id: 'Pujian / apresiasi', en: 'Praise' },
  choiceQuestion: { id: 'Pertanyaan / informasi', en: 'A question' },
  choiceSuggestion: { id: 'Saran / aspirasi', en: 'A suggestion' },
  askWhat: {
    id: 'Mohon ceritakan lebih rinci apa yang terjadi.',
    en: 'Please tell us in more detail what happened.',
  },
  askWhere: {
    id: 'Di mana kejadiannya? (misalnya kantor/loket, alamat objek pajak, atau nama layanan online)',
    en: 'Where did it happen? (e.g. the office or counter, the property address, or the online service)',
  },
  askSince: {
    id: 'Sejak kapan masalah ini terjadi? (misalnya "sejak 2 minggu lalu" atau tanggalnya)',
    en: 'Since when has this been happening? (e.g. "for 2 weeks" or the date)',
  },
  askPhoto: {
    id: 'Jika ada, kirim foto atau dokumen pendukung. Jika tidak ada, pilih "Lewati".',
    en: 'If you have one, send a photo or document as evidence. If not, choose "Skip".',
  },
  skip: { id: 'Lewati', en: 'Skip' },
  attachmentOnly: {
    id: 'Lampiran Anda kami terima. Mohon tuliskan juga keluhan atau pertanyaan Anda.',
    en: 'We received your attachment. Please also write your complaint or question.',
  },
  attachmentTooBig: {
    id: (p: Params) =>
      `Maaf, berkas Anda terlalu besar (${p.size} MB; maksimal ${p.max} MB) dan tidak kami simpan. Kirim berkas yang lebih kecil atau foto layar.`,
    en: (p: Params) =>
      `Sorry, your file is too large (${p.size} MB; at most ${p.max} MB) and was not kept. Please send a smaller file or a screenshot.`,
  },
  attachmentAdded: { id: 'Lampiran ditambahkan.', en: 'Attachment added.' },
  recorded: {
    id: (p: Params) =>
      `Terima kasih. Aduan Anda kami catat dengan nomor tiket ${p.ticket} dan sudah diteruskan ke ${p.division}. ` +
      `Simpan nomor tiket ini; cek perkembangannya dengan /status ${p.ticket}.`,
    en: (p: Params) =>
      `Thank you. Your complaint is recorded as ticket ${p.ticket} and has been forwarded to ${p.division}. ` +
      `Keep this ticket number; check its progress with /status ${p.ticket}.`,
  },
  repeatNotice: {
    id: (p: Params) =>
      `Aduan ini mirip dengan aduan Anda sebelumnya, ${p.earlier}; keduanya kami tautkan agar penyebabnya ditangani sampai tuntas.`,
    en: (p: Params) =>
      `This complaint is similar to your earlier one, ${p.earlier}; we have linked them so the cause is dealt with for good.`,
  },
  repeatOtherNotice: {
    id: 'Laporan serupa dari warga lain sudah kami terima. Aduan Anda kami gabungkan dengan laporan tersebut agar ditangani bersama sampai tuntas.',
    en: 'Other citizens have reported the same problem. We have joined your complaint to that existing report so they are dealt with together.',
  },
  integrityNotice: {
    id: 'Laporan tentang pungutan liar atau suap langsung kami sampaikan kepada pimpinan. Identitas pelapor kami lindungi.',
    en: 'Reports of illegal levies or bribes go straight to the head of the agency. We protect the identity of the reporter.',
  },
  praiseThanks: {
    id: (p: Params) => `Terima kasih atas apresiasinya! Pesan Anda kami sampaikan kepada ${p.division}.`,
    en: (p: Params) => `Thank you for your kind words! We will pass them on to ${p.division}.`,
  },
  statementThanks: {
    id: 'Terima kasih atas informasinya. Jika Anda ingin menyampaikan keluhan, saran, atau pertanyaan, tulis saja di sini.',
    en: 'Thank you for letting us know. If you have a complaint, a suggestion or a question, just write it here.',
  },
  faqFooter: {
    id: 'Jika ada keluhan, ketik /lapor.',
    en: 'If you have a complaint, type /report.',
  },
  statusLine: {
    id: (p: Params) => `Tiket ${p.ticket} (${p.date}): ${p.stage}.${p.extra}`,
    en: (p: Params) => `Ticket ${p.ticket} (${p.date}): ${p.stage}.${p.extra}`,
  },
  statusUsage: {
    id: 'Tuliskan nomor tiketnya, contoh: /status ADU-7KQ9-M2XT',
    en: 'Please give the ticket number, e.g. /status ADU-7KQ9-M2XT',
  },
  notFound: {
    id: (p: Params) =>
      `Tiket ${p.ticket} tidak kami temukan di antara aduan Anda. Periksa kembali nomornya, atau ketik /kasus.`,
    en: (p: Params) =>
      `We could not find ticket ${p.ticket} among your complaints. Please check the number, or type /cases.`,
  },
  noCases: {
    id: 'Anda belum mempunyai aduan. Tulis keluhan Anda kapan saja.',
    en: 'You have no complaints yet. Write to us any time.',
  },
  casesHeader: { id: 'Aduan Anda:', en: 'Your complaints:' },
  cancelledDraft: {
    id: 'Aduan yang sedang Anda isi dibatalkan. Tidak ada yang dicatat.',
    en: 'The complaint you were writing has been cancelled. Nothing was recorded.',
  },
  cancelledDraftResumable: {
    id: 'Aduan yang sedang Anda isi dibatalkan. Tidak ada yang dicatat. Berubah pikiran? Ketik "lanjut" dalam 30 menit.',
    en: 'The complaint you were writing has been cancelled. Nothing was recorded. Changed your mind? Type "continue" within 30 minutes.',
  },
  nothingToCancel: {
    id: 'Tidak ada aduan yang sedang diisi. Untuk menarik aduan, ketik /batal <nomor tiket>.',
    en: 'You are not writing a complaint. To withdraw one, type /cancel <ticket>.',
  },
  withdrawn: {
    id: (p: Params) => `Aduan ${p.ticket} sudah Anda tarik dan kami tutup. Terima kasih.`,
    en: (p: Params) => `You have withdrawn complaint ${p.ticket}; we have closed it. Thank you.`,
  },
  cannotWithdraw: {
    id: (p: Params) => `Aduan ${p.ticket} sudah selesai, jadi tidak dapat ditarik.`,
    en: (p: Params) => `Complaint ${p.ticket} is already closed, so it cannot be withdrawn.`,
  },
  languageSet: { id: 'Baik, kita lanjut dalam Bahasa Indonesia.', en: 'All right, we will continue in English.' },
  languageUsage: {
    id: 'Pilih bahasa: /bahasa id (Indonesia) atau /bahasa en (English).',
    en: 'Choose a language: /language en (English) or /language id (Indonesian).',
  },
  closureQuestion: {
    id: (p: Params) => `Hasil penanganan aduan ${p.ticket}:\n${p.result}\n\nApakah Anda puas dengan penyelesaiannya?`,
    en: (p: Params) => `Outcome of complaint ${p.ticket}:\n${p.result}\n\nAre you satisfied with how it was resolved?`,
  },
  satisfied: { id: 'Puas', en: 'Satisfied' },
  notSatisfied: { id: 'Belum puas', en: 'Not satisfied' },
  askReason: {
    id: 'Mohon maaf hasilnya belum memuaskan. Apa yang masih belum beres? Tulis alasannya agar kami tangani kembali.',
    en: 'We are sorry it is not right yet. What is still wrong? Tell us, and we will work on it again.',
  },
  reopened: {
    id: (p: Params) =>
      `Terima kasih. Aduan ${p.ticket} kami buka kembali dan penyebabnya akan ditelusuri ulang. Kami kabari perkembangannya.`,
    en: (p: Params) =>
      `Thank you. We have reopened complaint ${p.ticket} and will look into its cause again. We will keep you posted.`,
  },
  askRating: {
    id: 'Terima kasih! Beri nilai pelayanan kami dari 1 (buruk) sampai 5 (sangat baik), atau pilih "Lewati".',
    en: 'Thank you! Rate our service from 1 (poor) to 5 (excellent), or choose "Skip".',
  },
  closedThanks: {
    id: (p: Params) => `Aduan ${p.ticket} kami tutup. Terima kasih telah membantu kami memperbaiki layanan.`,
    en: (p: Params) => `Complaint ${p.ticket} is closed. Thank you for helping us improve our service.`,
  },
  answerChoice: {
    id: 'Mohon pilih salah satu jawaban (ketik nomornya).',
    en: 'Please choose one of the answers (type its number).',
  },
  threadForwarded: {
    id: (p: Params) =>
      `Pesan Anda kami teruskan ke petugas yang menangani tiket ${p.ticket}. Untuk aduan baru, ketik /lapor.`,
    en: (p: Params) =>
      `We passed your message to the staff handling ticket ${p.ticket}. For a new complaint, type /report.`,
  },
  staffReply: {
    id: (p: Params) => `Pesan petugas tentang tiket ${p.ticket}:\n${p.text}\n\n${p.signature}`,
    en: (p: Params) => `Message from our staff about ticket ${p.ticket}:\n${p.text}\n\n${p.signature}`,
  },
  followupQuestion: {
    id: (p: Params) => `Beberapa waktu lalu aduan ${p.ticket} kami selesaikan. Apakah masalahnya tetap beres?`,
    en: (p: Params) => `A while ago we resolved complaint ${p.ticket}. Has the problem stayed solved?`,
  },
  yes: { id: 'Ya, sudah beres', en: 'Yes, it is solved' },
  no: { id: 'Tidak, muncul lagi', en: 'No, it came back' },
  resumeIntake: {
    id: 'Kita lanjutkan aduan yang sedang Anda tulis sebelumnya.',
    en: 'Let us continue the complaint you were writing before.',
  },
  followupThanks: {
    id: 'Terima kasih atas konfirmasinya. Senang masalahnya tetap beres.',
    en: 'Thank you for confirming. We are glad the problem stayed solved.',
  },
  intakeReminder: {
    id:
      'Aduan Anda belum selesai kami catat. Mohon jawab pertanyaan terakhir kami di atas, atau pilih "Lewati". ' +
      'Jika tidak ada jawaban, aduan akan kami catat dengan informasi yang sudah ada. Ketik /batal untuk membatalkan.',
    en:
      'Your complaint is not recorded yet. Please answer our last question above, or choose "Skip". ' +
      'If we do not hear from you, we will record it with what we have. Type /cancel to stop.',
  },
  intakeRecordedAnyway: {
    id: (p: Params) =>
      `Karena belum ada jawaban, aduan Anda kami catat dengan informasi yang ada: nomor tiket ${p.ticket}, ` +
      `diteruskan ke ${p.division}. Anda dapat menambahkan keterangan kapan saja dengan membalas pesan ini. ` +
      `Cek perkembangannya dengan /status ${p.ticket}.`,
    en: (p: Params) =>
      `As we have not heard back, we recorded your complaint with what we have: ticket ${p.ticket}, ` +
      `forwarded to ${p.division}. Check its progress with /status ${p.ticket}.`,
  },
  intakeDropped: {
    id: 'Karena belum ada jawaban, aduan yang belum berisi keterangan kami batalkan. Tidak ada yang dicatat. Tulis keluhan Anda kapan saja.',
    en: 'As we have not heard back and the complaint had no content yet, we have cancelled it. Nothing was recorded. Write to us any time.',
  },
  closureReminder: {
    id: (p: Params) =>
      `Pengingat: kami masih menunggu jawaban Anda tentang hasil penanganan aduan ${p.ticket}. ` +
      'Apakah Anda puas dengan penyelesaiannya?',
    en: (p: Params) =>
      `A reminder: we are still waiting for your answer about the outcome of complaint ${p.ticket}. ` +
      'Are you satisfied with how it was resolved?',
  },
  closedNoResponse: {
    id: (p: Params) =>
      `Karena belum ada jawaban selama ${p.days} hari, aduan ${p.ticket} kami tutup. ` +
      'Jika masalahnya belum beres, silakan sampaikan aduan baru kapan saja.',
    en: (p: Params) =>
      `As we have not heard back for ${p.days} days, we have closed complaint ${p.ticket}. ` +
      'If the problem is not solved, please send us a new complaint any time.',
  },
  closureShort: {
    id: (p: Params) => `Apakah Anda puas dengan penyelesaian aduan ${p.ticket}?`,
    en: (p: Params) => `Are you satisfied with how complaint ${p.ticket} was resolved?`,
  },
  followupShort: {
    id: (p: Params) => `Apakah masalah pada aduan ${p.ticket} tetap beres?`,
    en: (p: Params) => `Has the problem of complaint ${p.ticket} stayed solved?`,
  },
  alreadyRecorded: {
    id: (p: Params) => `Aduan ini sudah kami catat dengan nomor tiket ${p.ticket} dan sedang kami proses.`,
    en: (p: Params) => `We have already recorded this complaint as ticket ${p.ticket}; it is being handled.`,
  },
  salamBack: {
    id: "Wa'alaikumsalam warahmatullahi wabarakatuh.",
    en: "Wa'alaikumsalam.",
  },
  /** A time-of-day greeting returned in kind ("selamat malam min" → "Selamat malam."). */
  timeGreetingBack: {
    id: (p: Params) => `Selamat ${p.part}.`,
    en: (p: Params) => `Good ${p.part}.`,
  },
  greetingBack: {
    id: 'Halo, ada yang bisa kami bantu? Silakan tulis keluhan, saran, atau pertanyaan Anda.',
    en: 'Hello, how can we help? Write your complaint, suggestion or question.',
  },
  thanksClose: {
    id: (p: Params) =>
      `Sama-sama. Tiket ${p.ticket} tetap kami pantau; cek perkembangannya kapan saja dengan /status ${p.ticket}.`,
    en: (p: Params) => `You are welcome. We keep following ${p.ticket}; check it any time with /status ${p.ticket}.`,
  },
  thanksCloseNoTicket: {
    id: 'Sama-sama. Silakan hubungi kami lagi kapan saja.',
    en: 'You are welcome. Write to us any time.',
  },
  okClose: {
    id: (p: Params) => `Baik. Tiket ${p.ticket} tetap kami proses; jika ada tambahan keterangan, tulis saja di sini.`,
    en: (p: Params) => `All right. ${p.ticket} is being handled; if you have more details, just write them here.`,
  },
  okCloseNoTicket: {
    id: 'Baik. Silakan tulis keluhan, saran, atau pertanyaan Anda kapan saja.',
    en: 'All right. Write your complaint, suggestion or question any time.',
  },
  unrelated: {
    id: (p: Params) =>
      `Mohon maaf, layanan ini khusus untuk keluhan, saran, dan pertanyaan tentang layanan ${p.agency}. Silakan tulis keluhan atau pertanyaan Anda, atau ketik /bantuan.`,
    en: (p: Params) =>
      `Sorry, this service is for complaints, suggestions and questions about ${p.agency}. Write your complaint or question, or type /help.`,
  },
  choiceYes: { id: 'Ya', en: 'Yes' },
  choiceNewComplaint: { id: 'Bukan, aduan baru', en: 'No, a new complaint' },
  choiceWithdrawYes: { id: 'Ya, tarik aduan', en: 'Yes, withdraw it' },
  choiceWithdrawNo: { id: 'Tidak', en: 'No' },
  caseQuestion: {
    id: (p: Params) => `Apakah ini tentang ${p.ticket} (${p.about})?`,
    en: (p: Params) => `Is this about ${p.ticket} (${p.about})?`,
  },
  withdrawQuestion: {
    id: (p: Params) => `Apakah Anda ingin menarik (membatalkan) aduan ${p.ticket} (${p.about})?`,
    en: (p: Params) => `Do you want to withdraw complaint ${p.ticket} (${p.about})?`,
  },
  notWithdrawn: {
    id: (p: Params) => `Baik, aduan ${p.ticket} tetap kami proses.`,
    en: (p: Params) => `All right, we keep working on ${p.ticket}.`,
  },
  reask: {
    id: 'Maaf, kami belum menangkap jawaban Anda.',
    en: 'Sorry, we did not catch your answer.',
  },
  newNotDetails: {
    id: (p: Params) =>
      `Ini kami catat sebagai aduan baru, terpisah dari ${p.ticket}. (Jika ini tambahan keterangan untuk ${p.ticket}, tulis "tambahan untuk ${p.ticket}" lalu keterangannya.)`,
    en: (p: Params) =>
      `We are recording this as a new complaint, separate from ${p.ticket}. (If it adds to ${p.ticket}, write "more for ${p.ticket}" and the details.)`,
  },
  answerLater: {
    id: 'Baik, silakan dicek dulu. Jika sudah, balas di sini kapan saja: Puas atau Belum puas (dengan alasannya).',
    en: 'All right, take your time to check. When you are ready, answer here: Satisfied or Not satisfied (and why).',
  },
  questionDropped: {
    id: (p: Params) =>
      `Baik, pertanyaan tentang aduan ${p.ticket} kita lewati dulu. Jika hasilnya belum memuaskan, tulis saja "belum puas" dan alasannya kapan saja.`,
    en: (p: Params) =>
      `All right, let us leave the question about ${p.ticket} for now. If the outcome is not right, just write "not satisfied" and why, any time.`,
  },
  caseQuestionDropped: {
    id: 'Baik, kita lewati dulu. Silakan tulis keluhan, saran, atau pertanyaan Anda kapan saja.',
    en: 'All right, let us leave it for now. Write your complaint, suggestion or question any time.',
  },
  infoAdded: {
    id: (p: Params) =>
      `Keterangan tambahan Anda kami tambahkan ke aduan ${p.ticket} dan kami sampaikan kepada petugas yang menanganinya. Jika ini aduan lain, ketik /lapor.`,
    en: (p: Params) =>
      `We have added your details to complaint ${p.ticket} and passed them to the staff handling it. If this is a different complaint, type /report.`,
  },
  stillInProgress: {
    id: (p: Params) =>
      `Mohon maaf atas ketidaknyamanannya. Aduan ${p.ticket} masih dalam proses (${p.stage}); pesan Anda sudah kami sampaikan kepada petugas yang menanganinya.`,
    en: (p: Params) =>
      `We are sorry for the trouble. Complaint ${p.ticket} is still being handled (${p.stage}); we have passed your message to the staff handling it.`,
  },
  linkedNew: {
    id: (p: Params) =>
      `Aduan ${p.earlier} sudah ${p.how}, jadi keluhan Anda kami catat sebagai aduan baru ${p.ticket} yang ditautkan ke aduan lama dan diteruskan ke ${p.division}. Cek perkembangannya dengan /status ${p.ticket}.`,
    en: (p: Params) =>
      `Complaint ${p.earlier} was ${p.how}, so we have recorded this as a new complaint, ${p.ticket}, linked to the earlier one and forwarded to ${p.division}. Check it with /status ${p.ticket}.`,
  },
  closedLongAgo: {
    id: (p: Params) => `ditutup lebih dari ${p.days} hari yang lalu`,
    en: (p: Params) => `closed more than ${p.days} days ago`,
  },
  closedArchived: { id: 'diarsipkan', en: 'archived' },
  closedWithdrawn: { id: 'Anda tarik sebelumnya', en: 'withdrawn by you' },
  informationRequest: {
    id: (p: Params) =>
      `Pertanyaan Anda belum dapat kami jawab secara otomatis. Kami teruskan kepada petugas dengan nomor tiket ${p.ticket}; jawabannya akan dikirim melalui percakapan ini.`,
    en: (p: Params) =>
      `We cannot answer your question automatically. We have passed it to our staff as ticket ${p.ticket}; the answer will come in this chat.`,
  },
  eraseRequest: {
    id: (p: Params) =>
      `Permintaan penghapusan data pribadi Anda kami catat dengan nomor tiket ${p.ticket}. Setelah petugas mengonfirmasinya, nama, nomor, isi pesan, dan lampiran Anda dihapus dari semua aduan Anda; yang tersisa hanya angka statistik tanpa identitas. Sesudah itu kami tidak dapat menghubungi Anda lagi tentang aduan-aduan tersebut.`,
    en: (p: Params) =>
      `We have recorded your request to delete your personal data as ticket ${p.ticket}. Once our staff confirm it, your name, numbers, messages and attachments are deleted from all your complaints; only figures without your identity stay. After that we cannot contact you about those complaints again.`,
  },
  suggestionRecorded: {
    id: (p: Params) =>
      `Terima kasih atas saran/aspirasi Anda. Kami catat dengan nomor tiket ${p.ticket} dan teruskan ke ${p.division}. Cek perkembangannya dengan /status ${p.ticket}.`,
    en: (p: Params) =>
      `Thank you for your suggestion. It is recorded as ticket ${p.ticket} and forwarded to ${p.division}. Check it with /status ${p.ticket}.`,
  },
  praisePassedOn: {
    id: 'Terima kasih juga atas apresiasi Anda; kami sampaikan kepada petugas.',
    en: 'Thank you also for your kind words; we will pass them on to our staff.',
  },
  addedNoted: { id: 'Baik, sudah kami catat.', en: 'All right, noted.' },
  notAPhoto: {
    id: 'Maaf, itu belum berupa foto atau dokumen.',
    en: 'Sorry, that is not a photo or a document.',
  },
  lookupsLimited: {
    id: (p: Params) =>
      `Mohon maaf, sudah terlalu banyak nomor tiket yang tidak kami temukan dalam satu jam terakhir. Mohon tunggu sekitar ${p.minutes} menit lalu coba lagi, atau ketik /kasus untuk melihat daftar aduan Anda.`,
    en: (p: Params) =>
      `Sorry, too many ticket numbers we could not find in the last hour. Please wait about ${p.minutes} minutes and try again, or type /cases to see your complaints.`,
  },
  pickCase: {
    id: 'Aduan mana yang Anda maksud? Ketik /status <nomor tiket>.',
    en: 'Which complaint do you mean? Type /status <ticket>.',
  },
} satisfies Record<string, Record<Language, Template>>;

export type TextKey = keyof typeof TEXTS;

/** An agency's own wording for some texts (e.g. a council asks for the place, not for a tax object's address). */
export type TextOverrides = Partial<Record<string, { id?: string; en?: string }>>;

/**
 * The text `key` in `lang`, filled with `params`. An agency profile may replace a text (`texts` in the profile);
 * its `{name}` placeholders are filled from `params` too.
 */
export function t(lang: Language, key: TextKey, params: Params = {}, overrides?: TextOverrides): string {
  const own = overrides?.[key]?.[lang];
  if (own !== undefined) return own.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m));
  const tpl: Template = TEXTS[key][lang];
  return typeof tpl === 'function' ? tpl(params) : tpl;
}

/** Whether `key` is a text the bot says (profiles name texts by key; a typo there is refused at start-up). */
export function isTextKey(key: string): key is TextKey {
  return Object.prototype.hasOwnProperty.call(TEXTS, key);
}
