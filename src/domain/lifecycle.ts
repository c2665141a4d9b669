// Pure functions that move a case through the SOP stages. They never mutate their input: the caller commits the
// returned case and event together, or nothing at all.
import type { Actor, CaseEvent, CaseRecord, PtpRound } from './case.js';
import { withCurrentRound } from './ptp.js';
import { canMove, DEFAULT_STANDARD_MINUTES, IllegalTransitionError, type Resolution, type Stage } from './stages.js';

/** Computes when the work at a stage is due. The default counts plain minutes; the scheduler swaps in office hours. */
export interface DuePolicy {
  dueAt(stage: Stage, enteredAt: number): number | undefined;
}

export function plainMinutesPolicy(minutes: Partial<Record<Stage, number>> = DEFAULT_STANDARD_MINUTES): DuePolicy {
  return {
    dueAt(stage, enteredAt) {
      const m = minutes[stage];
      return m === undefined ? undefined : enteredAt + m * 60_000;
    },
  };
}

export interface MoveContext {
  now: number;
  actor: Actor;
  action: string;
  detail?: string;
  policy: DuePolicy;
  resolution?: Resolution;
}

/** Moves a case to `to`, or throws IllegalTransitionError (and nothing changes). */
export function moveCase(c: CaseRecord, to: Stage, ctx: MoveContext): { next: CaseRecord; event: CaseEvent } {
  if (c.kind !== 'complaint' && to !== 'closed' && to !== 'archived') {
    throw new IllegalTransitionError(c.stage, to, `only complaints are worked through the SOP (this is ${c.kind})`);
  }
  if (!canMove(c.stage, to)) throw new IllegalTransitionError(c.stage, to);
  const stageTimes = { ...c.stageTimes };
  const current = stageTimes[c.stage];
  if (current) stageTimes[c.stage] = { ...current, leftAt: ctx.now };
  const dueAt = ctx.policy.dueAt(to, ctx.now);
  stageTimes[to] = dueAt === undefined ? { enteredAt: ctx.now } : { enteredAt: ctx.now, dueAt };
  const reopening = (c.stage === 'awaiting_confirmation' || c.stage === 'closed') && to === 'root_cause';
  const next: CaseRecord = {
    ...c,
    stage: to,
    stageTimes,
    dueAt,
    updatedAt: ctx.now,
    ptp: roundsAfterMove(c, to, ctx),
    reopenCount: reopening ? c.reopenCount + 1 : c.reopenCount,
    resolution: to === 'closed' ? (ctx.resolution ?? 'satisfied') : to === 'archived' ? c.resolution : undefined,
    closedAt: to === 'closed' ? ctx.now : to === 'archived' ? c.closedAt : undefined,
  };
  const event: CaseEvent = {
    ticket: c.ticket,
    at: ctx.now,
    actor: ctx.actor,
    action: ctx.action,
    fromStage: c.stage,
    toStage: to,
    ...(ctx.detail !== undefined ? { detail: ctx.detail } : {}),
  };
  return { next, event };
}

/**
 * The PTP rounds after a move: the citizen's answer to the closure question ends the current round; a reopen
 * (not satisfied, or the problem came back after closing) opens the next round with the citizen's reason.
 */
function roundsAfterMove(c: CaseRecord, to: Stage, ctx: MoveContext): PtpRound[] {
  const at = ctx.now;
  const reason = ctx.detail ? { reason: ctx.detail } : {};
  if (c.stage === 'awaiting_confirmation' && to === 'closed') {
    const r = ctx.resolution ?? 'satisfied';
    if (r !== 'satisfied' && r !== 'no_response') return c.ptp;
    return withCurrentRound(c, { citizenAnswer: { at, answer: r } });
  }
  if ((c.stage === 'awaiting_confirmation' || c.stage === 'closed') && to === 'root_cause') {
    const ended = withCurrentRound(
      c,
      c.stage === 'closed' ? { cameBackAt: at } : { citizenAnswer: { at, answer: 'not_satisfied', ...reason } },
    );
    return [...ended, { openedAt: at, ...(ctx.detail ? { reopenReason: ctx.detail } : {}), verifications: [] }];
  }
  return c.ptp;
}

/** An event that records something without moving the stage (notes, refusals, relays). */
export function noteEvent(c: CaseRecord, now: number, actor: Actor, action: string, detail?: string): CaseEvent {
  return {
    ticket: c.ticket,
    at: now,
    actor,
    action,
    fromStage: c.stage,
    toStage: c.stage,
    ...(detail !== undefined ? { detail } : {}),
  };
}
