// Taking a case: who holds it is on the card. Taking a case someone else holds is asked first (the flow asks; the
// planner only takes over when told so).
import { noteEvent } from '../../../src/domain/lifecycle.js';
import { isOpen } from '../../../src/domain/stages.js';
import { ActionError, type Planner } from './types.js';

export const planTake: Planner<{ type: 'take'; takeOver?: boolean }> = (c, a, ctx) => {
  if (!isOpen(c.stage)) throw new ActionError('kasus sudah ditutup');
  if (heldBy(c) === ctx.actor.id) throw new ActionError('kasus ini sudah Anda pegang');
  const previous = c.assignee;
  if (previous && !a.takeOver) throw new ActionError(`kasus ini dipegang ${previous}`);
  const record = { ...c, assignee: ctx.actor.name, assigneeId: ctx.actor.id, updatedAt: ctx.now };
  const detail = previous ? `${previous} → ${ctx.actor.name}` : ctx.actor.name;
  return {
    record,
    events: [noteEvent(c, ctx.now, ctx.actor, previous ? 'take over' : 'take', detail)],
    outbox: [],
    message: previous
      ? `${c.ticket} diambil alih oleh ${ctx.actor.name} (sebelumnya ${previous}).`
      : `${c.ticket} ditangani oleh ${ctx.actor.name}.`,
  };
};

/** The actor id holding the case; a case taken before ids were kept is held by its name. */
export function heldBy(c: { assignee?: string; assigneeId?: string }): string | undefined {
  return c.assigneeId ?? c.assignee;
}
