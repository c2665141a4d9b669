// Status by ticket, "my cases", withdrawing a case. A citizen sees only cases opened from their own identity;
// another citizen's ticket gets exactly the answer of a ticket that does not exist.
import { formatTime } from '../src/domain/case-card.js';
import { moveCase } from '../src/domain/lifecycle.js';
import { isOpen, STAGE_LABELS } from '../src/domain/stages.js';
import { findTicketInText, parseTicket } from '../src/domain/ticket.js';
import { ownCase, result, type FlowContext, type FlowResult, type Reply } from './context.js';
import { staffMessage } from './record.js';
import type { ConversationState } from './state.js';
import { t } from './texts.js';

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
  const c = await ownCase(ctx, ticket);
  if (!c) {
    replies.push({ text: t(lang, 'notFound', { ticket }) });
    return result(state, replies);
  }
  let extra = '';
  if (c.stage === 'awaiting_confirmation')
    extra = lang === 'id' ? ' Mohon jawab pertanyaan kepuasan kami.' : ' Please answer our satisfaction question.';
  replies.push({
    text: t(lang, 'statusLine', {
      ticket: c.ticket,
      date: formatTime(c.createdAt),
      stage: STAGE_LABELS[c.stage][lang],
      extra,
    }),
  });
  return result(state, replies);
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

export async function withdraw(
  state: ConversationState,
  ticket: string,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult> {
  const lang = state.language;
  const c = await ownCase(ctx, ticket);
  if (!c) {
    replies.push({ text: t(lang, 'notFound', { ticket }) });
    return result(state, replies);
  }
  if (!isOpen(c.stage)) {
    replies.push({ text: t(lang, 'cannotWithdraw', { ticket }) });
    return result(state, replies);
  }
  const { next, event } = moveCase(c, 'closed', {
    now: ctx.now,
    actor: { kind: 'citizen', id: ctx.citizenKey },
    action: 'withdrawn by citizen',
    policy: ctx.duePolicy,
    resolution: 'withdrawn',
  });
  replies.push({ text: t(lang, 'withdrawn', { ticket }) });
  const keep =
    state.ticket === ticket ? { ...state, mode: 'idle' as const, ticket: undefined, offered: undefined } : state;
  return {
    state: keep,
    replies,
    cases: [{ record: next, expectedVersion: c.version }],
    events: [event],
    notify: [staffMessage(next, ctx, 'case-update', `${c.ticket}: ditarik oleh warga; kasus ditutup.`)],
  };
}
