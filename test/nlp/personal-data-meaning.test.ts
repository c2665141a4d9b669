// Personal data does not change what a message means (issue 9, item 4): NIK, phone numbers, e-mails and account
// numbers become placeholder words before the model reads a message, and the words that only introduce them
// ("sy bisa dihubungi di …") are set aside, in training and in use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agencySchema } from '../../src/domain/agency.js';
import { loadTextUnderstanding } from '../../nlp/index.js';
import { loadProjectCorpus } from '../../nlp/data/datasets.js';
import { prepareText } from '../../nlp/text/prepare.js';

const agency = agencySchema.parse(
  JSON.parse(
    readFileSync(fileURLToPath(new URL('../../src/config/agencies/bapenda-kota-padang.json', import.meta.url)), 'utf8'),
  ),
);
const nlp = loadTextUnderstanding({ agency });
const complaints = loadProjectCorpus('test').filter((d) => d.label === 'complaint');

// The ways citizens add their details, each with a different kind of personal data.
const WITH_DETAILS: ReadonlyArray<[string, (t: string) => string]> = [
  ['a phone number after the message', (t) => `${t}, sy bisa dihubungi di 0812 3456 7890`],
  ['a NIK after the message', (t) => `${t}. NIK 3171 0123 4567 8901`],
  ['an e-mail before the message', (t) => `email saya budi.santoso@gmail.com. ${t}`],
  ['a WhatsApp number and a name', (t) => `${t}, wa +62 857-2222-3333 a.n. Siti Aminah`],
  ['phone and NIK together', (t) => `${t}, hp 0813-1111-2222, NIK 1371011203850002`],
];

describe('personal data in a message', () => {
  it.each(WITH_DETAILS)('leaves every held-out complaint read the same with %s', (_, add) => {
    expect(complaints.length).toBeGreaterThan(200);
    const changed = complaints.filter((d) => {
      const before = nlp.understand(d.text);
      const after = nlp.understand(add(d.text));
      return before.act !== after.act || before.classification.label !== after.classification.label;
    });
    expect(changed.map((d) => d.text)).toEqual([]);
  });

  it('reads the bribery report of issue 9 as a complaint with the integrity flag, details and all', () => {
    const u = nlp.understand(
      'petugas loket minta uang 100rb, sy bisa dihubungi di 0812 3456 7890, NIK 3171 0123 4567 8901',
    );
    expect(u.act).toBe('complaint');
    expect(u.classification.label).toBe('complaint');
    expect(u.flags).toContain('integrity');
  });

  it('keeps whose account a payment went to, which is what an integrity report says', () => {
    expect(prepareText('disuruh transfer ke rekening 1234567890 a.n. pegawai pajak').words).toEqual([
      'disuruh',
      'transfer',
      'ke',
      'rekening',
      'pegawai',
      'pajak',
    ]);
  });

  it('keeps a message that is nothing but contact details', () => {
    expect(prepareText('hp saya 0812 3456 7890').words).toEqual(['hp', 'saya', 'xteleponx']);
  });
});
