// Ticket lookups by a citizen, rate-limited (issue 11): tickets cannot be guessed (40 random bits), but answering
// hundreds of guesses an hour is still a probe. After LOOKUP_LIMIT misses within an hour the citizen is asked to
// wait; every refusal is counted for the health report. The count lives in the conversation state.
import type { CaseRecord } from '../src/domain/case.js';
import { ownCase, result, type FlowContext, type FlowResult, type Reply } from './context.js';
import type { ConversationState } from './state.js';
import { t } from './texts.js';

export const LOOKUP_LIMIT = 10;
export const LOOKUP_WINDOW_MS = 3_600_000;

/** Counter names the inbound pipeline adds to the service's metrics. */
export const COUNTERS = {
  lookupMissed: 'ticket_lookup_missed',
  lookupRefused: 'ticket_lookup_refused',
} as const;

export type Lookup =
  | { found: CaseRecord; state: ConversationState }
  /** Not the citizen's (or no such ticket): answered as missing, or refused when over the limit. */
  | { found: null; state: ConversationState; out: FlowResult };

function windowOf(state: ConversationState, now: number): NonNullable<ConversationState['lookups']> {
  const l = state.lookups;
  return l && now - l.since < LOOKUP_WINDOW_MS ? l : { since: now, misses: 0, refused: 0 };
}

/** Whether this citizen has used up their wrong-ticket lookups for the hour. */
export function lookupsExhausted(state: ConversationState, now: number): boolean {
  return windowOf(state, now).misses >= LOOKUP_LIMIT;
}

/**
 * The citizen's own case `ticket`. Another citizen's ticket is answered exactly like one that does not exist, and
 * both count as a miss; over the limit the lookup is not made at all.
 */
export async function lookupOwnCase(
  state: ConversationState,
  ticket: string,
  ctx: FlowContext,
  replies: Reply[],
): Promise<Lookup> {
  const lang = state.language;
  const l = windowOf(state, ctx.now);
  if (l.misses >= LOOKUP_LIMIT) {
    const next = { ...state, lookups: { ...l, refused: l.refused + 1 } };
    const minutes = Math.max(1, Math.ceil((l.since + LOOKUP_WINDOW_MS - ctx.now) / 60_000));
    replies.push({ text: t(lang, 'lookupsLimited', { minutes }) });
    return { found: null, state: next, out: { ...result(next, replies), counters: { [COUNTERS.lookupRefused]: 1 } } };
  }
  const c = await ownCase(ctx, ticket);
  if (c) return { found: c, state };
  const next = { ...state, lookups: { ...l, misses: l.misses + 1 } };
  replies.push({ text: t(lang, 'notFound', { ticket }) });
  return { found: null, state: next, out: { ...result(next, replies), counters: { [COUNTERS.lookupMissed]: 1 } } };
}
