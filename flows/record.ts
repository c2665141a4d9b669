// SOP steps 2-5 in one go: receive, sort, record with a ticket, check for a repeat, forward to the division.
// Praise and statements are recorded as their own kinds so they are kept and counted.
import { complaintText, type CaseEvent, type CaseRecord } from '../src/domain/case.js';
import { caseCardText, divisionName } from '../src/domain/case-card.js';
import { moveCase } from '../src/domain/lifecycle.js';
import type { OutboundMessage } from '../src/domain/messages.js';
import type { Classification, MessageLabel } from '../nlp/types.js';
import type { FlowContext, FlowResult, Reply } from './context.js';
import type { ConversationState } from './state.js';
import type { IntakeDraft } from './state.js';

const BOT = { kind: 'system', id: 'bot', name: 'Aduan' } as const;

export interface Recorded {
  record: CaseRecord;
  events: CaseEvent[];
  notify: OutboundMessage[];
}

/** Records a complaint from a finished draft: received → recorded → forwarded, with its repeat link. */
export function recordComplaint(ctx: FlowContext, draft: IntakeDraft): Recorded {
  const fullText = complaintText(draft);
  const routing = ctx.nlp.route(fullText);
  const repeat = ctx.nlp.repeats.findSimilar(fullText, ctx.citizenKey, 3)[0];
  const base = baseRecord(ctx, 'complaint', draft.text, draft.classification, routing.division, routing.topic);
  base.details = { ...draft.details };
  base.attachments = [...draft.attachments];
  base.flags = routing.flags;
  if (repeat) base.repeatOf = { ticket: repeat.ticket, similarity: repeat.similarity };
  const events: CaseEvent[] = [
    { ticket: base.ticket, at: ctx.now, actor: citizenActor(ctx), action: 'received', toStage: 'received' },
  ];
  const recorded = moveCase(base, 'recorded', {
    now: ctx.now,
    actor: BOT,
    action: 'recorded',
    policy: ctx.duePolicy,
    detail: repeat ? `repeat of ${repeat.ticket} (similarity ${repeat.similarity.toFixed(2)})` : undefined,
  });
  const forwarded = moveCase(recorded.next, 'forwarded', {
    now: ctx.now,
    actor: BOT,
    action: 'forwarded',
    policy: ctx.duePolicy,
    detail: `routed to ${routing.division} (score ${routing.confidence.toFixed(2)})${routing.flags.length ? `; flags: ${routing.flags.join(', ')}` : ''}`,
  });
  events.push(recorded.event, forwarded.event);
  return {
    record: forwarded.next,
    events,
    notify: [staffMessage(forwarded.next, ctx, 'case-card')],
  };
}

/** Records praise or a statement (kept and counted; not worked through the SOP). */
export function recordNote(
  ctx: FlowContext,
  label: Exclude<MessageLabel, 'complaint'>,
  text: string,
  classification: Classification,
): Recorded {
  const routing = ctx.nlp.route(text);
  const record = baseRecord(ctx, label, text, classification, routing.division, routing.topic);
  record.flags = routing.flags;
  const events: CaseEvent[] = [
    { ticket: record.ticket, at: ctx.now, actor: citizenActor(ctx), action: `received ${label}`, toStage: 'recorded' },
  ];
  // A statement that still raises an integrity flag (e.g. mentions pungli) goes to the inbox all the same.
  const notify = label === 'praise' || routing.flags.length ? [staffMessage(record, ctx, 'case-card')] : [];
  return { record, events, notify };
}

export function divisionLabel(ctx: FlowContext, id: string): string {
  return divisionName(ctx.agency, id);
}

function baseRecord(
  ctx: FlowContext,
  kind: MessageLabel,
  text: string,
  classification: Classification,
  division: string,
  topic: string,
): CaseRecord {
  return {
    ticket: ctx.newTicket(),
    kind,
    citizen: ctx.citizen,
    text,
    details: {},
    attachments: [],
    classification,
    topic,
    division,
    flags: [],
    stage: kind === 'complaint' ? 'received' : 'recorded',
    stageTimes: { [kind === 'complaint' ? 'received' : 'recorded']: { enteredAt: ctx.now } },
    reviewNotes: [],
    privateNotes: [],
    ptp: [],
    satisfaction: [],
    reopenCount: 0,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
}

function citizenActor(ctx: FlowContext) {
  return { kind: 'citizen' as const, id: ctx.citizenKey };
}

/** A message for the staff inbox about a case; the staff adapter renders the card with its action buttons. */
export function staffMessage(
  c: CaseRecord,
  ctx: Pick<FlowContext, 'agency'>,
  kind: NonNullable<OutboundMessage['kind']>,
  text?: string,
): OutboundMessage {
  return { channel: 'staff', chatId: c.ticket, ticket: c.ticket, kind, text: text ?? caseCardText(c, ctx.agency) };
}

/** The flow result of a newly recorded case: the new state, the replies, and the case with its events to insert. */
export function recordedResult(state: ConversationState, rec: Recorded, replies: Reply[]): FlowResult {
  return {
    state,
    replies,
    cases: [{ record: rec.record, expectedVersion: null }],
    events: rec.events,
    notify: rec.notify,
  };
}
