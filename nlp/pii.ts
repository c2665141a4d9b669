// Personal data in Indonesian citizen messages: NIK, phone numbers, e-mail addresses, bank account numbers.
// The stored complaint keeps the original; everything logged, printed or sent to supervisors goes through maskPersonalData.
// Tax numbers are not personal data and are left readable on purpose: a NOP PBB ("13.71.010.001.002-0123.0", 18 digits)
// identifies a plot of land, and staff need it to act on the case. Patterns read a normalised view of the text
// (pii-view.ts): full-width digits, zero-width characters and odd dashes cannot hide a number.
import { originalRange, viewOf } from './pii-view.js';

/** The kinds of personal data issue 3 names. */
export type PersonalDataKind = 'email' | 'nik' | 'phone' | 'bank-account';

/** Where a datum was found (UTF-16 offsets into the text) and what it is. */
export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
  value: string;
}

interface Span {
  start: number;
  end: number;
}

// Top-level domains an e-mail written with spaces must end in ("budi @ gmail . com"), so "saya @ kantor. Besok" is
// not taken for an address.
const TLD = '(?:com|net|org|info|biz|id|co|me|io|edu|gov|ac|sch|web|or|my|sg|uk|us|au)';
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
const EMAIL_SPACED = new RegExp(
  `[A-Za-z0-9._%+-]+(?:\\s+@\\s*|\\s*@\\s+)[A-Za-z0-9-]+(?:\\s*\\.\\s*[A-Za-z0-9-]+)*\\s*\\.\\s*${TLD}\\b`,
  'gi',
);
// "nama [at] gmail [dot] com", "nama(at)gmail.com", "nama {at} yahoo {dot} co {dot} id", "nama at gmail dot com".
const EMAIL_OBFUSCATED =
  /\b[A-Za-z0-9._%+-]+\s*[[({]\s*at\s*[\])}]\s*[A-Za-z0-9-]+(?:\s*(?:[[({]\s*(?:dot|titik)\s*[\])}]|\.)\s*[A-Za-z0-9-]+)+\b/gi;
const EMAIL_WORDS = new RegExp(
  `\\b[A-Za-z0-9._%+-]+\\s+at\\s+[A-Za-z0-9-]+(?:\\s+(?:dot|titik)\\s+[A-Za-z0-9-]+)*\\s+(?:dot|titik)\\s+${TLD}\\b`,
  'gi',
);

// NOP PBB: 18 digits, PP.KK.KKK.DDD.BBB-NNNN.J, or an 18-digit run, or any number right after "NOP".
const NOP_FORMATTED = /(?<!\d)\d{2}[.\s]?\d{2}[.\s]?\d{3}[.\s]?\d{3}[.\s]?\d{3}[-.\s]?\d{4}[-.\s]?\d(?![\d])/g;
const NOP_CUED = /\bnop\b\s*(?:pbb)?\s*[:.]?\s*(\d[\d.\s-]{8,30}\d)/gi;

// Sixteen digits with any separators ("3171 0112 0385 0002", "3171/0112/0385/0002", "317101.120385.0002"), not part
// of a longer number (a number after a space may follow: "NIK 3171… 0812…").
const SIXTEEN_DIGITS = /(?<!\d[.\-/]?)(?<!\d)\d(?:[\s.\-/]{0,2}\d){15}(?![.\-/]?\d)(?!\d)/g;
const NIK_CUE = /\b(?:nik|ktp|e-?ktp|no\.?\s*ktp|nomor\s+ktp|nomor\s+induk\s+kependudukan)\b[^\d\n]{0,15}$/i;

