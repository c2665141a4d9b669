// What a complaint is about, for repeat detection: its content terms (synonyms merged, multi-word names joined, stemmed),
// plus the facts its numbers give (the same NOP, the same numbered counter), and two small facets: the object it is
// about (PBB, BPHTB, restaurant tax, the website, a street light...), the procedure (mutasi, keberatan...) and the
// problem (went up, wrong, not working, slow, a bribe...).
// Two complaints that name different objects, or different problems, are not the same complaint however many
// words they share ("tagihan PBB naik" / "tagihan pajak restoran naik"; "lampu jalan mati" / "jalan berlubang").
import { joinPhrases } from '../text/synonyms.js';
import { textTerms } from '../text/terms.js';

const MAX_TERMS_PER_DOC = 48;

// Concept terms (after synonyms and stemming) and the facet bit each sets.
const OBJECTS: Record<string, number> = {};
const PROBLEMS: Record<string, number> = {};
const PROCEDURES: Record<string, number> = {};
// Words that say when or ask something, not what went wrong: "the website has been down for days" is the same
// complaint as "website error terus dari kemarin".
const NOT_CONTENT = new Set([
  'tahun',
  'bulan',
  'minggu',
  'hari',
  'jam',
  'waktu',
  'kemarin',
  'pagi',
  'siang',
  'sore',
  'malam',
  'year',
  'years',
  'month',
  'months',
  'week',
  'weeks',
  'day',
  'days',
  'time',
  'times',
  'every',
  'try',
  'ampe',
  'kapan',
  'dimana',
  'durasi',
  'jumlah',
  'siapa',
  'pas',
  'saat',
  'ketika',
  'kait',
  'soal',
  'mengenai',
]);
const TAXES: Record<string, number> = {};
const taxGroups = [
  ['pbb', 'sppt', 'njop'],
  ['bphtb', 'sspd'],
  ['restoran', 'resto'],
  ['hotel', 'inap'],
  ['reklame', 'baliho', 'spanduk'],
  ['hiburan', 'karaoke'],
  ['airtanah'],
  ['walet'],
  ['ppj'],
];
const objectGroups = [
  ['parkir'],
  ['website'],
  ['aplikasi'],
  ['lampu'],
  ['jalan'],
  ['ac'],
  ['lift'],
  ['toilet'],
  ['kursi'],
];
const procedureGroups = [['mutasi'], ['keberatan'], ['pengurangan'], ['pemecahan'], ['audiensi'], ['validasi']];
const problemGroups = [
  ['naik', 'lipat'],
  ['salah'],
  // Not working, whatever the words: "rusak", "mati", "error", "down", "tidak berfungsi".
  ['rusak', 'mati', 'gangguan'],
  ['lambat', 'tunggu'],
  ['pungli'],
  ['kasar'],
  ['kotor'],
  ['panas'],
  ['dobel'],
  ['hilang'],
  ['denda'],
  ['belumsampai', 'absen'],
];
taxGroups.forEach((g, i) => g.forEach((t) => (TAXES[t] = 1 << i)));
objectGroups.forEach((g, i) => g.forEach((t) => (OBJECTS[t] = 1 << i)));
procedureGroups.forEach((g, i) => g.forEach((t) => (PROCEDURES[t] = 1 << i)));
problemGroups.forEach((g, i) => g.forEach((t) => (PROBLEMS[t] = 1 << i)));

const NOP = /(?<!\d)\d{2}[.\s]?\d{2}[.\s]?\d{3}[.\s]?\d{3}[.\s]?\d{3}[-.\s]?\d{4}[-.\s]?\d(?!\d)/g;
const COUNTER = /\b(loket|counter|window|lantai|lt|floor)\.?\s*(\d{1,3})\b/gi;
/** Terms of a complaint for the repeat index: unique, in order, at most 48. */
export function repeatTerms(text: string): string[] {
  const raw = typeof text === 'string' ? text : '';
  const terms = new Set<string>();
  for (const t of textTerms(joinPhrases(raw))) if (!NOT_CONTENT.has(t)) terms.add(t);
  if (/\d/.test(raw)) {
    for (const m of raw.matchAll(NOP)) terms.add(`nop${m[0].replace(/\D/g, '')}`);
    for (const m of raw.matchAll(COUNTER))
      terms.add(`${/^(?:lantai|lt|floor)$/i.test(m[1] ?? '') ? 'lantai' : 'loket'}${m[2] ?? ''}`);
  }
  return [...terms].slice(0, MAX_TERMS_PER_DOC);
}

/** The facets of a complaint: what object, which procedure, what problem (bit masks). */
export interface Facets {
  /** The tax concerned (PBB, BPHTB, restaurant tax...). */
  taxes: number;
  /** The thing concerned (the website, a street light, the toilet...). */
  objects: number;
  procedures: number;
  problems: number;
}

/** The facets of a complaint's terms. */
export function facetsOf(terms: Iterable<string>): Facets {
  let taxes = 0;
  let objects = 0;
  let procedures = 0;
  let problems = 0;
  for (const t of terms) {
    taxes |= TAXES[t] ?? 0;
    objects |= OBJECTS[t] ?? 0;
    procedures |= PROCEDURES[t] ?? 0;
    problems |= PROBLEMS[t] ?? 0;
  }
  return { taxes, objects, procedures, problems };
}

/** How much of a similarity is kept when the facets of two complaints disagree (1 = they agree or one has none). */
export function facetAgreement(a: Facets, b: Facets): number {
  let keep = 1;
  if (a.taxes && b.taxes && !(a.taxes & b.taxes)) keep *= FACET_PENALTY;
  if (a.objects && b.objects && !(a.objects & b.objects)) keep *= FACET_PENALTY;
  if (a.procedures && b.procedures && !(a.procedures & b.procedures)) keep *= FACET_PENALTY;
  if (a.problems && b.problems && !(a.problems & b.problems)) keep *= FACET_PENALTY;
  return keep;
}

/** Chosen on nlp/corpus/repeat-pairs.tsv. */
export const FACET_PENALTY = 0.6;
