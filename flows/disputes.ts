// Dissatisfaction anywhere (issue 9, SOP step 13 → 7): whatever words it comes in, a citizen who is not satisfied
// with a case gets that case handled. The case is the ticket they name, else the one they most likely mean (the
// latest informed, closed, or open one), confirmed with one short question when it is not clear. Then: awaiting
// confirmation or closed within the window → reopened at the root cause; still being worked → their words go to its
// thread; withdrawn → reopened or linked as the agency profile says; archived or closed long ago → a new complaint
// linked to it. Details for a case ("tambahan keterangan") and withdrawing in words find their case the same way.
import type { CaseRecord } from '../src/domain/case.js';
import type { Attachment } from '../src/domain/messages.js';
import { isOpen } from '../src/domain/stages.js';
import { DEFAULT_REOPEN_WINDOW_MS, ownCase, result, type FlowContext, type FlowResult, type Reply } from './context.js';
import { addInfo, dissatisfiedWhileOpen } from './add-info.js';
import { reopen } from './closure.js';
import { idleOf, startComplaint, startLinkedComplaint } from './intake.js';
import { lookupOwnCase } from './lookups.js';
import type { ConversationState, PendingCase } from './state.js';
import { withdrawCase } from './status.js';
import { t } from './texts.js';
import { CONTENT_ACTS, readTurn, wordsIn, type Turn } from './turn.js';

export type CasePurpose = PendingCase['purpose'];

/** How long after a ticket the conversation is still "about" it (details, thanks, "batal"). */
export const RECENT_MS = 30 * 60_000;

/** The case the conversation just recorded or added to, if it is the citizen's and still recent. */
export async function recentCase(state: ConversationState, ctx: FlowContext): Promise<CaseRecord | null> {
  if (!state.recent || ctx.now - state.recent.at > RECENT_MS) return null;
  const c = await ownCase(ctx, state.recent.ticket);
  return c && c.stage !== 'archived' ? c : null;
}

function closedWithin(c: CaseRecord, ctx: FlowContext): boolean {
  return c.closedAt !== undefined && ctx.now - c.closedAt <= (ctx.reopenWindowMs ?? DEFAULT_REOPEN_WINDOW_MS);
}

/** 0 = most likely meant. Dissatisfaction looks first at what was just informed or closed; details at open cases. */
function rank(c: CaseRecord, purpose: CasePurpose, ctx: FlowContext): number {
  const informed = c.stage === 'awaiting_confirmation';
  const recentlyClosed = c.stage === 'closed' && c.resolution !== 'withdrawn' && closedWithin(c, ctx);
  const open = isOpen(c.stage) && !informed;
  if (purpose === 'dissatisfied') return informed ? 0 : recentlyClosed ? 1 : open ? 2 : 3;
  return open ? 0 : informed ? 1 : recentlyClosed ? 2 : 3;
}

function lastMoved(c: CaseRecord): number {
  return c.closedAt ?? c.stageTimes[c.stage]?.enteredAt ?? c.updatedAt;
}

const COMMON = new Set(
  (
    'saya yang sudah udah belum tidak masih untuk dengan tolong mohon kami aduan tiket puas sama tapi padahal ' +
    'karena sekali banget juga lagi kenapa gimana bagaimana sampai sekarang itu ini ada tidak the and still with ' +
    'that this have complaint ticket'
  ).split(' '),
);

function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4 && !COMMON.has(w)),
  );
}

/** Words of the agency's own name ("kantor Bapenda"): nearly every message shares them, so they name no case. */
function agencyWords(ctx: FlowContext): Set<string> {
  return new Set([...contentWords(`${ctx.agency.name} ${ctx.agency.shortName} kantor office`)]);
}

/**
 * Whether the message shares a content word with the case (its text and details), compared on their first five
 * letters so "berkasnya" meets "berkas"; the agency's own name does not count.
 */
export function sharesWords(c: CaseRecord, text: string, ctx: FlowContext): boolean {
  const ignore = agencyWords(ctx);
  const head = (words: Set<string>) => new Set([...words].filter((w) => !ignore.has(w)).map((w) => w.slice(0, 5)));
  const caseWords = head(contentWords([c.text, c.details.what, c.details.where].filter(Boolean).join(' ')));
  return [...head(contentWords(text))].some((w) => caseWords.has(w));
}

/** The one case whose words the message clearly shares ("nama di sppt msh salah" → "Nama di SPPT saya salah"). */
function namedByWords(cases: CaseRecord[], text: string, ignore: ReadonlySet<string> = new Set()): CaseRecord | null {
  const said = new Set([...contentWords(text)].filter((w) => !ignore.has(w)));
  const scored = cases
    .map((c) => ({ c, n: [...contentWords(c.text)].filter((w) => said.has(w)).length }))
    .sort((a, b) => b.n - a.n);
  const [best, second] = scored;
  if (!best || best.n === 0) return null;
  const runnerUp = second?.n ?? 0;
  return (best.n >= 2 && best.n > runnerUp) || (best.n >= 1 && runnerUp === 0) ? best.c : null;
}

