// Personal data in Indonesian citizen messages: NIK, phone numbers, e-mail addresses, bank account numbers.
// The stored complaint keeps the original; everything logged, printed or sent to supervisors goes through maskPersonalData.
// Tax numbers are not personal data and are left readable on purpose: a NOP PBB ("13.71.010.001.002-0123.0", 18 digits)
// identifies a plot of land, and staff need it to act on the case.

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

// E-mail, also written "nama [at] gmail [dot] com" / "nama(at)gmail.com" to dodge spam filters.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
const EMAIL_OBFUSCATED =
  /\b[A-Za-z0-9._%+-]+\s*[[(]\s*at\s*[\])]\s*[A-Za-z0-9-]+(?:\s*(?:[[(]\s*dot\s*[\])]|\.)\s*[A-Za-z0-9-]+)+\b/gi;

// NOP PBB: 18 digits, PP.KK.KKK.DDD.BBB-NNNN.J, or an 18-digit run, or any number right after "NOP".
const NOP_FORMATTED = /(?<!\d)\d{2}[.\s]?\d{2}[.\s]?\d{3}[.\s]?\d{3}[.\s]?\d{3}[-.\s]?\d{4}[-.\s]?\d(?![\d])/g;
const NOP_CUED = /\bnop\b\s*(?:pbb)?\s*[:.]?\s*(\d[\d.\s-]{8,30}\d)/gi;

// Sixteen digits, possibly grouped ("3171 0112 0385 0002", "317101.120385.0002"), not part of a longer number.
const SIXTEEN_DIGITS = /(?<!\d[ .-]?)(?<!\d)\d(?:[ .-]?\d){15}(?![ .-]?\d)/g;
const NIK_CUE = /\b(?:nik|ktp|e-?ktp|no\.?\s*ktp|nomor\s+ktp|nomor\s+induk\s+kependudukan)\b[^\d\n]{0,15}$/i;

// Mobile numbers: 08xx or +62 8xx / 62 8xx, 10 to 13 digits in national form, with spaces, dots, dashes or brackets.
const MOBILE = /(?<![\w+])(?:\(?\+62\)?|62|0)[\s.-]?\(?8\d{1,3}\)?(?:[\s.-]?\d{2,5}){1,3}(?![\w])/g;
// Landlines: area code 02x..09x (not 08, which is mobile) in brackets or followed by a separator: (0751) 32377, 021-5551234.
const LANDLINE =
  /(?<![\w+])(?:\(0[2-79]\d{1,2}\)\s?|0[2-79]\d{1,2}[\s-]|\+62[\s-]?[2-79]\d{1,2}[\s-])\d{3,4}[\s-]?\d{2,5}(?![\w])/g;

// Bank accounts: digits after a banking cue ("rek", "rekening", "a/c", bank names) or before "(BCA)" / "a.n.".
const BANKS =
  'bri|bni|bca|mandiri|bsi|btn|cimb(?:\\s+niaga)?|danamon|permata|ocbc|maybank|panin|mega|jago|seabank|jenius|bank\\s+nagari|nagari|bank\\s+jateng|bpd\\s+diy|bank\\s+\\w+';
const BANK_BEFORE = new RegExp(
  `\\b(?:no(?:mor)?\\.?\\s*rek(?:ening)?|norek|rek(?:ening)?|account(?:\\s+number)?|acct|a\\/c|${BANKS})\\b[^\\d\\n]{0,25}?(\\d(?:[\\s.-]?\\d){7,19})(?![\\d])`,
  'gi',
);
const BANK_AFTER = new RegExp(
  `(?<![\\d])(\\d(?:[\\s.-]?\\d){7,19})\\s*(?:\\(\\s*(?:${BANKS})\\s*\\)|a\\.?\\s?n\\.?\\s)`,
  'gi',
);

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
  return [...spansOf(EMAIL, text), ...spansOf(EMAIL_OBFUSCATED, text)].map((s) => match('email', text, s));
}

