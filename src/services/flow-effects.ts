// What every caller of a flow function needs around it: the read-only context the flow runs with, the replies
// addressed to the citizen's chat, and the repeat index kept up with newly recorded complaints. Used by the inbound
// pipeline (a citizen wrote) and the scheduler (a job speaks to a citizen first).
import type { Agency } from '../domain/agency.js';
import { citizenKey, complaintText, type CitizenRef } from '../domain/case.js';
import type { DuePolicy } from '../domain/lifecycle.js';
import type { OutboundMessage } from '../domain/messages.js';
import { newTicket } from '../domain/ticket.js';
import type { OfficeCalendar } from '../domain/office-hours.js';
import type { Store } from '../store/port.js';
import { supervisorMessages } from '../digest/recipients.js';
import type { TextUnderstanding } from '../../nlp/types.js';
import type { FlowContext, FlowResult } from '../../flows/context.js';

export interface FlowDeps {
  store: Store;
  nlp: TextUnderstanding;
  agency: Agency;
  duePolicy: DuePolicy;
  maxChars: number;
  maxAttachmentBytes: number;
  /** REOPEN_WINDOW_DAYS in ms: a case closed more recently is reopened when the citizen is not satisfied. */
  reopenWindowMs?: number;
  /** Office hours and holidays (the scheduler's settings), for FAQ answers that state them. */
  calendar?: OfficeCalendar;
  /** Who receives supervisor notices (integrity reports): SUPERVISOR_TELEGRAM_IDS, SUPERVISOR_WHATSAPP_NUMBERS. */
  supervisors?: { SUPERVISOR_TELEGRAM_IDS: string[]; SUPERVISOR_WHATSAPP_NUMBERS: string[] };
}

/** The context a flow runs with for `citizen` at `now`: reads go to the store, nothing is written. */
export function flowContext(deps: FlowDeps, citizen: CitizenRef, now: number): FlowContext {
  const { store, supervisors } = deps;
  return {
    now,
    citizen,
    citizenKey: citizenKey(citizen),
    nlp: deps.nlp,
    agency: deps.agency,
    duePolicy: deps.duePolicy,
    maxChars: deps.maxChars,
    maxAttachmentBytes: deps.maxAttachmentBytes,
    newTicket: () => newTicket(),
    casesOf: (key, limit) => store.listCases({ citizenKey: key, limit }),
    getCase: (ticket) => store.getCase(ticket),
    ...(deps.reopenWindowMs !== undefined ? { reopenWindowMs: deps.reopenWindowMs } : {}),
    ...(deps.calendar ? { calendar: deps.calendar } : {}),
    ...(supervisors ? { toSupervisors: (m) => supervisorMessages(supervisors, m) } : {}),
  };
}

/** The flow's replies as outbound messages to the citizen's chat, followed by its other notices. */
export function flowOutbox(citizen: Pick<CitizenRef, 'channel' | 'chatId'>, out: FlowResult): OutboundMessage[] {
  const replies: OutboundMessage[] = out.replies.map((r) => ({
    channel: citizen.channel,
    chatId: citizen.chatId,
    text: r.text,
    kind: 'reply',
    ...(r.choices ? { choices: r.choices } : {}),
  }));
  return [...replies, ...out.notify];
}

/** After a commit: complaints the flow recorded join the repeat index (the same text the rebuild uses). */
export function indexNewComplaints(nlp: TextUnderstanding, out: FlowResult): void {
  for (const { record, expectedVersion } of out.cases) {
    if (expectedVersion === null && record.kind === 'complaint') {
      nlp.repeats.add({ ticket: record.ticket, citizenKey: citizenKey(record.citizen), text: complaintText(record) });
    }
  }
}