// Mobile numbers: 08… or +62 8… / 62 8…, spaced any way ("08 12 34 56 78 90", "+62 812-3456-7890", "0812.3456.7890",
// "(0812) 3456 7890"); the length is checked on the digits.
const MOBILE = /(?<![\w+])(?:\(?\+?62\)?|\(?0)[\s.()-]{0,2}8(?:[\s.()-]{0,3}\d){7,11}(?![.-]?\d)(?!\d)/g;
// Landlines: area code 02x..09x (not 08, which is mobile) in brackets or followed by a separator: (0751) 32377, 021-5551234.
const LANDLINE =
  /(?<![\w+])(?:\(0[2-79]\d{1,2}\)\s?|0[2-79]\d{1,2}[\s-]|\+62[\s-]?[2-79]\d{1,2}[\s-])\d{3,4}[\s-]?\d{2,5}(?![\w])/g;

// Bank accounts: digits after a banking cue ("rek", "rekening", "no rek", "a/c", bank names), or before "(BCA)",
// "a.n." or a bank's name.
const BANKS =
  'bri|bni|bca|mandiri|bsi|btn|cimb(?:\\s+niaga)?|danamon|permata|ocbc|maybank|panin|mega|jago|seabank|jenius|bank\\s+nagari|nagari|bank\\s+jateng|bpd\\s+diy|bank\\s+\\w+';
const ACCOUNT_DIGITS = '(\\d(?:[\\s.\\-/]{0,2}\\d){7,19})';
const BANK_BEFORE = new RegExp(
  `\\b(?:no(?:mor)?\\.?\\s*rek(?:ening)?|norek|rek(?:ening)?|account(?:\\s+number)?|acct|a\\/c|${BANKS})\\b\\.?[^\\d\\n]{0,25}?${ACCOUNT_DIGITS}(?![\\d])`,
  'gi',
);
const BANK_AFTER = new RegExp(
  `(?<![\\d])${ACCOUNT_DIGITS}\\s*(?:\\(\\s*(?:${BANKS})\\s*\\)|a\\.?\\s?n\\.?(?:\\s|$)|(?:${BANKS})\\b)`,
  'gi',
);
// Thousands grouped with dots, or after Rp: an amount ("Rp 12.500.000 bca"), not an account.
const AMOUNT_SHAPED = /^\d{1,3}(?:\.\d{3})+(?:,\d{2})?$/;

// Administrative codes of Indonesia's provinces: the first two digits of a real NIK.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75,
  76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
]);

const digitsOf = (s: string): string => s.replace(/\D/g, '');

/** Whether 16 digits are shaped like a NIK: a province code, then district, then a birth date (day + 40 for women). */
export function isPlausibleNik(digits: string): boolean {
  if (!/^\d{16}$/.test(digits)) return false;
  const province = Number(digits.slice(0, 2));
  const day = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const validDay = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  return PROVINCES.has(province) && validDay && month >= 1 && month <= 12 && digits.slice(12) !== '0000';
}

/** Luhn checksum (payment card numbers). */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function spansOf(re: RegExp, text: string, group = 0): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) {
    const value = m[group];
    if (value === undefined || m.index === undefined) continue;
    const start = group === 0 ? m.index : m.index + m[0].lastIndexOf(value);
    out.push({ start, end: start + value.length });
  }
  return out;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function match(kind: PersonalDataKind, text: string, s: Span): PersonalDataMatch {
  return { kind, start: s.start, end: s.end, value: text.slice(s.start, s.end) };
}

