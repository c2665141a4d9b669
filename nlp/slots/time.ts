// When it happened or since when, in the words citizens use: "sejak 2 minggu", "udh sebulan", "kemarin", "dr senin",
// "12/11/2026", "tadi pagi sekitar jam 9", "wes seminggu" (Javanese), "lah sabulan" (Minang), "last week". A number
// already read as a phone, NIK, NOP, ticket or amount is never a date, and a comparison ("dibanding tahun lalu") is
// not a time.
import { overlapsAny, type Span } from './normalise.js';

const NUM =
  '(?:\\d{1,3}|se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belasan|puluhan|beberapa|bbrp|rong|loro|telung|telu|patang|papat|limang|duo|tigo|ampek|limo|a|one|two|three|four|five|six|a\\s+few|few|several)';
const UNIT =
  '(?:hari|hr|minggu|mggu|mgg|mg|pekan|bulan|bln|tahun|thn|th|taun|jam|menit|days?|weeks?|months?|years?|hours?)';
const UNIT_LONG = '(?:hari|hr|minggu|mggu|mgg|mg|pekan|bulan|bln|tahun|thn|th|taun|days?|weeks?|months?|years?)';
const FUSED = '(?:se|sa|sak)(?:hari|minggu|mggu|mgg|pekan|bulan|bln|tahun|thn|taun|jam)(?:an)?';
const DURATION = `(?:${NUM}\\s*${UNIT}(?:an)?|${FUSED})(?:\\s+(?:lebih|lbh))?`;
const DURATION_LONG = `(?:${NUM}\\s*${UNIT_LONG}(?:an)?|${FUSED})(?:\\s+(?:lebih|lbh))?`;
const AGO = '(?:\\s+(?:yang\\s+lalu|yg\\s+lalu|lalu|kemarin|kemaren|kmrn|terakhir|belakangan|ago))';
const ALREADY =
  '(?:sudah|sdh|udh|udah|uda|dah|sdah|telah|tlh|wes|wis|uwis|lah|alah|lebih\\s+dari|lbh\\s+dr|hampir|hmpr|kurang\\s+lebih|kurleb|selama|for|almost|over)';
const SINCE = '(?:sejak|semenjak|sedari|dari|dr|mulai|wiwit|kawit|sajak|since|from)';
const WEEKDAY =
  "(?:senin|selasa|rabu|kamis|jumat|jum'at|jumaat|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const MONTH_FULL =
  '(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|nopember|desember|january|february|march|may|june|july|august|october|december)';
const MONTH = `(?:${MONTH_FULL}|jan|feb|mar|apr|jun|jul|agt|agu|agus|sep|sept|okt|nov|des|dec|oct|aug)`;
const PERIOD = '(?:minggu|mgg|pekan|bulan|bln|tahun|thn|week|month|year)';
const RELATIVE_PERIOD = `(?:${PERIOD}\\s+(?:lalu|kemarin|kemaren|kmrn|kmren|kemarennya)|last\\s+(?:week|month|year|night|${WEEKDAY}))`;
const DAYWORD =
  '(?:kemarin|kemaren|kmrn|kmren|kmarin|kemarinnya|tadi|barusan|semalam|pagi|siang|sore|malam|subuh|wingi|kapatang|yesterday|today|this\\s+morning)';
const CLOCK =
  '(?:(?:sekitar|sktr|kira2|kira-kira|kurang\\s+lebih|around|about)\\s+)?(?:jam|pukul|pkl)\\s*\\d{1,2}(?:[.:]\\d{2})?(?:\\s*(?:wib|pagi|siang|sore|malam|am|pm))?';
const NUMERIC_DATE =
  '(?<![\\d/.-])(?:\\d{1,2}[/-]\\d{1,2}(?:[/-](?:\\d{4}|\\d{2}))?|\\d{4}-\\d{1,2}-\\d{1,2})(?![\\d/-])';
