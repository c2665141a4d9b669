// What the staff flow may use and what it returns. Like the citizens' flows, it reads through the context and
// returns every change as data; the inbound pipeline commits them at once with the staff member's message.
import type { Agency } from '../../src/domain/agency.js';
import type { CaseEvent, CaseRecord } from '../../src/domain/case.js';
import type { DuePolicy } from '../../src/domain/lifecycle.js';
import type { OutboundMessage } from '../../src/domain/messages.js';
import type { StaffActor, StaffReply, StaffSurface } from '../../src/domain/staff.js';
import type { CaseQuery } from '../../src/store/port.js';
import type { ConversationState } from '../state.js';
import type { StaffState } from './state.js';

export interface StaffContext {
  now: number;
  /** The staff member acting; null when the sender is not listed as staff. */
  actor: StaffActor | null;
  surface: StaffSurface;
  agency: Agency;
  duePolicy: DuePolicy;
  /** Whether replies land in the case's own thread (Telegram topic); if not, actions are posted there too. */
  repliesInThread: boolean;
  /** The case the message is about (its thread), read at the start of handling. */
  case: CaseRecord | null;
  /** Set when the channel reported the case's citizen cannot be reached (blocked the bot, not on WhatsApp). */
  citizenUnreachable?: { at: number; reason: string };
  getCase(ticket: string): Promise<CaseRecord | null>;
  listCases(q: CaseQuery): Promise<CaseRecord[]>;
  getEvents(ticket: string): Promise<CaseEvent[]>;
}

/** A change to the citizen's conversation a staff action causes (the closure question, the thread opened). */
export type CitizenEffect = (state: ConversationState) => ConversationState;

export interface StaffResult {
  state: StaffState;
  /** What the sender sees where they wrote (or on the terminal). */
  replies: StaffReply[];
  /** A short note for a pressed button's spinner. */
  toast?: string;
  cases: Array<{ record: CaseRecord; expectedVersion: number }>;
  events: CaseEvent[];
  /** Messages to the citizen and to the case's thread for everyone else. */
  outbox: OutboundMessage[];
  /** The citizen whose personal data the commit erases (staff confirmed their request: /hapusdata ya). */
  erase?: string;
  /** The citizen's conversation change, committed with the rest (at the version read). */
  citizen?: { key: string; language: CaseRecord['citizen']['language']; effect: CitizenEffect };
}

/** A result that only answers the sender. */
export function answer(state: StaffState, replies: StaffReply[], toast?: string): StaffResult {
  return { state, replies, ...(toast ? { toast } : {}), cases: [], events: [], outbox: [] };
}

/** A plain reply about `ticket` (or the general thread). */
export function notice(text: string, ticket?: string): StaffReply {
  return { text, kind: 'notice', ...(ticket ? { ticket } : {}) };
}
