// Where it happened: "di loket 3 kantor Bapenda", "Jl. Sudirman no 5", "kecamatan Kuranji", "website e-PBB",
// "dalan neng kampungku" (Javanese), "at the counter". A place starts at a preposition followed by a place word, at
// a place word strong enough on its own, or at a road named with its location; it continues over codes, names,
// organisations and chained locatives ("... di Jl. X no 12") and stops at a clause boundary or a predicate.
import { isKnownWord } from '../text/dictionary.js';
import { standardForm } from '../text/slang.js';
import { overlapsAny, type Span } from './normalise.js';
import {
  ARTICLES,
  CODE_CUES,
  DIGITAL_HEADS,
  NAMED_HEADS,
  NOT_A_NAME,
  PLACE_MODIFIERS,
  PLACE_PREPOSITIONS,
  POSSESSIVES,
  RELATIONAL,
  STRONG_HEADS,
  TWO_WORD_HEADS,
  WEAK_HEADS,
} from './place-words.js';

/** A word of the text as the place patterns read it. */
export interface Token {
  /** Lowercase, without an abbreviation's full stop ("jl." → "jl"): the form the word lists use. */
  lower: string;
  raw: string;
  start: number;
  end: number;
  /** A clause boundary (, ; ! ? or a sentence-ending full stop) follows the token. */
  boundary: boolean;
}

const ABBREVIATION = /^(?:jl|jln|kec|kel|gg|no|lt|kab|kom|perum|rt|rw|gd|blk|st|dr)\.$/i;
const GLUED_ABBREVIATION = /^((?:jl|jln|kec|kel|gg|no|lt)\.)(\S+)$/i;

/** Whether a UTF-16 code unit is white space as a regular expression's \s reads it. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// Characters a token may end with that end a clause (TRAIL), and that may open one (LEAD): the patterns below run
// only on a token that has one, which most do not.
const TRAIL_CHARS = new Set([...',;:!?)"\'”’….']);
const LEAD_CHARS = new Set([...'("\'“‘']);
const TRAIL = /[,;:!?)"'”’…]+$|(?<![.\d])\.+$/;

/**
 * Words (runs of non-space characters) with their offsets; punctuation that ends a clause marks the word before
 * it. Exported for test/nlp/fast-path.test.ts, which holds it to the regular-expression version it replaced.
 */
export function placeTokens(text: string): Token[] {
  const out: Token[] = [];
  let from = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) {
      if (from < 0) from = i;
      continue;
    }
    if (from < 0) continue;
    let raw = text.slice(from, i);
    let start = from;
    from = -1;
    const glued = raw.includes('.') ? GLUED_ABBREVIATION.exec(raw) : null;
    if (glued?.[1] && glued[2] && /^[a-z]/i.test(glued[2])) {
      out.push({
        raw: glued[1],
        lower: glued[1].toLowerCase().replace(/\.$/, ''),
        start,
        end: start + glued[1].length,
        boundary: false,
      });
      start += glued[1].length;
      raw = glued[2];
    }
    let boundary = false;
    const trail = TRAIL_CHARS.has(raw[raw.length - 1] ?? '') ? TRAIL.exec(raw) : null;
    if (trail && !ABBREVIATION.test(raw)) {
      boundary = true;
      raw = raw.slice(0, trail.index);
    }
    if (LEAD_CHARS.has(raw[0] ?? '')) {
      raw = raw.replace(/^[("'“‘]+/, (lead) => {
        start += lead.length;
        return '';
      });
    }
    if (raw === '') {
      const last = out[out.length - 1];
      if (last && boundary) last.boundary = true;
      continue;
    }
    const lower = raw.toLowerCase();
    out.push({
      raw,
      lower: lower.endsWith('.') ? lower.slice(0, -1) : lower,
      start,
      end: start + raw.length,
      boundary,
    });
  }
  return out;
}

type HeadKind = 'named' | 'digital' | 'plain';

