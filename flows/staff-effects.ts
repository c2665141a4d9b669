// What staff actions do to a citizen's conversation. The staff flow (flows/staff/) calls these; the citizens' flows
// own what they mean (the `flows` helper owns their insides; keep the signatures).
import type { Choice } from '../src/domain/messages.js';
import { suspendIntake } from './intake.js';
import type { ConversationState } from './state.js';

/**
 * Staff told the citizen the result of `ticket` and asked "satisfied / not satisfied" (SOP step 13) with `offered`
 * as the choices. A complaint the citizen is half-way through writing is put aside and resumed after the answer.
 */
export function closureAsked(
  state: ConversationState,
  ticket: string,
  offered: Choice[],
  now: number,
): ConversationState {
  // A question about which case they meant, or a nonsense count from an earlier question, no longer applies.
  return {
    ...suspendIntake(state),
    mode: 'confirm',
    ticket,
    offered,
    askedAt: now,
    remindedAt: undefined,
    retries: undefined,
    pendingCase: undefined,
  };
}

/**
 * Staff wrote to the citizen about `ticket`: the citizen's next words go to that case's staff thread, unless the
 * citizen is answering a question (intake, closure, rating), which is kept.
 */
export function threadOpened(state: ConversationState, ticket: string): ConversationState {
  return state.mode === 'idle' || state.mode === 'thread'
    ? { ...state, mode: 'thread', ticket, askedAt: undefined }
    : state;
}
