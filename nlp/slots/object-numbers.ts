// Object numbers staff need to act on a case: the NOP PBB (18 digits, written "13.71.010.001.002-0123.0" or as one
// run), the NPWPD of a business, and other registration numbers named by a cue ("kode bayar", "nomor sertifikat",
// "no SK", "virtual account").
import type { Slots } from '../types.js';
import { overlapsAny, type Span } from './normalise.js';

type ObjectNumber = Slots['objectNumbers'][number];

// 18 digits in the NOP layout PP.KK.KKK.DDD.BBB-NNNN.J, separators optional; not part of a longer number.
const NOP = /(?<![\d.-])\d{2}[.\s]?\d{2}[.\s]?\d{3}[.\s]?\d{3}[.\s]?\d{3}[-.\s]?\d{4}[-.\s]?\d(?![\d])/g;
const PAYMENT_CODE_CUE =
  /(?:kode\s*(?:bayar|billing)|virtual\s*account|\bva|\brek(?:ening)?)\W{0,3}(?:\w+\W{1,3}){0,2}$/i;
const NPWPD = /\bnpwpd\b(?:\s*(?:saya|sy|kami|no\.?|nomor|nmr))?\s*[:.]?\s*([A-Z]?[\d.\-/]*\d[\d.\-/]*\d)/gi;
const OTHER =
  /\b(?:(?:no(?:mor)?|nmr|kode)\.?\s*(?:sertifikat|sertipikat|shm|sk|sspd|akta|ajb|skpd|sptpd|registrasi|reg|pelanggan|bayar|billing|permohonan|berkas|surat|imb|pbg|objek|tagihan|va)|virtual\s+account|\bva\b)(?:\s+(?:bphtb|pbb|saya|sy|kami|nya))?\s*[:.]?\s*([A-Z0-9][A-Z0-9./-]*\d[A-Z0-9./-]*)/gi;

// Necessary for OTHER to match ("no", "nomor", "nmr", "kode", "virtual account", "va"): most messages have none.
const OTHER_CUE = /no|nmr|kode|virtual|va/i;

/** Whether the text holds at least `n` digits (a NOP has 18). */
function hasDigits(text: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length && count < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) count++;
  }
  return count >= n;
}

/** "137101000100201230" → "13.71.010.001.002-0123.0". */
export function formatNop(digits: string): string {
  const d = digits;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 7)}.${d.slice(7, 10)}.${d.slice(10, 13)}-${d.slice(13, 17)}.${d.slice(17)}`;
}

/** NOP, NPWPD and other cued numbers in text order, with the spans they cover (kept away from dates and amounts). */
export function findObjectNumbers(text: string, taken: readonly Span[]): { numbers: ObjectNumber[]; spans: Span[] } {
  const found: Array<Span & ObjectNumber> = [];
  const add = (start: number, end: number, kind: ObjectNumber['kind'], value: string): void => {
    if (overlapsAny(start, end, taken) || overlapsAny(start, end, found)) return;
    found.push({ start, end, kind, value });
  };
  if (hasDigits(text, 18))
    for (const m of text.matchAll(NOP)) {
      const start = m.index ?? 0;
      const digits = m[0].replace(/\D/g, '');
      const lead = text.slice(Math.max(0, start - 30), start);
      add(
        start,
        start + m[0].length,
        PAYMENT_CODE_CUE.test(lead) ? 'other' : 'nop',
        PAYMENT_CODE_CUE.test(lead) ? digits : formatNop(digits),
      );
    }
  if (/npwpd/i.test(text))
    for (const m of text.matchAll(NPWPD)) {
      const value = m[1] ?? '';
      const start = (m.index ?? 0) + m[0].length - value.length;
      if (value.replace(/\D/g, '').length >= 5) add(start, start + value.length, 'npwpd', value.toUpperCase());
    }
  if (OTHER_CUE.test(text))
    for (const m of text.matchAll(OTHER)) {
      const value = (m[1] ?? '').replace(/[.,-]+$/, '');
      const start = (m.index ?? 0) + m[0].length - (m[1] ?? '').length;
      if (value.replace(/\D/g, '').length >= 3) add(start, start + value.length, 'other', value);
    }
  found.sort((a, b) => a.start - b.start);
  return { numbers: found.map(({ kind, value }) => ({ kind, value })), spans: found };
}
