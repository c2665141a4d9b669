import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier, NO_EVIDENCE_CONFIDENCE, WEAK_EVIDENCE_CAP } from '../../nlp/classifier.js';
import { loadModel } from '../../nlp/model/serialize.js';
import { DEFAULT_MODEL_PATH } from '../../nlp/model/paths.js';
import { createFastScorer } from '../../nlp/model/fast-scorer.js';
import { logits } from '../../nlp/model/linear.js';
import { extractFeatures } from '../../nlp/features/extract.js';
import { prepareText } from '../../nlp/text/prepare.js';
import { MESSAGE_LABELS } from '../../nlp/types.js';
import { headLogits, headOf } from '../../nlp/model/linear.js';

const model = loadModel(DEFAULT_MODEL_PATH);
const classifier = createClassifier(model);

describe('the shipped classifier', () => {
  it('carries the version written in the model file into every classification', () => {
    const file = JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as { version: string };
    expect(file.version).toMatch(/^aduan-text-v2@\d{4}-\d{2}-\d{2}\+[0-9a-f]{8}$/);
    expect(classifier.classify('mantul min').modelVersion).toBe(file.version);
  });

  it.each([
    ['udh 2 minggu gak ada kabar soal balik nama sppt saya', 'complaint'],
    ['hebat ya, tiap datang sistemnya offline', 'complaint'],
    ['Petugas loket judes banget, ditanya malah dibentak 😡', 'complaint'],
    ['sudah bayar PBB lewat bank tapi status masih belum lunas', 'complaint'],
    ['The website keeps crashing when I try to pay', 'complaint'],
    ['mantul min', 'praise'],
    ['Terima kasih, pelayanannya cepat dan ramah 👍', 'praise'],
    ['gak pake lama, langsung beres. mantap', 'praise'],
    ['Great service, thank you so much!', 'praise'],
    ['Bagaimana cara cek tagihan PBB online?', 'statement'],
    ['syarat bphtb apa aja min?', 'statement'],
    ['Assalamualaikum', 'statement'],
    // The SOP counts kritik and saran as complaints (issue 9): a suggestion is in the complaint family.
    ['Saran: tambahin kursi di ruang tunggu', 'complaint'],
    ['What are the office hours?', 'statement'],
  ])('labels %j as %s', (text, label) => {
    expect(classifier.classify(text).label).toBe(label);
  });

  it('does not read a complaint that ends with a courtesy thanks as praise', () => {
    expect(
      classifier.classify('Selamat pagi, berkas BPHTB saya sudah 3 minggu belum selesai. Terima kasih').label,
    ).toBe('complaint');
  });

  it('returns calibrated scores for every label that sum to one, the label being the most likely', () => {
    const c = classifier.classify('aplikasinya error terus');
    const scores = c.scores!;
    expect(Object.keys(scores).sort()).toEqual([...MESSAGE_LABELS].sort());
    expect(Object.values(scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(c.confidence).toBe(Math.max(...Object.values(scores)));
    expect(scores[c.label]).toBe(c.confidence);
  });

  it.each([
    ['empty text', ''],
    ['only spaces', '   \n\t '],
    ['only numbers', '1234567890'],
    ['a link', 'https://bapenda.padang.go.id/cek-pbb'],
    ['another script', '这是什么东西'],
    ['binary garbage', '\u0000\u0001\u0002\uFFFD\u001b[31m'],
    ['10,000 characters of one letter', 'x'.repeat(10_000)],
    ['gibberish', 'qwzx vbnm kjhgf'],
  ])('gives a low-confidence statement for %s, never an exception', (_, text) => {
    const c = classifier.classify(text);
    expect(c.label).toBe('statement');
    expect(c.confidence).toBeLessThanOrEqual(NO_EVIDENCE_CONFIDENCE);
  });

  it('caps the confidence of a message made only of emoji', () => {
    const angry = classifier.classify('😡😡😡');
    expect(angry.confidence).toBeLessThanOrEqual(WEAK_EVIDENCE_CAP);
    expect(angry.label).toBe('complaint');
    expect(classifier.classify('👍').confidence).toBeLessThanOrEqual(WEAK_EVIDENCE_CAP);
  });

  it('classifies a 10,000-character real complaint without trouble', () => {
    const long = 'antrian lama sekali dan petugas tidak ramah. '.repeat(230);
    expect(long.length).toBeGreaterThan(10_000);
    expect(classifier.classify(long).label).toBe('complaint');
  });

  it('scores exactly as the reference feature extractor does (the per-word cache changes nothing)', () => {
    const score = createFastScorer(model);
    for (const text of [
      'Selamat pagi min, website error terus, terima kasih',
      'tidak ramah, tapi cepat!!',
      'MANTAP 👍',
      'Bagaimana cara bayar?',
    ]) {
      const p = prepareText(text);
      const fast = score(p).logits;
      const reference = logits(model, extractFeatures(p, model.features));
      for (let k = 0; k < model.width; k++) expect(fast[k]).toBeCloseTo(reference[k]!, 9);
      const act = headOf(model, 'act');
      expect(headLogits(act, fast)).toHaveLength(16);
    }
  });
});
