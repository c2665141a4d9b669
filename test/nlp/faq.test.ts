import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agencySchema } from '../../src/domain/agency.js';
import { createFaqRetriever } from '../../nlp/faq/retriever.js';
import { asksSomething } from '../../nlp/faq/asks.js';
import { evaluateFaq, FAQ_SETS, formatFaqScores, loadAgencyProfile, loadFaqCases } from '../../nlp/faq/evaluate.js';
import { loadTextUnderstanding } from '../../nlp/index.js';

const bapenda = loadAgencyProfile('bapenda-kota-padang');
const dprd = loadAgencyProfile('dprd-kota-yogyakarta');
const retriever = (agency: typeof bapenda) =>
  createFaqRetriever(agency.faq, { agencyNames: [agency.name, agency.shortName] });
const idOf = (agency: typeof bapenda, text: string): string | null => {
  const m = retriever(agency).answer(text, 'id');
  return m ? (agency.faq[m.index]?.id ?? null) : null;
};

describe('FAQ retrieval', () => {
  it.each([
    ['apa aja syarat balik nama sppt?', 'transfer-name'],
    ['kapan jatuh tempo pbb?', 'due-date'],
    ['min kantor buka jam brp?', 'office-hours'],
    ['pbb bisa dibayar di alfamart?', 'pay-pbb'],
    ['how do I object to my property tax assessment', 'objection'],
  ])('answers %j from the entry %s', (text, id) => {
    expect(idOf(bapenda, text)).toBe(id);
  });

  it.each([
    'alamat kantor bapenda dimana?',
    'berapa lama proses validasi bphtb',
    'siapa kepala bapenda sekarang',
    'cara bikin ktp elektronik',
    '',
    '👍',
  ])('has no answer for %j, so staff answer it', (text) => {
    expect(retriever(bapenda).answer(text, 'id')).toBeNull();
  });

  it.each([
    'Denda PBB saya muncul padahal saya selalu bayar tepat waktu',
    'validasi BPHTB saya sudah 3 minggu belum selesai juga, notaris nanya terus',
    'terima kasih atas pelayanannya pak 👏',
    'oke, sudah lunas, terimakasih 😍',
  ])('does not answer %j, which asks nothing, however many words it shares with an entry', (text) => {
    expect(asksSomething(text)).toBe(false);
    expect(retriever(bapenda).answer(text, 'id')).toBeNull();
  });

  it.each([
    'kapan jatuh tempo pbb',
    'loket masih buka gak min',
    'tanggal jatuh tempo pbb 2026',
    'I lost my SPPT, need a copy',
  ])('reads %j as asking something', (text) => expect(asksSomething(text)).toBe(true));

  it('answers few of the corpus complaints and almost none of its praise', () => {
    const rows = readFileSync(new URL('../../nlp/corpus/aduan-corpus.tsv', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    const r = retriever(bapenda);
    const rate = (label: string): number => {
      const texts = rows.filter((c) => c[1] === label).map((c) => c[0] ?? '');
      return texts.filter((t) => r.answer(t, 'id')).length / texts.length;
    };
    expect(rate('complaint')).toBeLessThan(0.08);
    expect(rate('praise')).toBeLessThan(0.03);
  });

  it('leaves the council schedule to staff but answers whether sessions are open to the public', () => {
    expect(idOf(dprd, 'jadwal rapat paripurna minggu ini?')).toBeNull();
    expect(idOf(dprd, 'rapat paripurna boleh ditonton warga?')).toBe('attend-session');
  });

  it('answers in the language asked for, with the placeholders for the flows to fill', () => {
    const r = retriever(bapenda);
    const en = r.answer('what are your office hours', 'en');
    expect(en?.answer).toMatch(/^Bapenda Kota Padang's counters are open \{officeHours\}/);
    expect(r.answer('jam buka kantor', 'id')?.answer).toMatch(
      /buka \{officeHours\}, kecuali hari libur \(\{holidays\}\)/,
    );
    expect(en!.score).toBeGreaterThanOrEqual(r.threshold);
    expect(en!.score).toBeLessThanOrEqual(1);
  });

  it('retrieves over every entry: each entry is found by its own keywords', () => {
    for (const agency of [bapenda, dprd]) {
      const r = retriever(agency);
      agency.faq.forEach((f, i) =>
        expect({ id: f.id, got: r.rank(f.keywords.join(', '))[0]?.index }).toEqual({ id: f.id, got: i }),
      );
    }
  });

  it('is what loadTextUnderstanding serves as answerFaq', () => {
    const nlp = loadTextUnderstanding({ agency: bapenda });
    expect(nlp.answerFaq('apa aja syarat balik nama sppt?', 'id')?.index).toBe(
      bapenda.faq.findIndex((f) => f.id === 'transfer-name'),
    );
    expect(nlp.answerFaq('siapa kepala bapenda sekarang', 'id')).toBeNull();
  });
});

describe('FAQ entries in agency profiles', () => {
  it('refuses an answer with a placeholder the flows do not fill', () => {
    const profile = { ...bapenda, faq: [{ keywords: ['x'], answerId: 'Buka {jamBuka}', answerEn: 'Open' }] };
    const parsed = agencySchema.safeParse(profile);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('unknown placeholder {jamBuka}');
  });

  it('gives every shipped entry an id, example questions in both languages and answers in both', () => {
    for (const agency of [bapenda, dprd]) {
      const ids = agency.faq.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of agency.faq) {
        expect(f.id).toMatch(/^[a-z-]+$/);
        expect(f.questions?.length ?? 0).toBeGreaterThanOrEqual(4);
        expect(f.questions?.some((q) => /\b(?:how|what|when|where|can|is|do)\b/i.test(q))).toBe(true);
        expect(f.answerId.length).toBeGreaterThan(40);
        expect(f.answerEn.length).toBeGreaterThan(40);
      }
    }
  });
});

describe('FAQ retrieval on the labelled question sets', () => {
  it.each(FAQ_SETS.flatMap((s) => (['dev', 'heldout', 'heldout2'] as const).map((k) => [s.agency, k, s[k]] as const)))(
    'answers %s %s questions with precision and leaves unanswerable ones to staff',
    (agencyId, set, file) => {
      const agency = loadAgencyProfile(agencyId);
      const scores = evaluateFaq(agency, loadFaqCases(file));
      console.log(formatFaqScores(`${agencyId} ${set}`, scores));
      expect(scores.precision).toBeGreaterThanOrEqual(0.85);
      expect(scores.noAnswerRate).toBeGreaterThanOrEqual(0.8);
      expect(scores.recall).toBeGreaterThanOrEqual(0.6);
    },
  );
});
