// Reads one citizen turn for what it does in the conversation: the dialogue act in the light of what the bot is
// waiting for, the facts it carries (slots) and its flags. Every flow decides with the state *and* this reading.
import { findTicketInText } from '../src/domain/ticket.js';
import { announcedKind, extractSlots, handlingCue, type HandlingCue } from '../nlp/index.js';
import { familyOf, type DialogueAct, type TurnContext, type Understanding } from '../nlp/types.js';
import type { FlowContext } from './context.js';
import type { ConversationState } from './state.js';

export interface Turn {
  text: string;
  /** The act the flows act on: the model's act, except that a report of bribery or sarcastic praise is a complaint. */
  act: DialogueAct;
  /** The model's act was at or above the clarify threshold. */
  confident: boolean;
  understanding: Understanding;
  place?: string;
  time?: string;
  tickets: string[];
  evidence?: 'none' | 'mentioned';
  /** 'integrity', 'sarcasm', 'mixed' as read from this turn. */
  flags: string[];
  praise?: string;
  /** The words speak of how an earlier report was handled ("belum ada tanggapan") or of disappointment. */
  handling?: HandlingCue;
}

/** Acts that carry something to record or answer (as opposed to short conversational moves). */
export const CONTENT_ACTS: ReadonlySet<DialogueAct> = new Set([
  'complaint',
  'suggestion',
  'praise',
  'statement',
  'question',
  'dissatisfied',
  'add_info',
]);

// The bare answers our questions themselves suggest ("Jika tidak ada, pilih Lewati"): whole-message matches only.
const NOTHING =
  /^(?:lewati|skip|skip aja|tidak ada|tdk ada|gak ada|ga ada|gada|nggak ada|ngga ada|gk ada|enggak ada|g ada|belum ada|blm ada|gak tau|ga tau|gatau|gak tahu|tidak tahu|tidak tau|ndak tau|ndak ado|indak ado|ora ono|mboten wonten|none|nothing|no|-|\.)[.!\s]*(?:min|kak|pak|bu)?[.!\s]*$/i;

// A request for information ends in "?" and asks who / what / how much / how / when / where / whether; "kok …?" and
// "kenapa …?" are grievances put as questions and stay what the model reads.
const ASKS =
  /\b(?:siapa|apa|apakah|apa\s+saja|apa\s+aja|berapa|bagaimana|gimana|gmn|bgmn|kapan|dimana|di\s+mana|mana|bisakah|bolehkah|who|what|how|when|where|which|can\s+i|do\s+i|is\s+it)\b[^?]*\?\s*$/i;
/** The model's question share above which an information question the text plainly asks is read as one. */
const ASKED_QUESTION_SHARE = 0.15;

/** Whether the whole message only says "nothing / don't know / skip". */
export function saysNothing(text: string): boolean {
  return NOTHING.test(text.trim());
}

/** What the bot is waiting for, as the text reader understands it. */
export function expecting(state: ConversationState): TurnContext['expecting'] {
  switch (state.mode) {
    case 'confirm':
    case 'confirm_reason':
      return 'closure';
    case 'followup':
      return 'followup';
    case 'rating':
      return 'rating';
    case 'clarify':
      return 'clarify';
    case 'confirm_case':
      return 'confirm_case';
    case 'intake':
      return state.draft ? (state.draft.text === '' ? 'what' : state.draft.awaiting) : undefined;
    default:
      return undefined;
  }
}

const NEUTRAL: Omit<Understanding, 'classification'> = {
  act: 'unrelated',
  confidence: 0,
  scores: {} as Understanding['scores'],
  slots: { tickets: [], objectNumbers: [], amounts: [] },
  flags: [],
  integrity: 0,
  language: 'id',
};

/** Reads `text` (already cleaned) once; an empty text reads as nothing at all. */
export function readTurn(state: ConversationState, text: string, ctx: FlowContext, hasCases: boolean): Turn {
  if (text === '') {
    const understanding: Understanding = {
      ...NEUTRAL,
      classification: { label: 'statement', confidence: 0, modelVersion: 'none' },
    };
    return { text, act: 'unrelated', confident: false, understanding, tickets: [], flags: [] };
  }
  const context: TurnContext = { hasCases };
  const exp = expecting(state);
  if (exp) context.expecting = exp;
  const u = ctx.nlp.understand(text, context);
  // The slot extractor reads the facts of every message; what the reader's own slots lack, ask it directly.
  const found = u.slots.place && u.slots.time && u.slots.evidence ? u.slots : extractSlots(text);
  const place = u.slots.place ?? found.place;
  const time = u.slots.time ?? found.time;
  const evidence = u.slots.evidence ?? found.evidence;
  const named = findTicketInText(text);
  const tickets = u.slots.tickets.length ? u.slots.tickets : named ? [named] : [];
  const flags = [...u.flags];
  let act = u.act;
  if (saysNothing(text)) act = 'dont_know';
  // "…, pbb nya siapa yg bayar?": asked plainly, with some of the model's weight on a question, it is a question.
  if (
    act === 'complaint' &&
    ASKS.test(text) &&
    (u.scores.question ?? 0) >= ASKED_QUESTION_SHARE &&
    !handlingCue(text) &&
    !flags.includes('integrity')
  )
    act = 'question';
  // Praise words around a grievance are a complaint (sarcasm); a message with both is recorded as the complaint.
  if (act === 'praise' && (flags.includes('sarcasm') || flags.includes('mixed'))) act = 'complaint';
  // A report of bribery or illegal levies is a report whatever words it comes in.
  if (
    (flags.includes('integrity') || u.integrity >= 0.5) &&
    (act === 'statement' || act === 'praise' || act === 'unrelated')
  ) {
    act = 'complaint';
    if (!flags.includes('integrity')) flags.push('integrity');
  }
  const handling = handlingCue(text);
  // Unsure between a complaint and a suggestion (or dissatisfaction) but sure it is one of them: either way it gets a
  // ticket and a person reads it, so there is nothing to ask.
  const sureFamily =
    familyOf(act) === 'complaint' &&
    u.classification.label === 'complaint' &&
    u.classification.confidence >= ctx.nlp.clarifyThreshold;
  let confident = u.confidence >= ctx.nlp.clarifyThreshold || sureFamily;
  // "Saya mau menyampaikan keluhan, …": the citizen said what kind it is; there is nothing to ask.
  const announced = confident || !CONTENT_ACTS.has(act) ? undefined : announcedKind(text);
  if (announced) {
    act = announced;
    confident = true;
  }
  return {
    text,
    act,
    confident,
    ...(handling ? { handling } : {}),
    understanding: u,
    ...(place ? { place } : {}),
    ...(time ? { time } : {}),
    ...(evidence ? { evidence } : {}),
    tickets,
    flags,
    ...(u.praise ? { praise: u.praise } : {}),
  };
}

/** Whether the text holds words at all ("123", "...", "👍👍" do not). */
export function hasWords(text: string): boolean {
  return /\p{L}{2,}/u.test(text);
}

/** Letter words in a text. */
export function wordsIn(text: string): string[] {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
}
