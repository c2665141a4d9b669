// Whether a message asks for something: only then can an FAQ entry answer it. "Denda PBB saya muncul padahal saya
// selalu bayar tepat waktu" shares every word with the penalty entry but asks nothing; it is a complaint.

// Question words and request phrases, Indonesian (with chat spellings), Javanese, Minang and English.
const ASKS = new RegExp(
  [
    '\\?',
    '\\b(?:apa|apakah|apa\\s*aja|apa\\s*saja|bagaimana|bagaimanakah|gimana|gmn|gmana|gimane|kapan|kpn|dimana|di\\s+mana|dmn|kemana|ke\\s+mana|berapa|brp|brapa|siapa|mengapa|kenapa|knp|bisakah|bolehkah|caranya|cara\\s+\\w+|prosedur|syarat\\w*|persyaratan)\\b',
    '\\b(?:piye|pripun|kepiye|opo|kapan|ngendi|pira|sinten|baa|bara|dima|manga|apo)\\b',
    '\\b(?:how|what|when|where|which|who|why|can\\s+i|could\\s+i|is\\s+there|are\\s+there|do\\s+i|do\\s+you|does|is\\s+it|are\\s+you)\\b',
    '\\b(?:mau|ingin|izin|ijin|boleh)\\s+(?:tanya|nanya|bertanya|tahu|tau|info)\\b',
    '\\b(?:mohon|minta|tolong)\\s+(?:info|informasi|penjelasan|dijelaskan|jelaskan|salinan)\\b',
    '\\b(?:need|want|would\\s+like|please|tell\\s+me)\\b',
    // A yes/no question tag at the end: "loket masih buka gak", "bisa dicicil ga min", "sabtu buka kah".
    '\\b(?:gak|ga|gk|nggak|ngga|enggak|tidak|ndak|indak|ya|kah|tah|nggih)\\s*(?:min|pak|bu|kak|mas|mbak|ya)?\\s*[.!]*\\s*$',
    '\\w+kah\\b',
    '\\blewat\\s+mana\\b|\\bmana\\s*(?:ya|min|pak|bu|kak)?\\s*$',
  ].join('|'),
  'i',
);

// What a grievance says: a short message with one of these reports a problem rather than looking something up.
const GRIEVANCE =
  /\b(?:padahal|tapi|tp|kok|belum|blm|tidak|tdk|gak|ga|gk|nggak|ngga|gagal|error|eror|rusak|mati|salah|kecewa|parah|lama|lambat|lemot|mahal|naik|ditolak|hilang|tutup|kasar|judes|pungli|minta\s+uang|not|never|wrong|broken|failed)\b/i;

// Thanks, praise and acknowledgements: "terima kasih atas pelayanannya", "oke sudah lunas", "jempol buat petugas".
const THANKS =
  /terima\s*kasih|terimakasih|makasih|mksh|thank|thanks|thx|matur\s*nuwun|suwun|hatur\s*nuhun|mantap|mantul|hebat|bagus|baik|ramah|sopan|cepat|oke|ok\b|sip\b|beres|lunas|apresiasi|luar\s*biasa|jempol|pertahankan|memudahkan|great|good|nice|[\u{1F44D}\u{1F64F}\u{1F60A}\u{1F60D}\u{1F44F}\u{2764}]/iu;

/**
 * Whether the text asks a question or requests information: a question mark, a question word, a yes/no tag, a
 * request phrase, or a short search-like phrase with no grievance in it ("jam layanan sekretariat dprd", "tanggal
 * jatuh tempo pbb 2026").
 */
export function asksSomething(text: string): boolean {
  if (typeof text !== 'string') return false;
  if (ASKS.test(text)) return true;
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  return words.length >= 2 && words.length <= 6 && !GRIEVANCE.test(text) && !THANKS.test(text);
}
