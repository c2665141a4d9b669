// The words place phrases are made of, in Indonesian, Javanese, Minang and English. Kept apart from the parser so
// the lists can grow without touching the logic.

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Prepositions that open a place: "di loket", "neng kampungku" (Jv), "dek pasa" (Minang), "at the counter". */
export const PLACE_PREPOSITIONS = set(`
  di ke dari pada neng ning nang ing teng dek at in on inside to lewat via melalui pakai pake`);

/** Articles and determiners allowed between a preposition and its place ("at the counter", "di salah satu loket"). */
export const ARTICLES = set('the a an my our your this that');

/** Where-words that need a following place: "di depan kantor", "ngarep omahku" (Jv), "near the office". */
export const RELATIONAL = set(`
  depan belakang samping sebelah sekitar sekitaran dekat seberang dalam luar atas bawah ujung pinggir
  ngarep mburi cedhak sebelahe near outside behind`);

/** Heads that make a place on their own, even without a preposition ("loket 3", "website e-PBB", "kecamatan Kuranji"). */
export const STRONG_HEADS = set(`
  loket loketnya kantor kantornya gedung ruangan lantai lt lobby lobi aula upt samsat sekretariat balaikota
  parkiran website websitenya web webnya situs situsnya portal laman aplikasi aplikasinya app apk qris m-banking
  mbanking tokopedia shopee bukalapak gopay ovo linkaja indomaret alfamart alfamidi minimarket atm teller
  kecamatan kec kelurahan kel desa nagari dusun kampung kampuang kampungku kampungnya gang gg lorong komplek kompleks
  perumahan perum rt rw jl jln simpang perempatan pertigaan jembatan pasar terminal stasiun puskesmas sekolah masjid mesjid
  musala mushola kantin omah omahku kantor-kantor website site app application`);

/** Heads that are a place only after a preposition ("ke rumah", "di bank", "di toilet"). */
export const WEAK_HEADS = set(`
  pasa rumah rumahku rumahnya bank toilet wc hotel restoran resto kafe cafe warung toko ruko mall kota kabupaten kab
  tempat lokasi lapangan taman halaman ruang kamar mandi pos lingkungan wilayah daerah kawasan area jalan jalanan
  dalan ratan sawah tanah kebun bandara pelabuhan sd smp sma smk bri bni bca mandiri bsi btn bpd
  office counter window desk branch building floor street road village district`);

/** Two-word heads, keyed by their first word. */
export const TWO_WORD_HEADS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['lampu', set('merah')],
  ['ruang', set('tunggu pelayanan layanan rapat sidang informasi')],
  ['mobile', set('banking')],
  ['internet', set('banking')],
  ['front', set('desk office')],
  ['balai', set('kota')],
  ['rumah', set('makan')],
  ['kantor', set('pos')],
  ['city', set('hall')],
  ['service', set('counter desk')],
]);

/** Heads whose names follow them ("kecamatan Koto Tangah", "jl veteran"): up to three name words. */
export const NAMED_HEADS = set(`
  kecamatan kec kelurahan kel desa nagari dusun kampung kampuang gang gg lorong komplek kompleks perumahan perum
  simpang pasar pasa jl jln jalan dalan street road village district`);

/** Digital places, whose product name may follow ("aplikasi sipanji", "website e-PBB"). */
export const DIGITAL_HEADS = set(`
  website websitenya web webnya situs situsnya portal laman aplikasi aplikasinya app apk application site`);

/** Words that belong to a place phrase after its head: organisations, directions, "pusat", bank names, possessives. */
export const PLACE_MODIFIERS = set(`
  bapenda dprd samsat pbb bphtb pajak walikota wali camat lurah bupati gubernur pemko pemkot dewan paripurna komisi
  fraksi kota pusat utama induk cabang wilayah timur
  barat utara selatan tengah raya rayo indah besar tunggu pelayanan layanan informasi padang jogja
  yogyakarta yogya nagari bri bni bca mandiri bsi btn bpd diy kulon wetan lor kidul main front back head service
  tax e-pbb e-bphtb e-sptpd e-sppt nya`);

/** Possessives that may end a place ("rumah saya", "kampung ambo", "omahku"). */
export const POSSESSIVES = set('saya sy aku ku kami kita ambo awak kulo my our');

/** Words that introduce a code ("no 5", "km 15", "blok C", "RT 03"). */
export const CODE_CUES = set('no no. nomor nmr nr km blok blk rt rw lt lt. lantai gedung gd');

/** Words that never continue a place name: function words and what citizens say is wrong with a place. */
export const NOT_A_NAME = set(`
  yang yg dan tapi tp tetapi padahal karena krn karna sejak udah sudah sdh udh dah belum blm tidak tdk gak ga gk
  nggak ngga enggak engga kok sih lagi lg masih juga itu ini ada mau bisa bs harus akan sedang terus trs dong deh
  min pak bu ya kah mohon tolong sama dengan dgn untuk utk buat soal tentang saat waktu pas ketika jam sampai
  sampe hingga setelah sebelum lalu kemarin kemaren kmrn tadi sering selalu tiap setiap cuma hanya pun
  rusak mati berlubang bolong bolong2 banjir macet gelap kotor jorok sempit lama lambat lemot error eror down
  tutup sepi penuh parah tergenang becek licin hancur retak ambles longsor mampet tersumbat bau panas antri
  antrian minta diminta petugas pegawai kasar judes gagal hilang salah naik mahal kosong dibuka buka diperbaiki
  didandani mbok ora ra ndak indak ado is was are were has have been keeps kept not doesnt dont and but`);
