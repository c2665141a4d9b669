// Telegram refuses messages over 4,096 characters. Long replies (a case history, a long staff answer) are cut
// into parts at paragraph, line or word breaks, and never inside a grapheme (an emoji, a surrogate pair, a letter
// with its combining marks). We send plain text, so there are no entities to break.

export const TELEGRAM_TEXT_LIMIT = 4096;

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Splits `text` into parts of at most `limit` UTF-16 units, preferring paragraph, line, then word breaks. */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  if (limit < 8) throw new RangeError('limit too small');
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest || parts.length === 0) parts.push(rest);
  return parts;
}

/** Where to cut: the last good break in the second half of the window, else the last grapheme boundary. */
function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  const floor = Math.floor(limit / 2);
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(sep, limit);
    if (at >= floor && at > 0) return at;
  }
  const other = /[\s\u00A0\u3000]/g;
  let best = -1;
  for (let m = other.exec(window); m; m = other.exec(window)) if (m.index <= limit && m.index >= floor) best = m.index;
  if (best > 0) return best;
  return graphemeBoundary(text, limit);
}

/** The last grapheme boundary at or before `limit` (at least one grapheme, so the loop always advances). */
function graphemeBoundary(text: string, limit: number): number {
  let boundary = 0;
  for (const { index, segment } of segmenter.segment(text.slice(0, limit + 64))) {
    const end = index + segment.length;
    if (end > limit) break;
    boundary = end;
  }
  if (boundary > 0) return boundary;
  // A single grapheme longer than the limit (pathological): cut it, but never inside a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
