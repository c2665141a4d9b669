// A message when nothing is waiting for an answer: what it does decides what happens. A grievance starts a
// complaint, dissatisfaction finds its case, details right after a ticket go to that case, a question is answered
// or handed to staff, a suggestion gets a ticket, greetings and thanks get a short, human answer.
import type { CaseRecord } from '../src/domain/case.js';
import { isOpen } from '../src/domain/stages.js';
import type { Attachment } from '../src/domain/messages.js';
import { result, type FlowContext, type FlowResult, type Reply } from './context.js';
import { addInfo } from './add-info.js';
import { satisfied } from './closure.js';
import { aboutCase, aboutHandling, askWhich, recentCase, sharesWords } from './disputes.js';
import { recordSuggestion, startComplaint } from './intake.js';
import { answerQuestion, greetBack, handToStaff } from './questions.js';
import { divisionLabel, recordedResult, recordNote } from './record.js';
import type { ConversationState } from './state.js';
import { showStatus, statusOfMine } from './status.js';
import { t } from './texts.js';
import { wordsIn, type Turn } from './turn.js';

/** Acts a message announcing more facts may be read as; a question or a greeting stays what it is. */
const ADDABLE: ReadonlySet<Turn['act']> = new Set(['complaint', 'dissatisfied', 'statement', 'praise', 'unrelated']);

/** An FAQ match this strong makes a statement a question ("mau tanya jam buka kantor"). */
const SURE_FAQ = 0.8;

export interface IdleInput {
  turn: Turn;
  attachments: Attachment[];
  /** The citizen's cases, newest first (read once per message). */
  mine: CaseRecord[];
  firstTurn: boolean;
}

