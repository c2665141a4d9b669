// Intake (SOP steps 1-5 seen from the citizen): classify, ask once when unsure, collect what is missing of a
// complaint, then record it with a ticket, a division and a repeat link.
import type { Attachment } from '../src/domain/messages.js';
import type { Classification } from '../nlp/types.js';
import { result, type FlowContext, type FlowResult, type Reply } from './context.js';
import { extractDetails, MIN_WHAT_WORDS, wordCount } from './details.js';
import { divisionLabel, recordComplaint, recordNote, recordedResult } from './record.js';
import type { ConversationState, DetailSlot, IntakeDraft } from './state.js';
import { t } from './texts.js';

const SKIP_WORDS =
  /^(lewati|skip|tidak ada|tdk ada|gak ada|ga ada|nggak ada|ngga ada|gk ada|tidak|tdk|gak|ga|no|none|nothing|-|\.)$/i;

export function isSkip(text: string): boolean {
  return SKIP_WORDS.test(text.trim());
}

/** Free text from a citizen who is not in the middle of anything. */
export function handleNewMessage(
  state: ConversationState,
  text: string,
  attachments: Attachment[],
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  const lang = state.language;
  const classification = ctx.nlp.classify(text);
  if (classification.confidence < ctx.nlp.clarifyThreshold) {
    const offered = [
      { id: 'complaint', label: t(lang, 'choiceComplaint') },
      { id: 'praise', label: t(lang, 'choicePraise') },
      { id: 'statement', label: t(lang, 'choiceQuestion') },
    ];
    replies.push({ text: t(lang, 'clarify'), choices: offered });
    return result({ ...state, mode: 'clarify', pendingText: text, pendingAttachments: attachments, offered }, replies);
  }
  return handleLabelled(state, text, attachments, classification, classification.label, ctx, replies);
}

/** Continues once we know what the message is (from the classifier, or from the citizen's answer). */
export function handleLabelled(
  state: ConversationState,
  text: string,
  attachments: Attachment[],
  classification: Classification,
  label: Classification['label'],
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  const lang = state.language;
  const idle: ConversationState = {
    ...state,
    mode: 'idle',
    pendingText: undefined,
    pendingAttachments: undefined,
    offered: undefined,
  };
  if (label === 'complaint') {
    const draft: IntakeDraft = {
      text,
      attachments,
      classification,
      details: extractDetails(text),
      awaiting: 'what',
      asked: [],
      startedAt: ctx.now,
    };
    return askNextOrRecord(idle, draft, ctx, replies);
  }
  const rec = recordNote(ctx, label, text, classification);
  if (label === 'praise') {
    replies.push({ text: t(lang, 'praiseThanks', { division: divisionLabel(ctx, rec.record.division) }) });
  } else {
    const faq = matchFaq(ctx, text);
    replies.push({ text: faq ? `${faq}\n\n${t(lang, 'faqFooter')}` : t(lang, 'statementThanks') });
  }
  if (rec.record.flags.includes('integrity')) replies.push({ text: t(lang, 'integrityNotice') });
  return recordedResult(idle, rec, replies);
}

/** An answer to the follow-up question the draft is waiting for. */
export function handleIntakeAnswer(
  state: ConversationState,
  text: string,
  attachments: Attachment[],
  choice: string | null,
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  const draft = state.draft;
  if (!draft) return result({ ...state, mode: 'idle' }, replies);
  const next: IntakeDraft = {
    ...draft,
    details: { ...draft.details },
    attachments: [...draft.attachments, ...attachments],
    asked: [...draft.asked],
  };
  if (attachments.length) replies.push({ text: t(state.language, 'attachmentAdded') });
  if (next.text === '') {
    // After /lapor: the first answer is the complaint itself.
    if (text === '') return askNextOrRecord(state, next, ctx, replies);
    next.text = text;
    next.classification = ctx.nlp.classify(text);
    next.details = extractDetails(text);
    next.asked.push('what');
    return askNextOrRecord(state, next, ctx, replies);
  }
  const skipped = choice === 'skip' || (text !== '' && isSkip(text));
  if (!skipped && text !== '') {
    if (draft.awaiting === 'photo') next.details.what = [next.details.what, text].filter(Boolean).join('\n');
    else next.details[draft.awaiting] = text;
  }
  if (skipped || text !== '' || attachments.length) next.asked.push(draft.awaiting);
  return askNextOrRecord(state, next, ctx, replies);
}

