// View (a) of "over the standard time" (src/domain/standard-time.ts passedDueIn) as SQLite counts: complaints whose
// stage's due time falls in [from, to) and that were still at the stage then. One statement per clocked stage, each
// answered from that stage's partial index (migration step 3) alone.
import type Database from 'better-sqlite3';
import { CLOCKED_STAGES } from '../../domain/standard-time.js';
import type { Stage } from '../../domain/stages.js';

export class StageDueCounts {
  private readonly byStage = new Map<Stage, Database.Statement>();

  constructor(db: Database.Database) {
    for (const stage of CLOCKED_STAGES) {
      // The JSON paths are literals: SQLite uses an expression index only for the very same expression. INDEXED BY,
      // because without statistics the planner would rather scan every complaint through the kind index.
      const due = `json_extract(doc, '$.stageTimes.${stage}.dueAt')`;
      const left = `json_extract(doc, '$.stageTimes.${stage}.leftAt')`;
      this.byStage.set(
        stage,
        db.prepare(
          `SELECT COUNT(*) AS n FROM cases INDEXED BY report_stage_due_${stage} WHERE ${due} IS NOT NULL AND ${due} >= @from AND ${due} < @to
             AND coalesce(${left}, @now) >= ${due} AND kind = 'complaint'`,
        ),
      );
    }
  }

  /** Stages at `stage` that passed their due time in [from, to) without being done, judged at `now`. */
  count(stage: Stage, from: number, to: number, now: number): number {
    const stmt = this.byStage.get(stage);
    return stmt ? (stmt.get({ from, to, now }) as { n: number }).n : 0;
  }
}
