import { describe, expect, it } from 'vitest';
import { extractSlots, isVaguePlace, parseNumberWords } from '../../nlp/slots/index.js';
import {
  evaluateSlots,
  formatSlotReport,
  loadSlotCases,
  SLOT_DEV_FILE,
  SLOT_HELDOUT_2_FILE,
  SLOT_HELDOUT_FILE,
} from '../../nlp/slots/evaluate.js';

describe('extractSlots finds the facts in any message', () => {
  it.each([
    ['petugasnya judes di loket 3 kantor Bapenda', 'di loket 3 kantor Bapenda'],
    ['rumah sy di Jl. Sudirman no 5 sppt nya blm nyampe', 'di Jl. Sudirman no 5'],
    ['jalan rusak di kecamatan Kuranji', 'di kecamatan Kuranji'],
    ['website e-PBB error terus', 'website e-PBB'],
    ['sudah lapor di kantor DPRD tapi ga ditanggapi', 'di kantor DPRD'],
    ['dalan neng kampungku bolong2 mbok yo didandani', 'dalan neng kampungku'],
    ['the officer at the front desk was rude', 'at the front desk'],
  ])('reads the place in %j', (text, place) => {
    expect(extractSlots(text).place).toBe(place);
  });

  it.each([
    ['sejak 2 minggu website nya down', 'sejak 2 minggu'],
    ['udh sebulan ga ada kabar', 'udh sebulan'],
    ['kemarin sy antri 4 jam', 'kemarin'],
    ['dr senin sy tunggu blm ada jawaban', 'dr senin'],
    ['kejadiannya 12/11/2026', '12/11/2026'],
    ['tadi pagi sekitar jam 9 di loket', 'tadi pagi sekitar jam 9'],
    ['the website has been down since last week', 'since last week'],
    ['wes seminggu ora ono kabar', 'wes seminggu'],
    ['tahun ini', 'tahun ini'],
    ['wiwit tahun niki', 'wiwit tahun niki'],
    ['sajak bulan lalu', 'sajak bulan lalu'],
  ])('reads the time in %j', (text, time) => {
    expect(extractSlots(text).time).toBe(time);
  });

  it.each([
    ['status ADU-7KQ9-M2XT', ['ADU-7KQ9-M2XT']],
    ['aduan saya adu7kq9m2xt kok blm diproses', ['ADU-7KQ9-M2XT']],
    ['tiket 7kq9 m2xo', ['ADU-7KQ9-M2X0']],
    ['ADU-7KQ9-M2XT sama ADU 3M8R T6WQ, dan ADU-7KQ9-M2XT lagi', ['ADU-7KQ9-M2XT', 'ADU-3M8R-T6WQ']],
    ['ADUAN saya gimana', []],
  ])('normalises the tickets in %j', (text, tickets) => {
    expect(extractSlots(text).tickets).toEqual(tickets);
  });

  it('formats a NOP written as one run of digits and keeps NPWPD and cued numbers', () => {
    expect(
      extractSlots('nop sy 137101000100201230, NPWPD P.1.0001234.01.05, kode bayar 3210240000123').objectNumbers,
    ).toEqual([
      { kind: 'nop', value: '13.71.010.001.002-0123.0' },
      { kind: 'npwpd', value: 'P.1.0001234.01.05' },
      { kind: 'other', value: '3210240000123' },
    ]);
  });

  it.each([
    ['petugas minta uang 100rb', 100_000],
    ['nawarin jalur cepat asal bayar 500 ribu', 500_000],
    ['tagihan Rp 1.250.000', 1_250_000],
    ['diminta 1,5 jt', 1_500_000],
    ['katanya 2jt biar beres', 2_000_000],
    ['IDR 200,000', 200_000],
    ['sudah bayar lima ratus ribu', 500_000],
  ])('reads the amount in %j', (text, value) => {
    expect(extractSlots(text).amounts.map((a) => a.value)).toEqual([value]);
  });

  it('reads number words the way they are said', () => {
    expect(parseNumberWords('dua ratus lima puluh ribu')).toBe(250_000);
    expect(parseNumberWords('dua juta lima ratus ribu')).toBe(2_500_000);
    expect(parseNumberWords('sejuta')).toBe(1_000_000);
    expect(parseNumberWords('setengah juta')).toBe(500_000);
  });

  it.each([
    ['ada fotonya', 'mentioned'],
    ['sy punya bukti bayar', 'mentioned'],
    ['nanti saya kirim fotonya', 'mentioned'],
    ['gak ada foto', 'none'],
    ['ga ada bukti', 'none'],
    ['fotonya blm ada', 'none'],
    ['struknya ilang', 'none'],
    ['ada fotonya, tapi struknya ilang', 'mentioned'],
  ] as const)('reads evidence in %j', (text, evidence) => {
    expect(extractSlots(text).evidence).toBe(evidence);
  });
});

