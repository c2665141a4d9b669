// Personal data and ticket numbers become placeholder words before anything else reads a message (issue 9, item 4):
// "sy bisa dihubungi di 0812 3456 7890" must mean the same to the model as "sy bisa dihubungi", in training and in
// use, and a ticket number is one word ("xtiketx"), not three fragments that look like random letters.
import { findPersonalData, type PersonalDataKind } from '../pii.js';

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

/** Replaces personal data and ticket numbers with placeholder words (surrounded by spaces). */
export function replacePlaceholders(text: string): string {
  let out = text;
  if (MAYBE_PII.test(out)) {
    const found = findPersonalData(out);
    for (let i = found.length - 1; i >= 0; i--) {
      const m = found[i];
      if (m) out = `${out.slice(0, m.start)} ${PII_PLACEHOLDER[m.kind]} ${out.slice(m.end)}`;
    }
  }
  if (/adu/i.test(out)) out = out.replace(TICKET_RE, ` ${TICKET_PLACEHOLDER} `);
  return out;
}
