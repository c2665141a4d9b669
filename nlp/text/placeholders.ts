// Personal data and ticket numbers become placeholder words before anything else reads a message (issue 9, item 4):
// "sy bisa dihubungi di 0812 3456 7890" must mean the same to the model as "sy bisa dihubungi", in training and in
// use, and a ticket number is one word ("xtiketx"), not three fragments that look like random letters.
import { findPersonalData, type PersonalDataKind, type PersonalDataMatch } from '../pii.js';

/** The placeholder word of each kind of personal datum. */
export const PII_PLACEHOLDER: Readonly<Record<PersonalDataKind, string>> = {
  nik: 'xnikx',
  phone: 'xteleponx',
  email: 'xemailx',
  'bank-account': 'xrekeningx',
};

/** The placeholder word of a ticket number (ADU-XXXX-XXXX). */
export const TICKET_PLACEHOLDER = 'xtiketx';

/** Every placeholder word (they carry no meaning of their own and are never stemmed or counted as evidence). */
export const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([...Object.values(PII_PLACEHOLDER), TICKET_PLACEHOLDER]);

const TICKET_RE = /\bADU[-\s]?[0-9A-Z]{4}[-\s]?[0-9A-Z]{4}\b/gi;
// Personal data needs at least seven digits in a row (separators allowed) or an e-mail: most messages skip the scan.
const MAYBE_PII = /\d[\d\s.()+-]{5,}\d|@|\(\s*at\s*\)|\[\s*at\s*\]/i;

const BANK_CUE = /\b(?:rek|rekening|norek|account|a\/c|bank|bca|bri|bni|mandiri|bsi|btn|cimb|nagari|jago)\b/i;

/**
 * The kind of a found datum as the model should read it: a mobile number that findPersonalData takes for an account
 * because "a.n. <name>" follows it ("wa 0857… a.n. Siti") is a phone number unless a banking word comes before it.
 */
function kindOf(m: PersonalDataMatch, text: string): PersonalDataKind {
  if (m.kind !== 'bank-account') return m.kind;
  const digits = m.value.replace(/\D/g, '');
  const mobile = /^(?:62|0)8\d{8,11}$/.test(digits);
  return mobile && !BANK_CUE.test(text.slice(Math.max(0, m.start - 30), m.start)) ? 'phone' : m.kind;
}

/** Replaces personal data and ticket numbers with placeholder words (surrounded by spaces). */
export function replacePlaceholders(text: string): string {
  let out = text;
  if (MAYBE_PII.test(out)) {
    const found = findPersonalData(out);
    for (let i = found.length - 1; i >= 0; i--) {
      const m = found[i];
      if (m) out = `${out.slice(0, m.start)} ${PII_PLACEHOLDER[kindOf(m, out)]} ${out.slice(m.end)}`;
    }
  }
  if (/adu/i.test(out)) out = out.replace(TICKET_RE, ` ${TICKET_PLACEHOLDER} `);
  return out;
}

/** Words that introduce or surround contact details ("sy bisa dihubungi di …", "email saya …"). */
const CONTACT_CUES: ReadonlySet<string> = new Set(
  (
    'saya aku kami no nomor nomer hp handphone ponsel wa whatsapp telp telepon tlp kontak contact nik ktp email ' +
    'surel an atas nama bisa dapat dihubungi hubungi dibalas balas ke di ini ya my number is phone me at or atau ' +
    'dan juga via lewat yang aktif berikut adalah a'
  ).split(' '),
);
/** Cues that may start the next clause of the same contact details ("0812…, NIK 3171…, email …"). */
const STRONG_CUES: ReadonlySet<string> = new Set(
  'no nomor nomer hp handphone ponsel wa whatsapp telp telepon tlp kontak contact nik ktp email surel'.split(' '),
);
/** Words around an account number that say only that it is one ("no rek BCA … a.n."). */
const ACCOUNT_CUES: ReadonlySet<string> = new Set(
  'no nomor norek rek bank bca bri bni mandiri bsi nagari btn cimb jago a dan an'.split(' '),
);
const CONTACT_WORDS: ReadonlySet<string> = new Set([PII_PLACEHOLDER.phone, PII_PLACEHOLDER.email, PII_PLACEHOLDER.nik]);
/** Words after which comes a person's name ("a.n. Budi", "nama Siti Aminah"). */
const NAME_CUES: ReadonlySet<string> = new Set(['nama', 'an', 'dan']);

/** Marks an account number and its cue words; whose account it is ("a.n. pegawai pajak") stays. */
function markAccount(words: readonly string[], i: number, mark: boolean[]): void {
  mark[i] = true;
  for (let j = i - 1; j >= 0 && ACCOUNT_CUES.has(words[j] ?? ''); j--) mark[j] = true;
  for (let k = i + 1; k < words.length && ACCOUNT_CUES.has(words[k] ?? ''); k++) mark[k] = true;
}

/**
 * Which words belong to personal details: each phone, e-mail or NIK placeholder with the cue words next to it and a
 * name after "a.n." / "nama", and each account number with its bank words. Dropping them keeps "petugas minta uang,
 * sy bisa dihubungi di 0812…" the same message as "petugas minta uang" for the model (a feature vector is
 * normalised, so even neutral extra words would dilute it). Cue words cross into the next clause only when it starts
 * with one of the strong cues. Nothing is marked when the message is nothing but personal details.
 */
export function contactWords(words: readonly string[], clauses: readonly number[]): boolean[] {
  const mark = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === PII_PLACEHOLDER['bank-account']) markAccount(words, i, mark);
    if (!CONTACT_WORDS.has(word)) continue;
    mark[i] = true;
    let j = i - 1;
    while (j >= 0) {
      const w = words[j] ?? '';
      // Into the clause before only for a strong cue or another datum ("hp 0812…, NIK 3171…").
      if (clauses[j] !== clauses[j + 1] && !STRONG_CUES.has(w) && !CONTACT_WORDS.has(w)) break;
      if (CONTACT_CUES.has(w) || CONTACT_WORDS.has(w)) mark[j--] = true;
      else if (NAME_CUES.has(words[j - 1] ?? '')) {
        mark[j] = true;
        mark[j - 1] = true;
        j -= 2;
      } else if (NAME_CUES.has(words[j - 2] ?? '') && !CONTACT_CUES.has(words[j - 1] ?? '#')) {
        mark[j] = mark[j - 1] = mark[j - 2] = true;
        j -= 3;
      } else break;
    }
    let k = i + 1;
    let names = 0;
    let nameClause = -1;
    while (k < words.length) {
      const w = words[k] ?? '';
      // A name is at most two words, and it ends with its clause.
      if (names > 0 && nameClause >= 0 && clauses[k] !== nameClause) names = 0;
      const crosses = clauses[k] !== clauses[k - 1];
      // "a.n." is split by its dots: its "n" (read "dan") goes on to the name.
      const an = w === 'dan' && words[k - 1] === 'a';
      if (crosses && names === 0 && !an && !STRONG_CUES.has(w) && !CONTACT_WORDS.has(w)) break;
      if (NAME_CUES.has(w)) {
        names = 2;
        nameClause = -1;
        mark[k++] = true;
      } else if (names > 0) {
        if (nameClause < 0) nameClause = clauses[k] ?? -1;
        names--;
        mark[k++] = true;
      } else if (CONTACT_CUES.has(w) || CONTACT_WORDS.has(w)) mark[k++] = true;
      else break;
    }
  }
  return mark.every(Boolean) ? mark.fill(false) : mark;
}
