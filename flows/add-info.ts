// A citizen's words for a case that already exists: more details ("tambahan keterangan …", facts right after the
// ticket), dissatisfaction while it is still being worked, a reply in its staff thread. Each goes into the case's
// log and its staff thread (personal data masked), and the citizen is told which ticket it went to.
import type { CaseRecord } from '../src/domain/case.js';
import { noteEvent } from '../src/domain/lifecycle.js';
import type { Attachment } from '../src/domain/messages.js';
import { STAGE_LABELS } from '../src/domain/stages.js';
import { staffStageLabel } from '../src/domain/labels-id.js';
import { maskPersonalData } from '../nlp/pii.js';
import { ownCase, type FlowContext, type FlowResult, type Reply } from './context.js';
import { citizenActor, integrityNotices, staffMessage } from './record.js';
import type { ConversationState } from './state.js';
import { t } from './texts.js';
import type { Turn } from './turn.js';

const NOT_FOR_THE_THREAD = new Set<Turn['act']>(['status', 'question', 'greeting', 'cancel', 'erase']);

interface ThreadNote {
  /** The event's action in the case log. */
  action: string;
  /** The first line in the staff thread, after the ticket. */
  headline: string;
  /** Also append the words to the case's details (facts of the complaint) and take its place / time. */
  details: boolean;
}

function toThread(
  state: ConversationState,
  c: CaseRecord,
  turn: Turn,
  attachments: Attachment[],
  note: ThreadNote,
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  const text = turn.text;
  const said = text || `(${attachments.map((a) => a.kind).join(', ')})`;
  const changed = attachments.length > 0 || (note.details && text !== '');
  const next: CaseRecord = { ...c, details: { ...c.details }, attachments: [...c.attachments, ...attachments] };
  if (note.details && text) {
    next.details.what = c.details.what ? `${c.details.what}\n${text}` : text;
    if (!next.details.where && turn.place) next.details.where = turn.place;
    if (!next.details.since && turn.time) next.details.since = turn.time;
  }
  next.updatedAt = ctx.now;
  const notify = [staffMessage(c, ctx, 'relay', `${c.ticket} — ${note.headline}:\n${maskPersonalData(said)}`)];
  // A bribe reported in later words is an integrity report all the same: flagged, and the head of the agency told.
  const integrity = turn.flags.includes('integrity') && !c.flags.includes('integrity');
  if (integrity) {
    next.flags = [...c.flags, 'integrity'];
    replies.push({ text: t(state.language, 'integrityNotice') });
    notify.push(...integrityNotices(next, ctx, said));
  }
  return {
    state: { ...state, recent: { ticket: c.ticket, at: ctx.now } },
    replies,
    cases: changed || integrity ? [{ record: next, expectedVersion: c.version }] : [],
    events: [noteEvent(c, ctx.now, citizenActor(ctx), note.action, said)],
    notify,
  };
}

/** More facts for a case: added to it, its staff told, the citizen told which ticket they went to. */
export function addInfo(
  state: ConversationState,
  c: CaseRecord,
  turn: Turn,
  attachments: Attachment[],
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  replies.push({ text: t(state.language, 'infoAdded', { ticket: c.ticket }) });
  const note = { action: 'citizen added information', headline: 'tambahan keterangan dari warga', details: true };
  return toThread(state, c, turn, attachments, note, ctx, replies);
}

/** Dissatisfaction with a case still being worked: the words go to its thread and the staff are told. */
export function dissatisfiedWhileOpen(
  state: ConversationState,
  c: CaseRecord,
  turn: Turn,
  attachments: Attachment[],
  ctx: FlowContext,
  replies: Reply[],
): FlowResult {
  const lang = state.language;
  replies.push({ text: t(lang, 'stillInProgress', { ticket: c.ticket, stage: STAGE_LABELS[c.stage][lang] }) });
  const note = {
    action: 'citizen not satisfied (case still open)',
    headline: `warga menyatakan BELUM PUAS (kasus masih di tahap ${staffStageLabel(c.stage)})`,
    details: false,
  };
  return toThread(state, c, turn, attachments, note, ctx, replies);
}

/** A citizen writing after staff wrote to them: the message goes to that case's staff thread (null: not now). */
export async function relayToCase(
  state: ConversationState,
  turn: Turn,
  attachments: Attachment[],
  ctx: FlowContext,
  replies: Reply[],
): Promise<FlowResult | null> {
  if (!state.ticket || (turn.text === '' && attachments.length === 0)) return null;
  // A status request, a question, a greeting or calling something off is answered as such, not relayed.
  if (turn.confident && NOT_FOR_THE_THREAD.has(turn.act)) return null;
  const c = await ownCase(ctx, state.ticket);
  if (!c || c.stage === 'archived') return null;
  const ack = state.askedAt === undefined;
  if (ack) replies.push({ text: t(state.language, 'threadForwarded', { ticket: c.ticket }) });
  const note = { action: 'citizen message', headline: 'pesan warga', details: false };
  const out = toThread(state, c, turn, attachments, note, ctx, replies);
  return { ...out, state: { ...out.state, askedAt: state.askedAt ?? ctx.now } };
}
