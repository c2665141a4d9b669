// Button data for the staff inbox, and its strict reading. Callback data comes from the client, so it is only a
// request: the server parses it exactly, looks the case up and checks the action again before doing anything.
import { STAGES, type Stage } from '../../src/domain/stages.js';
import { TICKET_PATTERN } from '../../src/domain/ticket.js';
import type { StaffAction } from '../../src/services/case-service.js';
import { MESSAGE_LABELS, type MessageLabel } from '../../nlp/types.js';

export type ButtonAction = Exclude<StaffAction['type'], 'reply'>;

const ACTIONS: readonly ButtonAction[] = [
  'take',
  'forward',
  'review',
  'root_cause',
  'ptp',
  'start',
  'done',
  'approve',
  'reject',
  'inform',
  'relabel',
  'note',
  'invalid',
  'archive',
];

export type ButtonData =
  /** An SOP step for the case, offered at `stage`. */
  | { type: 'act'; action: ButtonAction; ticket: string; stage: Stage }
  /** A division picked for forwarding (index into the agency's divisions). */
  | { type: 'forward'; ticket: string; stage: Stage; division: number }
  /** A label picked for re-labelling. */
  | { type: 'relabel'; ticket: string; stage: Stage; label: MessageLabel }
  /** Cancel the question the bot asked this staff member. */
  | { type: 'cancel'; ticket: string };

const T = '(ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})';
const S = '(\\d{1,2})';
const PATTERNS = {
  act: new RegExp(`^a:([a-z_]{2,12}):${T}:${S}$`),
  forward: new RegExp(`^f:${T}:${S}:(\\d{1,3})$`),
  relabel: new RegExp(`^l:${T}:${S}:([a-z]{4,10})$`),
  cancel: new RegExp(`^x:${T}$`),
};

export function encodeButton(d: ButtonData): string {
  switch (d.type) {
    case 'act':
      return `a:${d.action}:${d.ticket}:${STAGES.indexOf(d.stage)}`;
    case 'forward':
      return `f:${d.ticket}:${STAGES.indexOf(d.stage)}:${d.division}`;
    case 'relabel':
      return `l:${d.ticket}:${STAGES.indexOf(d.stage)}:${d.label}`;
    case 'cancel':
      return `x:${d.ticket}`;
  }
}

function stageAt(s: string | undefined): Stage | null {
  const i = Number(s);
  return Number.isInteger(i) ? (STAGES[i] ?? null) : null;
}

/** Parses button data exactly as we write it; anything else (forged, truncated, from an old version) is null. */
export function parseButton(data: string): ButtonData | null {
  if (typeof data !== 'string' || data.length > 64) return null;
  let m = PATTERNS.act.exec(data);
  if (m) {
    const action = ACTIONS.find((a) => a === m?.[1]);
    const stage = stageAt(m[3]);
    return action && stage && TICKET_PATTERN.test(m[2] ?? '')
      ? { type: 'act', action, ticket: m[2] ?? '', stage }
      : null;
  }
  m = PATTERNS.forward.exec(data);
  if (m) {
    const stage = stageAt(m[2]);
    return stage ? { type: 'forward', ticket: m[1] ?? '', stage, division: Number(m[3]) } : null;
  }
  m = PATTERNS.relabel.exec(data);
  if (m) {
    const stage = stageAt(m[2]);
    const label = MESSAGE_LABELS.find((l) => l === m?.[3]);
    return stage && label ? { type: 'relabel', ticket: m[1] ?? '', stage, label } : null;
  }
  m = PATTERNS.cancel.exec(data);
  if (m) return { type: 'cancel', ticket: m[1] ?? '' };
  return null;
}

/** A ticket somewhere in button data that did not parse (to log the attempt on that case). */
export function ticketIn(data: string): string | null {
  return new RegExp(T).exec(typeof data === 'string' ? data : '')?.[1] ?? null;
}