const kindOf = (w: string): HeadKind => (NAMED_HEADS.has(w) ? 'named' : DIGITAL_HEADS.has(w) ? 'digital' : 'plain');
// A number followed by these counts something ("tokopedia 3 hari lalu"); it is not a counter or house number.
const COUNTED =
  /^(?:hari|hr|minggu|mgg|bulan|bln|tahun|thn|jam|menit|kali|x|orang|org|rb|ribu|jt|juta|days?|weeks?|months?|years?|hours?|times)$/;
const isCode = (w: string): boolean => /^\d+[a-z]?$|^\d+\/\d+$|^[a-z]$/i.test(w) || /^[ivx]+$/i.test(w);
const isTitle = (raw: string): boolean => /^[A-Z][a-z]+(?:-[A-Za-z]+)*$/.test(raw);
const isVerbLike = (w: string): boolean => /^(?:di|me|mem|men|meng|ber|ter|ke)\w{4,}$/.test(w) && !NAMED_HEADS.has(w);
const isProduct = (w: string): boolean => /^e-[a-z]+$/i.test(w);

/** A head (one or two words) at token i: how many tokens it takes, and its kind; 0 when none. */
function headAt(t: readonly Token[], i: number, strongOnly: boolean): { len: number; kind: HeadKind } {
  const w = t[i]?.lower ?? '';
  const next = t[i + 1]?.lower ?? '';
  if (TWO_WORD_HEADS.get(w)?.has(next) && !t[i]?.boundary) return { len: 2, kind: 'plain' };
  if (isProduct(w)) return { len: 1, kind: 'digital' };
  if (STRONG_HEADS.has(w) || (!strongOnly && WEAK_HEADS.has(w))) return { len: 1, kind: kindOf(w) };
  return { len: 0, kind: 'plain' };
}

/** Where a place opened by a preposition at i starts its head (skipping "the", "depan"...), or -1. */
function headAfterPreposition(t: readonly Token[], i: number): number {
  let j = i + 1;
  if (t[i]?.boundary) return -1;
  if (ARTICLES.has(t[j]?.lower ?? '') && !t[j]?.boundary) j++;
  if (RELATIONAL.has(t[j]?.lower ?? '') && !t[j]?.boundary) j++;
  if (ARTICLES.has(t[j]?.lower ?? '') && !t[j]?.boundary) j++;
  // One modifier may come before its head: "at the main office", "di pusat kota".
  if (PLACE_MODIFIERS.has(t[j]?.lower ?? '') && !t[j]?.boundary && headAt(t, j + 1, false).len > 0) j++;
  return headAt(t, j, false).len > 0 ? j : -1;
}

/** A road named by its location: "Jl. Sudirman", "jalan Kaliurang", "dalan neng kampungku", "jalan rayo di nagari". */
function roadAt(t: readonly Token[], i: number, cased: boolean): boolean {
  const w = t[i]?.lower ?? '';
  if (!/^(?:jl|jln|jalan|dalan|ratan)$/.test(w) || t[i]?.boundary) return false;
  if (/^(?:lampu|penerangan|bahu|trotoar|pinggir|tepi)$/.test(t[i - 1]?.lower ?? '')) return false;
  const next = t[i + 1];
  if (!next) return false;
  if (w === 'jl' || w === 'jln') return !NOT_A_NAME.has(next.lower);
  if (cased && isTitle(next.raw)) return true;
  let j = i + 1;
  while (PLACE_MODIFIERS.has(t[j]?.lower ?? '') && !t[j - 1]?.boundary) j++;
  return PLACE_PREPOSITIONS.has(t[j]?.lower ?? '') && !t[j - 1]?.boundary && headAfterPreposition(t, j) >= 0;
}

