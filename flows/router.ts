// The entry of every citizen message: commands first, then whatever the conversation is waiting for, then a new
// message. A plain function of (state, input, context) returning the new state, the replies and the changes.
import type { Attachment } from '../src/domain/messages.js';
import type { Language } from '../src/domain/case.js';
import { findTicketInText, parseTicket } from '../src/domain/ticket.js';
import { combine, result, type FlowContext, type FlowResult, type Reply } from './context.js';
import { relayToCase } from './add-info.js';
import { handleConfirm, handleFollowup, handleRating, handleReason } from './closure.js';
import { handleCaseConfirm } from './disputes.js';
import { handleClarified, handleIdle } from './idle.js';
import { cleanText, matchChoice, parseCommand } from './input.js';
import { cancelDraft, handleIntakeAnswer, idleOf, resumeCancelled, startComplaint, startReport } from './intake.js';
import type { ConversationState } from './state.js';
import { listMyCases, showStatus, withdraw } from './status.js';
import { t } from './texts.js';
import { hasWords, readTurn, type Turn } from './turn.js';

/** The kinds the clarifying question offers. */
const CLARIFIED = ['complaint', 'question', 'suggestion', 'praise'] as const;

/**
 * What an unsure first message most likely was when the citizen writes on instead of choosing. Praise only when it
 * clearly beats a grievance: a complaint taken for praise would be thanked and dropped, the other way round a person
 * reads it.
 */
function clarifiedGuess(pending: Turn): (typeof CLARIFIED)[number] {
  const guess = CLARIFIED.find((a) => a === pending.act) ?? 'complaint';
  const scores = pending.understanding.scores;
  if (guess === 'praise' && (scores.complaint ?? 0) * 2 >= (scores.praise ?? 0)) return 'complaint';
  return guess;
}

/** After this long without a word, a staff thread no longer catches the citizen's messages. */
export const THREAD_IDLE_MS = 3 * 86_400_000;

export interface FlowInput {
  text: string;
  attachments: Attachment[];
  /** Callback data of a pressed button. */
  choice?: string;
  /** Place and time the channel asked for in fields of their own (the web form): taken as given, never asked again. */
  details?: { where?: string; since?: string };
}

const COMMANDS: Record<string, string> = {
  start: 'start',
  mulai: 'start',
  lapor: 'report',
  report: 'report',
  aduan: 'report',
  status: 'status',
  cek: 'status',
  kasus: 'cases',
  cases: 'cases',
  bantuan: 'help',
  help: 'help',
  batal: 'cancel',
  cancel: 'cancel',
  bahasa: 'language',
  language: 'language',
  lang: 'language',
};

