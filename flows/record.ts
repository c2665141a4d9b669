// SOP steps 2-5 in one go: receive, sort, record with a ticket, check for a repeat, forward to the division.
// Praise, statements and information requests are recorded as their own kinds so they are kept and counted; what
// staff must see (cards, repeat links, integrity reports for the head of the agency) is returned as notices.
import { complaintText, type CaseEvent, type CaseRecord, type Language } from '../src/domain/case.js';
import { caseCardText, PRAISE_NOTE } from '../src/domain/case-card.js';
import { moveCase } from '../src/domain/lifecycle.js';
import type { OutboundMessage } from '../src/domain/messages.js';
import { maskPersonalData } from '../nlp/pii.js';
import type { Classification, MessageLabel } from '../nlp/types.js';
import type { FlowContext, FlowResult, Reply } from './context.js';
import type { ConversationState, IntakeDraft } from './state.js';

const BOT = { kind: 'system', id: 'bot', name: 'Aduan' } as const;

export interface Recorded {
  record: CaseRecord;
  events: CaseEvent[];
  notify: OutboundMessage[];
  /** The earlier complaint this one repeats came from another citizen (its ticket is never told). */
  repeatOfOther?: boolean;
}

/** Records a complaint (or a suggestion) from a finished draft: received → recorded → forwarded, with its links. */
export function recordComplaint(ctx: FlowContext, draft: IntakeDraft, opts: { request?: 'suggestion' } = {}): Recorded {
  const fullText = complaintText(draft);
  const routing = ctx.nlp.route(fullText);
  const repeat = draft.linkTo ? undefined : ctx.nlp.repeats.findSimilar(fullText, ctx.citizenKey, 3)[0];
  const base = baseRecord(ctx, 'complaint', draft.text, draft.classification, routing.division, routing.topic);
  if (opts.request) base.request = opts.request;
  base.details = { ...draft.details };
  base.attachments = [...draft.attachments];
  base.flags = [...new Set([...routing.flags, ...(draft.flags ?? [])])];
  if (draft.praise)
    base.privateNotes = [{ by: PRAISE_NOTE.by, at: ctx.now, text: `${PRAISE_NOTE.prefix}${draft.praise}` }];
  const earlier = draft.linkTo
    ? { ticket: draft.linkTo, similarity: 1, sameCitizen: true }
    : repeat
      ? { ticket: repeat.ticket, similarity: repeat.similarity, sameCitizen: repeat.sameCitizen }
      : undefined;
  if (earlier) base.repeatOf = { ticket: earlier.ticket, similarity: earlier.similarity };
  const events: CaseEvent[] = [
    { ticket: base.ticket, at: ctx.now, actor: citizenActor(ctx), action: 'received', toStage: 'received' },
  ];
  const recorded = moveCase(base, 'recorded', {
    now: ctx.now,
    actor: BOT,
    action: 'recorded',
    policy: ctx.duePolicy,
    detail: earlier ? `repeat of ${earlier.ticket} (similarity ${earlier.similarity.toFixed(2)})` : undefined,
  });
  const forwarded = moveCase(recorded.next, 'forwarded', {
    now: ctx.now,
    actor: BOT,
    action: 'forwarded',
    policy: ctx.duePolicy,
    detail: `diarahkan ke ${divisionLabel(ctx, routing.division, 'id')} (skor ${Math.round(routing.confidence * 100)}%)${base.flags.length ? `; penanda: ${base.flags.join(', ')}` : ''}`,
  });
  events.push(recorded.event, forwarded.event);
  const record = forwarded.next;
  const notify = [caseCard(record, ctx)];
  if (earlier) {
    // The earlier case learns of the new one too: an event in its log and a line in its staff thread.
    const pct = Math.round(earlier.similarity * 100);
    events.push({
      ticket: earlier.ticket,
      at: ctx.now,
      actor: BOT,
      action: 'repeat linked',
      detail: `${record.ticket} (${earlier.sameCitizen ? 'warga yang sama' : 'warga lain'}, kemiripan ${pct}%)`,
    });
    notify.push({
      ...staffNote(
        earlier.ticket,
        'case-update',
        `${earlier.ticket}: aduan serupa masuk dari ${earlier.sameCitizen ? 'warga yang sama' : 'warga lain'}: ${record.ticket} (kemiripan ${pct}%).`,
      ),
      // Part of the new case's arrival: it may wait behind answers to staff, like the new card.
      deferrable: true,
    });
  }
  notify.push(...integrityNotices(record, ctx));
  return { record, events, notify, ...(earlier && !earlier.sameCitizen ? { repeatOfOther: true } : {}) };
}

