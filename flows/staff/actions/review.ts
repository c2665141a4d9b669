// SOP step 6: the division reviews the case; review notes may be added while it is under review.
import { noteEvent } from '../../../src/domain/lifecycle.js';
import { IllegalTransitionError } from '../../../src/domain/stages.js';
import { move } from './common.js';
import type { Planner } from './types.js';

export const planReview: Planner<{ type: 'review'; note?: string }> = (c, a, ctx) => {
  if (c.stage !== 'forwarded' && c.stage !== 'in_review') throw new IllegalTransitionError(c.stage, 'in_review');
  const moved = c.stage === 'forwarded' ? move(c, 'in_review', 'review', ctx, a.note) : null;
  const base = moved ? moved.next : { ...c, updatedAt: ctx.now };
  const record = a.note
    ? { ...base, reviewNotes: [...c.reviewNotes, { by: ctx.actor.name, at: ctx.now, text: a.note }] }
    : base;
  const event = moved ? moved.event : noteEvent(c, ctx.now, ctx.actor, 'review note', a.note);
  return { record, events: [event], outbox: [], message: `${c.ticket}: telaah dicatat.` };
};
