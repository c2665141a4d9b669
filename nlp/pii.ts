// Personal data in Indonesian citizen messages: NIK, phone numbers, e-mail addresses, bank account numbers.
// The stored complaint keeps the original; everything logged, printed or sent to supervisors goes through maskPersonalData.

export type PersonalDataKind = 'email' | 'nik' | 'phone' | 'bank-account';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
  value: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Bank account: digits following a banking cue ("rek", "rekening", "no rek", "a/n", bank names).
const BANK_ACCOUNT =
  /\b(?:rek(?:ening)?|norek|no\.?\s*rek|account|acct|bri|bni|bca|mandiri|bsi|bank\s+nagari|nagari)\b[^\d\n]{0,20}(\d[\d\s.-]{6,20}\d)/gi;
// NIK: exactly 16 digits, optionally grouped with spaces or dots.
const NIK = /(?<!\d)\d{6}[ .]?\d{6}[ .]?\d{4}(?!\d)/g;
// Indonesian phone numbers: +62 / 62 / 0 followed by 8 and 7 to 11 more digits, with optional separators.
const PHONE = /(?<![\d\w])(?:\+62|62|0)[\s.-]?8\d{1,3}(?:[\s.-]?\d{2,4}){2,3}(?!\d)/g;

function collect(re: RegExp, text: string, kind: PersonalDataKind, group = 0): PersonalDataMatch[] {
  const out: PersonalDataMatch[] = [];
  for (const m of text.matchAll(re)) {
    const value = m[group];
    if (value === undefined || m.index === undefined) continue;
    const start = group === 0 ? m.index : m.index + m[0].indexOf(value);
    out.push({ kind, start, end: start + value.length, value });
  }
  return out;
}

/** Finds personal data in text; overlapping matches keep the first found in priority order e-mail, NIK, bank, phone. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const candidates = [
    ...collect(EMAIL, text, 'email'),
    ...collect(NIK, text, 'nik'),
    ...collect(BANK_ACCOUNT, text, 'bank-account', 1),
    ...collect(PHONE, text, 'phone'),
  ];
  const kept: PersonalDataMatch[] = [];
  for (const c of candidates) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function maskValue(m: PersonalDataMatch): string {
  if (m.kind === 'email') {
    const [user = '', domain = ''] = m.value.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  }
  const digits = m.value.replace(/\D/g, '');
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

/** Masks a channel user id that is a phone number (WhatsApp ids such as 6281234567890@c.us); other ids pass through. */
export function maskContact(id: string): string {
  const digits = id.replace(/@.*$/, '');
  if (/^\+?\d{9,15}$/.test(digits)) return `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}`;
  return id;
}
