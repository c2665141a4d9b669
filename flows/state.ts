// A citizen's conversation state: versioned, serialisable JSON stored per citizen. A state written by an older
// shape of the flows is detected by its version and reset (keeping the language), never misread.
import type { Attachment, Choice } from '../src/domain/messages.js';
import type { Language } from '../src/domain/case.js';
import type { Classification } from '../nlp/types.js';

/** 2: acts per turn (issue 9): retries, the recent ticket, a case question, wrong-ticket lookups, draft notes. */
export const STATE_VERSION = 2;

export type DetailSlot = 'what' | 'where' | 'since' | 'photo';

export interface IntakeDraft {
  text: string;
  attachments: Attachment[];
  classification: Classification;
  details: { what?: string; where?: string; since?: string };
  /** The slot whose answer we are waiting for. */
  awaiting: DetailSlot;
  /** Slots already asked (answered or skipped): never asked twice. */
  asked: DetailSlot[];
  startedAt: number;
  /** Set when the half-way reminder was sent (scheduler). */
  remindedAt?: number;
  /** The citizen said there is no evidence ("gak ada foto"): the photo question is not asked. */
  noEvidence?: boolean;
  /** Flags read from the citizen's words (integrity, sarcasm, mixed), kept until the case is recorded. */
  flags?: string[];
  /** The praising part of a mixed message, passed on to staff beside the complaint. */
  praise?: string;
  /** An earlier case of the same citizen this complaint continues (closed too long ago, or archived). */
  linkTo?: string;
  /** How that earlier case ended, in the citizen's words ("diarsipkan"), for the reply. */
  linkHow?: string;
  /** Facts sent while the current question stays unanswered. */
  extraFacts?: number;
  /** The citizen was already told that their integrity report goes to the head of the agency. */
  integrityTold?: boolean;
}

export type Mode =
  | 'idle'
  /** Low confidence: we asked whether this is a complaint, a question, a suggestion or praise. */
  | 'clarify'
  /** Collecting the missing details of a complaint. */
  | 'intake'
  /** SOP step 13: asked "satisfied / not satisfied" about `ticket`. */
  | 'confirm'
  /** Not satisfied: waiting for the reason. */
  | 'confirm_reason'
  /** Satisfied: waiting for an optional 1-5 rating. */
  | 'rating'
  /** Weeks after closing: asked whether the problem stayed solved. */
  | 'followup'
  /** Staff wrote to the citizen about `ticket`: free text goes to that case's thread. */
  | 'thread'
  /** We asked which case the citizen means ("Apakah ini tentang ADU-…?"); `pendingCase` holds what they said. */
  | 'confirm_case';

/** What the citizen said about a case we are not sure of, waiting for "is this about ADU-…?". */
export interface PendingCase {
  ticket: string;
  /** What to do once confirmed: reopen / add to its thread, attach details, or withdraw it. */
  purpose: 'dissatisfied' | 'add_info' | 'withdraw';
  text: string;
  attachments: Attachment[];
}

export interface ConversationState {
  v: typeof STATE_VERSION;
  language: Language;
  greeted: boolean;
  mode: Mode;
  draft?: IntakeDraft;
  /** The text waiting for the clarifying answer. */
  pendingText?: string;
  pendingAttachments?: Attachment[];
  ticket?: string;
  /** A complaint the citizen just called off: "eh jadi deh, lanjut" soon after brings it back (a change of mind). */
  cancelled?: { draft: IntakeDraft; at: number };
  /** A complaint the citizen was writing when the bot had to ask about another case; resumed afterwards. */
  suspended?: { draft: IntakeDraft; offered?: Choice[] };
  /** Choices offered in the last reply, so "1" or the choice's word can answer them on text-only channels. */
  offered?: Choice[];
  /** When the bot last asked something that waits for an answer (closure question, follow-up check). */
  askedAt?: number;
  remindedAt?: number;
  /** Answers that were not answers to the question now open: asked once more, then the question is dropped. */
  retries?: number;
  /** The case this conversation last recorded or added to: details right after it belong to it. */
  recent?: { ticket: string; at: number };
  pendingCase?: PendingCase;
  /** Lookups of tickets that are not the citizen's, in the current hour (rate limit, issue 11). */
  lookups?: { since: number; misses: number; refused: number };
  lastActivityAt: number;
}

/** Reads stored state; anything that is not a state of the current version starts afresh. */
export function readState(raw: unknown, defaultLanguage: Language, now: number): ConversationState {
  const fresh: ConversationState = {
    v: STATE_VERSION,
    language: defaultLanguage,
    greeted: false,
    mode: 'idle',
    lastActivityAt: now,
  };
  if (raw === null || typeof raw !== 'object') return fresh;
  const s = raw as Partial<ConversationState>;
  const language = s.language === 'en' || s.language === 'id' ? s.language : defaultLanguage;
  if (s.v !== STATE_VERSION) return { ...fresh, language, greeted: s.greeted === true };
  return s as ConversationState;
}
