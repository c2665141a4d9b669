// Place and time do not change what a message means (issue 9): "tagihan pbb sy naik 3x lipat di jl sudirman 12
// padang sejak bulan lalu" is the same complaint as "tagihan pbb sy naik 3x lipat". Every held-out complaint that is
// read as a complaint must stay one with a place and a time written in, before or after, in the ways citizens write
// them. The phrases below are not in the training corpus.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agencySchema } from '../../src/domain/agency.js';
import { loadTextUnderstanding } from '../../nlp/index.js';
import { loadProjectCorpus } from '../../nlp/data/datasets.js';

const agency = agencySchema.parse(
  JSON.parse(
    readFileSync(fileURLToPath(new URL('../../src/config/agencies/bapenda-kota-padang.json', import.meta.url)), 'utf8'),
  ),
);
const nlp = loadTextUnderstanding({ agency });
const complaints = loadProjectCorpus('test').filter((d) => d.label === 'complaint');
const readAsComplaints = complaints.filter((d) => nlp.classify(d.text).label === 'complaint');

/** The least share of complaints that must stay complaints over all the ways below, and with each one of them. */
const MIN_KEPT = 0.95;
const MIN_KEPT_EACH = 0.8;

const WITH_PLACE_AND_TIME: ReadonlyArray<[string, (t: string) => string]> = [
  ['a street and a since-when after the message', (t) => `${t} di jl. gajah mada no 8 padang sejak bulan kemarin`],
  ['a kelurahan and a date after it', (t) => `${t}, lokasi kel. andalas, tgl 14 agustus`],
  ['a Yogyakarta kampung and a time after it', (t) => `${t} di kampung Prawirodirjan rt 4, dari awal tahun`],
  ['a time only', (t) => `${t} sejak 3 minggu yang lalu`],
  ['the place and the time first', (t) => `di UPT padang timur kemarin siang, ${t}`],
];

/** The share of the held-out complaints read as complaints that stay complaints with `add` applied. */
function keptWith(add: (t: string) => string): number {
  const changed = readAsComplaints.filter((d) => nlp.classify(add(d.text)).label !== 'complaint');
  return 1 - changed.length / readAsComplaints.length;
}

describe('place and time in a complaint', () => {
  it.each(WITH_PLACE_AND_TIME)('leave most held-out complaints read as complaints with %s', (name, add) => {
    expect(readAsComplaints.length).toBeGreaterThan(240);
    const kept = keptWith(add);
    console.log(`${name}: ${(100 * kept).toFixed(1)} % of ${readAsComplaints.length} stay complaints`);
    expect(kept).toBeGreaterThanOrEqual(MIN_KEPT_EACH);
  });

  it(`leave at least ${100 * MIN_KEPT} % of the held-out complaints complaints over all those ways`, () => {
    const mean = WITH_PLACE_AND_TIME.reduce((a, [, add]) => a + keptWith(add), 0) / WITH_PLACE_AND_TIME.length;
    expect(mean).toBeGreaterThanOrEqual(MIN_KEPT);
  });

  it('reads the bill of issue 9 with its street and date as a complaint, and a bare place and date as a statement', () => {
    const u = nlp.understand('tagihan pbb sy naik 3x lipat di jl sudirman 12 padang sejak bulan lalu');
    expect(u.act).toBe('complaint');
    expect(u.classification.label).toBe('complaint');
    expect(u.slots.place).toMatch(/sudirman/);
    expect(nlp.understand('di jl sudirman 12 padang sejak bulan lalu').classification.label).toBe('statement');
  });
});
