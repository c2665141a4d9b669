import { describe, expect, it } from 'vitest';
import { recurringSubjects } from '../../src/digest/subjects.js';

const names = new Map([
  ['pelayanan', 'Pelayanan dan Perilaku Petugas'],
  ['pbb-p2', 'Bidang Pajak Bumi dan Bangunan Perdesaan dan Perkotaan (PBB-P2)'],
  ['pajak-daerah', 'Bidang Pajak Daerah Lainnya'],
  ['bphtb', 'Bidang Bea Perolehan Hak atas Tanah dan Bangunan (BPHTB)'],
]);

describe('recurring subjects', () => {
  it('put one subject written as "antrian", "antri" and "antrean" in one group', () => {
    const s = recurringSubjects(
      [
        { division: 'pelayanan', topic: 'antrian', count: 5 },
        { division: 'pelayanan', topic: 'antri', count: 3 },
        { division: 'pelayanan', topic: 'antrean', count: 2 },
        { division: 'pelayanan', topic: 'telepon', count: 4 },
      ],
      5,
      names,
    );
    expect(s.map((x) => [x.term, x.count])).toEqual([
      ['antri', 10],
      ['telepon', 4],
    ]);
    expect(s[0]!.label).toBe('antrian / antri');
  });

  it('never show a fragment such as "tahun jl": one- and two-letter words do not name a subject', () => {
    const s = recurringSubjects([{ division: 'pbb-p2', topic: 'tahun jl', count: 4 }], 5, names);
    expect(s).toEqual([{ division: 'pbb-p2', term: 'tahun', label: 'tahun jl', count: 4 }]);
    const only = recurringSubjects([{ division: 'pbb-p2', topic: 'jl 12', count: 2 }], 5, names);
    expect(only[0]).toMatchObject({ term: '', label: 'lainnya', count: 2 });
  });

  it('key a topic by what it adds to its division, not by the division name', () => {
    const s = recurringSubjects(
      [
        { division: 'bphtb', topic: 'validasi bphtb', count: 6 },
        { division: 'bphtb', topic: 'validasi sspd', count: 4 },
        { division: 'bphtb', topic: 'bphtb', count: 3 },
        { division: 'pajak-daerah', topic: 'pajak hotel', count: 2 },
        { division: 'pajak-daerah', topic: 'pajak hiburan', count: 2 },
      ],
      10,
      names,
    );
    expect(s.find((x) => x.division === 'bphtb' && x.term === 'validasi')?.count).toBe(10);
    expect(s.find((x) => x.division === 'bphtb' && x.term === 'bphtb')?.count).toBe(3);
    expect(s.filter((x) => x.division === 'pajak-daerah').map((x) => x.label)).toEqual([
      'pajak hiburan',
      'pajak hotel',
    ]);
  });

  it('keep divisions apart and come out in the same order every time', () => {
    const rows = [
      { division: 'pelayanan', topic: 'antrian', count: 2 },
      { division: 'pbb-p2', topic: 'antrian', count: 2 },
    ];
    const a = recurringSubjects(rows, 5, names);
    expect(a.map((x) => x.division)).toEqual(['pbb-p2', 'pelayanan']);
    expect(recurringSubjects([...rows].reverse(), 5, names)).toEqual(a);
  });
});
