import { describe, expect, it } from 'vitest';
import { createRepeatIndex, DEFAULT_REPEAT_THRESHOLD } from '../../nlp/repeat/repeat-index.js';
import { facetAgreement, facetsOf, repeatTerms } from '../../nlp/repeat/features.js';
import { HELDOUT_PAIRS_2_FILE, HELDOUT_PAIRS_FILE } from '../../nlp/repeat/pairs.js';
import { evaluateRepeats, loadRepeatPairs } from '../../nlp/eval/repeat-eval.js';

const BACKGROUND = [
  'antrian di loket lama sekali',
  'petugas loket tidak ramah',
  'website bapenda tidak bisa dibuka',
  'tagihan pbb saya naik drastis',
  'validasi bphtb belum selesai',
  'toilet kantor kotor',
  'pembayaran lewat qris gagal',
  'sppt belum sampai ke rumah',
];

function indexWithBackground() {
  const index = createRepeatIndex({ threshold: 0.5 });
  BACKGROUND.forEach((text, i) => index.add({ ticket: `ADU-BG00-000${i}`, citizenKey: `wa:bg${i}`, text }));
  return index;
}

describe('the repeat index', () => {
  it('finds an earlier complaint written in other words', () => {
    const index = indexWithBackground();
    index.add({
      ticket: 'ADU-7KQ9-M2XT',
      citizenKey: 'wa:6281111',
      text: 'udh 2 minggu gak ada kabar soal balik nama sppt saya',
    });
    const found = index.findSimilar('sudah dua minggu belum ada kejelasan balik nama SPPT', 'wa:6282222');
    expect(found[0]).toMatchObject({ ticket: 'ADU-7KQ9-M2XT', sameCitizen: false });
    expect(found[0]!.similarity).toBeGreaterThanOrEqual(0.5);
    expect(found[0]!.similarity).toBeLessThanOrEqual(1);
  });

  it('does not report an unrelated complaint', () => {
    const index = indexWithBackground();
    index.add({ ticket: 'ADU-7KQ9-M2XT', citizenKey: 'wa:6281111', text: 'AC ruang tunggu mati, panas sekali' });
    expect(index.findSimilar('kode bayar BPHTB expired', 'wa:6282222')).toEqual([]);
  });

  it('marks matches from the same citizen', () => {
    const index = indexWithBackground();
    index.add({ ticket: 'ADU-AAAA-0001', citizenKey: 'wa:6281111', text: 'website bapenda error terus dari kemarin' });
    index.add({ ticket: 'ADU-AAAA-0002', citizenKey: 'wa:6283333', text: 'website bapenda error terus sejak kemarin' });
    const found = index.findSimilar('webnya bapenda error lagi dari kemarin', 'wa:6281111');
    // The background's "website bapenda tidak bisa dibuka" is the same problem in other words, and is found too.
    expect(found.map((f) => f.ticket).sort()).toEqual(['ADU-AAAA-0001', 'ADU-AAAA-0002', 'ADU-BG00-0002']);
    expect(found.find((f) => f.ticket === 'ADU-BG00-0002')?.sameCitizen).toBe(false);
    expect(found.find((f) => f.ticket === 'ADU-AAAA-0001')?.sameCitizen).toBe(true);
    expect(found.find((f) => f.ticket === 'ADU-AAAA-0002')?.sameCitizen).toBe(false);
  });

  it('returns matches best first and honours the limit', () => {
    const index = createRepeatIndex({ threshold: 0.1 });
    index.add({ ticket: 'A', citizenKey: 'x', text: 'petugas loket kasar' });
    index.add({ ticket: 'B', citizenKey: 'x', text: 'petugas loket kasar dan antrian lama' });
    index.add({ ticket: 'C', citizenKey: 'x', text: 'petugas loket kasar, antrian lama, toilet kotor, parkir sempit' });
    const found = index.findSimilar('petugas loket kasar', 'y', 2);
    expect(found.map((f) => f.ticket)).toEqual(['A', 'B']);
    expect(found[0]!.similarity).toBeGreaterThan(found[1]!.similarity);
  });

  it('applies the threshold', () => {
    const strict = createRepeatIndex({ threshold: 0.95 });
    strict.add({ ticket: 'A', citizenKey: 'x', text: 'petugas loket kasar dan antrian lama' });
    expect(strict.findSimilar('petugas loket kasar', 'y')).toEqual([]);
    strict.threshold = 0.3;
    expect(strict.findSimilar('petugas loket kasar', 'y').map((f) => f.ticket)).toEqual(['A']);
  });

  it('forgets a removed complaint and replaces a re-added ticket', () => {
    const index = createRepeatIndex();
    index.add({ ticket: 'A', citizenKey: 'x', text: 'toilet kantor kotor dan bau' });
    expect(index.size).toBe(1);
    index.remove('A');
    expect(index.size).toBe(0);
    expect(index.findSimilar('toilet kantor kotor', 'x')).toEqual([]);
    index.add({ ticket: 'B', citizenKey: 'x', text: 'toilet kantor kotor dan bau' });
    index.add({ ticket: 'B', citizenKey: 'x', text: 'parkiran kantor sempit sekali' });
    expect(index.size).toBe(1);
    expect(index.findSimilar('toilet kantor kotor', 'x')).toEqual([]);
    expect(index.findSimilar('parkiran kantor sempit', 'x').map((f) => f.ticket)).toEqual(['B']);
    index.remove('no-such-ticket');
    expect(index.size).toBe(1);
  });

  it('finds the earlier complaint among many stored ones while reading only part of the common postings', () => {
    const index = createRepeatIndex({ scanBudget: 2000 });
    for (let i = 0; i < 20_000; i++) {
      index.add({
        ticket: `S${i}`,
        citizenKey: `c${i % 500}`,
        text: `tagihan pbb bayar petugas kantor nomor ${i % 97} wilayah ${i % 13}`,
      });
    }
    index.add({ ticket: 'TARGET', citizenKey: 'c-target', text: 'tapping box restoran kami rusak sudah sebulan' });
    for (let i = 0; i < 5_000; i++)
      index.add({ ticket: `L${i}`, citizenKey: 'z', text: `pajak restoran tagihan pbb bayar ${i}` });
    expect(index.findSimilar('tapping box di restoran kami rusak', 'someone').map((f) => f.ticket)).toContain('TARGET');
  });

  it('answers empty results, not errors, for bad input or an empty index', () => {
    const empty = createRepeatIndex();
    expect(empty.findSimilar('apa saja', 'x')).toEqual([]);
    const index = indexWithBackground();
    for (const text of ['', '   ', '😡', '12345', '这是什么', 'x'.repeat(10_000)]) {
      expect(() => index.findSimilar(text, 'x')).not.toThrow();
      expect(() => index.add({ ticket: `bad-${text.length}`, citizenKey: 'x', text })).not.toThrow();
    }
  });

  it('reaches precision 0.9 and recall 0.8 on the labelled paraphrase pairs', () => {
    const pairs = loadRepeatPairs();
    expect(pairs.filter((p) => p.repeat).length).toBeGreaterThanOrEqual(100);
    expect(pairs.filter((p) => !p.repeat).length).toBeGreaterThanOrEqual(100);
    const scores = evaluateRepeats(pairs, BACKGROUND);
    expect(scores.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe('repeats by meaning, not surface words', () => {
  function indexOf(...docs: string[]) {
    const index = createRepeatIndex();
    BACKGROUND.forEach((text, i) => index.add({ ticket: `BG${i}`, citizenKey: `bg${i}`, text }));
    docs.forEach((text, i) => index.add({ ticket: `E${i}`, citizenKey: `earlier${i}`, text }));
    return index;
  }
  const found = (index: ReturnType<typeof indexOf>, text: string): string[] =>
    index.findSimilar(text, 'new-citizen').map((f) => f.ticket);

  it.each([
    ['Tagihan PBB saya naik dua kali lipat', 'Nilai ketetapan PBB-P2 tahun ini meningkat 100% dibanding tahun lalu'],
    ['sppt blm dateng smp skrg', 'Sampai saat ini Surat Pemberitahuan Pajak Terutang tahun berjalan belum kami terima'],
    [
      'webnya down mulu ga bisa cek tagihan',
      'Situs resmi Bapenda tidak dapat diakses sehingga kami tidak dapat memeriksa tagihan',
    ],
    ['dalan neng kampungku bolong2 mbok yo didandani', 'jalan di kampung saya banyak lubang, mohon diperbaiki'],
    ['my property tax doubled this year', 'Tagihan PBB saya naik dua kali lipat'],
  ])('links %j with its formal or other-language paraphrase', (earlier, later) => {
    expect(found(indexOf(earlier), later)).toContain('E0');
  });

  it.each([
    ['Tagihan PBB saya naik dua kali lipat', 'Tagihan pajak restoran saya naik dua kali lipat'],
    ['Tagihan PBB saya naik dua kali lipat', 'nama di SPPT saya salah'],
    ['lampu jalan depan rumah mati udh sebulan', 'jalan depan rumah berlubang udh sebulan'],
    ['Sudah 40 hari kerja, SK keberatan belum terbit', 'SK pengurangan PBB belum terbit'],
    ['website error pas bayar bphtb', 'website error pas bayar pbb'],
  ])('does not link %j with a different problem that shares its words: %j', (earlier, later) => {
    expect(found(indexOf(earlier), later)).not.toContain('E0');
  });

  it('links two complaints about the same NOP, whatever else they say, above the same words without it', () => {
    const index = indexOf('NOP 13.71.010.001.002-0123.0 tagihannya dobel', 'tagihan PBB saya dobel');
    const hits = index.findSimilar('tagihan untuk NOP 13.71.010.001.002-0123.0 muncul dua kali', 'x');
    expect(hits[0]?.ticket).toBe('E0');
    expect(repeatTerms('NOP 13.71.010.001.002-0123.0')).toContain('nop137101000100201230');
    expect(repeatTerms('petugas di loket 3')).toContain('loket3');
  });

  it('marks down a pair whose facets disagree and leaves agreeing or unknown facets alone', () => {
    const pbb = facetsOf(repeatTerms('tagihan PBB naik'));
    expect(facetAgreement(pbb, facetsOf(repeatTerms('tagihan pajak restoran naik')))).toBeLessThan(1);
    expect(facetAgreement(pbb, facetsOf(repeatTerms('ketetapan PBB-P2 meningkat')))).toBe(1);
    expect(facetAgreement(pbb, facetsOf(repeatTerms('mohon dicek')))).toBe(1);
  });

  it.each([
    ['held-out pairs', HELDOUT_PAIRS_FILE, 0.85, 0.8],
    ['second held-out pairs', HELDOUT_PAIRS_2_FILE, 0.65, 0.6],
  ])('keeps precision and recall on the %s', (_name, file, precision, recall) => {
    const scores = evaluateRepeats(loadRepeatPairs(file), BACKGROUND);
    expect(scores.threshold).toBe(DEFAULT_REPEAT_THRESHOLD);
    expect(scores.precision).toBeGreaterThanOrEqual(precision);
    expect(scores.recall).toBeGreaterThanOrEqual(recall);
  });
});