const WORD_DATE = `(?:(?:tanggal|tgl|tg)\\.?\\s*(?:${NUMERIC_DATE}|\\d{1,2}(?:\\s+${MONTH})?(?:\\s+\\d{4})?)|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?\\b|(?:bulan|bln)\\s+${MONTH_FULL}(?:\\s+\\d{4})?|${MONTH_FULL}\\s+\\d{4})`;
const EDGE =
  '(?:awal|akhir|pertengahan|early|end\\s+of)\\s+(?:bulan|tahun|minggu|pekan|month|year|week)(?:\\s+(?:ini|lalu|kemarin))?';
const AFTER_SINCE = `(?:(?:jam|pukul|pkl)\\s*\\d{1,2}(?:[.:]\\d{2})?\\b|(?:(?:hari|tanggal|tgl|bulan|bln|tahun|thn|th|jam|pukul)\\s+)?(?:${EDGE}|${RELATIVE_PERIOD}|${DAYWORD}|${WEEKDAY}|${MONTH_FULL}|${NUMERIC_DATE}|${WORD_DATE}|(?:19|20)\\d{2}\\b|\\d{1,2}(?=\\s*(?:pagi|siang|sore|malam|wib|${MONTH}))|${PERIOD}\\s+(?:ini|lalu|niki|iki|iko)))`;

const re = (source: string): RegExp => new RegExp(source, 'gi');

/**
 * Every kind of time phrase in one pattern, most specific first: at a given position the first alternative that
 * matches wins, and the leftmost position wins overall, so one scan finds the earliest phrase in its longest reading.
 */
const TIME = re(
  [
    `\\b(?:${ALREADY}|${SINCE})\\s+${DURATION}${AGO}?\\b`,
    `\\b${DURATION}${AGO}\\b`,
    `\\b${SINCE}\\s+${AFTER_SINCE}`,
    // "sejak" and "since" are always about time: "sejak update", "sejak pindah".
    `\\b(?:sejak|semenjak|since)\\s+[a-z]{3,}\\b`,
    `\\b${CLOCK}\\s+(?:tadi|kemarin|kemaren|kmrn)\\b`,
    `\\b(?:kemarin|kemaren|kmrn|kmren|kmarin|tadi|td(?=\\s+(?:pagi|siang|sore|malam))|barusan|semalam|wingi|kapatang|kapan\\s+hari|hari\\s+ini|pagi\\s+ini|yesterday|today|tonight|this\\s+morning|this\\s+afternoon)\\b`,
    `\\b${RELATIVE_PERIOD}\\b`,
    `\\b(?:${WEEKDAY}\\s+(?:kemarin|kemaren|kmrn|lalu|kmren)|hari\\s+${WEEKDAY})\\b`,
    `\\b${EDGE}\\b`,
    NUMERIC_DATE,
    `\\b${WORD_DATE}`,
    `\\b(?:(?:sudah|sdh|udh|udah|dah|lah|wes|wis)\\s+lama(?:\\s+(?:banget|bgt|bngt|sekali|bener|bet))?|ber(?:hari|minggu|bulan|tahun)(?:-|\\s)?(?:hari|minggu|bulan|tahun|2))\\b`,
    // "This year / this month" opening the message ("tahun ini", "bulan niki"); after a noun it names which one
    // ("sppt tahun ini"), not when.
    `^\\s*(?:${PERIOD}\\s+(?:ini|niki|iki|iko)|this\\s+(?:week|month|year))\\b`,
    `(?<bare>\\b${DURATION_LONG}\\b)`,
  ].join('|'),
);
// Most messages have none of these; then the scan is skipped.
const CHEAP_FILTER =
  /\d|se[jm]|dar|dr |mula|wiwi|kawi|sajak|this|sinc|from|kem|kmr|tad|td |baru|mal|wing|kapa|hari|pagi|ago|day|week|month|year|last|lalu|ming|pek|bul|bln|tah|thn|taun|lama|ber|tgl|tang|jam|puk|awal|akhir|tonig|morn|for |over|almost|hamp|sudah|sdh|udh|udah|dah|lah|wes|wis|jan|feb|mar|apr|mei|jun|jul|agu|agt|sep|okt|nov|des|dec|oct|aug/i;

