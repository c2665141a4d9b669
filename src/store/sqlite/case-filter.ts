// The WHERE clause of a CaseQuery over the cases table: the same rules as SqliteStore.listCases (stage, open, kind,
// citizen, division, every search word), so `cases list` can say how many cases it did not show.
import { OPEN_STAGES } from '../../domain/stages.js';
import type { CaseQuery } from '../port.js';

/** "WHERE …" (or '') and its parameters, in order. */
export function casesWhere(q: CaseQuery): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.stage) {
    where.push('stage = ?');
    params.push(q.stage);
  }
  if (q.open) where.push(`stage IN (${OPEN_STAGES.map((s) => `'${s}'`).join(',')})`);
  if (q.kind) {
    where.push('kind = ?');
    params.push(q.kind);
  }
  if (q.citizenKey) {
    where.push('citizen_key = ?');
    params.push(q.citizenKey);
  }
  if (q.division) {
    where.push('division = ?');
    params.push(q.division);
  }
  for (const word of (q.search ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    where.push("search_text LIKE ? ESCAPE '\\'");
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}
