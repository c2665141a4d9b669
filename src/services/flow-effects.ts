// What every caller of a flow function needs around it: the read-only context the flow runs with, the replies
// addressed to the citizen's chat, and the repeat index kept up with newly recorded complaints. Used by the inbound
// pipeline (a citizen wrote) and the scheduler (a job speaks to a citizen first).
import type { Agency } from '../domain/agency.js';
import { citizenKey, complaintText, type CitizenRef } from '../domain/case.js';
import type { DuePolicy } from '../domain/lifecycle.js';
import type { OutboundMessage } from '../domain/messages.js';
import { newTicket } from '../domain/ticket.js';
import type { Store } from '../store/port.js';
import type { TextUnderstanding } from '../../nlp/types.js';
import type { FlowContext, FlowResult } from '../../flows/context.js';

export interface FlowDeps {
  store: Store;
  nlp: TextUnderstanding;
  agency: Agency;
  duePolicy: DuePolicy;
  maxChars: number;
  maxAttachmentBytes: number;
}

/** The context a flow runs with for `citizen` at `now`: reads go to the store, nothing is written. */
export function flowContext(deps: FlowDeps, citizen: CitizenRef, now: number): FlowContext {
  const { store } = deps;
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
