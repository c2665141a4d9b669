// Whether a grievance speaks of how a report was handled rather than of a new problem (issue 9: dissatisfaction
// anywhere). "udh seminggu belum ada perbaikan", "ga dibales2", "still no response" are about a case the citizen
// already reported; "saya kecewa" alone may be about one or be a new grievance. The model reads both as grievances;
// which case they belong to depends on whether the citizen has one, which only the flows know. Word cues, because
// the difference lies in a few words the model has no reason to weigh apart from the grievance itself.

/**
 * 'handling': speaks of the handling of a report; 'disappointed': disappointment that does not say with what;
 * 'again': a problem that came back ("bocor lagi", "is out again"), an earlier case's or a new one;
 * 'adding': announces more facts for a report ("mau nambahin", "I want to add something to my complaint").
 */
export type HandlingCue = 'handling' | 'disappointed' | 'again' | 'adding';

const NEG =
  '(?:belum|blm|blum|blom|tidak|tdk|tak|gak|ga|gk|g|nggak|ngga|enggak|engga|kagak|ndak|indak|alun|durung|dereng|ora|mboten|no|not|never|nobody|still\\s+no|still\\s+not)';
const HANDLED =
  '(?:(?:ada|ado|ono|wonten)\\s+)?(?:perbaikan|tindak\\s*lanjut|tindaklanjut|tindakan|respon|respons|tanggapan|kabar|kabarnya|jawaban|balasan|balesan|progres|progress|perkembangan|kaba|dibales|dibales2|dibalas|dibalas2|ditanggapi|ditanggepin|direspon|direspons|digubris|diproses|diurus|diurusin|ditindaklanjuti|ditindak|diperbaiki|dibenerin|dibetulkan|didandani|dikerjakan|ditangani|disentuh|dicek|ditanggapi|response|reply|replied|answer|update|fixed|resolved|done|handled)';
/** Naming their own report: "laporan saya", "aduan sy", "my complaint". */
const OWN_REPORT =
  '(?:laporan|laporannya|aduan|aduannya|pengaduan|keluhan|tiket|report|complaint|ticket)\\s+(?:saya|sy|aku|ku|ambo|kulo|kami|my)|(?:laporanku|aduanku|my\\s+(?:report|complaint|ticket))';

const HANDLING = new RegExp(
  [
    `\\b${NEG}\\s+(?:juga\\s+|jg\\s+|pernah\\s+|sama\\s+sekali\\s+)?${HANDLED}\\b`,
    // "dicuekin", "dikacangin", "didiemin", "dianggurin": left unanswered.
    '\\b(?:dicuekin|dicuekkan|dikacangin|didiemin|didiamkan|dianggurin|diabaikan|ignored)\\b',
    // Their own report named with a grievance about it: "aduan saya kok ...", "my complaint is still ...".
    `\\b(?:${OWN_REPORT})\\b.{0,40}\\b(?:kok|masih|msh|still|lama|lambat|belum|blm|ditutup|closed|sama\\s+aja|gitu\\s+aja)\\b`,
    // "ditutup padahal belum …", "katanya selesai".
    '\\b(?:ditutup|closed|katanya\\s+(?:sudah\\s+|udah\\s+|udh\\s+)?(?:selesai|beres))\\b',
  ].join('|'),
  'i',
);

// "Bocor lagi", "error maneh", "is out again": the problem came back.
const AGAIN =
  /\b(?:rusak|mati|error|eror|bocor|salah|naik|muncul|terjadi|kambuh|kumat|dobel|macet|banjir|gagal|padam|hilang|tutup)\s+(?:lagi|lg|maneh|meneh|baliak)\b|\bagain\b|\bterulang\b/i;

const DISAPPOINTED =
  /\b(?:kecewa|mengecewakan|dikecewakan|disappointed|disappointing|tidak\s+puas|gak\s+puas|ga\s+puas|nggak\s+puas|ndak\s+puas|kurang\s+puas|not\s+(?:happy|satisfied)|unhappy|dereng\s+marem|ora\s+marem|indak\s+puas)\b/i;

// Narrow on purpose: "biaya tambahan" in a new report is not an addition to an old one.
const ADDING = new RegExp(
  [
    '^\\W*(?:(?:saya|sy|aku|kulo|ambo)\\s+)?(?:mau\\s+|ingin\\s+|pengen\\s+|badhe\\s+|nak\\s+)?(?:nambahin|nambah|nambahi|menambahkan|manambahan|tambahan|tambahin)\\b',
    '\\b(?:tambahan|tambah|nambah|nambahin)\\s+(?:info|informasi|keterangan|ket|data|kronologi)\\b',
    '\\blupa\\s+(?:bilang|nyebut|ngasih\\s+tau|kasih\\s+tau|menyebutkan|sampaikan)\\b',
    '\\b(?:add(?:ing)?\\s+(?:something|more|this|a\\s+detail|some\\s+details?|to\\s+my)|to\\s+add|forgot\\s+to\\s+(?:mention|say|tell)|one\\s+more\\s+(?:thing|detail))\\b',
  ].join('|'),
  'i',
);

/** The cue a turn carries about an earlier report: its handling, disappointment, or more facts for it. */
export function handlingCue(text: string): HandlingCue | undefined {
  if (ADDING.test(text)) return 'adding';
  if (HANDLING.test(text)) return 'handling';
  if (AGAIN.test(text)) return 'again';
  if (DISAPPOINTED.test(text)) return 'disappointed';
  return undefined;
}

const RESOLVED = new RegExp(
  [
    // "udh ga bocor lagi", "wis ora mati maneh", "lah indak rusak lai": the problem no longer happens.
    '\\b(?:sudah|sdh|udah|udh|uda|dah|wis|wes|alah|lah)\\s+(?:tidak|tdk|ga|gak|gk|g|nggak|ngga|enggak|engga|ndak|indak|ora|mboten|nda)\\s+(?:\\S+\\s+){0,2}?(?:lagi|lg|maneh|malih|lai)\\b',
    '\\b(?:sudah|sdh|udah|udh|uda|dah)\\s+(?:normal|lancar|bisa|benar|bener|betul|sesuai|aman|beres|selesai|diperbaiki|dibetulkan|dibenerin|nyala|menyala|hidup)\\b',
    '\\bno\\s+longer\\b|\\bnot\\s+\\w+(?:\\s+\\w+)?\\s+any\\s?more\\b|\\b(?:works|working|fine|fixed|solved|resolved|ok)\\s+now\\b',
  ].join('|'),
  'i',
);
const BUT_STILL = /\b(?:masih|msh|belum|blm|blom|still|tetap|tetep|kambuh|tapi|tp|namun|but|again)\b/i;

/** Whether an answer says the problem is gone ("aman min, udh ga bocor lagi"), with no "but still" beside it. */
export function saysResolved(text: string): boolean {
  return RESOLVED.test(text) && !BUT_STILL.test(text);
}
