// "Over the standard time", defined once. The digest's text and chart, the case card, `cases list` and the export all
// ask these functions (and the report queries implement exactly them), so supervisors read one truth.
//
// A stage is over its standard time when it was not done by its due time: (leftAt, or now while it runs) >= dueAt.
// Two views of it:
//  (a) stages that passed their due time in a period: the due time falls in [from, to) and the stage was not left
//      before it (whether the case is still there or moved on late);
//  (b) cases open past due now: the stage a complaint is at now is over its standard time.
// Only the clocked stages count: the staff's work (SOP steps 1-12), not the citizen's answer (step 13) or archiving.
// A stage visited twice (a reopened case) keeps the times of its latest visit in the case record.
import type { CaseRecord, StageTime } from './case.js';
import { STAGES, type Stage } from './stages.js';

/** Stages whose standard time is the staff's to meet (not the citizen's answer, not after closing). */
export const CLOCKED_STAGES: readonly Stage[] = [
  'received',
  'recorded',
  'forwarded',
  'in_review',
  'root_cause',
  'action_planned',
  'in_progress',
  'verifying',
];

export function isClocked(stage: Stage): boolean {
  return CLOCKED_STAGES.includes(stage);
}

/** Whether a stage visit was (or, still running, is) not done by its due time. */
export function isOverStandard(st: StageTime | undefined, now: number): st is StageTime & { dueAt: number } {
  return st?.dueAt !== undefined && (st.leftAt ?? now) >= st.dueAt;
}

/** View (a): this stage visit passed its due time within [from, to) without being done. */
export function passedDueIn(st: StageTime | undefined, from: number, to: number, now: number): boolean {
  return isOverStandard(st, now) && st.dueAt >= from && st.dueAt < to;
}

/** View (b): a complaint open now at a clocked stage whose due time has passed. */
export function isOpenPastDue(c: Pick<CaseRecord, 'kind' | 'stage' | 'dueAt'>, now: number): boolean {
  return c.kind === 'complaint' && isClocked(c.stage) && c.dueAt !== undefined && now >= c.dueAt;
}

/** One stage of a case judged against its standard time (the export's and the printed record's rows). */
export interface StageClock {
  stage: Stage;
  enteredAt: number;
  leftAt?: number;
  dueAt?: number;
  /** True while the case is at this stage. */
  running: boolean;
  clocked: boolean;
  /** Clocked stages only: not done by the due time. */
  over: boolean;
  /** How long after the due time it was left (or is now), in ms; 0 when on time. */
  lateMs: number;
}

/** Every stage the case has a time for, in SOP order. */
export function stageClocks(c: Pick<CaseRecord, 'stage' | 'stageTimes'>, now: number): StageClock[] {
  const out: StageClock[] = [];
  for (const stage of STAGES) {
    const st = c.stageTimes[stage];
    if (!st) continue;
    const clocked = isClocked(stage);
    const over = clocked && isOverStandard(st, now);
    out.push({
      stage,
      enteredAt: st.enteredAt,
      ...(st.leftAt !== undefined ? { leftAt: st.leftAt } : {}),
      ...(st.dueAt !== undefined ? { dueAt: st.dueAt } : {}),
      running: c.stage === stage && st.leftAt === undefined,
      clocked,
      over,
      lateMs: over && st.dueAt !== undefined ? Math.max(0, (st.leftAt ?? now) - st.dueAt) : 0,
    });
  }
  return out;
}