function findEmails(text: string): PersonalDataMatch[] {
  if (!/@|\bat\b|[[({]\s*at/i.test(text)) return [];
  return [EMAIL, EMAIL_SPACED, EMAIL_OBFUSCATED, EMAIL_WORDS]
    .flatMap((re) => spansOf(re, text))
    .map((s) => match('email', text, s));
}

function findNiks(text: string): PersonalDataMatch[] {
  const out: PersonalDataMatch[] = [];
  for (const s of spansOf(SIXTEEN_DIGITS, text)) {
    const digits = digitsOf(text.slice(s.start, s.end));
    const cued = NIK_CUE.test(text.slice(Math.max(0, s.start - 40), s.start));
    // A province code is enough: "3171 0123 4567 8901" is written as a NIK even when its date is not a real one.
    if (cued || isPlausibleNik(digits) || PROVINCES.has(Number(digits.slice(0, 2)))) out.push(match('nik', text, s));
    // A 16-digit payment card number is financial data too; it is reported as a bank account.
    else if (luhn(digits) && /^[2-6]/.test(digits)) out.push(match('bank-account', text, s));
  }
  return out;
}

function findPhones(text: string): PersonalDataMatch[] {
  const out: PersonalDataMatch[] = [];
  for (const s of spansOf(MOBILE, text)) {
    let raw = text.slice(s.start, s.end);
    // A separator or bracket the pattern took at the end is not part of the number.
    const trimmed = raw.replace(/[\s.\-(]+$/, '');
    const end = s.start + trimmed.length;
    raw = trimmed;
    const digits = digitsOf(raw);
    const national = digits.startsWith('62') ? digits.slice(2) : digits.replace(/^0/, '');
    // Subscriber part after the leading 8: 8 to 11 digits (0812-345-678 up to 0812-3456-78901).
    if (national.length < 9 || national.length > 12 || !national.startsWith('8')) continue;
    // "Rp 62.800.000" is an amount, not a number to call.
    if (/(?:rp\.?|idr)\s*$/i.test(text.slice(Math.max(0, s.start - 5), s.start))) continue;
    out.push(match('phone', text, { start: s.start, end }));
  }
  for (const s of spansOf(LANDLINE, text)) {
    const digits = digitsOf(text.slice(s.start, s.end));
    if (digits.length >= 8 && digits.length <= 13) out.push(match('phone', text, s));
  }
  return out;
}

function findBankAccounts(text: string): PersonalDataMatch[] {
  if (!/\d{2}/.test(text)) return [];
  const before = spansOf(BANK_BEFORE, text, 1).filter((s) => {
    // "virtual account" numbers are payment codes for a bill, not someone's account.
    const lead = text.slice(Math.max(0, s.start - 40), s.start).toLowerCase();
    return !/virtual\s+account|\bva\b|kode\s+(?:bayar|billing)/.test(lead);
  });
  const after = spansOf(BANK_AFTER, text, 1).filter((s) => {
    const value = text.slice(s.start, s.end);
    return !AMOUNT_SHAPED.test(value) && !/(?:rp\.?|idr)\s*$/i.test(text.slice(Math.max(0, s.start - 5), s.start));
  });
  return [...before, ...after].map((s) => match('bank-account', text, s));
}

/** Spans holding a tax object number (NOP PBB), which must stay readable and never be taken for a NIK or phone. */
export function findTaxObjectNumbers(text: string): Array<{ start: number; end: number }> {
  return [...spansOf(NOP_FORMATTED, text), ...spansOf(NOP_CUED, text, 1)];
}

/**
 * Finds personal data in text, whatever its digits and separators look like (full-width, zero-width characters,
 * spaces anywhere). Overlaps are resolved by priority: e-mail, bank account (it has an explicit cue), NIK, phone;
 * anything inside a NOP PBB is skipped. Matches are returned in text order, with offsets into the original text.
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  if (typeof text !== 'string' || text === '') return [];
  const view = viewOf(text);
  const v = view.text;
  if (!/\d{2}|@|\bat\b/i.test(v)) return [];
  const protectedSpans = findTaxObjectNumbers(v);
  const candidates = [...findEmails(v), ...findBankAccounts(v), ...findNiks(v), ...findPhones(v)];
  const kept: PersonalDataMatch[] = [];
  for (const c of candidates) {
    if (c.kind !== 'email' && protectedSpans.some((p) => overlaps(p, c))) continue;
    if (kept.some((k) => overlaps(k, c))) continue;
    kept.push(c);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map((m) => {
      const r = originalRange(view, m.start, m.end);
      return { kind: m.kind, start: r.start, end: r.end, value: text.slice(r.start, r.end) };
    });
}

function maskValue(m: PersonalDataMatch): string {
  const value = viewOf(m.value).text;
  if (m.kind === 'email') {
    const at = /\s*(?:@|[[({]\s*at\s*[\])}]|\s\bat\b\s)\s*/i.exec(value);
    const user = at ? value.slice(0, at.index) : value;
    const domain = at
      ? value
          .slice(at.index + at[0].length)
          .replace(/\s*(?:[[({]\s*(?:dot|titik)\s*[\])}]|\b(?:dot|titik)\b)\s*/gi, '.')
          .replace(/\s+/g, '')
      : '';
    return `${user.slice(0, 1)}***@${domain}`;
  }
  const digits = digitsOf(value);
  const keep = m.kind === 'phone' ? 3 : 4;
  return `${'*'.repeat(Math.max(digits.length - keep, 4))}${digits.slice(-keep)}`;
}

/** Returns text with every detected personal datum masked (last digits kept so staff can tell numbers apart). */
export function maskPersonalData(text: string): string {
  const matches = findPersonalData(text);
  if (matches.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + maskValue(m);
    at = m.end;
  }
  return out + text.slice(at);
}

const CONTACT = /^([A-Za-z][\w-]*:)?(\+?-?)(\d{5,})(@[\w.]+)?$/;

/**
 * Masks a channel user id that carries a number: WhatsApp ids ("6281234567890@c.us", "whatsapp:628…@c.us") and
 * Telegram ids ("5551234", "telegram:5551234") keep only their last 3 digits and their channel prefix. Other ids
 * ("console:alice") pass through.
 */
export function maskContact(id: string): string {
  const m = CONTACT.exec(viewOf(String(id)).text);
  if (!m) return id;
  const digits = m[3] ?? '';
  return `${m[1] ?? ''}${'*'.repeat(Math.max(digits.length - 3, 4))}${digits.slice(-3)}`;
}