describe('extractSlots does not mistake one fact for another', () => {
  it('never reads "gak ada foto" as a time, and "123", "ada" or "ok" as evidence', () => {
    expect(extractSlots('gak ada foto').time).toBeUndefined();
    for (const text of ['123', 'ada', 'ok', 'ga ada', '1']) expect(extractSlots(text).evidence).toBeUndefined();
  });

  it('does not take a phone number, a NIK or an amount for a place, a date or an object number', () => {
    for (const text of [
      'sy bisa dihubungi di 0812 3456 7890',
      'hp 08 12 34 56 78 90',
      'NIK 3171/0112/0385/0002',
      'nik 3171.0123.4567.8901',
      'wa +62 812-3456-7890',
      'minta uang 100rb',
      'transfer ke rek 1234567890 a.n. pegawai',
    ]) {
      const s = extractSlots(text);
      expect({ text, place: s.place, time: s.time, objects: s.objectNumbers }).toEqual({
        text,
        place: undefined,
        time: undefined,
        objects: [],
      });
    }
  });

  it('keeps the amounts of a bribery report that also carries a phone number and a NIK', () => {
    const s = extractSlots(
      'petugas loket minta uang 100rb, sy bisa dihubungi di 0812 3456 7890, NIK 3171 0123 4567 8901',
    );
    expect(s.amounts.map((a) => a.value)).toEqual([100_000]);
    expect(s.time).toBeUndefined();
  });

  it('does not read a comparison with last year, an age or a rate as the time of the complaint', () => {
    expect(extractSlots('Nilai ketetapan PBB-P2 tahun ini meningkat 100% dibanding tahun lalu').time).toBeUndefined();
    expect(extractSlots('tagihan jadi Rp 1.750.000 padahal tahun lalu cuma 800 ribu').time).toBeUndefined();
    expect(extractSlots('umur saya 65 tahun mau pengurangan pbb').time).toBeUndefined();
    expect(extractSlots('pajak reklame 5 jt setahun').time).toBeUndefined();
  });

  it('reads full-width digits and a zero-width space inside a ticket or an amount', () => {
    expect(extractSlots('tiket ＡＤＵ－７ＫＱ９－Ｍ２ＸＴ').tickets).toEqual(['ADU-7KQ9-M2XT']);
    expect(extractSlots('minta 1\u200B00rb').amounts.map((a) => a.value)).toEqual([100_000]);
  });

  it('reads "tahun ini" after a noun as which bill, not as when', () => {
    expect(extractSlots('sppt tahun ini, objeknya di jl. veteran no 21').time).toBeUndefined();
    expect(extractSlots('tagihan tahun ini naik').time).toBeUndefined();
  });

  it('tells a place one could find from "my village" or "our restaurant"', () => {
    for (const vague of ['dalan neng kampungku', 'rumah makan ambo', 'di depan rumah saya', 'ning ngarep omahku'])
      expect(isVaguePlace(vague), vague).toBe(true);
    for (const found of ['di Jl. Sudirman no 5', 'di kecamatan Kuranji', 'di pasa raya padang', 'website e-PBB'])
      expect(isVaguePlace(found), found).toBe(false);
    expect(extractSlots('di pasa raya padang').place).toBe('di pasa raya padang');
  });

  it('returns empty slots for empty or non-string input', () => {
    expect(extractSlots('')).toEqual({ tickets: [], objectNumbers: [], amounts: [] });
    expect(extractSlots(undefined as unknown as string)).toEqual({ tickets: [], objectNumbers: [], amounts: [] });
  });
});

describe('slot extraction on the labelled sets', () => {
  it.each([
    ['development set', SLOT_DEV_FILE, 0.97],
    ['held-out set', SLOT_HELDOUT_FILE, 0.93],
    ['second held-out set', SLOT_HELDOUT_2_FILE, 0.93],
  ])('gets every slot of at least the target share right on the %s', (name, file, target) => {
    const report = evaluateSlots(loadSlotCases(file));
    console.log(formatSlotReport(name, report).join('\n'));
    expect(report.cases).toBeGreaterThan(50);
    for (const [slot, score] of Object.entries(report.perSlot))
      expect({ slot, ok: score.accuracy >= target }).toEqual({ slot, ok: true });
  });
});
