// The SOP actions staff take on a case (steps 5-14), what a planner gets and what it returns. Each action has a
// planner of its own in this folder: a plain function of (case, arguments, context) returning the changed case,
// its events and the messages it causes, or throwing ActionError (nothing changes).
import type { Agency } from '../../../src/domain/agency.js';
import type { CaseEvent, CaseRecord } from '../../../src/domain/case.js';
import type { DuePolicy } from '../../../src/domain/lifecycle.js';
import type { OutboundFile, OutboundMessage } from '../../../src/domain/messages.js';
import type { StaffActor } from '../../../src/domain/staff.js';
import type { MessageLabel } from '../../../nlp/types.js';
import type { CitizenEffect } from '../context.js';

export type StaffAction =
  | { type: 'take'; takeOver?: boolean }
  | { type: 'forward'; division: string }
  | { type: 'review'; note?: string }
  | { type: 'root_cause'; text: string }
  | { type: 'ptp'; correctiveAction: string; owner: string; dueAt: number }
  | { type: 'start' }
  | { type: 'done'; note?: string }
  | { type: 'approve'; notes?: string }
  | { type: 'reject'; recommendation: string }
  | { type: 'inform'; message: string }
  | { type: 'relabel'; label: MessageLabel; note?: string }
  | { type: 'note'; text: string }
  | { type: 'invalid'; reason: string }
  | { type: 'reply'; text: string; files?: OutboundFile[] }
  | { type: 'answered'; note?: string }
  | { type: 'archive' }
  | { type: 'erase' };

export type ActionType = StaffAction['type'];

export interface PlanContext {
  now: number;
  actor: StaffActor;
  agency: Agency;
  duePolicy: DuePolicy;
  /** Set when the case's citizen cannot be reached now (see StaffContext). */
  citizenUnreachable?: { at: number; reason: string };
}

/** What one action changes; committed whole by the inbound pipeline, or not at all. */
export interface Draft {
  record: CaseRecord;
  events: CaseEvent[];
  /** Messages to the citizen (and notices for the case's thread). */
  outbox: OutboundMessage[];
  citizen?: CitizenEffect;
  /** The acknowledgement for the staff member (and the case's thread). */
  message: string;
  /** The citizen (key) whose personal data the commit erases everywhere (src/services/erasure.ts). */
  eraseCitizen?: string;
  /** The acknowledgement carries the case card (a move others must see whole: forwarded, sent back, relabelled). */
  withCard?: boolean;
}

export type Planner<A extends StaffAction> = (c: CaseRecord, action: A, ctx: PlanContext) => Draft;

/** An action that cannot be done as asked (missing text, wrong order); nothing is changed. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionError';
  }
}

/** Text an action needs: present, and not longer than a message can be. */
export function requireText(value: string | undefined, what: string): string {
  const v = value?.trim() ?? '';
  if (!v) throw new ActionError(`${what} tidak boleh kosong`);
  if (v.length > 4000) throw new ActionError(`${what} terlalu panjang (maksimal 4.000 karakter)`);
  return v;
}
