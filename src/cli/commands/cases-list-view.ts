// What `cases list` prints: a header row, one line per case (contacts and personal data masked) and, when the limit
// cut the list short, how many more cases match. "Lewat batas" is the one definition of over the standard time
// (src/domain/standard-time.ts, view b), the same the digest and the card use.
import type { Agency } from '../../domain/agency.js';
import type { CaseRecord } from '../../domain/case.js';
import { formatTime } from '../../domain/case-card.js';
import { staffStageLabel } from '../../domain/labels-id.js';
import { isOpenPastDue } from '../../domain/standard-time.js';
import { maskPersonalData } from '../../../nlp/pii.js';

const WIDTHS = { ticket: 14, received: 22, stage: 26, division: 22, late: 12 };

/**
 * A division as a column can hold it: the abbreviation staff use when the name carries one ("… (PBB-P2)"),
 * else the name cut to the column; the id when the profile no longer knows the division.
 */
export function divisionColumn(agency: Agency | undefined, id: string): string {
  const name = agency?.divisions.find((d) => d.id === id)?.name;
  if (!name) return id;
  const abbreviation = /\(([^()]{2,20})\)\s*$/.exec(name)?.[1];
  if (abbreviation) return abbreviation;
  return name.length > WIDTHS.division - 1 ? `${name.slice(0, WIDTHS.division - 2)}…` : name;
}

/** The lines to print for `rows` out of `total` matching cases, judged at `now`, divisions named from `agency`. */
export function caseListLines(rows: readonly CaseRecord[], total: number, now: number, agency?: Agency): string[] {
  if (rows.length === 0) return ['Tidak ada kasus yang cocok. (No cases.)'];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < cells.length - 1 ? c.padEnd(Object.values(WIDTHS)[i] ?? 0) : c))
      .join(' ')
      .trimEnd();
  const out = [line(['TIKET', 'DITERIMA', 'TAHAP', 'BIDANG', 'LEWAT BATAS', 'ISI (DISAMARKAN)'])];
  for (const c of rows) {
    out.push(
      line([
        c.ticket,
        formatTime(c.createdAt),
        staffStageLabel(c.stage),
        divisionColumn(agency, c.division),
        isOpenPastDue(c, now) ? 'ya' : '-',
        maskPersonalData(c.text).replace(/\s+/g, ' ').slice(0, 60),
      ]),
    );
  }
  const more = total - rows.length;
  out.push(
    more > 0
      ? `${rows.length} dari ${total.toLocaleString('id-ID')} kasus yang cocok ditampilkan; ${more.toLocaleString('id-ID')} lagi tidak ditampilkan (pakai --limit N atau --search KATA).`
      : `${rows.length} kasus.`,
  );
  return out;
}
