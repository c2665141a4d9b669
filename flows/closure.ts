// SOP step 13 from the citizen's side: the answer to "are you satisfied?" read by meaning ("tidak puas, tagihan
// masih salah" is "not satisfied" with its reason), the reason when not given (the case reopens at the root cause,
// SOP step 7), the optional rating; and the follow-up check weeks after closing. A non-answer is asked once more,
// then the question is dropped without touching the case.
import type { CaseRecord } from '../src/domain/case.js';
import { moveCase } from '../src/domain/lifecycle.js';
import { REPORT_ACTIONS } from '../src/store/reports.js';
import { ownCase, result, type FlowContext, type FlowResult, type Reply } from './context.js';
import { maskPersonalData } from '../nlp/pii.js';
import { citizenActor, staffMessage } from './record.js';
import type { ConversationState } from './state.js';
import { t } from './texts.js';
import { resumeOrIdle } from './intake.js';
import type { DialogueAct } from '../nlp/types.js';
import { hasWords, wordsIn, type Turn } from './turn.js';

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

/** Acts that are something else than an answer, worth handling as a new message (a question, a status request…). */
const OTHER_BUSINESS = new Set<Turn['act']>(['question', 'status', 'suggestion', 'greeting', 'add_info', 'erase']);

// Words that only say "not satisfied" / "no": what is left after them is the reason.
const ANSWER_WORDS = new Set(
  (
    'tidak tdk tak gak ga gk g nggak ngga enggak engga ndak ora indak belum blm blom puas pus no not nope ' +
    "satisfied happy i am im i'm saya sy aku ak gue gw min kak pak bu ya yah sih deh dong kok masih"
  ).split(' '),
);