const ENGLISH_CUES =
  /\b(the|my|is|are|was|were|not|please|hello|hi|thank|thanks|you|your|i|i'm|why|how|what|since|when|where|service|office|has|have|been|for|and|of|to|it|this|that|there|with|can|cannot|could|would|still|do|does|did|days|good|morning|want|complaint)\b/gi;
const INDONESIAN_CUES =
  /\b(saya|tidak|gak|ga|sudah|udah|belum|yang|di|ke|dan|min|pak|bu|mohon|tolong|kenapa|bagaimana|terima kasih|apa)\b/gi;

/** Guesses English on a citizen's first message; Indonesian otherwise. */
export function guessLanguage(text: string, fallback: Language): Language {
  const en = text.match(ENGLISH_CUES)?.length ?? 0;
  const id = text.match(INDONESIAN_CUES)?.length ?? 0;
  if (en >= 2 && en > id * 2) return 'en';
  if (id > 0) return 'id';
  return fallback;
}

/** Whether a text is decidedly in one language (several cues of one, none of the other); null when unclear. */
export function decidedLanguage(text: string): Language | null {
  const en = text.match(ENGLISH_CUES)?.length ?? 0;
  const id = text.match(INDONESIAN_CUES)?.length ?? 0;
  if (en >= 3 && id === 0) return 'en';
  if (id >= 2 && en === 0) return 'id';
  return null;
}

export async function handleMessage(
  stored: ConversationState,
  input: FlowInput,
  ctx: FlowContext,
): Promise<FlowResult> {
  let state: ConversationState = { ...stored, lastActivityAt: ctx.now };
  const text = cleanText(input.text);
  const replies: Reply[] = [];
  const firstTurn = !state.greeted;
  if (firstTurn) {
    state = { ...state, greeted: true, language: guessLanguage(text, state.language) };
    replies.push({ text: t(state.language, 'greeting', { agency: ctx.agency.name }) });
  } else {
    // Replies follow the citizen's language, also when they switch.
    const decided = text.length <= ctx.maxChars ? decidedLanguage(text) : null;
    if (decided && decided !== state.language) state = { ...state, language: decided };
  }
  const lang = state.language;
  ctx = { ...ctx, citizen: { ...ctx.citizen, language: lang } };

  const attachments: Attachment[] = [];
  for (const a of input.attachments) {
    if (a.size !== undefined && a.size > ctx.maxAttachmentBytes) {
      replies.push({
        text: t(lang, 'attachmentTooBig', {
          size: (a.size / 1_048_576).toFixed(1),
          max: Math.round(ctx.maxAttachmentBytes / 1_048_576),
        }),
      });
    } else attachments.push(a);
  }

  if (text.length > ctx.maxChars) {
    replies.push({ text: t(lang, 'tooLong', { length: text.length, max: ctx.maxChars }) });
    return result(state, replies);
  }

  const command = parseCommand(text);
  if (command) return handleCommand(state, command.name, command.args, ctx, replies);
  if (text === '' && attachments.length === 0 && input.choice === undefined) {
    // Nothing to read (an empty message, only control characters): the open question, if any, stays open.
    replies.push({ text: t(lang, 'empty') });
    return result(state, replies);
  }

  const choice = input.choice ?? matchChoice(text, state.offered);
  const mine = text === '' ? [] : await ctx.casesOf(ctx.citizenKey, 20);
  const turn = withGiven(readTurn(state, text, ctx, mine.length > 0), input.details);
  // Questions about a case (closure, rating, follow-up, which case), a staff thread: their handler answers, or
  // returns null when the message is not an answer (or the case moved on), and it is then taken as a new one.
  const answering: Partial<Record<ConversationState['mode'], () => Promise<FlowResult | null>>> = {
    confirm: () => handleConfirm(state, turn, choice, ctx, replies),
    confirm_reason: () => handleReason(state, turn, ctx, replies),
    rating: () => handleRating(state, turn, choice, ctx, replies),
    followup: () => handleFollowup(state, turn, choice, ctx, replies),
    confirm_case: () => handleCaseConfirm(state, turn, choice, ctx, replies),
    thread: () => relayToCase(state, turn, attachments, ctx, replies),
  };
  // A staff thread stays open while the talk goes on; days later a message is a new one.
  const threadGone = state.mode === 'thread' && ctx.now - stored.lastActivityAt > THREAD_IDLE_MS;
  const answer = threadGone ? undefined : answering[state.mode];
  if (answer) {
    const r = await answer();
    if (r) return r;
  }
  if (answering[state.mode]) state = { ...idleOf(state), suspended: state.suspended };
  if (state.mode === 'intake') return handleIntakeAnswer(state, turn, attachments, choice, ctx, replies);
  if (state.mode === 'clarify') {
    const pending = state.pendingText ?? '';
    const pendingTurn = readTurn(idleOf(state), pending, ctx, mine.length > 0);
    const carried = [...(state.pendingAttachments ?? []), ...attachments];
    if (choice === 'complaint' || choice === 'question' || choice === 'suggestion' || choice === 'praise') {
      return handleClarified(state, choice, pendingTurn, carried, ctx, replies);
    }
    if (turn.act === 'cancel') return cancelDraft(state, replies);
    // A photo instead of a choice: evidence for the message, which is taken as what it most likely was.
    if (pending && attachments.length > 0 && !hasWords(text))
      return handleClarified(state, clarifiedGuess(pendingTurn), pendingTurn, carried, ctx, replies);
    if (pending && hasWords(text)) {
      // The citizen wrote on instead of choosing: the first message is taken as what it most likely was, and this
      // one is read after it (it often answers the question that message leads to).
      const guess = clarifiedGuess(pendingTurn);
      const first = await handleClarified(state, guess, pendingTurn, state.pendingAttachments ?? [], ctx, replies);
      if (first.state.mode === 'intake') first.replies.pop();
      const then = await handleMessage(first.state, input, ctx);
      return combine(first, then);
    }
    state = { ...idleOf(state), pendingAttachments: state.pendingAttachments };
  }

  if (state.mode === 'idle' && state.cancelled) {
    const resumed = resumeCancelled(state, text, ctx, replies);
    if (resumed) return resumed;
  }
  if (state.mode === 'idle' && state.suspended && turn.act !== 'cancel') {
    // The question about another case no longer applies: this message continues the complaint put aside.
    const { draft, offered } = state.suspended;
    const restored: ConversationState = { ...state, mode: 'intake', draft, offered, suspended: undefined };
    const resumedChoice = input.choice ?? matchChoice(text, offered);
    return handleIntakeAnswer(
      restored,
      readTurn(restored, text, ctx, mine.length > 0),
      attachments,
      resumedChoice,
      ctx,
      replies,
    );
  }
  if (state.mode === 'idle' && state.suspended) return cancelDraft(state, replies);
  return handleIdle(state, { turn, attachments, mine, firstTurn }, ctx, replies);
}

async function handleCommand(
  state: ConversationState,
  name: string,
  args: string,
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult> {
  const lang = state.language;
  switch (COMMANDS[name]) {
    case 'start':
      if (replies.length === 0) replies.push({ text: t(lang, 'greeting', { agency: ctx.agency.name }) });
      return result(state, replies);
    case 'help':
      replies.push({ text: t(lang, 'help') });
      return result(state, replies);
    case 'report': {
      const carried = state.pendingAttachments ?? [];
      const next = { ...resetMode(state), pendingAttachments: undefined };
      if (args) {
        const turn = readTurn(next, args, ctx, false);
        return startComplaint(next, { ...turn, act: 'complaint', confident: true }, carried, ctx, replies);
      }
      return startReport({ ...next, pendingAttachments: carried }, ctx, replies);
    }
    case 'status':
      return showStatus(state, args, ctx, replies);
    case 'cases':
      return listMyCases(state, ctx, replies);
    case 'cancel': {
      const ticket = parseTicket(args) ?? findTicketInText(args);
      if (ticket) return withdraw(state, ticket, ctx, replies);
      if (args) {
        replies.push({ text: t(lang, 'notFound', { ticket: args.slice(0, 20) }) });
        return result(state, replies);
      }
      if (state.mode === 'intake' || state.mode === 'clarify' || state.suspended) return cancelDraft(state, replies);
      if (state.mode === 'confirm_case') {
        replies.push({ text: t(lang, 'caseQuestionDropped') });
        return result(resetMode(state), replies);
      }
      replies.push({ text: t(lang, 'nothingToCancel') });
      return result(state, replies);
    }
    case 'language': {
      const choice = args.toLowerCase();
      const next: Language | null = /^(en|english|inggris)$/.test(choice)
        ? 'en'
        : /^(id|indonesia|indonesian|bahasa)$/.test(choice)
          ? 'id'
          : null;
      if (!next) {
        replies.push({ text: t(lang, 'languageUsage') });
        return result(state, replies);
      }
      replies.push({ text: t(next, 'languageSet') });
      return result({ ...state, language: next }, replies);
    }
    default:
      replies.push({ text: t(lang, 'unknownCommand', { command: `/${name}` }) });
      return result(state, replies);
  }
}

/** The place and time a channel's own fields gave (the web form) stand for what the words say of them. */
function withGiven(turn: Turn, given: FlowInput['details']): Turn {
  if (!given?.where && !given?.since) return turn;
  return { ...turn, ...(given.where ? { place: given.where } : {}), ...(given.since ? { time: given.since } : {}) };
}

function resetMode(state: ConversationState): ConversationState {
  return idleOf(state);
}
