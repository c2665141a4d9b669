// The counts of an export (the spreadsheet's "Ringkasan" sheet and the command's closing line), gathered case by case
// as the export streams, so they always describe exactly the rows written.
import { STAGES } from '../domain/stages.js';
import { staffStageLabel } from '../domain/labels-id.js';
import type { CaseView } from './case-view.js';

export interface SummarySection {
  title: string;
  rows: Array<[string, number | string]>;
}

export class ExportSummary {
  cases = 0;
  rounds = 0;
  private readonly kinds = new Map<string, number>();
  private readonly channels = new Map<string, number>();
  private readonly stagesNow = new Map<string, number>();
  private readonly divisions = new Map<string, number>();
  private readonly overByStage = new Map<string, number>();
  private overStages = 0;
  private casesWithOver = 0;
  private openPastDue = 0;
  private reopened = 0;
  private integrity = 0;
  private repeats = 0;
  private readonly answers = new Map<string, number>();
  private ratings = 0;
  private ratingSum = 0;

  add(v: CaseView): void {
    this.cases += 1;
    this.rounds += v.rounds.length;
    bump(this.kinds, v.kind);
    bump(this.channels, v.channel);
    bump(this.stagesNow, v.stage);
    bump(this.divisions, v.divisionName);
    const over = v.stages.filter((s) => s.over);
    for (const s of over) bump(this.overByStage, s.stage);
    this.overStages += over.length;
    if (over.length) this.casesWithOver += 1;
    if (v.openPastDue) this.openPastDue += 1;
    if (v.reopenCount > 0) this.reopened += 1;
    if (v.integrity) this.integrity += 1;
    if (v.repeatOf) this.repeats += 1;
    for (const r of v.rounds) if (r.answer) bump(this.answers, r.answer);
    if (v.rating !== undefined) {
      this.ratings += 1;
      this.ratingSum += v.rating;
    }
  }

  /** The counts in sections, in a fixed order (stages in SOP order, the rest largest first then by name). */
  sections(unit: string): SummarySection[] {
    const stageRows = (m: Map<string, number>) =>
      STAGES.filter((s) => m.has(s)).map((s): [string, number] => [staffStageLabel(s), m.get(s) ?? 0]);
    return [
      {
        title: 'Jumlah',
        rows: [
          ['Kasus dalam ekspor', this.cases],
          ['Putaran PTP', this.rounds],
          ['Aduan berulang (merujuk aduan sebelumnya)', this.repeats],
          ['Ditandai integritas (pungli/suap)', this.integrity],
          ['Dibuka kembali (minimal sekali)', this.reopened],
        ],
      },
      { title: 'Per jenis', rows: sorted(this.kinds) },
      { title: 'Per kanal', rows: sorted(this.channels) },
      { title: 'Per bidang', rows: sorted(this.divisions) },
      { title: 'Tahap sekarang', rows: stageRows(this.stagesNow) },
      {
        title: `Waktu standar SOP (dihitung dalam ${unit})`,
        rows: [
          ['Tahap yang tidak selesai sebelum batas waktunya', this.overStages],
          ['Kasus dengan minimal satu tahap melewati waktu standar', this.casesWithOver],
          ['Aduan terbuka yang sekarang lewat batas waktu tahapnya', this.openPastDue],
          ...stageRows(this.overByStage).map(([s, n]): [string, number] => [`  tahap ${s}`, n]),
        ],
      },
      {
        title: 'Jawaban warga (per putaran)',
        rows: [
          ...sorted(this.answers),
          ['Penilaian diberikan', this.ratings],
          ['Nilai rata-rata (1-5)', this.ratings ? Math.round((this.ratingSum / this.ratings) * 10) / 10 : '–'],
        ],
      },
    ];
  }
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

function sorted(m: Map<string, number>): Array<[string, number]> {
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
