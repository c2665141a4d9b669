import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPersonalData, isPlausibleNik, maskContact, maskPersonalData } from '../../nlp/pii.js';

const kinds = (text: string): string[] => findPersonalData(text).map((m) => m.kind);

describe('personal data detection', () => {
  it.each([
    ['NIK saya 1371011203850002 mohon dicek', '1371011203850002'],
    ['nik: 3171 0112 0385 0002', '3171 0112 0385 0002'],
    ['No. KTP 317101.120385.0002', '317101.120385.0002'],
    ['NIK 3374-1052-0790-0003 atas nama ibu saya', '3374-1052-0790-0003'],
    ['data saya 3374105207900003 ya', '3374105207900003'],
  ])('finds the NIK in %j', (text, value) => {
    expect(findPersonalData(text)).toEqual([expect.objectContaining({ kind: 'nik', value })]);
  });

  it('accepts any 16 digits as a NIK after a NIK cue, even when the birth date is impossible', () => {
    expect(kinds('NIK: 9999999999999999')).toEqual(['nik']);
  });

  it('does not take 16 digits without a cue for a NIK when they cannot be one', () => {
    expect(kinds('nomor order 9999999999999999')).toEqual([]);
  });

  it('checks the province code, the birth date (women add 40 to the day) and the serial of a NIK', () => {
    expect(isPlausibleNik('1371011203850002')).toBe(true);
    expect(isPlausibleNik('1371015203850002')).toBe(true);
    expect(isPlausibleNik('9971011203850002')).toBe(false);
    expect(isPlausibleNik('1371013503850002')).toBe(false);
    expect(isPlausibleNik('1371011213850002')).toBe(false);
    expect(isPlausibleNik('1371011203850000')).toBe(false);
  });

  it.each([
    'hp 0812-3456-7890',
    'WA saya 081234567890',
    'nomor 0813 1234 5678',
    'hubungi 0852.1234.567',
    '+62 812 3456 7890',
    '+62-812-3456-7890',
    '+6281234567890',
    '6281234567890',
    '(+62) 812 3456 789',
    'chat ke wa.me/6281234567890 ya',
    'Tlp. (0751) 32377',
    'telp kantor 021-5551234',
  ])('finds the phone number in %j', (text) => {
    expect(kinds(text)).toEqual(['phone']);
  });

  it.each([
    ['email budi.santoso@gmail.com', 'budi.santoso@gmail.com'],
    ['kirim ke siti_aminah88@yahoo.co.id ya', 'siti_aminah88@yahoo.co.id'],
    ['budi [at] gmail [dot] com', 'budi [at] gmail [dot] com'],
    ['siti(at)bapenda.padang.go.id', 'siti(at)bapenda.padang.go.id'],
  ])('finds the e-mail address in %j', (text, value) => {
    expect(findPersonalData(text)).toEqual([expect.objectContaining({ kind: 'email', value })]);
  });

  it.each([
    ['rek BRI 0123-01-012345-50-1', '0123-01-012345-50-1'],
    ['no. rekening 1234567890 a.n. Budi', '1234567890'],
    ['transfer ke 1234567890 (BCA)', '1234567890'],
    ['Mandiri 123-00-1234567-8', '123-00-1234567-8'],
    ['norek: 7001234567', '7001234567'],
    ['rekening Bank Nagari 2101.0201.12345-6', '2101.0201.12345-6'],
    ['kartu kredit 4111 1111 1111 1111', '4111 1111 1111 1111'],
  ])('finds the bank account in %j', (text, value) => {
    expect(findPersonalData(text)).toEqual([expect.objectContaining({ kind: 'bank-account', value })]);
  });

  it.each([
    'NOP 13.71.010.001.002-0123.0',
    'NOP saya 137101000100201230',
    'nop: 13.71.010.001.002-0123.0 bayar di bank nagari',
    'objek pajak 13.71.030.007.015-0042.0 atas nama ayah',
    'tanggal 12-08-2023',
    'pada 2023-08-12 jam 08:30',
    'jatuh tempo 31/08/2024',
    'Rp 1.500.000',
    'tagihan Rp1.500.000,00',
    'nilai transaksi Rp 628.000.000',
    'tiket ADU-7KQ9-M2XT',
    'tahun 2024 bayar 2.345.000',
    'virtual account 8881234567890123',
    'kode bayar 320240001234567',
    'SK nomor 973/123/BPD-2024',
    'luas 120 m2, NJOP 2.500.000 per meter',
  ])('finds no personal data in %j', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('keeps a NOP readable while masking the bank account next to it', () => {
    expect(maskPersonalData('bayar di bank nagari NOP 13.71.010.001.002-0123.0 pakai rek 1234567890')).toBe(
      'bayar di bank nagari NOP 13.71.010.001.002-0123.0 pakai rek ******7890',
    );
  });

  it('returns matches in text order and without overlaps', () => {
    const found = findPersonalData('NIK 1371011203850002, HP 081234567890, email a.b@c.id, rek BCA 1234567890');
    expect(found.map((m) => m.kind)).toEqual(['nik', 'phone', 'email', 'bank-account']);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  it('finds nothing in empty or non-string input', () => {
    expect(findPersonalData('')).toEqual([]);
    expect(findPersonalData(undefined as unknown as string)).toEqual([]);
  });
});

describe('personal data masking', () => {
  it('masks every kind and keeps the last digits so staff can tell numbers apart', () => {
    expect(maskPersonalData('NIK saya 1371011203850002, HP 0812-3456-7890, email budi.santoso@gmail.com')).toBe(
      'NIK saya ************0002, HP *********890, email b***@gmail.com',
    );
  });

  it('masks an obfuscated e-mail address', () => {
    expect(maskPersonalData('siti(at)yahoo.co.id')).toBe('s***@yahoo.co.id');
  });

  it('leaves text without personal data unchanged', () => {
    const text =
      'Tagihan PBB NOP 13.71.010.001.002-0123.0 sebesar Rp 1.500.000 jatuh tempo 31-08-2024, tiket ADU-7KQ9-M2XT';
    expect(maskPersonalData(text)).toBe(text);
  });

  it('keeps only the last digits of WhatsApp and Telegram ids, with or without their channel prefix', () => {
    expect(maskContact('6281234567890@c.us')).toBe('**********890');
    expect(maskContact('628123456789@c.us')).toBe('*********789');
    expect(maskContact('6281234567890@s.whatsapp.net')).toBe('**********890');
    expect(maskContact('whatsapp:6281234567890@c.us')).toBe('whatsapp:**********890');
    expect(maskContact('081234567890')).toBe('*********890');
    expect(maskContact('123456789')).toBe('******789');
    expect(maskContact('telegram:5551234')).toBe('telegram:****234');
    expect(maskContact('tg:-1001234567890')).toBe('tg:**********890');
  });

  it('leaves channel ids without a number alone', () => {
    expect(maskContact('console:alice')).toBe('console:alice');
    expect(maskContact('budi_santoso')).toBe('budi_santoso');
    expect(maskContact('1234')).toBe('1234');
  });
});

// Every format issue 11 names (and the ones around them), with the personal datum in each.
const FORMATS: Array<[string, string]> = [
  ['NIK 3171/0112/0385/0002', '3171/0112/0385/0002'],
  ['nik sy 3171 0123 4567 8901', '3171 0123 4567 8901'],
  ['3171.0123.4567.8901 itu nik saya', '3171.0123.4567.8901'],
  ['data saya 3171-0123-4567-8901', '3171-0123-4567-8901'],
  ['ktp: 3171\u200B0112\u200B0385\u200B0002', '3171\u200B0112\u200B0385\u200B0002'],
  ['NIK ３１７１０１１２０３８５０００２', '３１７１０１１２０３８５０００２'],
  ['hp 08 12 34 56 78 90', '08 12 34 56 78 90'],
  ['wa +62 812-3456-7890', '+62 812-3456-7890'],
  ['telp 0812.3456.7890 ya', '0812.3456.7890'],
  ['nomor saya 6281234567890', '6281234567890'],
  ['hubungi ０８１２３４５６７８９０', '０８１２３４５６７８９０'],
  ['hubungi ０８１２-３４５６-７８９０', '０８１２-３４５６-７８９０'],
  ['hp 0812\u200B3456\u200D7890', '0812\u200B3456\u200D7890'],
  ['hp 0812\u20603456\uFEFF7890', '0812\u20603456\uFEFF7890'],
  ['(0812) 3456 7890', '(0812) 3456 7890'],
  ['+62 (812) 3456-7890', '+62 (812) 3456-7890'],
  ['0812 \u2013 3456 \u2013 7890', '0812 \u2013 3456 \u2013 7890'],
  ['08１２ 3456 ７８９0', '08１２ 3456 ７８９0'],
  ['email budi @ gmail.com', 'budi @ gmail.com'],
  ['email budi＠gmail.com', 'budi＠gmail.com'],
  ['budi [at] gmail [dot] com', 'budi [at] gmail [dot] com'],
  ['budi at gmail dot com', 'budi at gmail dot com'],
  ['budi {at} yahoo {dot} co {dot} id', 'budi {at} yahoo {dot} co {dot} id'],
  ['bu\u200Bdi@gmail.com', 'bu\u200Bdi@gmail.com'],
  ['transfer ke rek 1234567890', '1234567890'],
  ['rekening 123 456 7890 a.n. Budi', '123 456 7890'],
  ['no rek 0123-01-012345-50-1', '0123-01-012345-50-1'],
  ['disuruh tf ke 7001234567 a.n. pegawai', '7001234567'],
  ['rek BCA: ７００１２３４５６７', '７００１２３４５６７'],
  ['ke rekening 1234567890 bca', '1234567890'],
];

const unescape = (s: string): string =>
  s.replace(/\\u([0-9A-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const asciiDigits = (s: string): string => s.normalize('NFKC').replace(/\D/g, '');

describe('masking misses no format', () => {
  it.each(FORMATS)('leaves no digit run of the datum in %j', (raw, datumRaw) => {
    const text = unescape(raw);
    const datum = unescape(datumRaw);
    const masked = maskPersonalData(text);
    const digits = asciiDigits(datum);
    const left = asciiDigits(masked);
    // At most the last 4 digits survive (so staff can tell numbers apart); no run of 5 digits of the datum does.
    for (let i = 0; i + 5 <= digits.length; i++) expect(left).not.toContain(digits.slice(i, i + 5));
    if (digits.length === 0) {
      const user = datum.split(/\s*(?:@|＠|\[at\]|\{at\}|\bat\b)/i)[0]!.replace(/[\u200B-\u200D]/g, '');
      // Only the first letter of the user name is left: "b***@gmail.com".
      expect(masked.replace(/[\u200B-\u200D]/g, '')).not.toContain(user.slice(0, 2));
      expect(masked).toMatch(/^\S*\s?\S*\s?[a-z]\*\*\*@/i);
    }
    expect(findPersonalData(text)).toHaveLength(1);
  });

  it('masks every datum in one message that holds them all', () => {
    const text = FORMATS.map(([t]) => unescape(t)).join(', ');
    const masked = maskPersonalData(text);
    for (const [, datumRaw] of FORMATS) {
      const digits = asciiDigits(unescape(datumRaw));
      for (let i = 0; i + 5 <= digits.length; i++) expect(asciiDigits(masked)).not.toContain(digits.slice(i, i + 5));
    }
  });

  it('keeps NOP PBB numbers, tickets, dates, amounts and years readable around masked data', () => {
    const text =
      'NOP 13.71.010.001.002-0123.0 tiket ADU-7KQ9-M2XT tgl 12/11/2026 bayar Rp 1.250.000 tahun 2025, hp 08 12 34 56 78 90';
    expect(maskPersonalData(text)).toBe(
      'NOP 13.71.010.001.002-0123.0 tiket ADU-7KQ9-M2XT tgl 12/11/2026 bayar Rp 1.250.000 tahun 2025, hp *********890',
    );
  });
});

describe('masking leaves ordinary text alone', () => {
  it.each([
    'Tagihan PBB saya naik dua kali lipat, mohon dicek',
    'antri dari jam 08.00 sampai 12.30 di loket 3',
    'bayar 2.345.000 di bank, Rp 62.800.000 untuk BPHTB, denda 2% per bulan',
    'tanggal 2026-11-12, 12-11-2026, 31/08/2024 jam 14.00',
    'tahun 2024 dan 2025, luas 120 m2, NJOP 2.500.000 per meter',
    'SK nomor 973/123/BPD-2024, virtual account 8881234567890123, kode bayar 320240001234567',
    'saya @ kantor. Besok ke sana lagi',
    'ikuti kami di @bapenda_padang',
    'ｔａｇｉｈａｎ ＰＢＢ naik 😡 dari ２０２４',
    'NOP ３７.７１.０１０.００１.００２-０１２３.０',
    'ADU-7KQ9-M2XT, adu 3m8r t6wq',
  ])('does not change %j', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });

  it('changes no message of the project corpus except those that hold personal data', () => {
    const texts = readFileSync(new URL('../../nlp/corpus/aduan-corpus.tsv', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split('\t')[0] ?? '');
    const changed = texts.filter((t) => maskPersonalData(t) !== t);
    for (const t of changed) expect(findPersonalData(t).length).toBeGreaterThan(0);
    // The corpus is about taxes and councils: a handful of messages carry a phone, NIK or account; none else changes.
    expect(changed.length).toBeLessThan(texts.length * 0.02);
  });
});