/** The case the citizen most likely means, and whether that is clear enough to act without asking. */
export function likeliest(
  cases: CaseRecord[],
  purpose: CasePurpose,
  state: ConversationState,
  ctx: FlowContext,
  text = '',
): { c: CaseRecord; clear: boolean } | null {
  if (cases.length === 0) return null;
  const current = cases.find((c) => c.ticket === state.ticket) ?? cases.find((c) => c.ticket === state.recent?.ticket);
  if (current && (state.ticket === current.ticket || ctx.now - (state.recent?.at ?? 0) <= RECENT_MS))
    return { c: current, clear: true };
  if (cases.length === 1 && cases[0]) return { c: cases[0], clear: true };
  const byWords = namedByWords(cases, text, agencyWords(ctx));
  if (byWords) return { c: byWords, clear: true };
  const informed = cases.filter((c) => c.stage === 'awaiting_confirmation');
  if (purpose === 'dissatisfied' && informed.length === 1 && informed[0]) return { c: informed[0], clear: true };
  const sorted = [...cases].sort(
    (a, b) => rank(a, purpose, ctx) - rank(b, purpose, ctx) || lastMoved(b) - lastMoved(a),
  );
  const best = sorted[0] as CaseRecord;
  const live = sorted.filter((c) => rank(c, purpose, ctx) < 3);
  return { c: best, clear: cases.length === 1 || (live.length === 1 && live[0] === best) };
}

/**
 * A grievance from a citizen with a live case that speaks of handling ("udh seminggu belum ada perbaikan") or of
 * disappointment ("saya kecewa …"): about that case when its words or the lack of any other topic say so, one short
 * question when it could be a new complaint. Null when the citizen has no live case (the caller records it as new).
 */
export async function aboutHandling(
  state: ConversationState,
  turn: Turn,
  attachments: Attachment[],
  mine: CaseRecord[],
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  // A report of bribery is always a report of its own.
  if (!turn.handling || turn.flags.includes('integrity')) return null;
  const live = mine.filter((c) => c.kind === 'complaint' && (isOpen(c.stage) || closedWithin(c, ctx)));
  if (live.length === 0) return null;
  const byWords = namedByWords(live, turn.text, agencyWords(ctx));
  if (byWords) return apply(state, byWords, 'dissatisfied', turn, attachments, ctx, replies);
  const pick = likeliest(live, 'dissatisfied', state, ctx, turn.text);
  if (!pick) return null;
  // Words about a matter of another division ("berkas bphtb …" beside a case about a street lamp) may be new.
  const routed = ctx.nlp.route(turn.text);
  const otherTopic = (routed.keywords?.length ?? 0) > 0 && routed.division !== pick.c.division;
  if (pick.clear && turn.handling === 'handling' && !otherTopic)
    return apply(state, pick.c, 'dissatisfied', turn, attachments, ctx, replies);
  const pending = { ticket: pick.c.ticket, purpose: 'dissatisfied' as const, text: turn.text, attachments };
  return askWhich(state, pick.c, pending, replies);
}

/** A few words saying what a case is about, for "Apakah ini tentang ADU-… (…)?". */
export function aboutText(c: CaseRecord): string {
  const words = c.text.replace(/\s+/g, ' ').trim().split(' ');
  const short = words.slice(0, 6).join(' ');
  return words.length > 6 ? `${short}…` : short;
}

/**
 * The citizen's words about one of their cases (`purpose`): acts on the case they name or most likely mean, or asks
 * which one. Null when they have no case it could be about (the caller then takes the words as a new message).
 */
export async function aboutCase(
  state: ConversationState,
  turn: Turn,
  attachments: Attachment[],
  purpose: CasePurpose,
  mine: CaseRecord[],
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  const named = turn.tickets[0];
  if (named) {
    const found = await lookupOwnCase(state, named, ctx, replies);
    if (!found.found) return found.out;
    return apply(found.state, found.found, purpose, turn, attachments, ctx, replies);
  }
  const candidates = mine.filter((c) =>
    purpose === 'dissatisfied' ? c.kind === 'complaint' : c.kind === 'complaint' || c.request === 'information',
  );
  const pick = likeliest(candidates, purpose, state, ctx, turn.text);
  if (!pick) return null;
  if (pick.clear) return apply(state, pick.c, purpose, turn, attachments, ctx, replies);
  return askWhich(state, pick.c, { ticket: pick.c.ticket, purpose, text: turn.text, attachments }, replies);
}

