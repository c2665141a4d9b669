// Personal data written in the awkward ways citizens (and people testing the service) write it, and a detector that
// finds any of it in an output however it is spelled: separators, spaces, full-width digits, zero-width characters,
// a spaced or full-width @. Tests walk a case with these in the citizen's words and grep every output surface.
export const PII = {
  nik: '3171011203850002',
  phone: '081234567890',
  email: 'budi.santoso@gmail.com',
  account: '7654321098',
};

/** The same data as a citizen might type it, one form per line of their complaint. */
export const PII_WRITTEN = {
  nikSlashes: '3171/0112/0385/0002',
  phoneSpaced: '08 12 34 56 78 90',
  phoneFullWidth: '０８１２３４５６７８９０',
  phoneZeroWidth: '0812\u200b3456\u200b7890',
  emailSpaced: 'budi.santoso @ gmail.com',
  emailFullWidth: 'budi.santoso＠gmail.com',
  account: 'rekening BCA 7654321098 a.n. Budi',
};

/** Text as a reader would see it: full-width folded, invisible characters gone, separators inside numbers gone. */
export function normaliseForLeaks(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, '')
    .replace(/(\d)[\s/.\-–]+(?=\d)/g, '$1')
    .replace(/\s*@\s*/g, '@')
    .toLowerCase();
}

/** Which of the personal data (by name) `text` gives away, in any spelling. */
export function leaksIn(text: string): string[] {
  const t = normaliseForLeaks(text);
  const found: string[] = [];
  if (t.includes(PII.nik)) found.push('nik');
  if (t.includes(PII.phone) || t.includes(`62${PII.phone.slice(1)}`) || t.includes(PII.phone.slice(1)))
    found.push('phone');
  if (t.includes(PII.email)) found.push('email');
  if (t.includes(PII.account)) found.push('account');
  return found;
}

/** Every string anywhere in a value (a Bot API call's parameters, a log line). */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
