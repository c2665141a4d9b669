// Which language a citizen writes in, so replies can follow it (issue 9, item 8): 'en' when English words clearly
// outnumber Indonesian ones, else 'id' (Indonesian, with its regional words, is the default of every agency).
import { tokenize } from '../text/prepare.js';

const ENGLISH = new Set(
  (
    'the a an is are was were be been being am i you he she we they it my your our their me us him her them this that ' +
    'these those there here what when where why how which who whom whose can could would should will shall may might ' +
    'must do does did done not no yes please thank thanks thx hello hi hey dear sir madam good morning afternoon evening ' +
    'of to for from with without about at by on in into out up down over under again still already yet just only also ' +
    'and or but if because so than then too very much many more most some any all every nothing none never always ' +
    'have has had get got make made take took give gave go went come came see saw know knew want need tell told ask ' +
    'asked paid pay payment bill office staff officer counter complaint complaints problem issue fixed fix solved ' +
    'resolved closed open opened waiting waited wait since week weeks month months day days hour hours today yesterday ' +
    'tomorrow time someone anyone nobody money cash fee fees tax taxes property land building name address phone number ' +
    'satisfied happy unhappy rude slow fast great excellent terrible poor service help please delete remove data my ' +
    "it's i'm don't doesn't didn't isn't wasn't can't won't i've i'd you're let's where's what's"
  ).split(/\s+/),
);

const INDONESIAN = new Set(
  (
    'yang dan di ke dari ini itu saya sy aku gue gw kami kita anda bapak ibu pak bu min kak mas mbak tidak tdk gak ga ' +
    'nggak enggak belum blm sudah udah udh sdh bisa bs mau akan ada adalah dengan dgn untuk utk buat pada juga jg lagi ' +
    'lg sangat banget bgt sekali kok dong deh sih ya iya yg apa apakah bagaimana gimana gmn kenapa knp kapan dimana ' +
    'mana berapa brp tolong tlg mohon terima kasih makasih mksh trims karena krn tapi tp tetapi sama masih saja aja ' +
    'kalau kalo klo jadi sampai smp sejak dulu baru sekarang skrg hari minggu bulan tahun kemarin besok tadi pagi ' +
    'siang sore malam bayar tagihan pajak petugas kantor aduan laporan tiket masalah salah lama cepat rusak jalan ' +
    'assalamualaikum halo selamat permisi oke siap baik nya lah pun atau oleh agar supaya biar harus perlu'
  ).split(/\s+/),
);

/** 'en' when a message is written in English, else 'id'. */
export function detectLanguage(text: string): 'id' | 'en' {
  if (typeof text !== 'string' || text === '') return 'id';
  let en = 0;
  let id = 0;
  // (Apostrophes of any kind separate tokens: natural's tokenizer keeps only a-z, 0-9 and "-".)
  for (const token of tokenize(text.toLowerCase())) {
    if (INDONESIAN.has(token)) id++;
    else if (ENGLISH.has(token)) en++;
  }
  return en >= 1 && en >= 2 * id + (id > 0 ? 1 : 0) ? 'en' : 'id';
}