/** Free text from a citizen who is not in the middle of anything. */
export async function handleIdle(
  state: ConversationState,
  input: IdleInput,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult> {
  const { attachments, mine } = input;
  let turn = input.turn;
  const lang = state.language;
  const recent = await recentCase(state, ctx);
  if (turn.text === '') {
    if (attachments.length && recent) return addInfo(state, recent, turn, attachments, ctx, replies);
    if (attachments.length) {
      replies.push({ text: t(lang, 'attachmentOnly') });
      return result({ ...state, pendingAttachments: [...(state.pendingAttachments ?? []), ...attachments] }, replies);
    }
    replies.push({ text: t(lang, 'empty') });
    return result(state, replies);
  }
  const carried = [...(state.pendingAttachments ?? []), ...attachments];
  const base: ConversationState = { ...state, pendingAttachments: undefined };
  const named = turn.tickets[0];
  // A ticket alone ("ADU-7KQ9-M2XT", "cek ADU-…") asks for its status.
  if (named && (turn.act === 'status' || wordsIn(turn.text.replace(/ADU[\s-]?\w{4}[\s-]?\w{4}/gi, '')).length < 2))
    return showStatus(state, named, ctx, replies);

  // "Mau nambahin …", "I want to add something to my complaint": more facts for a case of theirs.
  if (turn.handling === 'adding' && ADDABLE.has(turn.act) && mine.length > 0) turn = { ...turn, act: 'add_info' };
  switch (turn.act) {
    case 'greeting':
      return greetBack(state, turn.text, input.firstTurn, replies);
    case 'no':
      // "sy blm puas", "ADU-… blm beres": no question is open, so a "no" with words is dissatisfaction.
      if ((mine.some((c) => c.kind === 'complaint') || named) && wordsIn(turn.text).length >= 2)
        return aboutOrNew(base, turn, carried, 'dissatisfied', mine, ctx, replies);
      return shortClose(state, recent, false, replies);
    case 'thanks':
    case 'dont_know':
      return shortClose(state, recent, turn.act === 'thanks', replies);
    case 'yes': {
      // "puas", "iya sudah beres" with one case waiting for exactly that answer: it is the answer.
      const waiting = mine.filter((c) => c.stage === 'awaiting_confirmation');
      if (waiting.length === 1 && waiting[0]) return satisfied(state, waiting[0], ctx, replies);
      return shortClose(state, recent, false, replies);
    }
    case 'cancel': {
      if (recent && recent.stage !== 'closed') {
        const pending = { ticket: recent.ticket, purpose: 'withdraw' as const, text: turn.text, attachments: [] };
        return askWhich(state, recent, pending, replies);
      }
      replies.push({ text: t(lang, 'nothingToCancel') });
      return result(state, replies);
    }
    case 'status':
      return named ? showStatus(state, named, ctx, replies) : statusOfMine(state, ctx, replies);
    case 'dissatisfied':
      return aboutOrNew(base, turn, carried, 'dissatisfied', mine, ctx, replies);
    case 'add_info':
      if (!named && recent) return addInfo(base, recent, turn, carried, ctx, replies);
      return aboutOrNew(base, turn, carried, 'add_info', mine, ctx, replies);
    case 'erase':
      return handToStaff(base, turn, carried, 'eraseRequest', ctx, replies);
    case 'unrelated':
      // Before saying it is not ours: a question the FAQ answers squarely is ours.
      if ((ctx.nlp.answerFaq(turn.text, lang)?.score ?? 0) >= SURE_FAQ)
        return answerQuestion(base, turn, carried, ctx, replies);
      replies.push({ text: t(lang, 'unrelated', { agency: ctx.agency.shortName }) });
      return result(state, replies);
    default:
      return handleContent(base, turn, carried, recent, mine, ctx, replies);
  }
}

/** A complaint, suggestion, praise, statement or question. */
async function handleContent(
  state: ConversationState,
  turn: Turn,
  attachments: Attachment[],
  recent: CaseRecord | null,
  mine: CaseRecord[],
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult> {
  const lang = state.language;
  const integrity = turn.flags.includes('integrity');
  if (aboutEarlierCase(turn)) {
    // "Udh seminggu belum ada perbaikan", "sy kecewa": about a live case of theirs, or asked which.
    const about = await aboutHandling(state, turn, attachments, mine, ctx, replies);
    if (about) return about;
  }
  if (!turn.confident && !integrity) {
    // Unsure right after a ticket: a few words are an acknowledgement, more are details of that case.
    if (recent && wordsIn(turn.text).length <= 3) return shortClose(state, recent, false, replies);
    if (recent) return addInfo(state, recent, turn, attachments, ctx, replies);
    if (!complaintOrStatement(turn)) return askClarify(state, turn.text, attachments, replies);
    // Torn only between a complaint and a plain statement: the clarifying choices do not offer "statement", and a
    // careful officer files a possible grievance rather than thank and drop it (staff can relabel it in the inbox).
  }
  switch (turn.act) {
    case 'question':
      return answerQuestion(state, turn, attachments, ctx, replies);
    case 'suggestion':
      return recordSuggestion(state, turn, attachments, ctx, replies);
    case 'praise': {
      const rec = recordNote(ctx, 'praise', turn.text, turn.understanding.classification, { attachments });
      replies.push({ text: t(lang, 'praiseThanks', { division: divisionLabel(ctx, rec.record.division, lang) }) });
      return recordedResult(state, rec, replies);
    }
    case 'statement': {
      // Facts naming one of the citizen's tickets are details for it.
      if (turn.tickets.length) return aboutOrNew(state, turn, attachments, 'add_info', mine, ctx, replies);
      // Right after a ticket, facts are details of that case.
      if (recent) return addInfo(state, recent, turn, attachments, ctx, replies);
      // Asked as a question, or one the FAQ answers squarely: a question.
      if (/\?\s*$/.test(turn.text) || (ctx.nlp.answerFaq(turn.text, lang)?.score ?? 0) >= SURE_FAQ)
        return answerQuestion(state, turn, attachments, ctx, replies);
      const rec = recordNote(ctx, 'statement', turn.text, turn.understanding.classification, { attachments });
      replies.push({ text: t(lang, 'statementThanks') });
      return recordedResult(state, rec, replies);
    }
    default: {
      // A grievance naming one of the citizen's tickets is about that case.
      if (turn.tickets.length) return aboutOrNew(state, turn, attachments, 'dissatisfied', mine, ctx, replies);
      if (recent && sameText(recent.text, turn.text) && attachments.length === 0) {
        // The same words sent again (a resend, a double tap): already recorded.
        replies.push({ text: t(lang, 'alreadyRecorded', { ticket: recent.ticket }) });
        return result(state, replies);
      }
      // More words right after a ticket are more facts of that case (the reply names it and says how to start
      // another one), unless they read as a grievance of another division's matter: then they go to the citizen's
      // open case of that division, or start a complaint of their own (the reply says it is not the case just filed).
      // No question here: citizens who type on would answer it with their next detail, and the words must not be lost.
      const other = recent ? otherSubject(recent, turn, ctx) : null;
      if (recent && other) {
        const same = mine.find((c) => c.division === other && isOpen(c.stage) && c.ticket !== recent.ticket);
        if (same) return addInfo(state, same, turn, attachments, ctx, replies);
        replies.push({ text: t(state.language, 'newNotDetails', { ticket: recent.ticket }) });
        return startComplaint(state, turn, attachments, ctx, replies);
      }
      if (recent) return addInfo(state, recent, turn, attachments, ctx, replies);
      return startComplaint(state, turn, attachments, ctx, replies);
    }
  }
}

/** The reading's two likeliest acts are complaint (first) and statement ("tagihan pbb sy dobel … di jl …"). */
function complaintOrStatement(turn: Turn): boolean {
  if (turn.act !== 'complaint') return false;
  const [first, second] = Object.entries(turn.understanding.scores).sort((a, b) => b[1] - a[1]);
  return first?.[0] === 'complaint' && second?.[0] === 'statement';
}

/**
 * A confident complaint, long enough to stand on its own, that the router sends to another division than the case
 * just filed ("wah hebat ya bapenda, tagihan pbb sy naik 3x lipat" right after a report of a bribe at the counter):
 * sharing none of its words: probably a new problem, not details of that case. Returns that division, or null.
 */
function otherSubject(recent: CaseRecord, turn: Turn, ctx: FlowContext): string | null {
  if (turn.act !== 'complaint' || !turn.confident || wordsIn(turn.text).length < 5) return null;
  if (sharesWords(recent, turn.text, ctx)) return null;
  const division = ctx.nlp.route(turn.text).division;
  return division !== recent.division ? division : null;
}

/** A grievance (or any unsure reading) about handling, or a question or statement that complains of it. */
function aboutEarlierCase(turn: Turn): boolean {
  if (!turn.handling || turn.tickets.length > 0) return false;
  if (turn.act === 'complaint' || !turn.confident) return true;
  return turn.handling === 'handling' && (turn.act === 'question' || turn.act === 'statement');
}

function sameText(a: string, b: string): boolean {
  const norm = (x: string) =>
    x
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a) === norm(b);
}

/** The words are about a case of the citizen's (named or likeliest); a complaint when there is none. */
async function aboutOrNew(
  state: ConversationState,
  turn: Turn,
  attachments: Attachment[],
  purpose: 'dissatisfied' | 'add_info',
  mine: CaseRecord[],
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult> {
  return (
    (await aboutCase(state, turn, attachments, purpose, mine, ctx, replies)) ??
    startComplaint(state, turn, attachments, ctx, replies)
  );
}

/** "Ok makasih min", "👍", a stray "ga ada" after a ticket: a short close, never a new draft or a menu. */
function shortClose(state: ConversationState, recent: CaseRecord | null, thanks: boolean, replies: Reply[]) {
  const lang = state.language;
  if (recent) replies.push({ text: t(lang, thanks ? 'thanksClose' : 'okClose', { ticket: recent.ticket }) });
  else replies.push({ text: t(lang, thanks ? 'thanksCloseNoTicket' : 'okCloseNoTicket') });
  return result(state, replies);
}

/** Low confidence: one clarifying question with the kinds of message we handle. */
function askClarify(state: ConversationState, text: string, attachments: Attachment[], replies: Reply[]) {
  const lang = state.language;
  const offered = [
    { id: 'complaint', label: t(lang, 'choiceComplaint') },
    { id: 'question', label: t(lang, 'choiceQuestion') },
    { id: 'suggestion', label: t(lang, 'choiceSuggestion') },
    { id: 'praise', label: t(lang, 'choicePraise') },
  ];
  replies.push({ text: t(lang, 'clarify'), choices: offered });
  return result({ ...state, mode: 'clarify', pendingText: text, pendingAttachments: attachments, offered }, replies);
}

/** The answer to the clarifying question: the pending message handled as the kind the citizen chose. */
export async function handleClarified(
  state: ConversationState,
  chosen: 'complaint' | 'question' | 'suggestion' | 'praise',
  turn: Turn,
  attachments: Attachment[],
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult> {
  const clarified: Turn = { ...turn, act: chosen, confident: true };
  const base: ConversationState = { ...state, mode: 'idle', pendingText: undefined, pendingAttachments: undefined };
  const next = { ...base, offered: undefined };
  return handleContent(next, clarified, attachments, null, [], ctx, replies);
}
