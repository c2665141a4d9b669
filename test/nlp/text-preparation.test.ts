import { describe, expect, it } from 'vitest';
import { replacePlaceholders } from '../../nlp/text/placeholders.js';
import { prepareText, squeeze } from '../../nlp/text/prepare.js';
import { negationMask } from '../../nlp/text/negation.js';
import { formulaMask } from '../../nlp/text/formula.js';
import { replaceEmoji } from '../../nlp/text/emoji.js';
import { stem } from '../../nlp/text/stem.js';
import { contentTerms, textTerms } from '../../nlp/text/terms.js';

describe('text preparation', () => {
  it('writes chat slang in standard Indonesian', () => {
    expect(prepareText('Udh 2 mggu GAK ada kabar').words).toEqual(['sudah', 'num', 'minggu', 'tidak', 'ada', 'kabar']);
  });

  it('lowercases before natural tokenizes, so capitalised words are kept', () => {
    expect(prepareText('PELAYANAN Bapenda').words).toEqual(['pelayanan', 'bapenda']);
  });

  it('squeezes elongated words but keeps real double letters', () => {
    expect(squeeze('bagusss')).toBe('bagus');
    expect(squeeze('mantaaaapp')).toBe('mantap');
    expect(squeeze('maaaaf')).toBe('maaf');
    expect(squeeze('saat')).toBe('saat');
    expect(prepareText('lamaaaa bangettt').words).toEqual(['lama', 'banget']);
  });

  it('expands "mantul" and reduplication written with a 2', () => {
    expect(prepareText('mantul min, hati2 ya').words).toEqual(['mantap', 'betul', 'min', 'hati-hati', 'iya']);
  });

  it('turns emoji and emoticons into sentiment tokens', () => {
    expect(replaceEmoji('bagus 👍 tapi lama 😡 :(').split(/\s+/).filter(Boolean)).toEqual([
      'bagus',
      'emopos',
      'tapi',
      'lama',
      'emoneg',
      'emoneg',
    ]);
    expect(prepareText('🙏').words).toEqual(['emopray']);
  });

  it('replaces links, e-mail addresses and numbers with placeholder tokens', () => {
    expect(prepareText('cek https://bapenda.padang.go.id/pbb, bayar Rp 1.500.000').words).toEqual([
      'cek',
      'tautan',
      'bayar',
      'rp',
      'num',
    ]);
    expect(replacePlaceholders('kirim ke budi@gmail.com ya')).toBe('kirim ke  xemailx  ya');
  });

  it('replaces personal data and ticket numbers with placeholder words, whatever their format', () => {
    const text = replacePlaceholders(
      'hp 0812 3456 7890, NIK 3171 0123 4567 8901, rek BCA 1234567890, tiket adu-7k3m-9qx2',
    );
    expect(text.trim().split(/\s+/)).toEqual([
      'hp',
      'xteleponx',
      ',',
      'NIK',
      'xnikx',
      ',',
      'rek',
      'BCA',
      'xrekeningx',
      ',',
      'tiket',
      'xtiketx',
    ]);
    expect(replacePlaceholders('wa +62 812-3456-7890 a.n. Siti')).toContain('xteleponx');
  });

  it('sets contact details aside, cue words and name included, so the rest is read alone', () => {
    expect(
      prepareText('sy bisa dihubungi di 0812 3456 7890, NIK 3171 0123 4567 8901, tiket adu-7k3m-9qx2').words,
    ).toEqual(['tiket', 'xtiketx']);
    expect(prepareText('tagihan salah, wa +62 812-3456-7890 a.n. Siti Aminah').words).toEqual(['tagihan', 'salah']);
    expect(prepareText('email saya budi@gmail.com. tagihan salah').words).toEqual(['tagihan', 'salah']);
  });

  it('reads a doubled regional word by its standard form', () => {
    expect(prepareText('dalan bolong2').words).toEqual(['jalan', 'berlubang']);
  });

  it('records question marks, exclamations and shouting', () => {
    const p = prepareText('KENAPA SISTEMNYA OFFLINE TERUS?!!');
    expect(p.question).toBe(true);
    expect(p.exclaims).toBe(2);
    expect(p.shouting).toBe(true);
    expect(prepareText('kenapa ya').shouting).toBe(false);
  });

  it('numbers clauses so that negation does not cross punctuation', () => {
    const p = prepareText('tidak ramah, cepat');
    expect(p.clauses).toEqual([0, 0, 1]);
    expect(negationMask(p.words, p.clauses)).toEqual([false, true, false]);
  });

  it('marks up to three words after a negator, not counting intensifiers', () => {
    const p = prepareText('tidak terlalu ramah dan sopan sekali lagi');
    expect(negationMask(p.words, p.clauses)).toEqual([false, true, true, true, true, false, false]);
  });

  it('marks greetings and courtesy closings only when other content remains', () => {
    expect(formulaMask(prepareText('selamat pagi min, website error terus, terima kasih').words)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(formulaMask(prepareText('terima kasih min').words)).toEqual([false, false, false]);
  });

  it('never throws and returns no words for input without words', () => {
    for (const input of ['', '   ', '\u0000\u0001\uFFFD', '这是什么', '١٢٣', 'x'.repeat(10_000), undefined, null, 42]) {
      expect(() => prepareText(input)).not.toThrow();
    }
    expect(prepareText('').words).toEqual([]);
    expect(prepareText('这是什么').words).toEqual([]);
  });

  it('cuts very long messages to a bounded number of words', () => {
    expect(prepareText('bayar '.repeat(5000)).words.length).toBeLessThanOrEqual(700);
  });

  it('stems with natural and caches, fixing a few domain words', () => {
    expect(stem('pembayaran')).toBe('bayar');
    expect(stem('pelayanannya')).toBe('layan');
    expect(stem('sogokan')).toBe('sogok');
    expect(stem('webnya')).toBe('web');
  });

  it('merges synonyms and drops fillers in content terms', () => {
    expect(contentTerms(prepareText('udh 2 minggu gak ada kabar soal SPPT min'))).toEqual(['minggu', 'kabar', 'sppt']);
    expect(contentTerms(prepareText('sudah dua minggu belum ada kejelasan SPPT'))).toEqual(['minggu', 'kabar', 'sppt']);
  });

  it('gives the same content terms on the fast term path as through prepareText', () => {
    for (const t of [
      'Website bapenda error terus dari kemarin!',
      'Petugas loket 3 judes banget 😡',
      'NOP 13.71.010.001.002-0123.0 belum lunas?',
    ]) {
      expect(textTerms(t)).toEqual(contentTerms(prepareText(t)));
    }
  });
});
