// Intake (SOP steps 1-5 seen from the citizen): collect what a complaint is missing, by meaning and not by
// position, then record it with a ticket, a division and a repeat link. Facts are taken from every message (the
// first one too); a question is never asked for what was already given; "ga ada / gak tau / lewati" answer the
// question being asked and nothing else.
import type { CaseRecord } from '../src/domain/case.js';
import type { Attachment } from '../src/domain/messages.js';
import { isVaguePlace } from '../nlp/index.js';
import { result, type FlowContext, type FlowResult, type Reply } from './context.js';
import { divisionLabel, recordComplaint, recordedResult } from './record.js';
import type { ConversationState, DetailSlot, IntakeDraft } from './state.js';
import { t } from './texts.js';
import { CONTENT_ACTS, hasWords, wordsIn, type Turn } from './turn.js';

/** A complaint of fewer than this many words gets the "what happened" question. */
const MIN_WHAT_WORDS = 5;

/** More facts than this while one question stays unanswered, and the question is left for the next one. */
const MAX_EXTRA_FACTS = 3;
/** An answer this short that holds the place or time asked for is kept whole. */
const SHORT_ANSWER_WORDS = 8;

/** A new draft from the message that starts a complaint, with every fact it already carries. */
export function draftFrom(turn: Turn, attachments: Attachment[], ctx: FlowContext): IntakeDraft {
  const draft: IntakeDraft = {
    text: turn.text,
    attachments,
    classification: turn.understanding.classification,
    details: {},
    awaiting: 'what',
    asked: [],
    startedAt: ctx.now,
  };
  absorb(draft, turn);
  return draft;
}

/** Starts a complaint from its first message: asks only what is missing, or records it at once. */
export function startComplaint(
  state: ConversationState,
  turn: Turn,
  attachments: Attachment[],
  ctx: FlowContext,
  replies: Reply[],
  linkTo?: string,
): FlowResult {
  const draft = draftFrom(turn, attachments, ctx);
  if (linkTo) draft.linkTo = linkTo;
  return askNextOrRecord(idleOf(state), toldIntegrity(draft, state, replies), ctx, replies);
}

/** A report of bribery is acknowledged at once, before any question: it goes to the head of the agency. */
function toldIntegrity(draft: IntakeDraft, state: ConversationState, replies: Reply[]): IntakeDraft {
  if (!draft.flags?.includes('integrity') || draft.integrityTold) return draft;
  replies.push({ text: t(state.language, 'integrityNotice') });
  return { ...draft, integrityTold: true };
}

/**
 * A complaint about a case that can no longer be reopened (archived, closed long ago, or withdrawn where the
 * profile links): a new case linked to it, taking its place; `how` says how the earlier one ended.
 */
export function startLinkedComplaint(
  state: ConversationState,
  earlier: CaseRecord,
  how: string,
  turn: Turn,
  attachments: Attachment[],
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  const draft = draftFrom(turn, attachments, ctx);
  draft.linkTo = earlier.ticket;
  draft.linkHow = how;
  if (!draft.details.where && earlier.details.where) draft.details.where = earlier.details.where;
  // The problem is the earlier one's: "since when" is known from it.
  draft.asked.push('since');
  return askNextOrRecord(idleOf(state), draft, ctx, replies);
}

/** `/lapor` without text: the next message is the complaint itself. */
export function startReport(state: ConversationState, ctx: FlowContext, replies: Reply[]): FlowResult {
  replies.push({ text: t(state.language, 'reportPrompt') });
  const draft: IntakeDraft = {
    text: '',
    attachments: state.pendingAttachments ?? [],
    classification: { label: 'complaint', confidence: 0, modelVersion: 'pending' },
    details: {},
    awaiting: 'what',
    asked: [],
    startedAt: ctx.now,
  };
  return result({ ...idleOf(state), mode: 'intake', draft, pendingAttachments: undefined }, replies);
}

/**
 * Takes the facts a message carries into the draft (never overwriting one already given). A place that names
 * nothing one could find ("dalan neng kampungku", "rumah makan ambo") is taken only as the answer to "where?".
 */
function absorb(draft: IntakeDraft, turn: Turn, answering?: DetailSlot): void {
  if (turn.place && !draft.details.where && (answering === 'where' || !isVaguePlace(turn.place)))
    draft.details.where = turn.place;
  if (turn.time && !draft.details.since) draft.details.since = turn.time;
  if (turn.evidence === 'none') draft.noEvidence = true;
  if (turn.evidence === 'mentioned') draft.noEvidence = false;
  const flags = [...new Set([...(draft.flags ?? []), ...turn.flags])];
  if (flags.length) draft.flags = flags;
  if (turn.praise && !draft.praise) draft.praise = turn.praise;
}

