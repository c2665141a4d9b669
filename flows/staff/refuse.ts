// Refusals: the reason goes back to the sender and, when there is a case, into its event log (who tried what and
// why it was refused). Nothing else is written.
import type { Actor, CaseRecord } from '../../src/domain/case.js';
import { noteEvent } from '../../src/domain/lifecycle.js';
import { answer, notice, type StaffContext, type StaffResult } from './context.js';
import type { StaffState } from './state.js';

export interface Refusal {
  /** What was tried ("take", "message", "button"). */
  what: string;
  reason: string;
  /** Said to the sender; absent: only the event is written (and the toast, for a button). */
  say?: string;
  toast?: string;
}

/** A refused attempt on `c` (or with no case): logged on the case, answered as the refusal says. */
export function refuse(
  state: StaffState,
  c: CaseRecord | null,
  who: Actor,
  r: Refusal,
  ctx: Pick<StaffContext, 'now'>,
): StaffResult {
  const out = answer(state, r.say ? [notice(r.say, c?.ticket)] : [], r.toast);
  if (c) out.events.push(noteEvent(c, ctx.now, who, `refused: ${r.what}`, r.reason));
  return out;
}

/** The actor written on a case's log when someone who is not staff tries to act. */
export function outsiderActor(surface: string, sender: { id: string; name?: string } | null, what: string): Actor {
  return {
    kind: 'system',
    id: sender ? `${surface}:${sender.id}` : `${surface}:unknown`,
    name: `${what}${sender ? ` (${surface} ${sender.id})` : ''}`,
  };
}
