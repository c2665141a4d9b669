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

  it('masks WhatsApp ids and phone-number ids but not other channel ids', () => {
    expect(maskContact('6281234567890@c.us')).toBe('**********890');
    expect(maskContact('6281234567890@s.whatsapp.net')).toBe('**********890');
    expect(maskContact('081234567890')).toBe('*********890');
    expect(maskContact('123456789')).toBe('123456789');
    expect(maskContact('tg:5551234')).toBe('tg:5551234');
  });
});
