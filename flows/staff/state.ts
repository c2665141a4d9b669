// A staff member's flow state: the questions the bot asked them and waits for ("write the root cause", the PTP's
// three steps, "take over this case?"), one per case, stored like a citizen's conversation (versioned JSON under
// "staff:<actor id>"). A question older than 30 minutes is forgotten: a member who typed /tolak and walked away must
// not have a chat message hours later taken as the reason for closing the case.
import type { StaffSurface } from '../../src/domain/staff.js';

export const STAFF_STATE_VERSION = 1;
export const QUESTION_TTL_MS = 30 * 60_000;

/** Actions that ask for text when it was not given with the command. */
export type AskingAction = 'review' | 'root_cause' | 'ptp' | 'reject' | 'inform' | 'note' | 'invalid' | 'take';

export interface Question {
  ticket: string;
  action: AskingAction;
  /** Asked on this surface; an answer from another surface is not taken for it. */
  surface: StaffSurface;
  /** The PTP is asked in three steps. */
  step?: 'action' | 'owner' | 'due';
  correctiveAction?: string;
  owner?: string;
  at: number;
}

export interface StaffState {
  v: typeof STAFF_STATE_VERSION;
  questions: Question[];
  /** The member's recent messages relayed to a citizen (surface message id), so an edit of one is a correction. */
  relays?: Array<{ id: string; ticket: string; at: number }>;
}

/** How long, and how many, relayed messages are remembered for corrections. */
export const RELAY_MEMORY = { ms: 48 * 3_600_000, count: 20 };

/** The conversation key of a staff member's state (never a citizen key: those start with a channel name). */
export function staffStateKey(actorId: string): string {
  return `staff:${actorId}`;
}

/** Reads stored state; anything else (older shape, garbage) starts afresh. Expired questions are dropped. */
export function readStaffState(raw: unknown, now: number): StaffState {
  const s = raw as Partial<StaffState> | null;
  if (!s || s.v !== STAFF_STATE_VERSION || !Array.isArray(s.questions))
    return { v: STAFF_STATE_VERSION, questions: [] };
  const relays = Array.isArray(s.relays) ? s.relays.filter((r) => now - r.at <= RELAY_MEMORY.ms) : [];
  return {
    v: STAFF_STATE_VERSION,
    questions: s.questions.filter((q) => now - q.at <= QUESTION_TTL_MS),
    ...(relays.length ? { relays } : {}),
  };
}

/** The state remembering that message `id` was relayed to the citizen of `ticket`. */
export function withRelay(s: StaffState, id: string, ticket: string, at: number): StaffState {
  return { ...s, relays: [...(s.relays ?? []), { id, ticket, at }].slice(-RELAY_MEMORY.count) };
}

/** The question open for `ticket`, asked on `surface` (an answer from another surface is not taken for it). */
export function questionAbout(s: StaffState, ticket: string, surface: StaffSurface): Question | null {
  return s.questions.find((q) => q.ticket === ticket && q.surface === surface) ?? null;
}

/** The state with `q` as the one question about its case (replacing an earlier one). */
export function withQuestion(s: StaffState, q: Question): StaffState {
  return { ...s, questions: [...s.questions.filter((x) => x.ticket !== q.ticket), q] };
}

/** The state without a question about `ticket` (answered, cancelled, or replaced by a new command). */
export function withoutQuestion(s: StaffState, ticket: string): StaffState {
  return { ...s, questions: s.questions.filter((q) => q.ticket !== ticket) };
}