/** An answer to the follow-up question the draft is waiting for. */
export function handleIntakeAnswer(
  state: ConversationState,
  turn: Turn,
  attachments: Attachment[],
  choice: string | null,
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  const lang = state.language;
  const draft = state.draft;
  if (!draft) return result(idleOf(state), replies);
  if (choice === null && turn.act === 'cancel') return cancelDraft(state, replies);
  const next: IntakeDraft = {
    ...draft,
    details: { ...draft.details },
    attachments: [...draft.attachments, ...attachments],
    asked: [...draft.asked],
  };
  if (attachments.length) replies.push({ text: t(lang, 'attachmentAdded') });
  const text = turn.text;
  if (next.text === '') {
    // After /lapor: the first answer with words is the complaint itself.
    if (!hasWords(text)) return askNextOrRecord(state, next, ctx, replies);
    next.text = text;
    next.classification = turn.understanding.classification;
    absorb(next, turn);
    next.asked.push('what');
    return askNextOrRecord({ ...state, retries: 0 }, next, ctx, replies);
  }
  const slot = draft.awaiting;
  const before = { where: next.details.where, since: next.details.since, noEvidence: next.noEvidence };
  absorb(next, turn, slot);
  if (slot === 'where' && !next.details.where && readsAsPlace(turn)) next.details.where = text;
  Object.assign(next, toldIntegrity(next, state, replies));
  const filled =
    (slot === 'where' && !before.where && Boolean(next.details.where)) ||
    (slot === 'since' && !before.since && Boolean(next.details.since)) ||
    (slot === 'photo' && (attachments.length > 0 || (next.noEvidence === true && !before.noEvidence)));
  const filledOther =
    (slot !== 'where' && !before.where && Boolean(next.details.where)) ||
    (slot !== 'since' && !before.since && Boolean(next.details.since)) ||
    (slot !== 'photo' && next.noEvidence === true && !before.noEvidence);
  const content = CONTENT_ACTS.has(turn.act) && hasWords(text);

  if (filled && (slot === 'where' || slot === 'since') && wordsIn(text).length <= SHORT_ANSWER_WORDS) {
    // A short answer is the answer in the citizen's own words ("sejak 2 minggu lalu"), not only the part found.
    next.details[slot] = text;
  }
  if (choice === 'skip' || filled || (attachments.length > 0 && text === '')) {
    next.asked.push(slot);
    return askNextOrRecord({ ...state, retries: 0 }, next, ctx, replies);
  }
  if (turn.act === 'dont_know' && !filledOther) {
    // "ga ada", "gak tau", "lewati": this question is answered, and nothing else.
    next.asked.push(slot);
    return askNextOrRecord({ ...state, retries: 0 }, next, ctx, replies);
  }
  if (slot === 'what' && content) {
    next.details.what = appendLine(next.details.what, text);
    next.asked.push('what');
    return askNextOrRecord({ ...state, retries: 0 }, next, ctx, replies);
  }
  if (filledOther) {
    // It answers another question ("gak ada foto" to "since when?"): kept there; this question stays open.
    if (content && wordsIn(text).length > 4) next.details.what = appendLine(next.details.what, text);
    replies.push({ text: t(lang, 'addedNoted') });
    return askNextOrRecord({ ...state, retries: 0 }, next, ctx, replies);
  }
  if (content) {
    // More facts of the same complaint, sent in pieces: they build one complaint, and the question stays open
    // (after a few, it is left so the citizen is not asked the same thing again and again).
    next.details.what = appendLine(next.details.what, text);
    next.extraFacts = (draft.extraFacts ?? 0) + 1;
    if (next.extraFacts >= MAX_EXTRA_FACTS) next.asked.push(slot);
    replies.push({ text: t(lang, 'addedNoted') });
    return askNextOrRecord({ ...state, retries: 0 }, next, ctx, replies);
  }
  if (text === '') return askNextOrRecord(state, next, ctx, replies);
  // Not an answer ("123" to the photo question, "ok", an emoji): asked once more, then left.
  if ((state.retries ?? 0) >= 1) {
    next.asked.push(slot);
    return askNextOrRecord({ ...state, retries: 0 }, next, ctx, replies);
  }
  replies.push({ text: t(lang, slot === 'photo' ? 'notAPhoto' : 'reask') });
  return askNextOrRecord({ ...state, retries: 1 }, next, ctx, replies);
}

