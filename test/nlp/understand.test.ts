import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agencySchema, type Agency } from '../../src/domain/agency.js';
import { loadTextUnderstanding } from '../../nlp/index.js';
import { DIALOGUE_ACTS, familyOf, type DialogueAct } from '../../nlp/types.js';
import { loadModel } from '../../nlp/model/serialize.js';
import { DEFAULT_MODEL_PATH } from '../../nlp/model/paths.js';
import { headOf } from '../../nlp/model/linear.js';

function agency(file: string): Agency {
  const url = new URL(`../../src/config/agencies/${file}`, import.meta.url);
  return agencySchema.parse(JSON.parse(readFileSync(fileURLToPath(url), 'utf8')));
}

const nlp = loadTextUnderstanding({ agency: agency('bapenda-kota-padang.json') });
const council = loadTextUnderstanding({ agency: agency('dprd-kota-yogyakarta.json') });
const threshold = headOf(loadModel(DEFAULT_MODEL_PATH), 'integrity').threshold ?? 0.5;

describe('reading what a citizen turn does', () => {
  it.each<[string, DialogueAct]>([
    ['masalah saya belum beres, saya tidak puas', 'dissatisfied'],
    ['kok tiket ADU-7K3M-9QX2 ditutup padahal belum diperbaiki', 'dissatisfied'],
    ['sy gak puas sm penanganan aduan sy', 'dissatisfied'],
    ['I am not satisfied, my complaint ADU-4HT2-KP8M is still not resolved', 'dissatisfied'],
    ['apa aja syarat balik nama sppt?', 'question'],
    ['kapan jatuh tempo pbb?', 'question'],
    ['jadwal rapat paripurna minggu ini?', 'question'],
    ['tagihan pbb saya naik 3x lipat padahal rumah gak direnovasi', 'complaint'],
    ['dalan neng kampungku bolong2 mbok yo didandani', 'complaint'],
    ['saran saya loket bphtb dibuka sampai sore', 'suggestion'],
    ['aspirasi warga RW 05: mohon lampu jalan di gang kami ditambah', 'suggestion'],
    ['gimana kabar aduan saya min?', 'status'],
    ['tambahan keterangan, petugasnya pakai baju batik', 'add_info'],
    ['hapus data saya', 'erase'],
    ['tolong hapus nomor hp saya dari sistem', 'erase'],
    ['assalamualaikum', 'greeting'],
    ['pagi min', 'greeting'],
    ['halo', 'greeting'],
    ['ok makasih min', 'thanks'],
    ['👍', 'thanks'],
    ['iya', 'yes'],
    ['blm', 'no'],
    ['ga ada', 'dont_know'],
    ['gak tau', 'dont_know'],
    ['lewati', 'dont_know'],
    ['batal', 'cancel'],
    ['gak jadi deh', 'cancel'],
    ['batalin aja min', 'cancel'],
    ['mantap, urus bphtb cuma sehari, petugasnya ramah', 'praise'],
    ['PINJAMAN ONLINE CAIR 5 MENIT TANPA JAMINAN, hubungi wa.me/628123', 'unrelated'],
    ['tes', 'unrelated'],
  ])('reads %j as %s', (text, act) => {
    const u = nlp.understand(text);
    expect(u.act).toBe(act);
    expect(u.classification.label).toBe(familyOf(act));
  });

  it('gives calibrated scores for every act that sum to one, the act being the most likely', () => {
    const u = nlp.understand('kok aduan saya ditutup, jalannya masih bolong');
    expect(Object.keys(u.scores).sort()).toEqual([...DIALOGUE_ACTS].sort());
    expect(Object.values(u.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(u.confidence).toBe(Math.max(...Object.values(u.scores)));
    expect(u.scores[u.act]).toBe(u.confidence);
  });

  it('names the tickets a turn mentions, normalised', () => {
    expect(nlp.understand('status adu 7k3m 9qx2 sama ADU-4HT2-KP8M gmn?').slots.tickets).toEqual([
      'ADU-7K3M-9QX2',
      'ADU-4HT2-KP8M',
    ]);
  });

  it.each([
    ['empty text', ''],
    ['only spaces', '   '],
    ['only digits', '1234567890'],
    ['another script', '这是什么东西'],
    ['control characters', '\u0000\u0001\uFFFD'],
    ['gibberish', 'qwzx vbnm kjhgf'],
    ['10,000 characters of one letter', 'x'.repeat(10_000)],
  ])('reads %s with low confidence, as no grievance, without throwing', (_, text) => {
    const u = nlp.understand(text);
    expect(u.confidence).toBeLessThanOrEqual(0.5);
    expect(u.classification.label).toBe('statement');
    expect(u.flags).toEqual([]);
  });
});

describe('the conversation context', () => {
  it('reads an acknowledgement as yes when the bot asked a yes/no question', () => {
    expect(nlp.understand('👍').act).toBe('thanks');
    expect(nlp.understand('👍', { expecting: 'closure' }).act).toBe('yes');
    expect(nlp.understand('ok makasih min', { expecting: 'confirm_case' }).act).toBe('yes');
  });

  it('reads a bare "no" to a question about a detail as "there is none"', () => {
    expect(nlp.understand('gak', { expecting: 'photo' }).act).toBe('dont_know');
    expect(nlp.understand('gak', { expecting: 'closure' }).act).toBe('no');
  });

  it('reads "the problem is gone" as yes to "is it solved?", and "but still …" as what the model says', () => {
    expect(nlp.understand('aman min, udh ga bocor lagi', { expecting: 'followup' }).act).toBe('yes');
    expect(nlp.understand('sudah tidak error lagi', { expecting: 'closure' }).act).toBe('yes');
    expect(nlp.understand('udah ga bocor tapi masih rembes', { expecting: 'followup' }).act).not.toBe('yes');
    expect(nlp.understand('masih bocor', { expecting: 'followup' }).act).toBe('no');
  });

  it('makes dissatisfaction less likely for someone with no case on record', () => {
    const text = 'saya kecewa, masalahnya belum beres';
    const without = nlp.understand(text, { hasCases: false }).scores.dissatisfied;
    const withCases = nlp.understand(text, { hasCases: true }).scores.dissatisfied;
    expect(without).toBeLessThan(withCases);
  });

  it('leaves the SOP family of a turn as classify gives it, whatever the context', () => {
    const text = 'tidak puas, tagihan masih salah';
    expect(nlp.understand(text, { expecting: 'closure' }).classification).toEqual(nlp.classify(text));
  });
});

describe('integrity', () => {
  it.each([
    'petugas loket minta uang 100rb, sy bisa dihubungi di 0812 3456 7890, NIK 3171 0123 4567 8901',
    'minta amplop supaya validasi lancar',
    'nawarin jalur cepat asal bayar 500 ribu',
    'disuruh transfer ke rekening pribadi pegawai',
    'I was asked for a bribe',
    'petugase njaluk duit rokok pas aku njupuk sppt',
    'pegawai di UPT mintak pitih kopi ka ambo',
  ])('flags %j as an integrity report, with its probability at or above the threshold', (text) => {
    const u = nlp.understand(text);
    expect(u.flags).toContain('integrity');
    expect(u.integrity).toBeGreaterThanOrEqual(threshold);
    expect(u.classification.label).toBe('complaint');
  });

  it.each([
    'berapa biaya resmi balik nama?',
    'pelayanan bersih, bebas pungli, mantap',
    'tagihan pbb saya naik 3x lipat',
    'saldo kepotong tapi pembayaran pbb gagal',
  ])('does not flag %j', (text) => {
    const u = nlp.understand(text);
    expect(u.flags).not.toContain('integrity');
    expect(u.integrity).toBeLessThan(threshold);
  });

  it('raises the same flag in route() as in understand()', () => {
    for (const text of [
      'petugas minta uang rokok',
      'berapa biaya resmi balik nama?',
      'ada calo di depan kantor',
      'mantap, bebas pungli',
      'I was asked for a bribe',
      'antrian lama sekali',
    ]) {
      expect(nlp.route(text).flags.includes('integrity'), text).toBe(nlp.understand(text).flags.includes('integrity'));
    }
  });

  it("flags a complaint holding the agency's own integrity keyword", () => {
    const text = 'pembahasan anggaran di dewan pakai uang ketok palu, tolong diusut';
    expect(council.understand(text).flags).toContain('integrity');
    expect(council.route(text).flags).toContain('integrity');
  });
});

describe('sarcasm and mixed messages', () => {
  it.each([
    'wah hebat ya bapenda, tagihan pbb sy naik 3x lipat, mantap bgt pelayanannya 👏👏',
    'mksh ya min udh ga dibales2 smp skrg 🙃',
  ])('reads %j as a complaint with the sarcasm flag', (text) => {
    const u = nlp.understand(text);
    expect(u.classification.label).toBe('complaint');
    expect(u.flags).toContain('sarcasm');
  });

  it('reads praise joined to a grievance as a complaint and passes the praise on', () => {
    const u = nlp.understand('petugas loketnya ramah banget, tapi antriannya lama sekali, 3 jam baru dipanggil');
    expect(u.act).toBe('complaint');
    expect(u.flags).toContain('mixed');
    expect(u.flags).not.toContain('sarcasm');
    expect(u.praise).toBe('petugas loketnya ramah banget');
  });

  it('does not call a complaint with a courtesy thanks sarcastic', () => {
    const u = nlp.understand('Permisi min, aplikasi tidak bisa login dari kemarin. Terima kasih');
    expect(u.act).toBe('complaint');
    expect(u.flags).not.toContain('sarcasm');
    expect(u.flags).not.toContain('mixed');
  });
});

describe('language', () => {
  it.each<[string, 'id' | 'en']>([
    ['I am not satisfied, my complaint is still not resolved', 'en'],
    ['the website keeps crashing when I pay', 'en'],
    ['hello', 'en'],
    ['sy gak puas sm penanganan aduan sy', 'id'],
    ['dalan neng kampungku bolong2', 'id'],
    ['👍', 'id'],
  ])('reads %j as %s', (text, language) => {
    expect(nlp.understand(text).language).toBe(language);
  });
});