/** The reason inside an answer like "tidak puas, tagihan masih salah" (null for a bare "belum puas"). */
export function reasonIn(text: string): string | null {
  const rest = wordsIn(text.toLowerCase().replace(/[.,!?;:()"]/g, ' ')).filter((w) => !ANSWER_WORDS.has(w));
  return rest.length >= 2 ? text : null;
}

type Answer = 'yes' | 'no' | null;

const YES_ACTS: readonly DialogueAct[] = ['yes', 'thanks', 'praise'];
const NO_ACTS: readonly DialogueAct[] = ['no', 'dissatisfied', 'complaint'];

/**
 * "Yes" or "no" to a yes/no question about a case: a pressed choice, or the reading, weighing together the acts that
 * mean the same here ("makasih udah beres" is yes; "tidak, bocor lagi" is no). Sarcastic praise is a no.
 */
function answerOf(turn: Turn, choice: string | null, yes: string, no: string, threshold: number): Answer {
  if (choice === yes) return 'yes';
  if (choice === no) return 'no';
  if (choice !== null) return null;
  if (willAnswerLater(turn)) return null;
  if (NO_ACTS.includes(turn.act) && turn.act !== turn.understanding.act) return 'no';
  const scores = turn.understanding.scores;
  const mass = (acts: readonly DialogueAct[]) => acts.reduce((sum, a) => sum + (scores[a] ?? 0), 0);
  const yesMass = mass(YES_ACTS);
  const noMass = mass(NO_ACTS);
  if (noMass >= threshold && noMass > yesMass) return 'no';
  if (yesMass >= threshold && yesMass > noMass) return 'yes';
  return null;
}

// "Sy cek dl ya", "nanti saya kabari", "let me check first": the citizen will answer after checking.
const LATER =
  /\b(cek|ngecek|dicek|check|lihat|liat|periksa)\w*\s+(dl|dlu|dulu)\b|\bnanti\s+(sy\s+|saya\s+|aku\s+|ak\s+)?(kabari|kabarin|cek|jawab|lihat|liat|balas)|\bbelum sempat\s+(cek|ngecek|lihat|liat)|\b(let me|i will|i'll)\s+check\b/i;

/** A short "sy cek dl ya" (a longer message that also says how it went is read as an answer). */
function willAnswerLater(turn: Turn): boolean {
  return LATER.test(turn.text) && wordsIn(turn.text).length <= 6;
}

/**
 * Asked once more; a second non-answer drops the question (the case is left as it is). A citizen who says they will
 * check first is told to answer whenever they are ready, and the question stays open (the closure clock still runs).
 */
function notAnAnswer(
  state: ConversationState,
  turn: Turn,
  question: string,
  offered: NonNullable<ConversationState['offered']>,
  replies: Reply[],
): FlowResult | null {
  if (OTHER_BUSINESS.has(turn.act) && turn.confident) return null;
  if (willAnswerLater(turn)) {
    replies.push({ text: t(state.language, 'answerLater'), choices: offered });
    return result({ ...state, offered }, replies);
  }
  if ((state.retries ?? 0) >= 1) {
    replies.push({ text: t(state.language, 'questionDropped', { ticket: state.ticket ?? '' }) });
    return result(resumeOrIdle(state, replies), replies);
  }
  replies.push({ text: `${t(state.language, 'reask')} ${question}`, choices: offered });
  return result({ ...state, retries: 1, offered }, replies);
}

/** The answer to the closure question. */
export async function handleConfirm(
  state: ConversationState,
  turn: Turn,
  choice: string | null,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  const lang = state.language;
  const c = await ownCase(ctx, state.ticket);
  if (!c || c.stage !== 'awaiting_confirmation') return null;
  const answer = answerOf(turn, choice, 'satisfied', 'not_satisfied', ctx.nlp.clarifyThreshold);
  if (answer === 'no') {
    const reason = choice === null ? reasonIn(turn.text) : null;
    if (reason) return reopen(state, c, reason, 'closure', ctx, replies);
    replies.push({ text: t(lang, 'askReason') });
    return result({ ...state, mode: 'confirm_reason', offered: undefined, retries: 0 }, replies);
  }
  if (answer === 'yes') return satisfied(state, c, ctx, replies);
  const offered = state.offered ?? closureChoices(lang);
  return notAnAnswer(state, turn, t(lang, 'closureShort', { ticket: c.ticket }), offered, replies);
}

/** The citizen is satisfied (SOP step 13): the case closes and an optional rating is asked. */
export function satisfied(state: ConversationState, c: CaseRecord, ctx: FlowContext, replies: Reply[]): FlowResult {
  const lang = state.language;
  const { next, event } = moveCase(c, 'closed', {
    now: ctx.now,
    actor: citizenActor(ctx),
    action: REPORT_ACTIONS.satisfied,
    policy: ctx.duePolicy,
    resolution: 'satisfied',
  });
  next.satisfaction = [...c.satisfaction, { at: ctx.now, satisfied: true, round: 'closure' }];
  const offered = [1, 2, 3, 4, 5]
    .map((n) => ({ id: `rate:${n}`, label: String(n) }))
    .concat({ id: 'skip', label: t(lang, 'skip') });
  replies.push({ text: t(lang, 'askRating'), choices: offered });
  return {
    state: {
      ...state,
      mode: 'rating',
      ticket: c.ticket,
      offered,
      askedAt: undefined,
      remindedAt: undefined,
      retries: 0,
    },
    replies,
    cases: [{ record: next, expectedVersion: c.version }],
    events: [event],
    notify: [staffMessage(next, ctx, 'case-update', `${c.ticket}: warga PUAS. Kasus ditutup.`)],
  };
}

/** The reason for "not satisfied": reopens the case at the root cause. */
export async function handleReason(
  state: ConversationState,
  turn: Turn,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  const lang = state.language;
  const c = await ownCase(ctx, state.ticket);
  if (!c || c.stage !== 'awaiting_confirmation') return null;
  const text = turn.text;
  if (turn.act === 'yes' && !reasonIn(text)) return satisfied(state, c, ctx, replies);
  if (hasWords(text) && turn.act !== 'dont_know') return reopen(state, c, text, 'closure', ctx, replies);
  if (turn.act === 'dont_know' || (state.retries ?? 0) >= 1) return reopen(state, c, '', 'closure', ctx, replies);
  replies.push({ text: t(lang, 'askReason') });
  return result({ ...state, retries: 1 }, replies);
}

/** The rating after "satisfied" (optional): a digit, stars, or "lewati"; thanks end it too. */
export async function handleRating(
  state: ConversationState,
  turn: Turn,
  choice: string | null,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  const lang = state.language;
  const c = await ownCase(ctx, state.ticket);
  const text = turn.text.trim();
  const digit = /^(?:nilai\s*)?([1-5])(?:\s*\/\s*5)?[.!]?$/i.exec(text)?.[1];
  const stars = /^(?:⭐|★|🌟){1,5}$/u.test(text) ? [...text].length : null;
  const rating = choice?.startsWith('rate:') ? Number(choice.slice(5)) : digit ? Number(digit) : stars;
  const skip = choice === 'skip' || turn.act === 'dont_know' || turn.act === 'thanks' || turn.act === 'yes';
  if (!c || (rating === null && !skip)) return null;
  replies.push({ text: t(lang, 'closedThanks', { ticket: c.ticket }) });
  const done = { ...resumeOrIdle(state, replies), recent: { ticket: c.ticket, at: ctx.now } };
  if (rating === null) return result(done, replies);
  const satisfaction = [...c.satisfaction];
  const last = satisfaction.at(-1);
  if (last && last.satisfied) satisfaction[satisfaction.length - 1] = { ...last, rating };
  const next: CaseRecord = { ...c, satisfaction, updatedAt: ctx.now };
  return {
    state: done,
    replies,
    cases: [{ record: next, expectedVersion: c.version }],
    events: [
      {
        ticket: c.ticket,
        at: ctx.now,
        actor: citizenActor(ctx),
        action: REPORT_ACTIONS.rated,
        fromStage: c.stage,
        toStage: c.stage,
        detail: `${rating}/5`,
      },
    ],
    // The staff card shows the rating; nothing to post about it (ack: the card changes in place).
    notify: [{ ...staffMessage(next, ctx, 'case-update', `${c.ticket}: warga memberi nilai ${rating}/5.`), ack: true }],
  };
}

/** The answer to the follow-up check weeks after closing: "came back" reopens at the root cause. */
export async function handleFollowup(
  state: ConversationState,
  turn: Turn,
  choice: string | null,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  const lang = state.language;
  const c = await ownCase(ctx, state.ticket);
  if (!c || c.stage !== 'closed') return null;
  const answer = answerOf(turn, choice, 'solved', 'came_back', ctx.nlp.clarifyThreshold);
  if (answer === 'yes') {
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
          actor: citizenActor(ctx),
          action: REPORT_ACTIONS.stillSolved,
          fromStage: c.stage,
          toStage: c.stage,
        },
      ],
      notify: [],
    };
  }
  if (answer === 'no') {
    const reason = choice === null ? reasonIn(turn.text) : null;
    return reopen(state, c, reason ?? '', 'follow-up', ctx, replies);
  }
  return notAnAnswer(state, turn, t(lang, 'followupShort', { ticket: c.ticket }), followupChoices(lang), replies);
}

/**
 * Reopens a case at the root cause (SOP step 13 → 7), exactly as the "Belum puas" button does: the reason is
 * stored, the reopen count goes up, the staff topic is told. `round` 'closure' for an answer to the closure question,
 * 'follow-up' for a closed case whose problem came back (or was never solved).
 */
export function reopen(
  state: ConversationState,
  c: CaseRecord,
  reason: string,
  round: 'closure' | 'follow-up',
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  const { next, event } = moveCase(c, 'root_cause', {
    now: ctx.now,
    actor: citizenActor(ctx),
    action: round === 'closure' ? REPORT_ACTIONS.notSatisfied : REPORT_ACTIONS.cameBack,
    policy: ctx.duePolicy,
    ...(reason ? { detail: reason } : {}),
  });
  next.satisfaction = [...c.satisfaction, { at: ctx.now, satisfied: false, round, ...(reason ? { reason } : {}) }];
  replies.push({ text: t(state.language, 'reopened', { ticket: c.ticket }) });
  const staffText =
    `${c.ticket}: warga ${round === 'closure' ? 'BELUM PUAS' : 'melaporkan masalah BELUM BERES / MUNCUL LAGI'}` +
    `${reason ? `: "${maskPersonalData(reason)}"` : ''}. Kasus dibuka kembali ke tahap akar masalah (dibuka ulang ${next.reopenCount}×).`;
  return {
    state: { ...resumeOrIdle(state, replies), recent: { ticket: c.ticket, at: ctx.now } },
    replies,
    cases: [{ record: next, expectedVersion: c.version }],
    events: [event],
    notify: [staffMessage(next, ctx, 'case-update', staffText)],
  };
}