// How an answer to "where?" opens when it names a place the slot reader does not know ("at the parking lot of
// Basko mall", "teng ngajeng griyo pak RT"). Not "di": "di sppt tertulis 300 meter" says where on a document; the
// slot reader knows the Indonesian places.
const LOCATIVE = /^(?:at|in|on|near|inside|outside|neng|ning|nang|teng|ing|caket|dek)\s+\S/i;

/** A short answer to "where?" that opens like a place and is not a grievance of its own. */
function readsAsPlace(turn: Turn): boolean {
  return (
    LOCATIVE.test(turn.text.trim()) &&
    wordsIn(turn.text).length <= SHORT_ANSWER_WORDS &&
    !['cancel', 'question', 'dont_know', 'greeting', 'thanks'].includes(turn.act)
  );
}

function appendLine(existing: string | undefined, text: string): string {
  return existing ? `${existing}\n${text}` : text;
}

/** Calls off the complaint being written: nothing is recorded, but the draft is kept a while for a change of mind. */
export function cancelDraft(state: ConversationState, replies: Reply[]): FlowResult {
  const draft = state.draft ?? state.suspended?.draft;
  replies.push({ text: t(state.language, draft ? 'cancelledDraftResumable' : 'cancelledDraft') });
  return result(
    { ...idleOf(state), suspended: undefined, ...(draft ? { cancelled: { draft, at: state.lastActivityAt } } : {}) },
    replies,
  );
}

/** How long a called-off complaint can be taken up again. */
const RESUME_CANCELLED_MS = 30 * 60_000;
/** "jadi deh", "eh lanjut aja min", "terusin", "continue": going on after all (no negation anywhere in it). */
const RESUME_WORDS =
  /^(?:(?:eh|oh|ya|iya|yaudah|ok|oke|maaf)\s+)*(?:jadi|lanjut(?:kan|in)?|terus(?:kan|in)|continue|go on)\b/i;