function findNiks(text: string): PersonalDataMatch[] {
  const out: PersonalDataMatch[] = [];
  for (const s of spansOf(SIXTEEN_DIGITS, text)) {
    const digits = digitsOf(text.slice(s.start, s.end));
    const cued = NIK_CUE.test(text.slice(Math.max(0, s.start - 40), s.start));
    if (cued || isPlausibleNik(digits)) out.push(match('nik', text, s));
    // A 16-digit payment card number is financial data too; it is reported as a bank account.
    else if (luhn(digits) && /^[2-6]/.test(digits)) out.push(match('bank-account', text, s));
  }
  return out;
}

function findPhones(text: string): PersonalDataMatch[] {
  const out: PersonalDataMatch[] = [];
  for (const s of spansOf(MOBILE, text)) {
    const raw = text.slice(s.start, s.end);
    const digits = digitsOf(raw);
    const national = digits.startsWith('62') && !digits.startsWith('0') ? digits.slice(2) : digits.replace(/^0/, '');
    // Subscriber part after the leading 8: 8 to 11 digits (0812-345-678 up to 0812-3456-78901).
    if (national.length < 9 || national.length > 12) continue;
    // "Rp 62.800.000" is an amount, not a number to call.
    if (/(?:rp\.?|idr)\s*$/i.test(text.slice(Math.max(0, s.start - 5), s.start))) continue;
    out.push(match('phone', text, s));
  }
  for (const s of spansOf(LANDLINE, text)) {
    const digits = digitsOf(text.slice(s.start, s.end));
    if (digits.length >= 8 && digits.length <= 13) out.push(match('phone', text, s));
  }
  return out;
}

function findBankAccounts(text: string): PersonalDataMatch[] {
  const before = spansOf(BANK_BEFORE, text, 1).filter((s) => {
    // "virtual account" numbers are payment codes for a bill, not someone's account.
    const lead = text.slice(Math.max(0, s.start - 40), s.start).toLowerCase();
    return !/virtual\s+account|\bva\b|kode\s+(?:bayar|billing)/.test(lead);
  });
  return [...before, ...spansOf(BANK_AFTER, text, 1)].map((s) => match('bank-account', text, s));
}

/** Spans holding a tax object number (NOP PBB), which must stay readable and never be taken for a NIK or phone. */
export function findTaxObjectNumbers(text: string): Array<{ start: number; end: number }> {
  return [...spansOf(NOP_FORMATTED, text), ...spansOf(NOP_CUED, text, 1)];
}

/**
 * Finds personal data in text. Overlaps are resolved by priority: e-mail, bank account (it has an explicit cue),
 * NIK, phone; anything inside a NOP PBB is skipped. Matches are returned in text order.
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  if (typeof text !== 'string' || text === '') return [];
  const protectedSpans = findTaxObjectNumbers(text);
  const candidates = [...findEmails(text), ...findBankAccounts(text), ...findNiks(text), ...findPhones(text)];
  const kept: PersonalDataMatch[] = [];
  for (const c of candidates) {
    if (c.kind !== 'email' && protectedSpans.some((p) => overlaps(p, c))) continue;
    if (kept.some((k) => overlaps(k, c))) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function maskValue(m: PersonalDataMatch): string {
  if (m.kind === 'email') {
    const at = m.value.search(/@|\s*[[(]\s*at\s*[\])]\s*/i);
    const user = at >= 0 ? m.value.slice(0, at) : m.value;
    const domain = at >= 0 ? m.value.slice(at).replace(/^\s*(?:@|[[(]\s*at\s*[\])])\s*/i, '') : '';
    return `${user.slice(0, 1)}***@${domain}`;
  }
  const digits = digitsOf(m.value);
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

/**
 * Masks a channel user id that is a phone number: WhatsApp ids (6281234567890@c.us, …@s.whatsapp.net) always,
 * bare ids only when shaped like an Indonesian phone number. Telegram's numeric ids and other ids pass through.
 */
export function maskContact(id: string): string {
  const whatsapp = /@(?:c\.us|s\.whatsapp\.net)$/i.test(id);
  const bare = id.replace(/@.*$/, '');
  const phoneLike = /^\+?(?:62|0)8\d{7,11}$/.test(bare);
  if ((whatsapp && /^\+?\d{6,15}$/.test(bare)) || phoneLike) {
    const digits = bare.replace(/\D/g, '');
    return `${'*'.repeat(Math.max(digits.length - 3, 4))}${digits.slice(-3)}`;
  }
  return id;
}
