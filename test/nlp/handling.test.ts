// The word cues flows decide with: a grievance about an earlier report's handling, a message that names its kind.
import { describe, expect, it } from 'vitest';
import { announcedKind, handlingCue } from '../../nlp/index.js';

describe('handlingCue', () => {
  it.each([
    'kok lama bgt sih, udh seminggu belum ada perbaikan, sy kecewa',
    'mksh ya min udh ga dibales2 smp skrg 🙃',
    'laporan saya didiamkan saja',
    'aduan saya kok ditutup, tagihannya masih salah',
    'still no response to my report',
    'laporan ambo alun ado kaba, lah duo minggu',
  ])('reads %j as speaking of how a report is handled', (text) => {
    expect(handlingCue(text)).toBe('handling');
  });

  it.each(['saya kecewa, pelayanannya buruk sekali', "I'm not happy at all", 'kulo dereng marem'])(
    'reads %j as disappointment that does not say with what',
    (text) => {
      expect(handlingCue(text)).toBe('disappointed');
    },
  );

  it.each(['the street light is out again since last night', 'atapnya bocor lagi tuh min', 'tagihan sy salah lagi'])(
    'reads %j as a problem that came back',
    (text) => {
      expect(handlingCue(text)).toBe('again');
    },
  );

  it.each([
    'I want to add something to my complaint: the owner is Siti Rahmah',
    'mau nambahin min, nama pemiliknya Sri Wahyuni',
    'tambahan keterangan, kejadiannya di loket 2',
    'oh iya lupa bilang, bukti bayarnya ada',
  ])('reads %j as announcing more facts', (text) => {
    expect(handlingCue(text)).toBe('adding');
  });

  it.each([
    'tagihan pbb saya naik dua kali lipat',
    'petugas loket minta biaya tambahan 50rb',
    'website e-pbb error tidak bisa login',
    'antrian di loket bphtb panjang sekali',
    'sy lagi di kantor bapenda, antriannya panjang',
  ])('finds no cue in the new grievance %j', (text) => {
    expect(handlingCue(text)).toBeUndefined();
  });
});

describe('announcedKind', () => {
  it.each([
    ['Selamat siang. Saya mau menyampaikan keluhan, SPPT rumah saya masih atas nama pemilik lama', 'complaint'],
    ['I would like to complain about the queue at the tax office', 'complaint'],
    ['mau tanya min, syarat balik nama apa aja', 'question'],
    ['izin usul min, jam layanan diperpanjang sampai sore', 'suggestion'],
  ] as const)('reads %j as announcing a %s', (text, kind) => {
    expect(announcedKind(text)).toBe(kind);
  });

  it('finds nothing where no kind is announced, or only late in a long message', () => {
    expect(announcedKind('saya mau bayar pbb tahun ini')).toBeUndefined();
    expect(
      announcedKind(`${'tagihan pbb saya naik padahal rumah tidak berubah sama sekali, '.repeat(2)}mau lapor`),
    ).toBeUndefined();
  });
});
