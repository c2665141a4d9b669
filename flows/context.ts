// What a flow may use and what it returns. Flows read through the context and return every change as data;
// the inbound service commits the returned changes atomically with the outbox.
import type { Agency } from '../src/domain/agency.js';
import { citizenKey, type CaseEvent, type CaseRecord, type CitizenRef } from '../src/domain/case.js';
import type { DuePolicy } from '../src/domain/lifecycle.js';
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
}

export function result(state: ConversationState, replies: Reply[] = []): FlowResult {
  return { state, replies, cases: [], events: [], notify: [] };
}

/**
 * The case `ticket` if it was opened from this citizen's identity, else null: another citizen's ticket is
 * indistinguishable from one that does not exist.
 */
export async function ownCase(ctx: FlowContext, ticket: string | undefined): Promise<CaseRecord | null> {
  if (!ticket) return null;
  const c = await ctx.getCase(ticket);
  return c && citizenKey(c.citizen) === ctx.citizenKey ? c : null;
}
