// SOP step 7: the cause of the complaint, written into the current PTP round. From "action planned" it goes back
// to the cause (the plan was wrong); at the cause stage it may be rewritten.
import { noteEvent } from '../../../src/domain/lifecycle.js';
import { withCurrentRound } from '../../../src/domain/ptp.js';
import { IllegalTransitionError } from '../../../src/domain/stages.js';
import { move } from './common.js';
import { requireText, type Planner } from './types.js';

export const planRootCause: Planner<{ type: 'root_cause'; text: string }> = (c, a, ctx) => {
  const text = requireText(a.text, 'akar masalah');
  if (!['in_review', 'action_planned', 'root_cause'].includes(c.stage)) {
    throw new IllegalTransitionError(c.stage, 'root_cause');
  }
  const moved = c.stage === 'root_cause' ? null : move(c, 'root_cause', 'root_cause', ctx, text);
  const base = moved ? moved.next : { ...c, updatedAt: ctx.now };
  const record = { ...base, ptp: withCurrentRound(base, { rootCause: text }) };
  const event = moved ? moved.event : noteEvent(c, ctx.now, ctx.actor, 'root cause', text);
  return { record, events: [event], outbox: [], message: `${c.ticket}: akar masalah dicatat.` };
};