/** "Apakah ini tentang ADU-… (…)? 1. Ya 2. Bukan, aduan baru" (or "tarik aduan …?" for withdrawing). */
export function askWhich(state: ConversationState, c: CaseRecord, pending: PendingCase, replies: Reply[]): FlowResult {
  const lang = state.language;
  const withdrawing = pending.purpose === 'withdraw';
  const offered = withdrawing
    ? [
        { id: 'case_yes', label: t(lang, 'choiceWithdrawYes') },
        { id: 'case_no', label: t(lang, 'choiceWithdrawNo') },
      ]
    : [
        { id: 'case_yes', label: t(lang, 'choiceYes') },
        { id: 'case_no', label: t(lang, 'choiceNewComplaint') },
      ];
  const question = t(lang, withdrawing ? 'withdrawQuestion' : 'caseQuestion', {
    ticket: c.ticket,
    about: aboutText(c),
  });
  replies.push({ text: question, choices: offered });
  return result({ ...idleOf(state), mode: 'confirm_case', pendingCase: pending, offered, retries: 0 }, replies);
}

/** The answer to "is this about ADU-…?". Null when the message is something else (handled as a new message). */
export async function handleCaseConfirm(
  state: ConversationState,
  turn: Turn,
  choice: string | null,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  const lang = state.language;
  const p = state.pendingCase;
  const c = p ? await ownCase(ctx, p.ticket) : null;
  if (!p || !c) return null;
  const yes = choice === 'case_yes' || (choice === null && turn.act === 'yes');
  const no = choice === 'case_no' || (choice === null && (turn.act === 'no' || turn.act === 'cancel'));
  const said = readTurn(idleOf(state), p.text, ctx, true);
  const base = idleOf(state);
  if (yes) return apply(base, c, p.purpose, said, p.attachments, ctx, replies);
  if (no) {
    if (p.purpose === 'withdraw') {
      replies.push({ text: t(lang, 'notWithdrawn', { ticket: c.ticket }) });
      return result(base, replies);
    }
    // Not about that case: what they wrote is a new complaint.
    return startComplaint(base, said, p.attachments, ctx, replies);
  }
  // Something else with substance (a question, a new grievance) is handled as a new message.
  if (turn.confident && CONTENT_ACTS.has(turn.act) && wordsIn(turn.text).length >= 3) return null;
  if ((state.retries ?? 0) >= 1) {
    replies.push({ text: t(lang, 'caseQuestionDropped') });
    return result(base, replies);
  }
  const question = t(lang, p.purpose === 'withdraw' ? 'withdrawQuestion' : 'caseQuestion', {
    ticket: c.ticket,
    about: aboutText(c),
  });
  replies.push({ text: `${t(lang, 'reask')} ${question}`, ...(state.offered ? { choices: state.offered } : {}) });
  return result({ ...state, retries: 1 }, replies);
}

/** Does what the citizen's words mean for case `c`. */
function apply(
  state: ConversationState,
  c: CaseRecord,
  purpose: CasePurpose,
  turn: Turn,
  attachments: Attachment[],
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  const lang = state.language;
  if (purpose === 'withdraw') return withdrawCase(state, c, ctx, replies);
  if (c.stage === 'archived')
    return startLinkedComplaint(state, c, t(lang, 'closedArchived'), turn, attachments, ctx, replies);
  // Details for a case that is not closed are added to it; for a closed one they say it is not done.
  if (purpose === 'add_info' && c.stage !== 'closed') return addInfo(state, c, turn, attachments, ctx, replies);
  if (c.kind !== 'complaint' || (isOpen(c.stage) && c.stage !== 'awaiting_confirmation'))
    return dissatisfiedWhileOpen(state, c, turn, attachments, ctx, replies);
  const reason = /\p{L}{2,}/u.test(turn.text) ? turn.text : '';
  if (c.stage === 'awaiting_confirmation') return reopen(state, c, reason, 'closure', ctx, replies);
  // Closed.
  if (c.resolution === 'withdrawn') {
    if (ctx.agency.withdrawnDispute === 'reopen') return reopen(state, c, reason, 'follow-up', ctx, replies);
    return startLinkedComplaint(state, c, t(lang, 'closedWithdrawn'), turn, attachments, ctx, replies);
  }
  if (closedWithin(c, ctx)) return reopen(state, c, reason, 'follow-up', ctx, replies);
  const days = Math.round((ctx.reopenWindowMs ?? DEFAULT_REOPEN_WINDOW_MS) / 86_400_000);
  return startLinkedComplaint(state, c, t(lang, 'closedLongAgo', { days }), turn, attachments, ctx, replies);
}
