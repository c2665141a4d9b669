// One planner per SOP action (each in its own file in this folder), looked up by the action's type.
import type { CaseRecord } from '../../../src/domain/case.js';
import { planAnswered, planArchive, planInvalid } from './close.js';
import { planForward } from './forward.js';
import { planInform } from './inform.js';
import { planNote, planReply } from './notes.js';
import { planPtp } from './ptp.js';
import { planRelabel } from './relabel.js';
import { planReview } from './review.js';
import { planRootCause } from './root-cause.js';
import { planTake } from './take.js';
import { planApprove, planReject } from './verify.js';
import { planDone, planStart } from './work.js';
import { planErase } from './erase.js';
import type { ActionType, Draft, PlanContext, Planner, StaffAction } from './types.js';

const PLANNERS: { [K in ActionType]: Planner<Extract<StaffAction, { type: K }>> } = {
  take: planTake,
  forward: planForward,
  review: planReview,
  root_cause: planRootCause,
  ptp: planPtp,
  start: planStart,
  done: planDone,
  approve: planApprove,
  reject: planReject,
  inform: planInform,
  relabel: planRelabel,
  note: planNote,
  invalid: planInvalid,
  reply: planReply,
  answered: planAnswered,
  archive: planArchive,
  erase: planErase,
};

/** Plans `action` on `c`; throws ActionError or IllegalTransitionError when it cannot be done (nothing changes). */
export function planAction(c: CaseRecord, action: StaffAction, ctx: PlanContext): Draft {
  const planner = PLANNERS[action.type] as Planner<StaffAction>;
  return planner(c, action, ctx);
}

export { ActionError, type ActionType, type Draft, type PlanContext, type StaffAction } from './types.js';
