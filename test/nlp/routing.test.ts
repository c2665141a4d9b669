import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agencySchema, type Agency } from '../../src/domain/agency.js';
import { createRouter } from '../../nlp/routing/router.js';
import { createIntegrityMatcher } from '../../nlp/routing/integrity.js';
import { prepareText } from '../../nlp/text/prepare.js';

function agency(file: string): Agency {
  const url = new URL(`../../src/config/agencies/${file}`, import.meta.url);
  return agencySchema.parse(JSON.parse(readFileSync(fileURLToPath(url), 'utf8')));
}

const bapenda = agency('bapenda-kota-padang.json');
const dprd = agency('dprd-kota-yogyakarta.json');
const router = createRouter(bapenda);

describe('the agency profiles', () => {
  it.each([
    ['bapenda-kota-padang.json', bapenda],
    ['dprd-kota-yogyakarta.json', dprd],
  ])('%s is valid, names its default division among its divisions and describes each with examples', (_, a) => {
    expect(a.divisions.map((d) => d.id)).toContain(a.defaultDivision);
    for (const d of a.divisions) {
      expect(d.examples.length).toBeGreaterThanOrEqual(5);
      expect(d.keywords.length).toBeGreaterThanOrEqual(5);
    }
    expect(a.integrityKeywords).toContain('pungli');
    for (const f of a.faq) expect(f.answerId.length && f.answerEn.length).toBeGreaterThan(20);
  });

  it('gives Bapenda Padang the five divisions of issue 3, the service division as default', () => {
    expect(bapenda.id).toBe('bapenda-kota-padang');
    expect(bapenda.divisions.map((d) => d.id)).toEqual([
      'pbb-p2',
      'bphtb',
      'pajak-daerah',
      'layanan-digital',
      'pelayanan',
    ]);
    expect(bapenda.defaultDivision).toBe('pelayanan');
  });
});

describe('routing to divisions', () => {
  it.each([
    ['tagihan PBB saya naik 3x lipat, NJOP tidak masuk akal', 'pbb-p2'],
    ['nama di SPPT salah, mohon mutasi', 'pbb-p2'],
    ['validasi BPHTB sudah 3 minggu belum selesai, notaris nanya terus', 'bphtb'],
    ['tapping box di restoran kami rusak', 'pajak-daerah'],
    ['pajak reklame baliho kami dihitung terlalu tinggi', 'pajak-daerah'],
    ['website bapenda error terus, tidak bisa login', 'layanan-digital'],
    ['bayar lewat QRIS gagal tapi saldo terpotong', 'layanan-digital'],
    ['petugas loket judes dan antrian lama sekali', 'pelayanan'],
    ['AC ruang tunggu mati', 'pelayanan'],
  ])('routes %j to %s', (text, division) => {
    const r = router.route(text);
    expect(r.division).toBe(division);
    expect(r.confidence).toBeGreaterThan(0.3);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.topic).not.toBe('');
  });

  it('sends a message about nothing in particular to the default division with low confidence', () => {
    const r = router.route('halo selamat pagi');
    expect(r.division).toBe('pelayanan');
    expect(r.confidence).toBeLessThan(0.3);
  });

  it("lists the divisions' keywords a message contains, and none for one about nothing in particular", () => {
    expect(router.route('berkas bphtb saya sudah sebulan tidak diproses').keywords).toContain('bphtb');
    expect(router.route('udah seminggu lebih ga ada kabar sama sekali min').keywords).toEqual([]);
  });

  it('names the matched keyword as the topic', () => {
    expect(router.route('kenapa tagihan pbb saya dobel?').topic).toBe('tagihan pbb');
  });

  it('routes council messages with the DPRD profile', () => {
    const council = createRouter(dprd);
    expect(council.route('aspirasi kami saat reses soal jalan rusak belum ditindaklanjuti').division).toBe(
      'penganggaran-pengawasan',
    );
    expect(council.route('jadwal rapat paripurna minggu ini kapan?').division).toBe('persidangan-perundangan');
    expect(council.route('website DPRD tidak bisa diakses').division).toBe('humas-protokol');
    expect(council.route('ruang tunggu tamu pengap dan satpam kasar').division).toBe('umum-keuangan');
  });

  it("routes English messages by the profiles' English keywords", () => {
    expect(router.route('The parking tax on my receipt is wrong').division).toBe('pajak-daerah');
    expect(router.route('my land deed validation takes weeks').division).toBe('bphtb');
    const council = createRouter(dprd);
    expect(council.route('when is the next plenary session?').division).toBe('persidangan-perundangan');
    expect(council.route('the council building has no wheelchair ramp').division).toBe('umum-keuangan');
  });

  it('never throws on bad input and routes it to the default division', () => {
    for (const text of ['', '   ', '😡', '12345', '这是什么', '\u0000garbage', 'x'.repeat(10_000)]) {
      expect(router.route(text).division).toBe('pelayanan');
    }
  });
});

describe('the integrity flag', () => {
  it.each([
    'ada oknum petugas minta uang pelicin biar berkas cepat',
    'saya melaporkan pungli di loket PBB',
    'diminta uang rokok waktu ambil SPPT',
    'petugas lapangan minta sogokan',
    'saya dipalak 200 ribu di kantor UPT',
    'I was asked for a bribe at the counter',
    'ada calo di depan kantor',
  ])('is raised for %j, whatever the division', (text) => {
    expect(router.route(text).flags).toContain('integrity');
  });

  it.each([
    'pelayanan bersih, bebas pungli, mantap',
    'tidak ada pungli sama sekali, terima kasih',
    'tanpa pungutan liar, salut',
    'pintu masuk kantor licin',
  ])('is not raised for %j', (text) => {
    expect(router.route(text).flags).not.toContain('integrity');
  });

  it("uses the agency's own keywords as well as the built-in list", () => {
    const matcher = createIntegrityMatcher(['titip absen']);
    expect(matcher.find(prepareText('ada titip absen di pembahasan anggaran').words)).toBe('titip absen');
    expect(createIntegrityMatcher([]).find(prepareText('ada titip absen').words)).toBeUndefined();
  });
});

describe('integrity reports and the division that handles them', () => {
  const bribeAtPaymentDesk = 'pas bayar online di aplikasi ada yg minta uang pelicin biar cepat';

  it('sends a bribe reported at the online-payment desk to the division the profile names for integrity', () => {
    expect(bapenda.integrityDivision).toBe('pelayanan');
    const r = router.route(bribeAtPaymentDesk);
    expect(r.flags).toContain('integrity');
    expect(r.division).toBe('pelayanan');
  });

  it('leaves an ordinary fault at the same desk with the division its words name', () => {
    expect(router.route('pas bayar online di aplikasi saldo kepotong tapi tagihan masih muncul').division).toBe(
      'layanan-digital',
    );
  });

  it('routes an integrity report by its words when the profile names no integrity division', () => {
    const { integrityDivision: _, ...rest } = bapenda;
    expect(createRouter(rest).route(bribeAtPaymentDesk).division).toBe('layanan-digital');
  });

  it("sends a council secretariat's integrity report to its general affairs and staffing division", () => {
    expect(createRouter(dprd).route('staf sekretariat minta uang pelicin buat jadwal audiensi').division).toBe(
      'umum-keuangan',
    );
  });
});
