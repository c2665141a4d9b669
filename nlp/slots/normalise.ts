// One cheap normalisation before every slot pattern: full-width digits and letters ("０８１２", "＠") become ASCII
// (NFKC), zero-width characters vanish, so "08\u200B12…" is one number. Plain ASCII (most messages) is returned as is.

/** Longer messages are cut: slots are found in the first 4,000 characters, which keeps the cost bounded. */
export const MAX_SLOT_CHARS = 4000;

const NON_ASCII = /[^\x20-\x7e\n\r\t]/;
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/** The text the slot patterns read: NFKC, without invisible characters, at most MAX_SLOT_CHARS long. */
export function normaliseForSlots(text: string): string {
  let s = typeof text === 'string' ? text : '';
  if (s.length > MAX_SLOT_CHARS) s = s.slice(0, MAX_SLOT_CHARS);
  if (!NON_ASCII.test(s)) return s;
  return s.replace(INVISIBLE, '').normalize('NFKC');
}

/** A half-open range of character offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Whether a range overlaps any of the spans. */
export function overlapsAny(start: number, end: number, spans: readonly Span[]): boolean {
  for (const s of spans) if (start < s.end && s.start < end) return true;
  return false;
}