/** The end token (exclusive) of a place phrase whose head starts at i. */
function phraseEnd(t: readonly Token[], i: number, cased: boolean, taken: readonly Span[]): number {
  const first = headAt(t, i, false);
  let kind: HeadKind = first.len ? first.kind : kindOf(t[i]?.lower ?? '');
  let j = i + Math.max(1, first.len);
  let names = 0;
  let lastHeadEnd = j;
  const limit = i + 12;
  while (j < t.length && j < limit) {
    const prev = t[j - 1];
    const tok = t[j];
    if (!prev || !tok || prev.boundary || overlapsAny(tok.start, tok.end, taken)) break;
    const w = tok.lower;
    const next = t[j + 1];
    const afterHead = j === lastHeadEnd;
    if (CODE_CUES.has(w) && next && !tok.boundary && isCode(next.lower)) {
      j += 2;
      continue;
    }
    const counted = /^\d/.test(w) && COUNTED.test(next?.lower ?? '');
    if (
      isCode(w) &&
      w.length <= 4 &&
      !counted &&
      (j === i + 1 || CODE_CUES.has(prev.lower) || names > 0 || /^\d/.test(w))
    ) {
      j++;
      continue;
    }
    const head = headAt(t, j, false);
    if (head.len) {
      kind = head.kind;
      names = 0;
      j += head.len;
      lastHeadEnd = j;
      continue;
    }
    if (PLACE_MODIFIERS.has(w) || isProduct(w) || (POSSESSIVES.has(w) && afterHead)) {
      j++;
      continue;
    }
    if (PLACE_PREPOSITIONS.has(w) && !['dari', 'ke', 'to', 'lewat', 'via', 'pakai', 'pake'].includes(w)) {
      const h = headAfterPreposition(t, j);
      if (h >= 0) {
        j = h;
        continue;
      }
      break;
    }
    if (NOT_A_NAME.has(w)) break;
    if (cased && isTitle(tok.raw)) {
      names++;
      j++;
      continue;
    }
    if (isVerbLike(w)) break;
    const lowerName =
      (kind === 'named' && names < 3 && !cased) ||
      (kind === 'digital' &&
        names < 1 &&
        /^[a-z][a-z-]{2,}$/.test(w) &&
        !/(?:ed|ing)$/.test(w) &&
        !isKnownWord(w) &&
        !standardForm(w));
    if (lowerName) {
      names++;
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** Whether the text uses capitals for names (a capital word that does not start it); then names must be capitalised. */
function usesCapitals(t: readonly Token[]): boolean {
  for (let i = 1; i < t.length; i++) {
    const raw = t[i]?.raw ?? '';
    if (/^[A-Z][a-z]/.test(raw) && !t[i - 1]?.boundary) return true;
  }
  return false;
}

/** The first place phrase in the text, as written, or undefined. Numbers in `taken` spans never start or extend one. */
export function findPlace(text: string, taken: readonly Span[]): string | undefined {
  const t = placeTokens(text);
  const cased = usesCapitals(t);
  for (let i = 0; i < t.length; i++) {
    const tok = t[i];
    if (!tok || overlapsAny(tok.start, tok.end, taken)) continue;
    let head = -1;
    if (roadAt(t, i, cased)) head = i;
    else if (PLACE_PREPOSITIONS.has(tok.lower)) head = headAfterPreposition(t, i);
    else if (RELATIONAL.has(tok.lower) && !tok.boundary && headAt(t, i + 1, false).len) head = i + 1;
    else if (tok.lower !== 'jalan' && tok.lower !== 'dalan' && headAt(t, i, true).len) head = i;
    if (head < 0) continue;
    const end = phraseEnd(t, head, cased, taken);
    const last = t[end - 1];
    if (!last) continue;
    return text.slice(tok.start, last.end);
  }
  return undefined;
}

// Places one could not find from the words alone: "my village", "our house", "rumah makan ambo".
const OWN_PLACE_WORDS = new Set([
  ...'rumah rumahku rumahnya omah omahku kampung kampungku kampungnya kampuang dalan jalan jalanan ratan makan warung toko ruko tempat tempatku lingkungan wilayah daerah kawasan area sawah tanah kebun halaman house home village street road shop place'.split(
    ' ',
  ),
]);

/**
 * Whether a place phrase names nothing one could go to: only "my house / my village / the road in my kampung"
 * words with prepositions and possessives, no name, number or office. A careful officer still asks where.
 */
export function isVaguePlace(place: string): boolean {
  const words = place
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
  if (words.length === 0) return true;
  return words.every(
    (w) =>
      OWN_PLACE_WORDS.has(w) ||
      POSSESSIVES.has(w) ||
      PLACE_PREPOSITIONS.has(w) ||
      RELATIONAL.has(w) ||
      ARTICLES.has(w) ||
      w === 'nya',
  );
}
