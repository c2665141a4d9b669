// The one command language of every staff surface: the commands staff type (Indonesian, with English aliases) and
// the buttons' data, which the core writes and reads back strictly (data from a client is only a request).
import type { Agency } from '../../src/domain/agency.js';
import { STAGES, type Stage } from '../../src/domain/stages.js';
import { TICKET_PATTERN } from '../../src/domain/ticket.js';
import { MESSAGE_LABELS, type MessageLabel } from '../../nlp/types.js';
import type { ActionType } from './actions/types.js';
import { KIND_ID } from '../../src/domain/labels-id.js';

/** Typed names of the case actions; the first of each is the one shown to staff. */
export const ACTION_COMMANDS: Record<string, ActionType> = {
  ambil: 'take',
  take: 'take',
  teruskan: 'forward',
  forward: 'forward',
  telaah: 'review',
  review: 'review',
  akar: 'root_cause',
  rootcause: 'root_cause',
  root_cause: 'root_cause',
  ptp: 'ptp',
  mulai: 'start',
  start: 'start',
  selesai: 'done',
  done: 'done',
  setujui: 'approve',
  approve: 'approve',
  kembalikan: 'reject',
  reject: 'reject',
  sampaikan: 'inform',
  inform: 'inform',
  terjawab: 'answered',
  answered: 'answered',
  label: 'relabel',
  relabel: 'relabel',
  catatan: 'note',
  note: 'note',
  tolak: 'invalid',
  invalid: 'invalid',
  arsip: 'archive',
  archive: 'archive',
  hapusdata: 'erase',
  erase: 'erase',
};

/** The typed command of an action, as staff are shown it. */
export function commandOf(action: ActionType): string {
  if (action === 'reply') return '(pesan biasa)';
  return `/${Object.keys(ACTION_COMMANDS).find((k) => ACTION_COMMANDS[k] === action) ?? action}`;
}

export type Lookup = 'cases' | 'search' | 'ticket' | 'help' | 'cancel' | 'web';

export const LOOKUP_COMMANDS: Record<string, Lookup> = {
  kasus: 'cases',
  cases: 'cases',
  cari: 'search',
  search: 'search',
  tiket: 'ticket',
  ticket: 'ticket',
  bantuan: 'help',
  help: 'help',
  start: 'help',
  batal: 'cancel',
  cancel: 'cancel',
  web: 'web',
  dasbor: 'web',
};

/**
 * "/ptp a | b | c" → { name: "ptp", args: "a | b | c" }; null for text that is not a command. Anything that starts
 * with "/" is taken as a command (an unknown one is answered as such), never relayed to the citizen as a message.
 */
export function parseStaffCommand(text: string): { name: string; args: string } | null {
  if (!text.startsWith('/')) return null;
  const m = /^\/([^\s@]{0,32})(?:@\S*)?(?:\s+([\s\S]*))?$/.exec(text);
  return { name: (m?.[1] ?? text.slice(1, 33)).toLowerCase(), args: (m?.[2] ?? '').trim() };
}

/** Typed words for labels, Indonesian and English. */
export const LABEL_WORDS: Record<string, MessageLabel> = {
  aduan: 'complaint',
  keluhan: 'complaint',
  pujian: 'praise',
  pernyataan: 'statement',
  pertanyaan: 'statement',
  complaint: 'complaint',
  praise: 'praise',
  statement: 'statement',
};

export type ChoiceData =
  /** An SOP step for the case, offered at `stage`. */
  | { type: 'act'; action: ActionType; ticket: string; stage: Stage }
  /** A division picked for forwarding (index into the agency's divisions). */
  | { type: 'forward'; ticket: string; stage: Stage; division: number }
  /** A label picked for re-labelling. */
  | { type: 'relabel'; ticket: string; stage: Stage; label: MessageLabel }
  /** "Yes, take over this case" (it is held by someone else). */
  | { type: 'take-over'; ticket: string; stage: Stage }
  /** Cancel the question the bot asked. */
  | { type: 'cancel'; ticket: string };

const T = '(ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})';
const S = '(\\d{1,2})';
const PATTERNS = {
  act: new RegExp(`^a:([a-z_]{2,12}):${T}:${S}$`),
  forward: new RegExp(`^f:${T}:${S}:(\\d{1,3})$`),
  relabel: new RegExp(`^l:${T}:${S}:([a-z]{4,10})$`),
  takeOver: new RegExp(`^t:${T}:${S}$`),
  cancel: new RegExp(`^x:${T}$`),
};
const ACTIONS = [...new Set(Object.values(ACTION_COMMANDS))];

/** The data of a button (at most 64 bytes, Telegram's limit). */
export function encodeChoice(d: ChoiceData): string {
  switch (d.type) {
    case 'act':
      return `a:${d.action}:${d.ticket}:${STAGES.indexOf(d.stage)}`;
    case 'forward':
      return `f:${d.ticket}:${STAGES.indexOf(d.stage)}:${d.division}`;
    case 'relabel':
      return `l:${d.ticket}:${STAGES.indexOf(d.stage)}:${d.label}`;
    case 'take-over':
      return `t:${d.ticket}:${STAGES.indexOf(d.stage)}`;
    case 'cancel':
      return `x:${d.ticket}`;
  }
}

function stageAt(s: string | undefined): Stage | null {
  const i = Number(s);
  return Number.isInteger(i) ? (STAGES[i] ?? null) : null;
}

/** Reads button data exactly as we write it; anything else (forged, truncated, from an old version) is null. */
export function parseChoice(data: string): ChoiceData | null {
  if (typeof data !== 'string' || data.length > 64) return null;
  let m = PATTERNS.act.exec(data);
  if (m) {
    const action = ACTIONS.find((a) => a === m?.[1]);
    const stage = stageAt(m[3]);
    return action && stage && TICKET_PATTERN.test(m[2] ?? '')
      ? { type: 'act', action, ticket: m[2] ?? '', stage }
      : null;
  }
  if ((m = PATTERNS.forward.exec(data))) {
    const stage = stageAt(m[2]);
    return stage ? { type: 'forward', ticket: m[1] ?? '', stage, division: Number(m[3]) } : null;
  }
  if ((m = PATTERNS.relabel.exec(data))) {
    const stage = stageAt(m[2]);
    const label = MESSAGE_LABELS.find((l) => l === m?.[3]);
    return stage && label ? { type: 'relabel', ticket: m[1] ?? '', stage, label } : null;
  }
  if ((m = PATTERNS.takeOver.exec(data))) {
    const stage = stageAt(m[2]);
    return stage ? { type: 'take-over', ticket: m[1] ?? '', stage } : null;
  }
  if ((m = PATTERNS.cancel.exec(data))) return { type: 'cancel', ticket: m[1] ?? '' };
  return null;
}

/** A ticket somewhere in button data that did not parse (to log the attempt on that case). */
export function ticketInChoice(data: string): string | null {
  return new RegExp(T).exec(typeof data === 'string' ? data : '')?.[1] ?? null;
}

/** What a button does, as a command typed on a surface without buttons (the terminal). */
export function choiceAsCommand(data: string, agency: Agency): string | null {
  const d = parseChoice(data);
  if (!d) return null;
  switch (d.type) {
    case 'act':
      return commandOf(d.action);
    case 'forward':
      return `/teruskan ${agency.divisions[d.division]?.id ?? '?'}`;
    case 'relabel':
      return `/label ${KIND_ID[d.label]}`;
    case 'take-over':
      return 'ya';
    case 'cancel':
      return '/batal';
  }
}
