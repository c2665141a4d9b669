// What a flow may use and what it returns. Flows read through the context and return every change as data;
// the inbound service commits the returned changes atomically with the outbox.
import type { Agency } from '../src/domain/agency.js';
import { citizenKey, type CaseEvent, type CaseRecord, type CitizenRef } from '../src/domain/case.js';
import type { DuePolicy } from '../src/domain/lifecycle.js';
import type { OfficeCalendar } from '../src/domain/office-hours.js';
import type { Choice, OutboundMessage } from '../src/domain/messages.js';
import type { TextUnderstanding } from '../nlp/types.js';
import type { ConversationState } from './state.js';

export interface FlowContext {
  now: number;
  citizen: CitizenRef;
  citizenKey: string;
  nlp: TextUnderstanding;
  agency: Agency;
  duePolicy: DuePolicy;
  maxChars: number;
  maxAttachmentBytes: number;
  newTicket(): string;
  /** The citizen's own cases, newest first. */
  casesOf(citizenKey: string, limit: number): Promise<CaseRecord[]>;
  getCase(ticket: string): Promise<CaseRecord | null>;
  /** A closed case younger than this is reopened by dissatisfaction; an older one gets a new linked complaint. */
  reopenWindowMs?: number;
  /** Office hours and holidays from the clocks' settings, for FAQ answers ({officeHours}, {holidays}). */
  calendar?: OfficeCalendar;
  /** The same message addressed to every supervisor (head of the agency): integrity reports. */
  toSupervisors?(message: Omit<OutboundMessage, 'channel' | 'chatId'>): OutboundMessage[];
}

export interface Reply {
  text: string;
  choices?: Choice[];
}

export interface FlowResult {
  state: ConversationState;
  replies: Reply[];
  cases: Array<{ record: CaseRecord; expectedVersion: number | null }>;
  events: CaseEvent[];
  /** Messages for the staff inbox and other destinations than the citizen's chat. */
  notify: OutboundMessage[];
  /** Counters to add to the service's metrics (e.g. refused ticket lookups), by name. */
  counters?: Record<string, number>;
}

export function result(state: ConversationState, replies: Reply[] = []): FlowResult {
  return { state, replies, cases: [], events: [], notify: [] };
}

/** Default REOPEN_WINDOW_DAYS: a case closed within 60 days is reopened when the citizen is not satisfied. */
export const DEFAULT_REOPEN_WINDOW_MS = 60 * 86_400_000;

/**
 * The case `ticket` if it was opened from this citizen's identity, else null: another citizen's ticket is
 * indistinguishable from one that does not exist.
 */
export async function ownCase(ctx: FlowContext, ticket: string | undefined): Promise<CaseRecord | null> {
  if (!ticket) return null;
  const c = await ctx.getCase(ticket);
  return c && citizenKey(c.citizen) === ctx.citizenKey ? c : null;
}

/** Merges two flow results (the second's state wins): one message may both close one thing and start another. */
export function combine(first: FlowResult, second: FlowResult): FlowResult {
  const counters = { ...first.counters };
  for (const [k, v] of Object.entries(second.counters ?? {})) counters[k] = (counters[k] ?? 0) + v;
  return {
    state: second.state,
    replies: second.replies === first.replies ? first.replies : [...first.replies, ...second.replies],
    cases: [...first.cases, ...second.cases],
    events: [...first.events, ...second.events],
    notify: [...first.notify, ...second.notify],
    ...(Object.keys(counters).length ? { counters } : {}),
  };
}
