// The word cues that tell a grievance about an earlier report's handling from a new one (flows decide with them).
import { describe, expect, it } from 'vitest';
import { handlingCue } from '../../nlp/index.js';

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
  ])('finds no cue in the new grievance %j', (text) => {
    expect(handlingCue(text)).toBeUndefined();
  });
});