const NEGATION = /\b(?:ga|gak|nggak|ngga|enggak|engga|tidak|tdk|gk|batal|gajadi|don'?t|not|no)\b/i;

/** Brings back the complaint the citizen just called off, when this message says to go on after all. */
export function resumeCancelled(
  state: ConversationState,
  text: string,
  ctx: FlowContext,
  replies: Reply[],
): FlowResult | null {
  const c = state.cancelled;
  if (!c || ctx.now - c.at > RESUME_CANCELLED_MS) return null;
  const said = text.trim().toLowerCase();
  if (!RESUME_WORDS.test(said) || NEGATION.test(said)) return null;
  replies.push({ text: t(state.language, 'resumeIntake') });
  return askNextOrRecord({ ...idleOf(state), cancelled: undefined }, c.draft, ctx, replies);
}

const SLOT_ORDER: DetailSlot[] = ['what', 'where', 'since', 'photo'];

function isFilled(draft: IntakeDraft, slot: DetailSlot): boolean {
  switch (slot) {
    case 'what':
      return Boolean(draft.details.what) || wordsIn(draft.text).length >= MIN_WHAT_WORDS;
    case 'photo':
      return draft.attachments.length > 0 || draft.noEvidence === true;
    default:
      return Boolean(draft.details[slot]);
  }
}

/** The next question to ask, or null when the complaint is complete enough to record. */
function missingSlot(draft: IntakeDraft): DetailSlot | null {
  if (draft.text === '') return 'what';
  return SLOT_ORDER.find((slot) => !draft.asked.includes(slot) && !isFilled(draft, slot)) ?? null;
}

function askNextOrRecord(state: ConversationState, draft: IntakeDraft, ctx: FlowContext, replies: Reply[]): FlowResult {
  const slot = missingSlot(draft);
  if (slot === null) return finish(state, draft, ctx, replies);
  const moved = slot !== draft.awaiting;
  const next: IntakeDraft = { ...draft, awaiting: slot, ...(moved ? { extraFacts: 0 } : {}) };
  const question = slotQuestion(state.language, next, ctx);
  replies.push(question);
  return result(
    { ...state, mode: 'intake', draft: next, offered: question.choices, ...(moved ? { retries: 0 } : {}) },
    replies,
  );
}

/** The follow-up question for the slot a draft is waiting for (only the complaint text itself cannot be skipped). */
export function slotQuestion(
  lang: ConversationState['language'],
  draft: IntakeDraft,
  ctx?: Pick<FlowContext, 'agency'>,
): Reply {
  const own = ctx?.agency.texts;
  const questions: Record<DetailSlot, string> = {
    what: draft.text === '' ? t(lang, 'reportPrompt', {}, own) : t(lang, 'askWhat', {}, own),
    where: t(lang, 'askWhere', {}, own),
    since: t(lang, 'askSince', {}, own),
    photo: t(lang, 'askPhoto', {}, own),
  };
  const text = questions[draft.awaiting];
  return draft.text === '' ? { text } : { text, choices: [{ id: 'skip', label: t(lang, 'skip') }] };
}

/** The state with nothing open (no question, no draft); what was put aside stays aside. */
export function idleOf(state: ConversationState): ConversationState {
  return {
    ...state,
    mode: 'idle',
    draft: undefined,
    pendingText: undefined,
    pendingAttachments: undefined,
    pendingCase: undefined,
    offered: undefined,
    ticket: undefined,
    retries: undefined,
    cancelled: undefined,
  };
}

/** Puts a half-written complaint aside (the bot must ask about another case first); keeps any already aside. */
export function suspendIntake(s: ConversationState): ConversationState {
  if (s.mode !== 'intake' || !s.draft) return s;
  return { ...s, suspended: { draft: s.draft, ...(s.offered ? { offered: s.offered } : {}) }, draft: undefined };
}

/** After a question about another case: back to the complaint put aside, asking its open question again. */
export function resumeOrIdle(s: ConversationState, replies: Reply[]): ConversationState {
  const base: ConversationState = {
    ...idleOf(s),
    askedAt: undefined,
    remindedAt: undefined,
  };
  if (!s.suspended) return base;
  replies.push({ text: t(s.language, 'resumeIntake') }, slotQuestion(s.language, s.suspended.draft));
  return { ...base, mode: 'intake', draft: s.suspended.draft, offered: s.suspended.offered, suspended: undefined };
}

/**
 * Records a draft (SOP steps 2-5) and tells the citizen: the ticket and division (`message`: 'recorded' when the
 * citizen finished it, 'intakeRecordedAnyway' when the scheduler records one left half-way), a repeat link (another
 * citizen's ticket is never named), the integrity notice for reports of illegal levies, and thanks for any praise.
 */
export function finish(
  state: ConversationState,
  draft: IntakeDraft,
  ctx: FlowContext,
  replies: Reply[],
  message: 'recorded' | 'intakeRecordedAnyway' = 'recorded',
): FlowResult {
  const lang = state.language;
  const rec = recordComplaint(ctx, draft);
  const ticket = rec.record.ticket;
  const division = divisionLabel(ctx, rec.record.division, lang);
  if (draft.linkTo) {
    replies.push({ text: t(lang, 'linkedNew', { ticket, division, earlier: draft.linkTo, how: draft.linkHow ?? '' }) });
  } else {
    replies.push({ text: t(lang, message, { ticket, division }) });
    if (rec.record.repeatOf) {
      replies.push({
        text: rec.repeatOfOther
          ? t(lang, 'repeatOtherNotice')
          : t(lang, 'repeatNotice', { earlier: rec.record.repeatOf.ticket }),
      });
    }
  }
  if (rec.record.flags.includes('integrity') && !draft.integrityTold)
    replies.push({ text: t(lang, 'integrityNotice') });
  if (draft.praise) replies.push({ text: t(lang, 'praisePassedOn') });
  return recordedResult(idleOf(state), rec, replies);
}

/** A suggestion or aspiration (SOP: "kritik, saran" are complaints): recorded at once with a ticket, routed. */
export function recordSuggestion(
  state: ConversationState,
  turn: Turn,
  attachments: Attachment[],
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  const lang = state.language;
  const rec = recordComplaint(ctx, draftFrom(turn, attachments, ctx), { request: 'suggestion' });
  const division = divisionLabel(ctx, rec.record.division, lang);
  replies.push({ text: t(lang, 'suggestionRecorded', { ticket: rec.record.ticket, division }) });
  if (rec.record.flags.includes('integrity')) replies.push({ text: t(lang, 'integrityNotice') });
  return recordedResult(idleOf(state), rec, replies);
}