// Words that may follow a time phrase and belong to it: "kemaren sore", "dr senin kemarin", "tadi jam 10".
const TAIL = re(
  `^(?:\\s+(?:pagi|siang|sore|malam|subuh|kemarin|kemaren|kmrn|lalu|lusa|ini|\\d{4}\\b)|\\s*,?\\s+${CLOCK})`,
);
// A bare duration after these is not a time: "umur 65 tahun", "tiap 2 minggu", "dalam 3 hari", "per bulan".
const NOT_A_TIME_BEFORE = /(?:umur|usia|berumur|masa|tiap|setiap|per|dalam|cicilan|tempo|jangka|kali)(?:\s+\S+)?\s*$/i;
// "dibanding tahun lalu", "padahal tahun lalu cuma", "naik dari tahun lalu": a comparison, not when it happened.
const COMPARISON_BEFORE =
  /(?:dibanding(?:kan)?|daripada|drpd|padahal|than|compared\s+(?:to|with)|vs\.?)(?:\s+(?:dengan|dgn|dg|sama|to|with))?\s*$|(?:naik|turun|lipat|meningkat|menurun|beda|berbeda|lebih|mahal|tinggi|besar|murah)\s+(?:\S+\s+){0,3}$/i;
const COMPARABLE =
  /^(?:dari|dr|from)?\s*(?:(?:minggu|pekan|bulan|tahun|thn|last)\s+(?:lalu|kemarin|kemaren|kmrn|year|month|week))|^(?:dari|dr)\s/i;

function extend(text: string, end: number): number {
  let at = end;
  for (let i = 0; i < 3; i++) {
    TAIL.lastIndex = 0;
    const m = TAIL.exec(text.slice(at, at + 40));
    if (!m) break;
    at += m[0].length;
  }
  return at;
}

function validNumericDate(s: string): boolean {
  const parts = s.split(/[/-]/).map(Number);
  const [a = 0, b = 0, c = 0] = parts;
  if (s.length >= 8 && /^\d{4}-/.test(s)) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  return a >= 1 && a <= 31 && b >= 1 && b <= 12;
}

/**
 * The first time phrase in the text (its words as written), or undefined. `taken` spans are never dates; `amounts`
 * mark comparisons of bills ("tahun kemarin Rp 1.200.000") and rates ("5 jt setahun"), which are not times.
 */
export function findTime(text: string, taken: readonly Span[], amounts: readonly Span[] = []): string | undefined {
  if (!CHEAP_FILTER.test(text)) return undefined;
  TIME.lastIndex = 0;
  for (let m = TIME.exec(text); m; m = TIME.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 40), start);
    const comparison =
      COMPARABLE.test(m[0]) &&
      (COMPARISON_BEFORE.test(before) || amounts.some((a) => a.start >= end && a.start - end <= 12));
    // A comparison is skipped whole ("tahun kemarin" is not "kemarin"); anything else may still hold a shorter phrase.
    if (comparison) {
      TIME.lastIndex = end;
      continue;
    }
    const rejected =
      overlapsAny(start, end, taken) ||
      (m.groups?.bare !== undefined && NOT_A_TIME_BEFORE.test(before)) ||
      (/^\d/.test(m[0]) && /[/-]/.test(m[0]) && !validNumericDate(m[0].trim())) ||
      (m.groups?.bare !== undefined && amounts.some((a) => a.end <= start && start - a.end <= 2));
    if (!rejected) return text.slice(start, extend(text, end)).trim();
    TIME.lastIndex = start + 1;
  }
  return undefined;
}