const SLOT_ORDER: DetailSlot[] = ['what', 'where', 'since', 'photo'];

function isFilled(draft: IntakeDraft, slot: DetailSlot): boolean {
  switch (slot) {
    case 'what':
      return Boolean(draft.details.what) || wordCount(draft.text) >= MIN_WHAT_WORDS;
    case 'photo':
      return draft.attachments.length > 0;
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
  const next = { ...draft, awaiting: slot };
  const question = slotQuestion(state.language, next);
  replies.push(question);
  return result({ ...state, mode: 'intake', draft: next, offered: question.choices }, replies);
}

/** The follow-up question for the slot a draft is waiting for (only the complaint text itself cannot be skipped). */
export function slotQuestion(lang: ConversationState['language'], draft: IntakeDraft): Reply {
  const questions: Record<DetailSlot, string> = {
    what: draft.text === '' ? t(lang, 'reportPrompt') : t(lang, 'askWhat'),
    where: t(lang, 'askWhere'),
    since: t(lang, 'askSince'),
    photo: t(lang, 'askPhoto'),
  };
  const text = questions[draft.awaiting];
  return draft.text === '' ? { text } : { text, choices: [{ id: 'skip', label: t(lang, 'skip') }] };
}

/** Puts a half-written complaint aside (the bot must ask about another case first); keeps any already aside. */
export function suspendIntake(s: ConversationState): ConversationState {
  if (s.mode !== 'intake' || !s.draft) return s;
  return { ...s, suspended: { draft: s.draft, ...(s.offered ? { offered: s.offered } : {}) }, draft: undefined };
}

/** After a question about another case: back to the complaint put aside, asking its open question again. */
export function resumeOrIdle(s: ConversationState, replies: Reply[]): ConversationState {
  const base: ConversationState = {
    ...s,
    mode: 'idle',
    ticket: undefined,
    offered: undefined,
    askedAt: undefined,
    remindedAt: undefined,
  };
  if (!s.suspended) return base;
  replies.push({ text: t(s.language, 'resumeIntake') }, slotQuestion(s.language, s.suspended.draft));
  return { ...base, mode: 'intake', draft: s.suspended.draft, offered: s.suspended.offered, suspended: undefined };
}

/**
 * Records a draft (SOP steps 2-5) and tells the citizen: the ticket and division (`message`: 'recorded' when the
 * citizen finished it, 'intakeRecordedAnyway' when the scheduler records one left half-way), a repeat link, and
 * the integrity notice for reports of illegal levies.
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
  replies.push({
    text: t(lang, message, { ticket: rec.record.ticket, division: divisionLabel(ctx, rec.record.division) }),
  });
  if (rec.record.repeatOf) replies.push({ text: t(lang, 'repeatNotice', { earlier: rec.record.repeatOf.ticket }) });
  if (rec.record.flags.includes('integrity')) replies.push({ text: t(lang, 'integrityNotice') });
  return recordedResult({ ...state, mode: 'idle', draft: undefined, offered: undefined }, rec, replies);
}

function matchFaq(ctx: FlowContext, text: string): string | null {
  const en = ctx.citizen.language === 'en';
  const match = ctx.nlp.answerFaq(text, en ? 'en' : 'id');
  // The service's own facts ({officeHours}, {holidays}) in generic words, until answers are filled from the calendar.
  return match
    ? match.answer
        .replace(/\{officeHours\}/g, en ? 'during office hours' : 'pada jam kerja')
        .replace(/\{holidays\}/g, en ? 'public holidays' : 'hari libur nasional')
    : null;
}
