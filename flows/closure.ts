// SOP step 13 from the citizen's side: the answer to "are you satisfied?", the reason when not (the case reopens
// at the root cause, SOP step 7), the optional rating; and the follow-up check weeks after closing.
import type { CaseRecord } from '../src/domain/case.js';
import { moveCase } from '../src/domain/lifecycle.js';
import { ownCase, result, type FlowContext, type FlowResult, type Reply } from './context.js';
import { staffMessage } from './record.js';
import type { ConversationState } from './state.js';
import { t } from './texts.js';
import { isSkip, resumeOrIdle } from './intake.js';

export function closureChoices(lang: ConversationState['language']) {
  return [
    { id: 'satisfied', label: t(lang, 'satisfied') },
    { id: 'not_satisfied', label: t(lang, 'notSatisfied') },
  ];
}

export function followupChoices(lang: ConversationState['language']) {
  return [
    { id: 'solved', label: t(lang, 'yes') },
    { id: 'came_back', label: t(lang, 'no') },
  ];
}

/** The answer to the closure question. */
export async function handleConfirm(
  state: ConversationState,
  choice: string | null,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  const lang = state.language;
  const c = await ownCase(ctx, state.ticket);
  if (!c || c.stage !== 'awaiting_confirmation') return null;
  if (choice === 'not_satisfied') {
    replies.push({ text: t(lang, 'askReason') });
    return result({ ...state, mode: 'confirm_reason', offered: undefined }, replies);
  }
  if (choice !== 'satisfied') {
    replies.push({ text: t(lang, 'answerChoice'), choices: state.offered ?? closureChoices(lang) });
    return result(state, replies);
  }
  const { next, event } = moveCase(c, 'closed', {
    now: ctx.now,
    actor: { kind: 'citizen', id: ctx.citizenKey },
    action: 'citizen satisfied',
    policy: ctx.duePolicy,
    resolution: 'satisfied',
  });
  next.satisfaction = [...c.satisfaction, { at: ctx.now, satisfied: true, round: 'closure' }];
  const offered = [1, 2, 3, 4, 5]
    .map((n) => ({ id: `rate:${n}`, label: String(n) }))
    .concat({ id: 'skip', label: t(lang, 'skip') });
  replies.push({ text: t(lang, 'askRating'), choices: offered });
  return {
    state: { ...state, mode: 'rating', offered, askedAt: undefined, remindedAt: undefined },
    replies,
    cases: [{ record: next, expectedVersion: c.version }],
    events: [event],
    notify: [staffMessage(next, ctx, 'case-update', `${c.ticket}: warga PUAS. Kasus ditutup.`)],
  };
}

/** The reason for "not satisfied": reopens the case at the root cause. */
export async function handleReason(
  state: ConversationState,
  text: string,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  const lang = state.language;
  const c = await ownCase(ctx, state.ticket);
  if (!c || c.stage !== 'awaiting_confirmation') return null;
  if (text === '') {
    replies.push({ text: t(lang, 'askReason') });
    return result(state, replies);
  }
  return reopen(state, c, text, 'closure', ctx, replies);
}

/** The rating after "satisfied" (optional). */
export async function handleRating(
  state: ConversationState,
  text: string,
  choice: string | null,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  const lang = state.language;
  const c = await ownCase(ctx, state.ticket);
  const digit = /^([1-5])(?:\s*\/\s*5)?$/.exec(text.trim())?.[1];
  const rating = choice?.startsWith('rate:') ? Number(choice.slice(5)) : digit ? Number(digit) : null;
  if (!c || (rating === null && choice !== 'skip' && !isSkip(text))) return null;
  replies.push({ text: t(lang, 'closedThanks', { ticket: c.ticket }) });
  if (rating === null) return result(resumeOrIdle(state, replies), replies);
  const satisfaction = [...c.satisfaction];
  const last = satisfaction.at(-1);
  if (last && last.satisfied) satisfaction[satisfaction.length - 1] = { ...last, rating };
  const next: CaseRecord = { ...c, satisfaction, updatedAt: ctx.now };
  return {
    state: resumeOrIdle(state, replies),
    replies,
    cases: [{ record: next, expectedVersion: c.version }],
    events: [
      {
        ticket: c.ticket,
        at: ctx.now,
        actor: { kind: 'citizen', id: ctx.citizenKey },
        action: 'rated',
        fromStage: c.stage,
        toStage: c.stage,
        detail: `${rating}/5`,
      },
    ],
    notify: [],
  };
}

/** The answer to the follow-up check weeks after closing: "came back" reopens at the root cause. */
export async function handleFollowup(
  state: ConversationState,
  text: string,
  choice: string | null,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  const lang = state.language;
  const c = await ownCase(ctx, state.ticket);
  if (!c || c.stage !== 'closed') return null;
  if (choice === 'solved') {
    replies.push({ text: t(lang, 'followupThanks') });
    const next: CaseRecord = {
      ...c,
      satisfaction: [...c.satisfaction, { at: ctx.now, satisfied: true, round: 'follow-up' }],
      updatedAt: ctx.now,
    };
    return {
      state: resumeOrIdle(state, replies),
      replies,
      cases: [{ record: next, expectedVersion: c.version }],
      events: [
        {
          ticket: c.ticket,
          at: ctx.now,
          actor: { kind: 'citizen', id: ctx.citizenKey },
          action: 'follow-up: still solved',
          fromStage: c.stage,
          toStage: c.stage,
        },
      ],
      notify: [],
    };
  }
  if (choice === 'came_back')
    return reopen(state, c, text && !/^\d$/.test(text) ? text : '', 'follow-up', ctx, replies);
  return null;
}

function reopen(
  state: ConversationState,
  c: CaseRecord,
  reason: string,
  round: 'closure' | 'follow-up',
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  const { next, event } = moveCase(c, 'root_cause', {
    now: ctx.now,
    actor: { kind: 'citizen', id: ctx.citizenKey },
    action: round === 'closure' ? 'citizen not satisfied: reopened' : 'problem came back: reopened',
    policy: ctx.duePolicy,
    ...(reason ? { detail: reason } : {}),
  });
  next.satisfaction = [...c.satisfaction, { at: ctx.now, satisfied: false, round, ...(reason ? { reason } : {}) }];
  replies.push({ text: t(state.language, 'reopened', { ticket: c.ticket }) });
  const staffText =
    `${c.ticket}: warga ${round === 'closure' ? 'BELUM PUAS' : 'melaporkan masalah MUNCUL LAGI'}` +
    `${reason ? `: "${reason}"` : ''}. Kasus dibuka kembali ke tahap akar masalah (dibuka ulang ${next.reopenCount}×).`;
  return {
    state: resumeOrIdle(state, replies),
    replies,
    cases: [{ record: next, expectedVersion: c.version }],
    events: [event],
    notify: [staffMessage(next, ctx, 'case-update', staffText)],
  };
}