/**
 * Records praise, a statement or an information request (kept and counted; not worked through the SOP). An
 * information request and anything flagged goes to the staff inbox as a card: someone must see it.
 */
export function recordNote(
  ctx: FlowContext,
  label: Exclude<MessageLabel, 'complaint'>,
  text: string,
  classification: Classification,
  opts: { request?: 'information' | 'erasure'; attachments?: CaseRecord['attachments'] } = {},
): Recorded {
  const routing = ctx.nlp.route(text);
  const record = baseRecord(ctx, label, text, classification, routing.division, routing.topic);
  record.flags = routing.flags;
  if (opts.request) record.request = opts.request;
  if (opts.attachments?.length) record.attachments = [...opts.attachments];
  const events: CaseEvent[] = [
    {
      ticket: record.ticket,
      at: ctx.now,
      actor: citizenActor(ctx),
      action: `received ${opts.request ? `${opts.request} request` : label}`,
      toStage: 'recorded',
    },
  ];
  const seen = label === 'praise' || opts.request !== undefined || routing.flags.length > 0;
  const notify = seen ? [caseCard(record, ctx)] : [];
  notify.push(...integrityNotices(record, ctx));
  return { record, events, notify };
}

/** The division's name in the citizen's language (agency profiles carry an English name). */
export function divisionLabel(ctx: FlowContext, id: string, lang: Language = ctx.citizen.language): string {
  const d = ctx.agency.divisions.find((x) => x.id === id);
  if (!d) return id;
  return lang === 'en' && d.nameEn ? d.nameEn : d.name;
}

/** The integrity report for the head of the agency: a private notice to every supervisor (SOP: pimpinan). */
export function integrityNotices(c: CaseRecord, ctx: FlowContext, words = c.text): OutboundMessage[] {
  if (!c.flags.includes('integrity') || !ctx.toSupervisors) return [];
  const text =
    `⚠ Laporan integritas (pungli/suap/gratifikasi) ${c.ticket}\n` +
    `Bidang: ${divisionLabel(ctx, c.division, 'id')}\n` +
    `Isi: ${maskPersonalData(words).slice(0, 600)}\n` +
    'Identitas pelapor dilindungi; rincian lengkap di topik kasus.';
  return ctx.toSupervisors({ kind: 'notice', ticket: c.ticket, text });
}

function caseCard(c: CaseRecord, ctx: FlowContext): OutboundMessage {
  // The card's text is the same on every redraw (bots/telegram-staff/live.ts): kind, praise and all come from the record.
  // A new card may wait behind answers to staff in the group's budget (staff acting now come first).
  return { ...staffMessage(c, ctx, 'case-card', caseCardText(c, ctx.agency)), deferrable: true };
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

export function citizenActor(ctx: Pick<FlowContext, 'citizenKey'>) {
  return { kind: 'citizen' as const, id: ctx.citizenKey };
}

/** A message for the staff inbox about a case; the staff adapter renders the card with its action buttons. */
export function staffMessage(
  c: CaseRecord,
  ctx: Pick<FlowContext, 'agency'>,
  kind: NonNullable<OutboundMessage['kind']>,
  text?: string,
): OutboundMessage {
  return staffNote(c.ticket, kind, text ?? caseCardText(c, ctx.agency));
}

/** A line in a case's staff thread. */
export function staffNote(ticket: string, kind: NonNullable<OutboundMessage['kind']>, text: string): OutboundMessage {
  return { channel: 'staff', chatId: ticket, ticket, kind, text };
}

/** The flow result of a newly recorded case: the new state, the replies, and the case with its events to insert. */
export function recordedResult(state: ConversationState, rec: Recorded, replies: Reply[]): FlowResult {
  const c = rec.record;
  // Details written right after a complaint or a question to staff belong to it (praise and notes have no follow-up).
  const followed = c.kind === 'complaint' || c.request === 'information';
  return {
    state: followed ? { ...state, recent: { ticket: c.ticket, at: c.createdAt } } : state,
    replies,
    cases: [{ record: rec.record, expectedVersion: null }],
    events: rec.events,
    notify: rec.notify,
  };
}
