// Whether the citizen speaks of evidence they have ("ada fotonya", "sy punya bukti bayar", "foto terlampir") or says
// there is none ("gak ada foto", "ga ada bukti", "struknya ilang"). A bare "ada", "ok" or "123" says neither.
import type { Slots } from '../types.js';

const NOUN =
  '(?:foto|fotonya|photos?|pic|pics|picture|gambar|gambarnya|bukti|buktinya|proof|evidence|screenshots?|screenshotnya|screenshoot|skrinsut|ss|ssnya|tangkapan\\s+layar|rekaman|rekamannya|recording|video|videonya|cctv|struk|struknya|kwitansi|kwitansinya|kuitansi|kuitansinya|nota|notanya|receipt|resi|resinya|lampiran|lampirannya|attachment)';
const NEG =
  "(?:gak|ga|gk|g|nggak|ngga|nggk|enggak|engga|kagak|kaga|tidak|tdk|tak|belum|blm|blum|no|not|don'?t|didn'?t|haven'?t|hasn'?t|never|tanpa|without|ora|ra|ndak|indak|nda|kada|mboten|boten|dereng|durung|alun|lupa)";
const BETWEEN =
  '(?:(?:ada|ado|ono|wonten|gadah|punya|pny|sempat|sempet|sempat2|sempet2|bawa|pegang|nyimpan|nyimpen|simpan|dapat|dapet|dikasih|diberi|ngambil|ambil|minta|foto|have|has|had|take|took|any|a|an|the)\\s+){0,3}';

// "gak ada foto", "tidak punya bukti apa2", "ga sempat foto", "I don't have any proof", "tanpa bukti".
const NONE_BEFORE = new RegExp(
  `\\b${NEG}\\s+${BETWEEN}(?:${NOUN}|difoto|difotoin|direkam|foto|fotoin|rekam|motret)\\b`,
  'gi',
);
// "fotonya gak ada", "bukti bayarnya blm ada", "buktinya udah hilang", "struknya ilang".
const NONE_AFTER = new RegExp(
  `\\b${NOUN}(?:\\s+[a-z]+nya|\\s+(?:bayar|transfer|tf|pembayaran))?\\s+(?:(?:udah|sudah|sdh|udh|dah|juga|jg)\\s+)?(?:${NEG}\\s+(?:ada|ado|ono|wonten|punya)\\b|(?:hilang|ilang|lost|dibuang|ketinggalan|gone)\\b)`,
  'gi',
);
// Evidence named, or the act of taking it: "difoto", "sudah saya foto", "saya rekam", "terlampir", "attached".
const MENTIONED = new RegExp(
  `\\b(?:${NOUN}|difoto|difotoin|kufoto|direkam|kurekam|terlampir|dilampirkan|lampirkan|attached|(?:saya|sy|aku|udah|sudah|sdh|udh|nanti|ntar)\\s+(?:saya\\s+|sy\\s+)?(?:foto|fotoin|rekam|videoin|screenshot|ss))\\b`,
  'gi',
);
const CHEAP_FILTER =
  /fot|pho|pic|gamb|bukt|proo|evid|scre|skri|ss|rekam|recor|vid|cctv|struk|kwit|kuit|nota|recei|resi|lampir|attach/i;

/** 'mentioned' when the text names evidence the citizen has, 'none' when it says there is none, else undefined. */
export function findEvidence(text: string): Slots['evidence'] {
  if (!CHEAP_FILTER.test(text)) return undefined;
  const negative: Array<[number, number]> = [];
  for (const re of [NONE_BEFORE, NONE_AFTER])
    for (const m of text.matchAll(re)) negative.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  for (const m of text.matchAll(MENTIONED)) {
    const start = m.index ?? 0;
    if (!negative.some(([a, b]) => start >= a && start < b)) return 'mentioned';
  }
  return negative.length ? 'none' : undefined;
}
