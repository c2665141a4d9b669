// Finds in a complaint's text what the follow-up questions would otherwise ask: where, since when, evidence.
// Informal Indonesian included ("udh 2 minggu", "dr kemarin", "di loket 3"). A stand-in for the slot extractor
// (nlp/slots, `Understanding.slots`) until it lands: flows/turn.ts prefers the extractor's slots.

const SINCE = [
  /\b(?:sejak|semenjak|sdh|udh|udah|sudah|dah|dari|sampai|sampe|selama|hampir|lebih dari)\s+(?:\d+|se|satu|dua|tiga|empat|lima|enam|beberapa|berapa)\s*(?:hari|hr|minggu|mg|mgg|bulan|bln|tahun|thn|jam|pekan)\b/i,
  /\b\d+\s*(?:hari|hr|minggu|mgg|bulan|bln|tahun|thn|pekan)\s*(?:lalu|yang lalu|yg lalu|terakhir)?\b/i,
  /\b(?:sejak|dari|dr|semenjak)\s+(?:kemarin|kemaren|kmrn|tadi|pagi|senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu lalu|bulan lalu|tahun lalu|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?)\b/i,
  /\b(?:kemarin|kemaren|kmrn|tadi pagi|tadi siang|hari ini|minggu lalu|bulan lalu|tahun lalu|last week|yesterday|today|since \w+|for \d+ (?:days?|weeks?|months?))\b/i,
  /\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b/,
];

const WHERE = [
  /\b(?:di|ke|dari|at|in)\s+(?:kantor|loket|jalan|jln|jl\.?|gedung|kecamatan|kec\.?|kelurahan|kel\.?|pasar|ruko|rumah|lantai|bapenda|dprd|website|situs|aplikasi|app|web|portal|bank|atm|parkiran|parkir|hotel|restoran|rumah makan|kafe|cafe|mall|upt|samsat|sekretariat)\b[^.,!?\n]{0,40}/i,
  /\b(?:jl\.?|jln\.?|jalan)\s+[A-Za-z][^.,!?\n]{1,40}/i,
  /\b(?:kantor|loket|website|situs|aplikasi|portal|e-?pbb|e-?bphtb|sipanji|qris|virtual account|mobile banking|m-banking)\b[^.,!?\n]{0,30}/i,
  /\bNOP\b[^.,!?\n]{0,30}/i,
];

function firstMatch(patterns: RegExp[], text: string): string | undefined {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return m[0].trim();
  }
  return undefined;
}

const NO_EVIDENCE =
  /\b(?:gak|ga|gk|g|nggak|ngga|enggak|tidak|tdk|tak|ndak|ora|indak|no|don'?t have|have no)\s+(?:ada\s+|punya\s+|any\s+)?(?:foto|fotonya|poto|bukti|buktinya|dokumen|gambar|photos?|pictures?|evidence|proof)\b/i;
const HAS_EVIDENCE =
  /\b(?:ada|punya|sy lampirkan|saya lampirkan|terlampir|nanti sy kirim|have|attached)\s+(?:foto|fotonya|poto|bukti|buktinya|kwitansi|struk|screenshot|ss|photos?|pictures?|evidence|proof)\b/i;

/** What the complaint text already says about where and since when, and whether the citizen has evidence. */
export function extractDetails(text: string): { where?: string; since?: string; evidence?: 'none' | 'mentioned' } {
  const where = firstMatch(WHERE, text);
  const since = firstMatch(SINCE, text);
  const evidence = NO_EVIDENCE.test(text) ? 'none' : HAS_EVIDENCE.test(text) ? 'mentioned' : undefined;
  return { ...(where ? { where } : {}), ...(since ? { since } : {}), ...(evidence ? { evidence } : {}) };
}

/** A complaint of fewer than this many words gets the "what happened" question. */
export const MIN_WHAT_WORDS = 5;

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}
