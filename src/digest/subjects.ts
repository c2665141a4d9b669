// Recurring subjects for supervisors, grouped by meaning rather than by the words citizens happened to use. The
// router records a topic per complaint: a division keyword ("antrian", "tagihan pbb") or, without one, the two
// weightiest words ("tahun jl"). Here every topic becomes its content terms through the text understanding's own
// normaliser (standard forms, synonyms merged, stemmed: "antri", "antrian", "antrean" are one term), fragments
// (one- or two-letter terms, numbers) are dropped, and each topic joins the group of its division's most frequent
// term among its own. Words of the division's own name ("pajak" in "Bidang Pajak Daerah Lainnya", "bphtb") say
// nothing the division does not, so a topic is keyed by another of its terms when it has one ("pajak hotel" → hotel,
// "validasi bphtb" and "validasi sspd" → validasi). Deterministic: ties go to the alphabetically first term.
import { textTerms } from '../../nlp/text/terms.js';

export interface TopicCount {
  division: string;
  topic: string;
  count: number;
}

export interface Subject {
  division: string;
  /** The concept term the group is keyed by ('' for complaints whose topic has no usable term). */
  term: string;
  /** What supervisors read: the one or two most frequent recorded topics of the group ("antrian / antre"). */
  label: string;
  count: number;
}

/** Terms of a recorded topic that can name a subject. */
export function subjectTerms(topic: string): string[] {
  return [...new Set(textTerms(topic))].filter((t) => t.length >= 3 && !/^\d+$/.test(t));
}

/**
 * The period's topics grouped into subjects, largest first (then division, then term), at most `limit`.
 * `divisionNames` maps a division id to its name (whose words are too general to key a subject).
 */
export function recurringSubjects(
  rows: readonly TopicCount[],
  limit: number,
  divisionNames: ReadonlyMap<string, string> = new Map(),
): Subject[] {
  const general = new Map<string, Set<string>>();
  const generalOf = (division: string) => {
    let g = general.get(division);
    if (!g)
      general.set(division, (g = new Set([...textTerms(division), ...textTerms(divisionNames.get(division) ?? '')])));
    return g;
  };
  const parsed = rows.map((r) => {
    const all = subjectTerms(r.topic);
    const specific = all.filter((t) => !generalOf(r.division).has(t));
    return { ...r, terms: specific.length ? specific : all };
  });
  // How many complaints of each division carry each term: a topic joins its most common term's group.
  const weight = new Map<string, number>();
  for (const r of parsed) for (const t of r.terms) bump(weight, `${r.division}\u0000${t}`, r.count);
  const groups = new Map<string, { division: string; term: string; count: number; surfaces: Map<string, number> }>();
  for (const r of parsed) {
    let term = '';
    let best = -1;
    for (const t of [...r.terms].sort()) {
      const w = weight.get(`${r.division}\u0000${t}`) ?? 0;
      if (w > best) [term, best] = [t, w];
    }
    const key = `${r.division}\u0000${term}`;
    const g = groups.get(key) ?? { division: r.division, term, count: 0, surfaces: new Map<string, number>() };
    g.count += r.count;
    bump(g.surfaces, r.topic.trim().toLowerCase(), r.count);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ division: g.division, term: g.term, label: labelOf(g.term, g.surfaces), count: g.count }))
    .sort((a, b) => b.count - a.count || cmp(a.division, b.division) || cmp(a.term, b.term))
    .slice(0, limit);
}

function labelOf(term: string, surfaces: Map<string, number>): string {
  if (!term) return 'lainnya';
  const top = [...surfaces].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).slice(0, 2);
  return top.length ? top.map(([s]) => s).join(' / ') : term;
}

function bump(m: Map<string, number>, key: string, n: number): void {
  m.set(key, (m.get(key) ?? 0) + n);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
