// Status by ticket, "my cases", withdrawing a case. A citizen sees only cases opened from their own identity;
// another citizen's ticket gets exactly the answer of a ticket that does not exist (and counts as a miss).
import type { CaseRecord } from '../src/domain/case.js';
import { formatTime } from '../src/domain/case-card.js';
import { moveCase } from '../src/domain/lifecycle.js';
import { isOpen, STAGE_LABELS } from '../src/domain/stages.js';
import { findTicketInText, parseTicket } from '../src/domain/ticket.js';
import { result, type FlowContext, type FlowResult, type Reply } from './context.js';
import { lookupOwnCase } from './lookups.js';
import { citizenActor, staffMessage } from './record.js';
import type { ConversationState } from './state.js';
import { t } from './texts.js';

/** `/status <ticket>` or a status question naming a ticket. */
export async function showStatus(
  state: ConversationState,
  args: string,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult> {
  const lang = state.language;
  const ticket = parseTicket(args) ?? findTicketInText(args);
  if (!ticket) {
    replies.push({
      text: args.trim() ? t(lang, 'notFound', { ticket: args.trim().slice(0, 20) }) : t(lang, 'statusUsage'),
    });
    return result(state, replies);
  }
  const found = await lookupOwnCase(state, ticket, ctx, replies);
  if (!found.found) return found.out;
  replies.push({ text: statusLine(state, found.found) });
  return result(found.state, replies);
}

/** One line about a case: ticket, date, stage, and what the citizen may need to know. */
export function statusLine(state: ConversationState, c: CaseRecord): string {
  const lang = state.language;
  let extra = '';
  if (c.stage === 'awaiting_confirmation')
    extra = lang === 'id' ? ' Mohon jawab pertanyaan kepuasan kami.' : ' Please answer our satisfaction question.';
  return t(lang, 'statusLine', {
    ticket: c.ticket,
    date: formatTime(c.createdAt),
    stage: STAGE_LABELS[c.stage][lang],
    extra,
  });
}

/** "Gimana aduan saya?" without a ticket: the one open case, or the list when there are several. */
export async function statusOfMine(state: ConversationState, ctx: FlowContext, replies: Reply[]): Promise<FlowResult> {
  const mine = (await ctx.casesOf(ctx.citizenKey, 20)).filter((c) => c.kind === 'complaint' || c.request);
  const open = mine.filter((c) => isOpen(c.stage));
  const recent = state.recent ? mine.find((c) => c.ticket === state.recent?.ticket) : undefined;
  const one = open.length === 1 ? open[0] : open.length === 0 && mine.length === 1 ? mine[0] : recent;
  if (one) {
    replies.push({ text: statusLine(state, one) });
    return result(state, replies);
  }
  return listMyCases(state, ctx, replies);
}

export async function listMyCases(state: ConversationState, ctx: FlowContext, replies: Reply[]): Promise<FlowResult> {
  const lang = state.language;
  const cases = (await ctx.casesOf(ctx.citizenKey, 20)).filter((c) => c.kind === 'complaint').slice(0, 10);
  if (cases.length === 0) {
    replies.push({ text: t(lang, 'noCases') });
    return result(state, replies);
  }
  const lines = cases.map((c) => `• ${c.ticket} (${formatTime(c.createdAt)}): ${STAGE_LABELS[c.stage][lang]}`);
  replies.push({ text: `${t(lang, 'casesHeader')}\n${lines.join('\n')}` });
  return result(state, replies);
}

/** `/batal <ticket>`: the citizen withdraws their own open case. */
export async function withdraw(
  state: ConversationState,
  ticket: string,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult> {
  const found = await lookupOwnCase(state, ticket, ctx, replies);
  if (!found.found) return found.out;
  return withdrawCase(found.state, found.found, ctx, replies);
}

/** Withdraws a case already known to be the citizen's. */
export function withdrawCase(state: ConversationState, c: CaseRecord, ctx: FlowContext, replies: Reply[]): FlowResult {
  const lang = state.language;
  if (!isOpen(c.stage)) {
    replies.push({ text: t(lang, 'cannotWithdraw', { ticket: c.ticket }) });
    return result(state, replies);
  }
  const { next, event } = moveCase(c, 'closed', {
    now: ctx.now,
    actor: citizenActor(ctx),
    action: 'withdrawn by citizen',
    policy: ctx.duePolicy,
    resolution: 'withdrawn',
  });
  replies.push({ text: t(lang, 'withdrawn', { ticket: c.ticket }) });
  const keep =
    state.ticket === c.ticket ? { ...state, mode: 'idle' as const, ticket: undefined, offered: undefined } : state;
  return {
    state: { ...keep, recent: undefined },
    replies,
    cases: [{ record: next, expectedVersion: c.version }],
    events: [event],
    notify: [staffMessage(next, ctx, 'case-update', `${c.ticket}: ditarik oleh warga; kasus ditutup.`)],
  };
}
