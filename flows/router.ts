// The entry of every citizen message: commands first, then whatever the conversation is waiting for, then a new
// message. A plain function of (state, input, context) returning the new state, the replies and the changes.
import type { Attachment } from '../src/domain/messages.js';
import type { Language } from '../src/domain/case.js';
import { findTicketInText, parseTicket } from '../src/domain/ticket.js';
import { ownCase, result, type FlowContext, type FlowResult, type Reply } from './context.js';
import { handleConfirm, handleFollowup, handleRating, handleReason } from './closure.js';
import { cleanText, matchChoice, parseCommand } from './input.js';
import { handleIntakeAnswer, handleLabelled, handleNewMessage } from './intake.js';
import type { ConversationState } from './state.js';
import { listMyCases, showStatus, withdraw } from './status.js';
import { t } from './texts.js';
import { staffMessage } from './record.js';

export interface FlowInput {
  text: string;
  attachments: Attachment[];
  /** Callback data of a pressed button. */
  choice?: string;
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
  /\b(the|my|is|are|was|not|please|hello|hi|thank|thanks|you|your|i|why|how|what|since|when|service|office)\b/gi;
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

export async function handleMessage(
  stored: ConversationState,
  input: FlowInput,
  ctx: FlowContext,
): Promise<FlowResult> {
  let state: ConversationState = { ...stored, lastActivityAt: ctx.now };
  const text = cleanText(input.text);
  const replies: Reply[] = [];
  if (!state.greeted) {
    state = { ...state, greeted: true, language: guessLanguage(text, state.language) };
    replies.push({ text: t(state.language, 'greeting', { agency: ctx.agency.name }) });
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

  const choice = input.choice ?? matchChoice(text, state.offered);
  // Questions about a case (closure, rating, follow-up) and a staff thread: their handler answers, or returns null
  // when the message is not an answer (or the case moved on), and the message is then taken as a new one.
  const answering: Partial<Record<ConversationState['mode'], () => Promise<FlowResult | null>>> = {
    confirm: () => handleConfirm(state, choice, ctx, replies),
    confirm_reason: () => handleReason(state, text, ctx, replies),
    rating: () => handleRating(state, text, choice, ctx, replies),
    followup: () => handleFollowup(state, text, choice, ctx, replies),
    thread: () => relayToCase(state, text, attachments, ctx, replies),
  };
  const answer = answering[state.mode];
  if (answer) {
    const r = await answer();
    if (r) return r;
    state = { ...state, mode: 'idle', ticket: undefined, offered: undefined };
  }
  if (state.mode === 'intake') return handleIntakeAnswer(state, text, attachments, choice, ctx, replies);
  if (state.mode === 'clarify') {
    if (choice === 'complaint' || choice === 'praise' || choice === 'statement') {
      const pending = state.pendingText ?? '';
      const carried = [...(state.pendingAttachments ?? []), ...attachments];
      return handleLabelled(state, pending, carried, ctx.nlp.classify(pending), choice, ctx, replies);
    }
    state = { ...state, mode: 'idle', pendingText: undefined, pendingAttachments: undefined, offered: undefined };
  }

  if (state.mode === 'idle' && state.suspended) {
    // The question about another case no longer applies: this message continues the complaint put aside.
    const { draft, offered } = state.suspended;
    const restored: ConversationState = { ...state, mode: 'intake', draft, offered, suspended: undefined };
    return handleIntakeAnswer(restored, text, attachments, input.choice ?? matchChoice(text, offered), ctx, replies);
  }
  if (text === '') {
    if (attachments.length) {
      replies.push({ text: t(lang, 'attachmentOnly') });
      return result({ ...state, pendingAttachments: [...(state.pendingAttachments ?? []), ...attachments] }, replies);
    }
    replies.push({ text: t(lang, 'empty') });
    return result(state, replies);
  }
  const mentioned = findTicketInText(text);
  if (mentioned && /\b(status|cek|check|gimana|bagaimana|sampai mana|progress|perkembangan)\b/i.test(text)) {
    return showStatus(state, mentioned, ctx, replies);
  }
  const carried = [...(state.pendingAttachments ?? []), ...attachments];
  return handleNewMessage({ ...state, pendingAttachments: undefined }, text, carried, ctx, replies);
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
      if (args) {
        const carried = state.pendingAttachments ?? [];
        const next = { ...resetMode(state), pendingAttachments: undefined };
        return handleLabelled(next, args, carried, ctx.nlp.classify(args), 'complaint', ctx, replies);
      }
      replies.push({ text: t(lang, 'reportPrompt') });
      const draft = {
        text: '',
        attachments: state.pendingAttachments ?? [],
        classification: { label: 'complaint' as const, confidence: 0, modelVersion: 'pending' },
        details: {},
        awaiting: 'what' as const,
        asked: [],
        startedAt: ctx.now,
      };
      return result({ ...resetMode(state), mode: 'intake', draft, pendingAttachments: undefined }, replies);
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
      if (state.mode === 'intake' || state.mode === 'clarify') {
        replies.push({ text: t(lang, 'cancelledDraft') });
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

function resetMode(state: ConversationState): ConversationState {
  return { ...state, mode: 'idle', draft: undefined, pendingText: undefined, offered: undefined, ticket: undefined };
}

/** A citizen writing after staff wrote to them: the message goes to that case's staff thread. */
async function relayToCase(
  state: ConversationState,
  text: string,
  attachments: Attachment[],
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  if (!state.ticket || (text === '' && attachments.length === 0)) return null;
  const c = await ownCase(ctx, state.ticket);
  if (!c || c.stage === 'archived') return null;
  const next = { ...c, attachments: [...c.attachments, ...attachments], updatedAt: ctx.now };
  const ack = state.askedAt === undefined;
  if (ack) replies.push({ text: t(state.language, 'threadForwarded', { ticket: c.ticket }) });
  const note = text || `(${attachments.map((a) => a.kind).join(', ')})`;
  return {
    state: { ...state, askedAt: state.askedAt ?? ctx.now },
    replies,
    cases: attachments.length ? [{ record: next, expectedVersion: c.version }] : [],
    events: [
      {
        ticket: c.ticket,
        at: ctx.now,
        actor: { kind: 'citizen', id: ctx.citizenKey },
        action: 'citizen message',
        fromStage: c.stage,
        toStage: c.stage,
        detail: note,
      },
    ],
    notify: [staffMessage(c, ctx, 'relay', `${c.ticket} — pesan warga:\n${note}`)],
  };
}
