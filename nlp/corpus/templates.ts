// Sentence frames for the generated part of the project corpus. {slot} draws from slots.ts, [a|b|c] picks one
// alternative. Each frame is held out as a whole (build-corpus.ts assigns frames, not sentences, to train / dev /
// test), so the held-out split measures unseen sentence shapes, not re-worded copies of training sentences.
import type { DialogueAct } from '../types.js';
import type { CorpusFlag } from './format.js';

/** A group of sentence frames with one label; frames, not sentences, are the unit of the held-out split. */
export interface TemplateFamily {
  id: string;
  act: DialogueAct;
  /** Flags every message of the family carries ('integrity', 'sarcasm'). */
  flags?: readonly CorpusFlag[];
  /** At least this many messages per frame (rare kinds of message the hand-written part has few of). */
  minPerFrame?: number;
  frames: readonly string[];
}

/** Every frame family, by label; build-corpus.ts expands them. */
export const FAMILIES: readonly TemplateFamily[] = [
  // ---- complaints ----
  {
    id: 'c-delay',
    act: 'complaint',
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
    act: 'complaint',
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
    act: 'complaint',
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
    act: 'complaint',
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
    act: 'complaint',
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
    act: 'complaint',
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
    act: 'complaint',
    flags: ['integrity'],
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
    act: 'complaint',
    frames: [
      '{greet}[telepon|telp|nelpon] ke kantor [gak|tidak|nggak] pernah diangkat{cend}',
      '{greet}[email|chat WA|DM|surat] saya [gak|tidak|belum] [dibalas|direspon|ditanggapi] [sudah|udah] {dur}{cend}{negemoji}',
      '{greet}admin [cuma|hanya] [read doang|balas template|bilang sabar] tapi [tidak ada|gak ada] [solusi|progres|tindak lanjut]{cend}',
      '{greet}[laporan|pengaduan|keluhan] saya [tidak|gak|belum] [pernah ditanggapi|ditindaklanjuti|ada jawaban] [sampai sekarang|sejak {dur} lalu]{cend}',
    ],
  },
  {
    id: 'c-sarcasm',
    act: 'complaint',
    flags: ['sarcasm'],
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
    act: 'complaint',
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
    act: 'complaint',
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
    act: 'complaint',
    frames: [
      'Dengan hormat, [kami|saya] menyampaikan keluhan terkait {bphtb} yang [belum selesai|tertunda] lebih dari {dur}.',
      'Yth. Bapenda, [kami|saya] [mengeluhkan|keberatan atas] [sikap petugas|lambatnya pelayanan|penetapan {regional}] yang [tidak sesuai|kurang profesional|merugikan kami].',
      '[Kami|Saya] [merasa dirugikan|sangat kecewa] [karena|atas] [kesalahan data|penetapan pajak|pelayanan] {pbb} [yang tidak sesuai|yang keliru]. Mohon segera ditindaklanjuti.',
      'Mohon perhatian, [pelayanan|proses] {regional} [sangat lambat|tidak transparan|berbelit-belit] dan [merugikan wajib pajak|menghambat usaha kami].',
    ],
  },
  {
    // Grievances that say where and since when (issue 9: "tagihan pbb sy naik 3x lipat di jl sudirman 12 padang
    // sejak bulan lalu" was read as a statement): the place and the time are details, the grievance is the act.
    id: 'c-placetime',
    act: 'complaint',
    minPerFrame: 12,
    frames: [
      '{greet}[tagihan pbb|sppt|pbb] [sy|saya|rumah sy|ortu sy] {billbad} {place} {when}{cend}',
      '{greet}{place} [sy|saya] punya rumah, [tagihan pbb|sppt] nya {billbad} {when}{cend}',
      '{greet}{when} [validasi bphtb|berkas bphtb|verifikasi lapangan bphtb] [sy|saya|kami] {place} [blm|belum|gak] [selesai|diproses|ada kabar]{cend}',
      '{greet}{regionalbad} {place} {when}{cend}{negemoji}',
      '{greet}{when} {regionalbad}, [lokasinya|tempatnya|usahanya] {place}{cend}',
      '{greet}[pak dewan|DPRD|bapak ibu dewan|min], {roadbad} {place} {when}, [tolong|mohon|mbok yo] [diperhatikan|ditindaklanjuti|diperbaiki|disampaikan ke dinas]{cend}',
      '{greet}{roadbad} {place} [udah|sudah|udh] [dilaporkan|kami sampaikan pas reses] {when} tapi [belum ada tindakan|gak digubris|didiamkan aja]{cend}',
      '{greet}[petugas|pegawai|satpam] {place} [judes|kasar|cuek|ngobrol terus] [waktu|pas] [sy|saya] [datang|antri|urus sppt] {when}{cend}',
      '{greet}[antri|antrian] {place} {when} [lama bgt|gak gerak2|sampai 3 jam|kacau], [loketnya|petugasnya] cuma [satu|dua] yg [buka|kerja]{cend}',
      '{greet}[sy|saya] [bayar|transfer] [pbb|pajak] {place} {when} tapi [status|tagihan]nya [masih belum lunas|masih muncul|ditagih lagi]{cend}',
      '{greet}{when} [aplikasi|web bapenda|cek tagihan online] [gak bisa|error|gagal] [dipakai|login|bayar], [sy|saya] [coba|nyoba] {place}{cend}',
      '[my|our] [property tax bill|pbb bill|restaurant tax] [for the house|for our shop|] {place} [doubled|is wrong|was charged twice] {when}',
    ],
  },
  {
    // The same with the place and the time first, the way a citizen sets the scene before the grievance.
    id: 'c-placetime-2',
    act: 'complaint',
    minPerFrame: 12,
    frames: [
      '{greet}{place} {when}, {grievance}{cend}',
      '{greet}{when} {place} {grievance}{cend}',
      '{greet}{grievance} {place} {when}{cend}',
      '{greet}[tadi|kemarin|barusan] {place}, {staff} [judes banget|kasar|cuek|ketus|ngusir sy]{cend}{negemoji}',
      '{greet}{place}, {when}: {digital} [error terus|gak bisa dibuka|gagal terus pas bayar|lemot parah]{cend}',
      '{greet}{place} {when} [sy|saya|kami] urus {pbb} tapi [belum selesai sampai sekarang|ditolak tanpa alasan|berkasnya hilang|disuruh balik lagi terus]{cend}',
      '{greet}{when}, {place}, [antrian|antri] [lama bgt|gak gerak|sampai sore] dan [loket|petugas] [tutup duluan|ngilang]{cend}',
      '{greet}{place} [sejak|dari] [kemarin|minggu lalu|bulan lalu] {roadbad}, [gak|tidak|belum] ada yang [peduli|datang|perbaiki]{cend}',
    ],
  },
  // ---- praise ----
  {
    id: 'p-fast',
    act: 'praise',
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
    act: 'praise',
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
    act: 'praise',
    frames: [
      '{thanks} [atas|untuk] [pelayanannya|bantuannya|responnya yang cepat|penjelasannya yang jelas] {addressee}{emoji}',
      '{thanks} {addressee}, [sangat membantu|jelas banget|langsung beres|terbantu sekali]{emoji}',
      '[alhamdulillah|oke|sip|mantap], [sudah|udah] [beres|masuk|bisa|lunas], {thanks} {addressee}{emoji}',
      '{thanks} [sudah|telah] [membantu|menindaklanjuti keluhan saya|memperbaiki data saya|merespon dengan cepat]{pend}',
    ],
  },
  {
    id: 'p-digital',
    act: 'praise',
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
    act: 'praise',
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
    act: 'praise',
    frames: [
      '{greet}[tidak ada|gak ada|tanpa] [pungli|biaya tambahan|pungutan], semua [sesuai aturan|transparan|gratis]{pend}',
      '{greet}[bersih dari pungli|bebas pungli|jujur], [salut|mantap|terima kasih]{emoji}',
      '{greet}petugas [menolak|tidak mau] [uang terima kasih|imbalan] dari saya, [salut|luar biasa|integritasnya tinggi]{pend}',
    ],
  },
  {
    id: 'p-resolved',
    act: 'praise',
    frames: [
      '{greet}[masalah|keluhan|tagihan] saya [sudah|udah] [beres|diperbaiki|dikoreksi|selesai], {thanks} {addressee}{emoji}',
      '{greet}{pbb} sudah [benar|normal|diperbaiki] sekarang, [mantap|makasih|terima kasih] [gercep|responnya cepat|bantuannya]{pend}',
      '{greet}[sudah|udah] bisa [login|bayar|cetak] lagi, {thanks} {addressee}{emoji}',
      '{greet}keluhan saya [langsung|cepat] [ditindaklanjuti|ditangani|diselesaikan], [salut|puas|terima kasih]{pend}',
    ],
  },
  {
    id: 'p-short',
    act: 'praise',
    frames: [
      '[mantul|mantap|mantab|keren|top|jos|sip|mantap jiwa|the best|terbaik] {addressee}{emoji}',
      '[pelayanan|layanan] [mantul|mantap|keren|oke|top|terbaik]{emoji}',
      '[good job|nice|great|well done|mantap] [bapenda|tim|min|]{emoji}',
      '[puas|senang|salut] [banget|sekali|pokoknya]{emoji}',
    ],
  },
  {
    id: 'p-council',
    act: 'praise',
    frames: [
      '{thanks} [DPRD|dewan|bapak anggota dewan|sekretariat dewan] [sudah|telah] [menindaklanjuti aspirasi kami|menerima audiensi kami|turun langsung ke lapangan]{pend}',
      '{greet}[jalan|drainase|lampu jalan] [di kampung kami|di RW kami] sudah [diperbaiki|dibangun] setelah aspirasi ke dewan, {thanks}{emoji}',
      '{greet}[pelayanan|staf] sekretariat DPRD [ramah|informatif|sangat membantu]{pend}',
      '{greet}[apresiasi|salut] untuk DPRD yang [menyiarkan rapat secara langsung|terbuka kepada warga|cepat merespon keluhan]{pend}',
    ],
  },
  {
    id: 'p-english',
    act: 'praise',
    frames: [
      '[great|excellent|amazing|very good] service, [thank you|thanks a lot|much appreciated]',
      '[the staff|your team|the officer] [was|were] [friendly|very helpful|patient and clear]',
      '[thanks|thank you] for the [quick response|help|fast validation], [my issue is solved|everything is done|really appreciated]',
      '[the new app|online payment|the website] [works great|is very convenient|made it so easy]',
    ],
  },
  {
    id: 'p-formal',
    act: 'praise',
    frames: [
      'Kami mengucapkan terima kasih atas [pelayanan yang cepat|bantuan petugas|penanganan keberatan kami] [dalam pengurusan {bphtb}|di kantor Bapenda|hari ini].',
      '[Kami|Saya] [mengapresiasi|menghargai] [kecepatan|keramahan|profesionalitas] [petugas|pelayanan] [Bapenda|UPT] dalam [melayani|menangani] {pbb}.',
      'Pelayanan [sangat baik|sangat memuaskan|prima] dan [transparan|profesional]. Terima kasih.',
    ],
  },
  // ---- statements (questions, greetings, information, suggestions) ----
  {
    id: 's-howto',
    act: 'question',
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
    act: 'question',
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
    act: 'question',
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
    act: 'greeting',
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
    act: 'statement',
    frames: [
      '{greet}NOP saya [13.71.010.001.002-0123.0|13.71.030.007.015-0042.0|13.71.050.002.009-0311.0], [mohon dicek|tolong dicek tagihannya|untuk data]',
      '{greet}[saya|kami] [warga|wajib pajak|pemilik usaha] [di Kecamatan Kuranji|Padang Utara|Koto Tangah|Lubuk Begalung]',
      '{greet}[besok|nanti siang|lusa] saya [datang|ke kantor|ambil berkas] [jam 9|pagi|setelah zuhur]',
      '{greet}[objek pajaknya|tanahnya|rumahnya] [atas nama|milik] [almarhum ayah saya|ibu saya|suami saya]',
    ],
  },
  {
    // Plain facts with a place and a time (answers to "where?" and "since when?", who one is, when one will come):
    // with c-placetime they teach the model that a place or a date says nothing about whether a message is a grievance.
    id: 's-placetime',
    act: 'statement',
    minPerFrame: 16,
    frames: [
      '{greet}[rumah|tanah|objek pajak|toko] [saya|sy|kami|ortu sy] {place}',
      '{place} {when}',
      '{greet}[kejadiannya|itu|yg sy maksud] {place}, {when}',
      '{greet}[saya|sy|kami] [tinggal|buka usaha|punya kos2an|jualan] {place} {when}',
      '{greet}[saya|sy] [datang|ke kantor|ke loket|ke UPT] {when}, {place}',
      '{greet}[sppt|tagihan pbb|berkas bphtb] [itu|nya] [untuk|buat] rumah {place}, [atas nama|an] [ibu sy|almarhum bapak|suami sy]',
      '{greet}[usaha|restoran|rumah makan|hotel kecil] [kami|sy] {place}, [buka|beroperasi|terdaftar] {when}',
      '{greet}[kami|saya] warga {place}, [rt 03|rw 05|blok C no 7]',
    ],
  },
  {
    id: 's-suggestion',
    act: 'suggestion',
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
    act: 'thanks',
    frames: [
      '[oke|ok|baik|siap|iya] [min|pak|bu|kak|]',
      '[baik|oke|siap], [nanti|besok] saya [datang|lengkapi|coba|kabari lagi]',
      '[oh|owh] [gitu|begitu] ya[| min| pak]',
      '[baik|oke], saya [tunggu|tunggu kabarnya|cek dulu|coba dulu]',
    ],
  },
  {
    id: 's-confirm',
    act: 'question',
    frames: [
      '{greet}[apakah|apa] pembayaran {pbb} saya [sudah masuk|sudah diterima|sudah tercatat]{qend}',
      '{greet}[mau konfirmasi|ingin memastikan], [status|posisi] {bphtb} saya [sudah sampai mana|bagaimana]{qend}',
      '{greet}[tolong|mohon|bisa] [cek|dicek|cekin] tagihan [NOP saya|PBB saya|rumah saya] [tahun ini|berapa]{qend}',
      '{greet}[apakah|apa] [SPPT|bukti bayar|SK pengurangan] [sudah bisa diambil|sudah jadi|sudah terbit]{qend}',
    ],
  },
  {
    id: 's-council',
    act: 'question',
    frames: [
      '{greet}[bagaimana|gimana] cara [menyampaikan aspirasi|mengajukan audiensi|minta salinan perda] ke [DPRD|dewan|sekretariat DPRD]{qend}',
      '{greet}[kapan|jadwal] [reses|rapat paripurna|rapat komisi] [anggota dewan|DPRD] [bulan ini|minggu ini|dapil Umbulharjo]{qend}',
      '{greet}[apakah|apa] [rapat paripurna|rapat komisi|kunjungan sekolah] [terbuka untuk umum|bisa diikuti warga|diterima]{qend}',
    ],
  },
  {
    id: 's-english',
    act: 'question',
    frames: [
      '[what are|what is] the [office hours|tax rate for restaurants|deadline for PBB payment]?',
      '[how do I|how can I|can I] [pay my property tax online|apply for a PBB reduction|check my bill|get a tax object number]?',
      '[what documents|which documents] [do I need|are required] for [BPHTB validation|the name change|the objection]?',
      '[hello|hi], I would like to ask about [the land and building tax|BPHTB|the advertisement tax]',
    ],
  },
  // ---- acts beyond the three families (issue 9) ----
  {
    id: 'c-regional',
    act: 'complaint',
    frames: [
      '{jvgreet}{jvthing} {jvbad}, {jvplea}',
      '{jvthing} wis {jvdur} {jvbad}, {jvplea}',
      '{mngreet}{mnthing} {mnbad}, {mnplea}',
      '{mnthing} lah {mndur} {mnbad}',
    ],
  },
  {
    id: 'c-integrity-2',
    act: 'complaint',
    flags: ['integrity'],
    minPerFrame: 16,
    frames: [
      '{greet}{actor} [minta|mintain|nagih|minta tambahan] {bribe} {money} [biar|supaya|agar] {bribegoal}{cend}',
      '{greet}[sy|saya|kami] [disuruh|diminta|dipaksa] [transfer|bayar|setor] {money} ke {bribeto}{cend}',
      '{greet}{actor} [nawarin|menawarkan|jualan] {fasttrack} asal [bayar|kasih|setor] {money}{cend}',
      '{greet}[kalau|klo|kalo] [mau|pengen|ingin] {bribegoal} [harus|kudu|wajib] [kasih|bayar|siapin] {bribe}{cend}',
      '{greet}[ada|masih ada] {bribeword} di [loket PBB|UPT|kantor bapenda|kelurahan|loket BPHTB|sekretariat dewan]{cend}',
      '[the officer|a staff member|someone at the counter|a broker|the inspector|a council member] [asked me for|demanded|wanted|hinted at|told me to pay] [a bribe|cash|coffee money|cigarette money|an extra fee|money|a gift|a cut|a kickback] [to speed up my file|before processing my documents|for the validation|or my tax goes up|under the table]',
      '[I was|we were|my father was] [asked for a bribe|extorted|told to pay an unofficial fee|charged a fake fee] [at the counter|by the staff|at the district office|by someone from the council]',
      '{actor} [njaluk|mintak|minta] [duit|pitih|uang] [rokok|kopi|bensin|lelah|tambahan] [ben|supayo|biar] [cepet|capek|lancar|ora ribet]{cend}',
      '{greet}[berkas|sppt|sk|validasi] [saya|sy|ambo|kulo] [ditahan|gak diproses|dipersulit] [sampai|kalau belum|sebelum] [saya kasih|ada|dikasih] {bribe}{cend}',
      '{greet}[bayar|nyetor|transfer] [pajak|pbb|denda|biaya validasi] [disuruh|harus|diminta] lewat {bribeto}, [gak|tidak|nggak] [ada kuitansi|lewat bank|resmi]{cend}',
      '{greet}[petugas|oknum|pegawai] [bilang|ngomong|nyindir] [kalau ada|asal ada|mana] {bribe}[nya|] [bisa cepat|langsung beres|hari ini jadi]{cend}',
      '{greet}[suap|sogok|pungli|gratifikasi|pemerasan] [masih terjadi|masih jalan|marak] di [loket|kantor|UPT|sekretariat dewan|kelurahan]{cend}',
    ],
  },
  {
    id: 'c-irony',
    act: 'complaint',
    flags: ['sarcasm'],
    minPerFrame: 25,
    frames: [
      '{ironyopen}, {grievance}{ironyend}',
      '{grievance}, {ironyclose}{ironyend}',
      '{ironyopen}, {grievance}, {ironyclose}{ironyend}',
      '[makasih|terima kasih|mksh|thx] [ya|lho|loh|deh|banyak] [min|pak|bapenda|dewan|], {grievance}{ironyend}',
      '{ironyopen} [ya|deh|sih] {agencyname}, {grievance}{ironyend}',
    ],
  },
  {
    id: 'c-mixed',
    act: 'complaint',
    flags: ['mixed'],
    minPerFrame: 30,
    frames: [
      '{goodpart}, [tapi|tp|namun|sayangnya|cuma|hanya saja] {badpart}',
      '{goodpart}. [Tapi|Sayangnya|Namun] {badpart}{negemoji}',
    ],
  },
  {
    id: 'd-closed',
    act: 'dissatisfied',
    frames: [
      '{greet}[kok|kenapa|knp] [aduan|laporan|tiket|pengaduan] [saya|sy|kami] [ditutup|dianggap selesai|statusnya selesai] [padahal|pdhl|sementara] {stillbad}',
      '{greet}[tiket|aduan] {ticket} [ditutup|selesai katanya|dibilang beres] [padahal|tapi] {stillbad}',
      '{greet}[saya|sy|aku] [tidak|gak|ga|belum|nggak] puas [dengan|sama|sm] [penanganan|jawaban|tindak lanjut|hasil] [aduan|laporan] [saya|sy]{dend}',
      '{greet}[masalah|keluhan|aduan] [saya|sy] [belum|blm|masih belum] [beres|selesai|tuntas|diperbaiki], [saya|sy] [tidak|gak|ga] puas{dend}',
      '{greet}[tolong|mohon] [aduan|laporan|tiket] [saya|sy|{ticket}] [dibuka lagi|dibuka kembali|ditinjau ulang|diproses ulang], {stillbad}',
      '{greet}[masalahnya|errornya|banjirnya|tagihan dobelnya] [muncul lagi|kambuh lagi|terulang lagi] [setelah|padahal] [dibilang beres|aduan saya ditutup|sudah diperbaiki]{dend}',
      '{greet}[jawaban|balasan|solusi] [petugas|admin|dari bidang terkait] [tidak|gak|nggak] [menyelesaikan|menjawab|nyambung sama] masalah [saya|sy]{dend}',
      '{greet}[sudah|udah|udh] [lapor|komplain|ngadu] [2x|3 kali|berkali-kali] soal {pbb} tapi [tetap|masih] [belum beres|diabaikan|sama aja]{cend}',
      "[I am not|I'm not|still not] [satisfied|happy] [with how my complaint was handled|with the answer|, the problem is not solved]",
      '[my complaint|ticket {ticket}|my report] was [closed|marked resolved] but [the problem is still there|nothing was fixed|the bill is still wrong]',
    ],
  },
  {
    id: 'u-status',
    act: 'status',
    frames: [
      '{greet}[gimana|gmn|bagaimana] [aduan|laporan|pengaduan|tiket] [saya|sy|aku|kami][| yg kemarin| yang tadi| soal {pbb}]{qend}',
      '{greet}[status|progres|perkembangan|kelanjutan] [aduan|laporan|tiket] [saya|sy|{ticket}][| gimana| sudah sampai mana| apa sekarang]{qend}',
      '{greet}[aduan|laporan|tiket] [saya|sy|{ticket}] [sudah|udah|udh] [diproses|ditindaklanjuti|sampai mana|ada kabar|ditangani] [belum|blm]{qend}',
      '{greet}[cek|tolong cek|mau cek|minta cek] [status|perkembangan] [aduan|tiket|laporan] [saya|{ticket}]{qend}',
      '{greet}[ada|sudah ada] [update|kabar|perkembangan|kemajuan] [soal|untuk|dari] [aduan|laporan|tiket] [saya|sy|{ticket}]{qend}',
      '{greet}[aspirasi|usulan|surat audiensi] [kami|saya] [kemarin|minggu lalu|yang dulu] [sudah|udah] [dibahas|diproses|sampai ke komisi] [belum|blm]{qend}',
      '[what is the status of|any update on|can you check] [my complaint|ticket {ticket}|my report]{qend}',
    ],
  },
  {
    id: 'a-more',
    act: 'add_info',
    frames: [
      '{greet}[tambahan|tambahan keterangan|keterangan tambahan|info tambahan|mau nambahin|sekadar menambahkan][:|,] {extrafact}',
      '{greet}[untuk|buat] [aduan|laporan|tiket] [saya|{ticket}] [tadi|kemarin|barusan], {extrafact}',
      '[oh iya|oh ya|satu lagi|lupa bilang|tadi lupa][| min| pak], {extrafact}',
      '{greet}[berikut|ini|saya kirim|saya lampirkan] [foto|fotonya|bukti|buktinya|screenshot|rekaman|kwitansi] [jalan yang rusak|waktu gagal bayar|sppt yang salah|transfernya|chat dengan petugas|antriannya][| ya| min| pak]',
      '{greet}[saya sudah|sudah saya] [transfer|kirim berkas|upload dokumen|isi formulir] [tadi pagi|kemarin|barusan]',
      '{greet}berikut [saya lampirkan|terlampir|saya kirim] [foto SPPT|bukti bayar|scan akta|KTP dan KK|data objek pajak]',
      '[additional info|adding to my complaint|one more thing|I forgot to mention][:|,] [it happened at counter 3|the amount was 300k|the officer wore a batik shirt|here is the receipt]',
    ],
  },
  {
    id: 'e-erase',
    act: 'erase',
    frames: [
      '{greet}[tolong|mohon|minta|sy minta|saya mau] [hapus|hapusin|dihapus|hapuskan] [data|data pribadi|nomor hp|nomor wa|NIK|email|alamat|foto KTP] [saya|sy|aku][| dari sistem| dari database| semuanya| ya]',
      '{greet}[data|data pribadi|nomor|nik] [saya|sy] [tolong|mohon|minta] [dihapus|dihapus semua|jangan disimpan lagi][| sesuai UU PDP|]',
      '{greet}[saya|sy] [tidak mau|gak mau|keberatan] data [saya|sy] [disimpan|dipakai] [lagi|], [tolong|mohon] [hapus|dihapus]',
      '[please|kindly|] [delete|erase|remove] [my data|my personal data|my phone number|all my information][| from your system| now]',
    ],
  },
  {
    id: 'x-cancel',
    act: 'cancel',
    frames: [
      '[gak|ga|nggak|enggak|tidak|gk] [jadi|jd][| deh| aja| dulu| lapor| ngadu][| min| pak| kak]',
      '[batal|batalin|batalkan|cancel][| aja| saja| deh][| min| pak| ya]',
      '[batalkan|batalin|cancel|tarik] [aduan|laporan|pengaduan] [saya|sy|yang tadi|barusan][| aja| ya| min]',
      '[udah|sudah|udh|ya udah] [gak|ga|tidak] usah[| diproses| dilanjutin| dilanjutkan| deh][| min|], [masalahnya udah beres sendiri|saya urus sendiri aja|nanti aja]',
      '[ora sido|ndak jadi|indak jadi|mboten sios|ra sido][| wae| lai| min| mas]',
      '[cancel|never mind|forget it|I changed my mind][| please| thanks|, no need]',
    ],
  },
  {
    id: 'y-yes',
    act: 'yes',
    frames: [
      '{yesw}{addr}{yesend}',
      '{yesw}, [sudah|udah|udh] [beres|selesai|diperbaiki|bisa|normal|masuk][| kok| min| pak]',
      '[sudah|udah|udh|alhamdulillah] [beres|selesai|diperbaiki|bisa|normal|sesuai][| min| pak| bu|, makasih]',
      '{yesw}, [itu|yang itu|betul yang itu] [aduan|tiket|laporan] [saya|sy]',
      '[yes|yeah|yep|correct|right][| it is|, that one|, it is fixed now|, all good]',
    ],
  },
  {
    id: 'n-no',
    act: 'no',
    frames: [
      '{now}{addr}{noend}',
      '{now}, [masih|tetap] [sama|error|salah|rusak|belum bisa|bolong]',
      '[belum|blm|belom] [beres|selesai|diperbaiki|ada perubahan|bisa|puas|sesuai][| min| pak| kok]',
      '[bukan|bkn|beda], [itu|yg itu|yang itu] [bukan aduan saya|aduan lain|beda masalah|ini aduan baru]',
      "[no|nope|not yet|not really][|, still broken|, not that one|, it's a new complaint]",
    ],
  },
  {
    id: 'k-dontknow',
    act: 'dont_know',
    frames: [
      '[gak|ga|tidak|nggak|gk] [ada|tau|tahu|inget|ingat|punya][| min| pak| kak]',
      '[gak|ga|tidak|nggak] [ada|punya] [foto|bukti|lampiran|nomornya|nop nya|kwitansinya][| min| pak]',
      '[lupa|gak inget|ga ingat|kurang tau|nggak yakin] [tanggalnya|jamnya|namanya|nomornya|persisnya|kapan][| min| pak]',
      '[lewati|skip|lewat|lanjut aja|kosongin aja][| aja| saja| min]',
      '[mboh|embuh|ora ngerti|indak tau|ndak tau|ora ono|indak ado][| min| mas]',
      "[I don't know|no idea|not sure|none|nothing|no photo|I don't remember][| sorry|, skip]",
    ],
  },
  {
    id: 't-thanks',
    act: 'thanks',
    frames: [
      '{thanks} {addressee}{emoji}',
      '[ok|oke|okey|siap|sip|baik|noted][| min| pak| bu| kak][|, makasih|, terima kasih|, thx| ya]{emoji}',
      '[ok|oke|baik|siap] [saya tunggu|ditunggu|nanti saya cek|saya catat|dicatat][| kabarnya| ya][| min| pak]',
      '[makasih|terima kasih|thanks|trims] [infonya|jawabannya|responnya|balasannya][| min| pak| ya]{emoji}',
      '[oh|owh|o] [gitu|begitu|oke][| ya][| min| pak][|, makasih]',
      '[ok thanks|thanks|thank you|got it, thanks|noted, thank you|alright]',
    ],
  },
  {
    id: 'g-greeting',
    act: 'greeting',
    frames: [
      '[assalamualaikum|asslm|assalamu alaikum|salam|punten|kulonuwun|permisi|misi][| min| pak| bu| kak| admin]',
      '[selamat|met|sugeng] [pagi|siang|sore|malam|enjing|sonten][| min| pak| bu| kak| bapenda| admin]',
      '[halo|hallo|hai|hi|hey|p|ping][| min| kak| admin| pak|?]',
      '[halo|permisi|pagi|siang|assalamualaikum] [min|pak|bu|kak], [mau tanya|boleh tanya|izin bertanya|ada yang bisa bantu]{qend}',
      '[hello|hi|good morning|good afternoon][| there| admin|, can I ask something?]',
    ],
  },
  {
    id: 'z-unrelated',
    act: 'unrelated',
    frames: [
      '[tes|test|cek|coba|testing][| 123| 1 2 3| aja| doang| bot]',
      '[min|kak|bang] [udah makan belum|lagi apa|jomblo ya|asli mana|umur berapa]{qend}',
      '{promo} [hubungi|wa|klik|cek] [wa.me/6281234567|bit.ly/promo123|link di bio|nomor ini]',
      '[ada yang jual|cari|butuh] [motor bekas|rumah kontrakan|jasa servis ac|guru les|kucing anggora][| murah][| di padang| di jogja]{qend}',
      '[rekomendasi|info] [tempat makan|wisata|kafe|bengkel|hotel murah] [di padang|di jogja|deket sini][| dong| min]{qend}',
      '[maaf|eh|sori] [salah kirim|salah nomor|salah grup|kepencet]',
      '[😂|🤣|😆|🗿|🐱|🌚|😴|🤔|🍜|🎉|👀|💃|😜][|😂|🤣|🗿|🤔|😴][|😂|🤣]',
      '[wkwk|wkwkwk|hahaha|hehe|xixixi|awokawok|lol][| min| bang| 😂]',
      '[asdf|qwerty|jkjk|hjkl|zxcv|aaaa|bbb|xyz|ghjk|lkjh|poiu][| asdf| 123| jkl]',
    ],
  },
  {
    id: 'q-fees',
    act: 'question',
    frames: [
      '{greet}[berapa|brp] biaya [resmi|] [untuk|buat] [balik nama sppt|validasi bphtb|daftar npwpd|cetak ulang sppt|pengajuan keberatan|mutasi pbb]{qend}',
      '{greet}[apakah|apa] [ngurus|pengurusan|pengajuan] [sppt|keberatan|mutasi|validasi bphtb|npwpd] [dipungut biaya|ada biayanya|gratis|bayar]{qend}',
      '{greet}[bayar|transfer] [pajak|pbb|bphtb] ke rekening [mana|apa][| yang resmi]{qend}',
      '{greet}[jadwal|kapan] [rapat paripurna|rapat komisi|reses|sidang|hearing] [minggu ini|bulan ini|berikutnya|DPRD]{qend}',
      '{greet}[apa aja|apa saja|apa] syarat [balik nama sppt|mutasi pbb|pengurangan pbb|daftar npwpd|audiensi ke dewan]{qend}',
      '{greet}[kapan|tanggal berapa] [jatuh tempo|batas bayar|deadline] [pbb|pajak hotel|e-sptpd|pajak reklame][| tahun ini| bulan ini]{qend}',
    ],
  },
  {
    id: 'sg-aspiration',
    act: 'suggestion',
    frames: [
      '{greet}[saran|usul|masukan|kritik dan saran][ saya| kami|][:|,] {idea}',
      '{greet}[sebaiknya|alangkah baiknya|mending|kalau bisa|tolong dipertimbangkan] {idea}',
      '{greet}[aspirasi|usulan|aspirasi warga] [kami|dari warga {rw}|RW kami][:|,] [mohon|tolong|minta] {councilidea}',
      '{greet}[kami|warga {rw}] [mengusulkan|berharap|minta] [dewan|DPRD|komisi C|pemkot] {councilidea}',
      '[my suggestion|we suggest|it would be nice|please consider][:|,| to|] [opening on Saturdays|adding e-wallet payment|an English website|reminders by WhatsApp]',
    ],
  },
];
