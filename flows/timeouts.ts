// The citizen's side of time passing, as plain functions the scheduler's jobs call: a complaint left half-way gets
// one reminder and is then recorded with what it has; the closure question unanswered gets a reminder and then the
// case closes as "no response"; weeks after closing, a short check asks whether the problem stayed solved.
import type { CaseRecord } from '../src/domain/case.js';
import { moveCase, noteEvent } from '../src/domain/lifecycle.js';
import { REPORT_ACTIONS } from '../src/store/reports.js';
import { closureChoices, followupChoices } from './closure.js';
import { result, type FlowContext, type FlowResult } from './context.js';
import { staffMessage } from './record.js';
import { finish, resumeOrIdle } from './intake.js';
import type { ConversationState } from './state.js';
import { t } from './texts.js';

export interface TimeoutSettings {
  intakeReminderMs: number;
  /** Counted from the reminder, and from the citizen's last message. */
  intakeGiveUpMs: number;
  confirmReminderMs: number;
  confirmCloseMs: number;
  followupAfterMs: number;
}

const SCHEDULER = { kind: 'system', id: 'scheduler', name: 'Aduan' } as const;

/** What a conversation in the middle of an intake needs now: one reminder, then recording, else nothing. */
export function intakeStep(state: ConversationState, now: number, s: TimeoutSettings): 'remind' | 'record' | null {
  if (state.mode !== 'intake' || !state.draft) return null;
  const quiet = now - state.lastActivityAt;
  const reminded = state.draft.remindedAt;
  if (reminded === undefined) return quiet >= s.intakeReminderMs ? 'remind' : null;
  return now - reminded >= s.intakeGiveUpMs && quiet >= s.intakeGiveUpMs ? 'record' : null;
}

/** The one reminder of a half-way intake; the question still open keeps its choices ("Lewati"). */
export function remindIntake(state: ConversationState, now: number): FlowResult {
  const draft = state.draft;
  if (!draft) return result(state);
  const reply = state.offered
    ? { text: t(state.language, 'intakeReminder'), choices: state.offered }
    : { text: t(state.language, 'intakeReminder') };
  return result({ ...state, draft: { ...draft, remindedAt: now } }, [reply]);
}

/** Records a half-way complaint with what it has (SOP steps 2-5 as usual), or drops one that has no text yet. */
export function giveUpIntake(state: ConversationState, ctx: FlowContext): FlowResult {
  const draft = state.draft;
  if (!draft || draft.text.trim() === '') {
    const idle: ConversationState = { ...state, mode: 'idle', draft: undefined, offered: undefined };
    return result(idle, [{ text: t(state.language, 'intakeDropped') }]);
  }
  return finish(state, draft, ctx, [], 'intakeRecordedAnyway');
}

/** Whether the citizen can be asked something about `ticket` now without cutting into another question. */
export function canAsk(state: ConversationState, ticket: string): boolean {
  if (state.mode === 'idle' || state.mode === 'thread') return true;
  return (state.mode === 'confirm' || state.mode === 'followup') && state.ticket === ticket;
}

/** The closure question (SOP step 13): a reminder after a few days, closing as "no response" after more. */
export function closureStep(
  c: CaseRecord,
  now: number,
  s: TimeoutSettings,
  reminded: boolean,
): 'remind' | 'close' | null {
  const asked = c.stageTimes.awaiting_confirmation?.enteredAt;
  if (c.stage !== 'awaiting_confirmation' || asked === undefined) return null;
  if (now - asked >= s.confirmCloseMs) return 'close';
  if (!reminded && now - asked >= s.confirmReminderMs) return 'remind';
  return null;
}

/** Asks the closure question again; the conversation waits for its answer. */
export function remindClosure(state: ConversationState, c: CaseRecord, now: number): FlowResult {
  const offered = closureChoices(state.language);
  const next: ConversationState = {
    ...state,
    mode: 'confirm',
    ticket: c.ticket,
    offered,
    remindedAt: now,
    askedAt: state.askedAt ?? now,
  };
  const out = result(next, [{ text: t(state.language, 'closureReminder', { ticket: c.ticket }), choices: offered }]);
  out.events.push(noteEvent(c, now, SCHEDULER, REPORT_ACTIONS.closureReminder));
  return out;
}

/** Closes a case whose closure question went unanswered, tells the citizen and the staff thread. */
export function closeUnanswered(
  state: ConversationState,
  c: CaseRecord,
  ctx: Pick<FlowContext, 'now' | 'duePolicy' | 'agency'>,
  days: number,
): FlowResult {
  const { next, event } = moveCase(c, 'closed', {
    now: ctx.now,
    actor: SCHEDULER,
    action: REPORT_ACTIONS.noResponse,
    policy: ctx.duePolicy,
    resolution: 'no_response',
    detail: `no answer to the closure question for ${days} days`,
  });
  const waiting = (state.mode === 'confirm' || state.mode === 'confirm_reason') && state.ticket === c.ticket;
  const replies = [{ text: t(state.language, 'closedNoResponse', { ticket: c.ticket, days }) }];
  // A complaint the citizen put aside for the closure question comes back (and its open question is asked again).
  const nextState = waiting ? resumeOrIdle(state, replies) : state;
  return {
    state: nextState,
    replies,
    cases: [{ record: next, expectedVersion: c.version }],
    events: [event],
    notify: [
      staffMessage(
        next,
        ctx,
        'case-update',
        `${c.ticket}: warga tidak menjawab pertanyaan kepuasan selama ${days} hari; kasus ditutup (tanpa jawaban).`,
      ),
    ],
  };
}

/** Whether a closed complaint is due for the follow-up check (once, some weeks after a real closure). */
export function followupDue(c: CaseRecord, now: number, s: TimeoutSettings): boolean {
  if (c.kind !== 'complaint' || c.stage !== 'closed' || c.closedAt === undefined) return false;
  if (c.resolution !== 'satisfied' && c.resolution !== 'no_response') return false;
  if (c.satisfaction.some((a) => a.round === 'follow-up' && a.at >= (c.closedAt ?? 0))) return false;
  return now - c.closedAt >= s.followupAfterMs;
}

/** Asks whether the problem stayed solved; "no" reopens the case at the root cause (flows/closure.ts). */
export function askFollowup(state: ConversationState, c: CaseRecord, now: number): FlowResult {
  const offered = followupChoices(state.language);
  const next: ConversationState = {
    ...state,
    mode: 'followup',
    ticket: c.ticket,
    offered,
    askedAt: now,
    remindedAt: undefined,
  };
  const out = result(next, [{ text: t(state.language, 'followupQuestion', { ticket: c.ticket }), choices: offered }]);
  out.events.push(noteEvent(c, now, SCHEDULER, REPORT_ACTIONS.followupAsked));
  return out;
}
