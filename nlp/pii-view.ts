// The text personal-data patterns read: full-width characters ("０８１２", "＠") as ASCII, other Unicode digits and
// dashes folded, zero-width and direction-control characters dropped, so "08\u200B12 3456 7890" is one number. Every
// character of the view remembers where it came from, so a match is masked in the original text, hidden characters
// included.

/** The normalised text and, for each of its characters, the original range it came from (null: same as the text). */
export interface TextView {
  text: string;
  starts: Int32Array | null;
  ends: Int32Array | null;
}

// Zero-width spaces and joiners, soft hyphen, word joiner, BOM, Mongolian vowel separator, bidi controls.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/;
// eslint-disable-next-line no-control-regex -- every ASCII character, control characters included, needs no folding
const PLAIN = /^[\x00-\x7F]*$/;

function fold(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xfee0);
  if (cp === 0x3000) return ' ';
  if (DASHES.test(ch)) return '-';
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(48 + cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(48 + cp - 0x06f0);
  const nfkc = ch.normalize('NFKC');
  return nfkc.length === 1 && nfkc.charCodeAt(0) < 0x80 ? nfkc : ch;
}

/** The view of a text; plain ASCII is its own view (no copy, no offset table). */
export function viewOf(text: string): TextView {
  if (PLAIN.test(text)) return { text, starts: null, ends: null };
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const piece = fold(text.slice(i, i + width));
    for (let k = 0; k < piece.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    out += piece;
    i += width;
  }
  return { text: out, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The original range of view characters [start, end). */
export function originalRange(view: TextView, start: number, end: number): { start: number; end: number } {
  if (!view.starts || !view.ends) return { start, end };
  return { start: view.starts[start] ?? start, end: view.ends[end - 1] ?? end };
}
