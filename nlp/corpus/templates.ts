// Sentence frames for the generated part of the project corpus. {slot} draws from slots.ts, [a|b|c] picks one
// alternative. Each frame is held out as a whole (build-corpus.ts assigns frames, not sentences, to train / dev /
// test), so the held-out split measures unseen sentence shapes, not re-worded copies of training sentences.
import type { MessageLabel } from '../types.js';

/** A group of sentence frames with one label; frames, not sentences, are the unit of the held-out split. */
export interface TemplateFamily {
  id: string;
  label: MessageLabel;
  frames: readonly string[];
}

/** Every frame family, by label; build-corpus.ts expands them. */
export const FAMILIES: readonly TemplateFamily[] = [
  // ---- complaints ----
  {
    id: 'c-delay',
    label: 'complaint',
    frames: [
      '{greet}{pbb} saya sudah {dur} belum ada kabar{cend}{negemoji}',
      '{greet}udh {dur} nunggu {bphtb} gak ada kejelasan{cend}',
      '{greet}{bphtb} kok lama [banget|sekali|bgt], [udah|sudah|udh] {dur}{cend}',
      '{greet}sampai sekarang {pbb} saya belum [selesai|diproses|beres], padahal sudah {dur}{cend}',
      '{greet}katanya [1 hari|3 hari|seminggu] selesai, [nyatanya|ternyata|faktanya] {dur} {bphtb} belum [keluar|jadi|beres]{cend}',
      '{greet}[sudah|udah] {dur} [nunggu|menunggu] tapi {pbb} [masih|tetap] [dalam proses|belum diproses|nggak jalan]{cend}',
      '{greet}kapan {bphtb} saya selesai? [sudah|udah] {dur} [gak|tidak|ga] ada [kepastian|info|kejelasan]{cend}',
      '{greet}{council} sudah {dur} [tidak|belum|gak] ada tanggapan{cend}',
    ],
  },
  {
    id: 'c-system',
    label: 'complaint',
    frames: [
      '{greet}{digital} error terus {since}{cend}{negemoji}',
      '{greet}{digital} [gak|tidak|nggak] bisa dibuka {since}{cend}',
      '{greet}tiap mau [bayar|login|cek tagihan|cetak SPPT|upload berkas] {digital} selalu gagal{cend}',
      '{greet}{digital} [lemot|lambat|lelet] [parah|banget|sekali], [loading|muter] terus{cend}',
      '{greet}[kenapa|knp|kok] {digital} [down|error|gangguan] [lagi|terus|mulu]? {cend}',
      '{greet}sistemnya offline [lagi|terus|mulu], [gak|tidak] bisa [dilayani|bayar|proses]{cend}',
      '{greet}[udah|sudah] [coba|mencoba] berkali-kali tapi {digital} [tetap|masih] [error|gagal|tidak merespon]{cend}',
      '{greet}{digital} [minta update terus|force close terus|blank putih|muncul error 500|tidak bisa login]{cend}{negemoji}',
    ],
  },
  {
    id: 'c-bill',
    label: 'complaint',
    frames: [
      '{greet}{pbb} tahun ini [naik|melonjak|naik drastis] [2x lipat|3 kali lipat|tanpa alasan|padahal tidak ada perubahan]{cend}',
      '{greet}tagihan {regional} [kami|saya] [salah hitung|tidak sesuai omzet|terlalu tinggi|dobel]{cend}',
      '{greet}luas tanah di SPPT [tidak sesuai|beda|salah], tagihannya jadi [mahal|membengkak|naik]{cend}',
      '{greet}[nama|alamat|luas bangunan] di SPPT saya [salah|keliru|tertukar] [lagi|terus|padahal sudah diurus]{cend}',
      '{greet}[kenapa|kok] [ada|muncul] denda padahal saya [selalu bayar tepat waktu|sudah lunas|tidak pernah telat]{cend}',
      '{greet}NJOP [rumah|tanah] saya [dinaikkan|naik] [tanpa pemberitahuan|tidak masuk akal|seenaknya]{cend}',
      '{greet}[saya|kami] keberatan, nilai {bphtb} [terlalu tinggi|tidak sesuai harga transaksi|tidak masuk akal]{cend}',
    ],
  },
  {
    id: 'c-staff',
    label: 'complaint',
    frames: [
      '{greet}{staff} [judes banget|tidak ramah|kasar|cuek|ketus sekali]{cend}{negemoji}',
      '{greet}{staff} [main hp terus|ngobrol terus|sering tidak di tempat|datang telat] waktu [kami|warga] antri{cend}',
      '{greet}saya [dibentak|dimarahi|diremehkan|dicuekin] sama {staff}{cend}',
      '{greet}{staff} [tidak bisa|gak bisa|nggak mampu] menjelaskan [syarat|prosedur|masalah saya], [dilempar|disuruh] ke [bagian lain|loket lain]{cend}',
      '{greet}tolong ditegur {staff}, [ngomongnya kasar|sikapnya tidak sopan|melayani seenaknya]{cend}',
      '{greet}[pelayanan|sikap] {staff} [sangat|benar-benar|bener2] [mengecewakan|tidak profesional|buruk]{cend}',
    ],
  },
  {
    id: 'c-facility',
    label: 'complaint',
    frames: [
      '{greet}{facility} [rusak|mati|tidak berfungsi|jorok|kotor] [sudah lama|dari minggu lalu|lagi]{cend}',
      '{greet}{service} [lama banget|panjang banget|semrawut|kacau], [loket|petugas] cuma [satu|dua] yang [buka|kerja]{cend}{negemoji}',
      '{greet}[antri|antre|nunggu] dari [jam 8|pagi|subuh] baru dipanggil [jam 12|sore|siang]{cend}',
      '{greet}nomor antrian saya [dilewati|diserobot|tidak dipanggil], yang [kenal petugas|datang belakangan] didahulukan{cend}',
      '{greet}ruang tunggu [panas|pengap|sempit], [kursinya kurang|AC mati|banyak yang berdiri]{cend}',
      '{greet}loket [tutup|sudah tutup|belum buka] padahal [masih jam kerja|jam 10 pagi|masih banyak yang antri]{cend}',
    ],
  },
  {
    id: 'c-payment',
    label: 'complaint',
    frames: [
      '{greet}sudah bayar {pbb} lewat {channel} tapi [status masih belum lunas|tidak tercatat|tagihan masih muncul]{cend}',
      '{greet}[saldo|uang] [sudah|udah] [kepotong|terpotong|kedebet] tapi pembayaran [gagal|tidak masuk|tidak tercatat]{cend}{negemoji}',
      '{greet}bayar lewat {channel} [ditolak|gagal terus|error], katanya [NOP tidak ditemukan|kode bayar tidak valid|sistem gangguan]{cend}',
      '{greet}[saya|kami] sudah lunas tapi [masih ditagih|dapat surat teguran|kena denda]{cend}',
      '{greet}pembayaran {bphtb} [sudah|udah] [masuk|dibayar] tapi [validasi belum keluar|tidak terbaca di sistem|berkas ditahan]{cend}',
    ],
  },
  {
    id: 'c-integrity',
    label: 'complaint',
    frames: [
      '{greet}ada {actor} yang minta {bribe} [supaya|biar|agar] berkas cepat{cend}',
      '{greet}saya dimintai {money} sama {actor} untuk [urus|percepat|proses] {bphtb}{cend}',
      '{greet}[melaporkan|mau lapor|saya laporkan] [pungli|pungutan liar|pemerasan] di [loket|kantor|UPT wilayah|kelurahan]{cend}',
      '{greet}{actor} [nawarin|menawarkan] jasa [percepatan|urus cepat] asal [bayar|kasih] {money}{cend}',
      '{greet}[disuruh|diminta] bayar {money} padahal [layanannya gratis|tidak ada di aturan|tidak ada kuitansinya]{cend}',
    ],
  },
  {
    id: 'c-noresponse',
    label: 'complaint',
    frames: [
      '{greet}[telepon|telp|nelpon] ke kantor [gak|tidak|nggak] pernah diangkat{cend}',
      '{greet}[email|chat WA|DM|surat] saya [gak|tidak|belum] [dibalas|direspon|ditanggapi] [sudah|udah] {dur}{cend}{negemoji}',
      '{greet}admin [cuma|hanya] [read doang|balas template|bilang sabar] tapi [tidak ada|gak ada] [solusi|progres|tindak lanjut]{cend}',
      '{greet}[laporan|pengaduan|keluhan] saya [tidak|gak|belum] [pernah ditanggapi|ditindaklanjuti|ada jawaban] [sampai sekarang|sejak {dur} lalu]{cend}',
      '{greet}[sudah|udah] [lapor|komplain] [2x|3 kali|berkali-kali] soal {pbb} tapi [tetap|masih] [belum beres|diabaikan|sama aja]{cend}',
    ],
  },
  {
    id: 'c-sarcasm',
    label: 'complaint',
    frames: [
      '[hebat|mantap|luar biasa|keren|salut] [ya|deh|sekali], tiap datang sistemnya [offline|error|down|gangguan]',
      '[wah|wow] [hebat|keren|mantap] [banget|sekali] {digital}, [lebih sering error daripada jalan|bisa bikin orang sabar seumur hidup]',
      '[terima kasih|makasih] [ya|lho|deh] sudah bikin saya [bolak balik|nunggu|antri] {dur} 🙃',
      '[luar biasa|hebat|mantap], {bphtb} [baru|cuma] {dur} dan [masih|tetap] belum [selesai|jadi]',
      '[keren|hebat] [ya|sih] pelayanannya, [datang pagi pulang sore tetap belum beres|ditelpon gak pernah diangkat|tiap tanya jawabannya beda]',
      '[bagus|mantap] [sekali|banget] ya, bayar pajak [aja|saja] harus [antri dari subuh|nunggu {dur}|datang 5 kali]',
    ],
  },
  {
    id: 'c-council',
    label: 'complaint',
    frames: [
      '{greet}{council} [tidak pernah|belum pernah|tidak] [ditindaklanjuti|dijawab|dibahas]{cend}',
      '{greet}anggota dewan [dapil kami|kami] [tidak pernah turun|susah ditemui|tidak peduli] [ke warga|soal banjir|sama keluhan kami]{cend}',
      '{greet}website DPRD [tidak bisa diakses|tidak pernah update|error waktu kirim aspirasi]{cend}',
      '{greet}[rapat dengar pendapat|audiensi|jadwal reses] [ditunda terus|dibatalkan] [tanpa pemberitahuan|tanpa alasan]{cend}',
      '{greet}[jalan rusak|banjir|sampah menumpuk|lampu jalan mati] di [kampung kami|RW kami|depan sekolah] sudah dilaporkan ke dewan tapi [tidak ada hasil|dibiarkan|tidak digubris]{cend}',
    ],
  },
  {
    id: 'c-english',
    label: 'complaint',
    frames: [
      '[the|your] [website|app|payment system|online portal] [keeps crashing|is down again|does not work|fails every time]',
      "[I've|I have] been waiting [two weeks|a month|three weeks|10 days] for my [BPHTB validation|PBB correction|objection result] and [nobody replies|still nothing|no one answers]",
      '[the staff|the officer at counter 2|your customer service] [was rude|ignored me|refused to help|was very unfriendly]',
      '[paid|I paid] my [property tax|PBB|BPHTB] [online|at the bank|via QRIS] but [it still shows unpaid|the payment is not recorded|I was charged twice]',
      '[terrible|very poor|disappointing] service, [waited 4 hours|nobody could explain anything|had to come back three times]',
    ],
  },
  {
    id: 'c-formal',
    label: 'complaint',
    frames: [
      'Dengan hormat, [kami|saya] menyampaikan keluhan terkait {bphtb} yang [belum selesai|tertunda] lebih dari {dur}.',
      'Yth. Bapenda, [kami|saya] [mengeluhkan|keberatan atas] [sikap petugas|lambatnya pelayanan|penetapan {regional}] yang [tidak sesuai|kurang profesional|merugikan kami].',
      '[Kami|Saya] [merasa dirugikan|sangat kecewa] [karena|atas] [kesalahan data|penetapan pajak|pelayanan] {pbb} [yang tidak sesuai|yang keliru]. Mohon segera ditindaklanjuti.',
      'Mohon perhatian, [pelayanan|proses] {regional} [sangat lambat|tidak transparan|berbelit-belit] dan [merugikan wajib pajak|menghambat usaha kami].',
    ],
  },
  // ---- praise ----
  {
    id: 'p-fast',
    label: 'praise',
    frames: [
      '{greet}{bphtb} [cepat banget|selesai dalam sehari|gak pake lama|langsung beres|cuma sejam]{pend}',
      '{greet}[wah|wow|alhamdulillah] {pbb} [sudah|udah] [selesai|beres|jadi] [cepat sekali|hari ini juga|tanpa ribet]{pend}{emoji}',
      '{greet}[proses|urus|ngurus] {bphtb} sekarang [cepat|gampang|mudah|lancar] [banget|sekali], {thanks} {addressee}{emoji}',
      '{greet}[gak nyangka|tidak menyangka|baru kali ini] {pbb} bisa [selesai|beres] secepat ini{pend}',
      '{greet}[antrinya|antriannya|pelayanannya] [cepat|sebentar|lancar], [10 menit|sebentar|langsung] [dipanggil|dilayani|beres]{pend}',
    ],
  },
  {
    id: 'p-staff',
    label: 'praise',
    frames: [
      '{greet}{staff} [ramah banget|sabar sekali|sangat membantu|sopan|informatif|sigap]{pend}{emoji}',
      '{greet}[salut|apresiasi|acungi jempol] [sama|untuk|buat] {staff} yang [sabar menjelaskan|membantu ibu saya|melayani dengan ramah]{pend}',
      '{greet}{thanks} [untuk|buat|kepada] {staff} yang sudah [membantu saya|menjelaskan dengan jelas|sabar melayani]{pend}{emoji}',
      '{greet}[petugasnya|pegawainya] [ramah|baik|sopan] [dan|,] [cekatan|informatif|tidak berbelit]{pend}',
      '{greet}senang dilayani {staff}, [ramah|sabar|profesional] [sekali|banget]{pend}',
    ],
  },
  {
    id: 'p-thanks',
    label: 'praise',
    frames: [
      '{thanks} {addressee}{emoji}',
      '{thanks} [atas|untuk] [pelayanannya|bantuannya|responnya yang cepat|penjelasannya yang jelas] {addressee}{emoji}',
      '{thanks} {addressee}, [sangat membantu|jelas banget|langsung beres|terbantu sekali]{emoji}',
      '[alhamdulillah|oke|sip|mantap], [sudah|udah] [beres|masuk|bisa|lunas], {thanks} {addressee}{emoji}',
      '{thanks} [sudah|telah] [membantu|menindaklanjuti keluhan saya|memperbaiki data saya|merespon dengan cepat]{pend}',
    ],
  },
  {
    id: 'p-digital',
    label: 'praise',
    frames: [
      '{greet}{digital} [sekarang|baru] [bagus|mantap|gampang dipakai|lancar|stabil] [banget|sekali]{pend}{emoji}',
      '{greet}[bayar|cek] PBB [lewat|pakai] {channel} [praktis|gampang|mudah] [banget|sekali]{pend}',
      '{greet}[keren|mantap], sekarang bisa [cek tagihan|bayar pajak|cetak SPPT|lapor omzet] dari HP{pend}{emoji}',
      '{greet}[fitur|layanan] [notifikasi jatuh tempo|SPPT elektronik|antrian online] [sangat membantu|keren|bermanfaat]{pend}',
      '{greet}[tim IT|admin] [mantap|keren|gercep], {digital} [sudah normal|lancar lagi|makin cepat]{pend}',
    ],
  },
  {
    id: 'p-service',
    label: 'praise',
    frames: [
      '{greet}pelayanan [di kantor|bapenda|loket PBB|UPT] [memuaskan|prima|mantul|mantap|top] [banget|sekali|]{pend}{emoji}',
      '{greet}[ruang tunggu|kantornya|toiletnya] [bersih|nyaman|adem] [dan|,] [petugasnya ramah|antriannya tertib|tertata rapi]{pend}',
      '{greet}[puas|senang|bangga] [dengan|sama] [pelayanan|perubahan] [bapenda|kantor ini] sekarang{pend}',
      '{greet}[pelayanan|layanan] [jauh lebih baik|makin oke|meningkat] [dibanding|dari] [tahun lalu|dulu]{pend}{emoji}',
      '{greet}[semoga|moga] pelayanan [sebaik|secepat|seramah] ini [dipertahankan|terus|konsisten]{pend}',
    ],
  },
  {
    id: 'p-integrity',
    label: 'praise',
    frames: [
      '{greet}[tidak ada|gak ada|tanpa] [pungli|biaya tambahan|pungutan], semua [sesuai aturan|transparan|gratis]{pend}',
      '{greet}[bersih dari pungli|bebas pungli|jujur], [salut|mantap|terima kasih]{emoji}',
      '{greet}petugas [menolak|tidak mau] [uang terima kasih|imbalan] dari saya, [salut|luar biasa|integritasnya tinggi]{pend}',
    ],
  },
  {
    id: 'p-resolved',
    label: 'praise',
    frames: [
      '{greet}[masalah|keluhan|tagihan] saya [sudah|udah] [beres|diperbaiki|dikoreksi|selesai], {thanks} {addressee}{emoji}',
      '{greet}{pbb} sudah [benar|normal|diperbaiki] sekarang, [mantap|makasih|terima kasih] [gercep|responnya cepat|bantuannya]{pend}',
      '{greet}[sudah|udah] bisa [login|bayar|cetak] lagi, {thanks} {addressee}{emoji}',
      '{greet}keluhan saya [langsung|cepat] [ditindaklanjuti|ditangani|diselesaikan], [salut|puas|terima kasih]{pend}',
    ],
  },
  {
    id: 'p-short',
    label: 'praise',
    frames: [
      '[mantul|mantap|mantab|keren|top|jos|sip|mantap jiwa|the best|terbaik] {addressee}{emoji}',
      '[pelayanan|layanan] [mantul|mantap|keren|oke|top|terbaik]{emoji}',
      '[good job|nice|great|well done|mantap] [bapenda|tim|min|]{emoji}',
      '[puas|senang|salut] [banget|sekali|pokoknya]{emoji}',
    ],
  },
  {
    id: 'p-council',
    label: 'praise',
    frames: [
      '{thanks} [DPRD|dewan|bapak anggota dewan|sekretariat dewan] [sudah|telah] [menindaklanjuti aspirasi kami|menerima audiensi kami|turun langsung ke lapangan]{pend}',
      '{greet}[jalan|drainase|lampu jalan] [di kampung kami|di RW kami] sudah [diperbaiki|dibangun] setelah aspirasi ke dewan, {thanks}{emoji}',
      '{greet}[pelayanan|staf] sekretariat DPRD [ramah|informatif|sangat membantu]{pend}',
      '{greet}[apresiasi|salut] untuk DPRD yang [menyiarkan rapat secara langsung|terbuka kepada warga|cepat merespon keluhan]{pend}',
    ],
  },
  {
    id: 'p-english',
    label: 'praise',
    frames: [
      '[great|excellent|amazing|very good] service, [thank you|thanks a lot|much appreciated]',
      '[the staff|your team|the officer] [was|were] [friendly|very helpful|patient and clear]',
      '[thanks|thank you] for the [quick response|help|fast validation], [my issue is solved|everything is done|really appreciated]',
      '[the new app|online payment|the website] [works great|is very convenient|made it so easy]',
    ],
  },
  {
    id: 'p-formal',
    label: 'praise',
    frames: [
      'Kami mengucapkan terima kasih atas [pelayanan yang cepat|bantuan petugas|penanganan keberatan kami] [dalam pengurusan {bphtb}|di kantor Bapenda|hari ini].',
      '[Kami|Saya] [mengapresiasi|menghargai] [kecepatan|keramahan|profesionalitas] [petugas|pelayanan] [Bapenda|UPT] dalam [melayani|menangani] {pbb}.',
      'Pelayanan [sangat baik|sangat memuaskan|prima] dan [transparan|profesional]. Terima kasih.',
    ],
  },
  // ---- statements (questions, greetings, information, suggestions) ----
  {
    id: 's-howto',
    label: 'statement',
    frames: [
      '{greet}[bagaimana|gimana|gmn] cara [bayar|cek|mengurus|mengajukan|daftar] {pbb}{qend}',
      '{greet}[mau tanya|izin bertanya|numpang tanya], cara [urus|mengajukan|bayar] {bphtb} [gimana|bagaimana] ya{qend}',
      '{greet}[prosedur|langkah-langkah|alur] [pengurusan|pengajuan] {pbb} [seperti apa|bagaimana]{qend}',
      '{greet}[boleh minta|mohon] [info|petunjuk|panduan] cara [lapor|daftar|bayar] {regional}{qend}',
      '{greet}[bisa|boleh] [dijelaskan|dibantu jelaskan] cara [pakai|login ke|daftar di] {digital}{qend}',
    ],
  },
  {
    id: 's-requirements',
    label: 'statement',
    frames: [
      '{greet}syarat {bphtb} apa [aja|saja]{qend}',
      '{greet}[dokumen|berkas|persyaratan] [apa saja|yang perlu dibawa] untuk {pbb}{qend}',
      '{greet}[apakah|apa] [harus|perlu] [bawa|membawa] [sertifikat asli|KTP asli|surat kuasa|fotokopi KK] untuk {bphtb}{qend}',
      '{greet}kalau [diwakilkan|orang lain yang urus], [syaratnya|perlu] apa [saja|aja]{qend}',
      '{greet}untuk daftar {regional} [perlu|butuh] [dokumen|syarat] apa{qend}',
    ],
  },
  {
    id: 's-when-where',
    label: 'statement',
    frames: [
      '{greet}[kapan|tanggal berapa] [batas|jatuh tempo] [pembayaran|bayar] PBB tahun ini{qend}',
      '{greet}[jam berapa|jam] [kantor|loket|UPT] [buka|tutup] [hari Sabtu|hari Jumat|besok|hari ini]{qend}',
      '{greet}[di mana|dimana|lokasi] [kantor UPT|loket pembayaran|tempat ambil SPPT] [terdekat|untuk wilayah Kuranji|sekarang]{qend}',
      '{greet}[berapa|brp] [tarif|persen] {regional}{qend}',
      '{greet}[berapa lama|brp lama] [proses|biasanya] {bphtb}{qend}',
      '{greet}[apakah|apa] {pbb} bisa [dibayar|diurus] [di|lewat] {channel}{qend}',
      '{greet}[apakah|apa] [ada|masih ada] [program pemutihan denda|diskon PBB|keringanan] [tahun ini|bulan ini]{qend}',
    ],
  },
  {
    id: 's-greeting',
    label: 'statement',
    frames: [
      '[halo|hai|hallo|halo min|hai kak]{qend}',
      '[selamat pagi|selamat siang|selamat sore|pagi min|siang pak|malam min]',
      '[assalamualaikum|assalamualaikum wr wb|permisi|punten|misi min]',
      '[halo|selamat pagi|permisi] [min|pak|bu], [mau tanya|izin bertanya|boleh tanya]{qend}',
      '[hello|hi|good morning|good afternoon]',
    ],
  },
  {
    id: 's-info',
    label: 'statement',
    frames: [
      '{greet}[saya sudah|sudah saya] [transfer|kirim berkas|upload dokumen|isi formulir] [tadi pagi|kemarin|barusan]',
      '{greet}berikut [saya lampirkan|terlampir|saya kirim] [foto SPPT|bukti bayar|scan akta|KTP dan KK|data objek pajak]',
      '{greet}NOP saya [13.71.010.001.002-0123.0|13.71.030.007.015-0042.0|13.71.050.002.009-0311.0], [mohon dicek|tolong dicek tagihannya|untuk data]',
      '{greet}[saya|kami] [warga|wajib pajak|pemilik usaha] [di Kecamatan Kuranji|Padang Utara|Koto Tangah|Lubuk Begalung]',
      '{greet}[besok|nanti siang|lusa] saya [datang|ke kantor|ambil berkas] [jam 9|pagi|setelah zuhur]',
      '{greet}[objek pajaknya|tanahnya|rumahnya] [atas nama|milik] [almarhum ayah saya|ibu saya|suami saya]',
    ],
  },
  {
    id: 's-suggestion',
    label: 'statement',
    frames: [
      '[saran|usul|usulan]: [tambah kursi di ruang tunggu|buka loket khusus notaris|buat antrian online|perpanjang jam layanan]',
      '[sebaiknya|alangkah baiknya|mungkin bisa] [ada|dibuat|ditambah] [video tutorial bayar PBB|FAQ di website|pengingat jatuh tempo lewat SMS|loket khusus lansia]',
      '[saran saja|sekadar usul], [mungkin|barangkali] [pengumuman|informasi] [perubahan jadwal|syarat layanan] [bisa|sebaiknya] [dipasang di depan loket|diumumkan di Instagram]',
      '[usul|saran] agar [DPRD|dewan] [mengadakan forum warga|membuka kanal aspirasi online|mempublikasikan risalah rapat] [setiap bulan|secara rutin|]',
      '[kalau bisa|ke depan], [metode bayar|layanan] [ditambah e-wallet|dibuat online semua|dibuka hari Sabtu]',
    ],
  },
  {
    id: 's-ack',
    label: 'statement',
    frames: [
      '[oke|ok|baik|siap|iya] [min|pak|bu|kak|]',
      '[baik|oke|siap], [nanti|besok] saya [datang|lengkapi|coba|kabari lagi]',
      '[oh|owh] [gitu|begitu] ya[| min| pak]',
      '[baik|oke], saya [tunggu|tunggu kabarnya|cek dulu|coba dulu]',
    ],
  },
  {
    id: 's-confirm',
    label: 'statement',
    frames: [
      '{greet}[apakah|apa] pembayaran {pbb} saya [sudah masuk|sudah diterima|sudah tercatat]{qend}',
      '{greet}[mau konfirmasi|ingin memastikan], [status|posisi] {bphtb} saya [sudah sampai mana|bagaimana]{qend}',
      '{greet}[tolong|mohon|bisa] [cek|dicek|cekin] tagihan [NOP saya|PBB saya|rumah saya] [tahun ini|berapa]{qend}',
      '{greet}[apakah|apa] [SPPT|bukti bayar|SK pengurangan] [sudah bisa diambil|sudah jadi|sudah terbit]{qend}',
    ],
  },
  {
    id: 's-council',
    label: 'statement',
    frames: [
      '{greet}[bagaimana|gimana] cara [menyampaikan aspirasi|mengajukan audiensi|minta salinan perda] ke [DPRD|dewan|sekretariat DPRD]{qend}',
      '{greet}[kapan|jadwal] [reses|rapat paripurna|rapat komisi] [anggota dewan|DPRD] [bulan ini|minggu ini|dapil Umbulharjo]{qend}',
      '{greet}[apakah|apa] [rapat paripurna|rapat komisi|kunjungan sekolah] [terbuka untuk umum|bisa diikuti warga|diterima]{qend}',
      '{greet}[kami dari|saya mewakili] [karang taruna|RW 05|paguyuban pedagang] [ingin|mau] [menyampaikan usulan|audiensi|bertemu komisi B]',
    ],
  },
  {
    id: 's-english',
    label: 'statement',
    frames: [
      '[what are|what is] the [office hours|tax rate for restaurants|deadline for PBB payment]?',
      '[how do I|how can I|can I] [pay my property tax online|apply for a PBB reduction|check my bill|get a tax object number]?',
      '[what documents|which documents] [do I need|are required] for [BPHTB validation|the name change|the objection]?',
      '[hello|hi], I would like to ask about [the land and building tax|BPHTB|the advertisement tax]',
      'I [will come|am coming] [tomorrow|on Monday|this afternoon] to [submit the documents|pick up my SPPT]',
    ],
  },
];
