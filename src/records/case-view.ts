// One case as auditors and heads of division read it (SOP step 14, ISO 9001 10.2.2 records): every field of the
// complaint book, every PTP round, each stage's time against its standard time, and the history. Personal data is
// masked here, once, for every format built on it (CSV, spreadsheet, JSON lines, the printed PTP form), unless a
// supervisor asked for contacts.
import { maskContact, maskPersonalData } from '../../nlp/pii.js';
import type { Agency } from '../domain/agency.js';
import type { CaseEvent, CaseRecord, PtpRound } from '../domain/case.js';
import { divisionName, maskActorId } from '../domain/case-card.js';
import {
  actionLabel,
  actorKindLabel,
  ANSWER_ID,
  channelLabel,
  KIND_ID,
  REQUEST_ID,
  RESOLUTION_ID,
  staffStageLabel,
} from '../domain/labels-id.js';
import { isOpenPastDue, stageClocks } from '../domain/standard-time.js';
import { isOpen, isStage, type Stage } from '../domain/stages.js';
import type { WorkClock } from '../domain/work-time.js';

export interface RecordContext {
  agency: Agency;
  /** When the record is made: open stages are measured up to now. */
  now: number;
  timeZone: string;
  /** How stage times are counted (office minutes when the due policy counts office hours). */
  clock: WorkClock;
  /** The standard time of each stage in the clock's minutes (the configured STANDARD_TIMES). */
  standardMinutes: Partial<Record<Stage, number>>;
  /** A supervisor asked for contacts: nothing is masked. */
  withContacts: boolean;
}

export interface StageView {
  stage: Stage;
  label: string;
  enteredAt: number;
  leftAt?: number;
  dueAt?: number;
  /**
   * Time spent at the stage (up to now while it runs), in the clock's minutes. Not measured for closed and archived:
   * a case stays there for good, and counting office minutes over months says nothing.
   */
  minutes?: number;
  standardMinutes?: number;
  /** Whether the staff's clock runs at this stage (standard-time.ts CLOCKED_STAGES). */
  clocked: boolean;
  over: boolean;
  /** Clock minutes past the due time (0 when on time). */
  lateMinutes: number;
}

export interface VerificationView {
  result: string;
  by: string;
  at: number;
  notes?: string;
}

export interface RoundView {
  round: number;
  openedAt: number;
  reopenReason?: string;
  rootCause?: string;
  correctiveAction?: string;
  owner?: string;
  dueAt?: number;
  verifications: VerificationView[];
  citizenMessage?: string;
  informedAt?: number;
  answer?: string;
  answerReason?: string;
  answeredAt?: number;
  cameBackAt?: number;
}

export interface EventView {
  at: number;
  /** "petugas: Petugas Layanan", "warga: whatsapp:*********458". */
  actor: string;
  /** As recorded ("citizen satisfied"), for machines. */
  action: string;
  /** In Indonesian, with the stage move ("warga puas (menunggu konfirmasi warga → selesai)"). */
  description: string;
  fromStage?: Stage;
  toStage?: Stage;
  detail?: string;
}

export interface CaseView {
  ticket: string;
  kind: string;
  request?: string;
  channel: string;
  contact: string;
  /** Only with contacts. */
  name?: string;
  createdAt: number;
  stage: Stage;
  stageLabel: string;
  dueAt?: number;
  division: string;
  divisionName: string;
  text: string;
  what?: string;
  where?: string;
  since?: string;
  attachments: string;
  label: string;
  confidence: number;
  modelVersion: string;
  correction?: string;
  topic: string;
  integrity: boolean;
  repeatOf?: string;
  repeatSimilarity?: number;
  assignee?: string;
  reviewNotes: string;
  reopenCount: number;
  /** The citizen's latest answer on satisfaction ("puas", "belum puas"), and the latest rating. */
  satisfaction?: string;
  rating?: number;
  resolution?: string;
  resolutionNote?: string;
  closedAt?: number;
  rounds: RoundView[];
  stages: StageView[];
  /** View (b) of standard-time.ts: open now past the due time of its stage. */
  openPastDue: boolean;
  events: EventView[];
}

/** The case as records show it (masked unless ctx.withContacts). `events` in the order written. */
export function caseView(c: CaseRecord, events: readonly CaseEvent[], ctx: RecordContext): CaseView {
  const text = (s: string | undefined) => (s === undefined ? undefined : ctx.withContacts ? s : maskPersonalData(s));
  const last = c.satisfaction.at(-1);
  const rating = [...c.satisfaction].reverse().find((s) => s.rating !== undefined)?.rating;
  return {
    ticket: c.ticket,
    kind: KIND_ID[c.kind],
    ...opt('request', c.request && REQUEST_ID[c.request]),
    channel: channelLabel(c.citizen.channel),
    contact: ctx.withContacts ? c.citizen.userId : maskContact(c.citizen.userId),
    ...opt('name', ctx.withContacts ? c.citizen.displayName : undefined),
    createdAt: c.createdAt,
    stage: c.stage,
    stageLabel: staffStageLabel(c.stage),
    ...opt('dueAt', isOpen(c.stage) ? c.dueAt : undefined),
    division: c.division,
    divisionName: divisionName(ctx.agency, c.division),
    text: text(c.text) ?? '',
    ...opt('what', text(c.details.what)),
    ...opt('where', text(c.details.where)),
    ...opt('since', text(c.details.since)),
    attachments: c.attachments.map((a) => a.kind).join(', '),
    label: KIND_ID[c.classification.label],
    confidence: c.classification.confidence,
    modelVersion: c.classification.modelVersion,
    ...opt(
      'correction',
      c.correction &&
        `${KIND_ID[c.correction.label]} (oleh ${c.correction.by}${c.correction.note ? `: ${text(c.correction.note)}` : ''})`,
    ),
    topic: c.topic,
    integrity: c.flags.includes('integrity'),
    ...opt('repeatOf', c.repeatOf?.ticket),
    ...opt('repeatSimilarity', c.repeatOf?.similarity),
    ...opt('assignee', c.assignee),
    reviewNotes: c.reviewNotes.map((n) => `${n.by}: ${text(n.text)}`).join('\n'),
    reopenCount: c.reopenCount,
    ...opt('satisfaction', last && (last.satisfied ? 'puas' : 'belum puas')),
    ...opt('rating', rating),
    ...opt('resolution', c.resolution && RESOLUTION_ID[c.resolution]),
    ...opt('resolutionNote', text(c.resolutionNote)),
    ...opt('closedAt', c.closedAt),
    rounds: c.ptp.map((r, i) => roundView(r, i + 1, text)),
    stages: stageViews(c, ctx),
    openPastDue: isOpenPastDue(c, ctx.now),
    events: events.map((e) => eventView(e, ctx.withContacts)),
  };
}

function roundView(r: PtpRound, round: number, text: (s: string | undefined) => string | undefined): RoundView {
  return {
    round,
    openedAt: r.openedAt,
    ...opt('reopenReason', text(r.reopenReason)),
    ...opt('rootCause', text(r.rootCause)),
    ...opt('correctiveAction', text(r.correctiveAction)),
    ...opt('owner', r.owner),
    ...opt('dueAt', r.dueAt),
    verifications: r.verifications.map((v) => ({
      result: v.result === 'approved' ? 'disetujui' : 'dikembalikan',
      by: v.by,
      at: v.at,
      ...opt('notes', text(v.notes || undefined)),
    })),
    ...opt('citizenMessage', text(r.citizenMessage)),
    ...opt('informedAt', r.informedAt),
    ...opt('answer', r.citizenAnswer && ANSWER_ID[r.citizenAnswer.answer]),
    ...opt('answerReason', text(r.citizenAnswer?.reason)),
    ...opt('answeredAt', r.citizenAnswer?.at),
    ...opt('cameBackAt', r.cameBackAt),
  };
}

function stageViews(c: CaseRecord, ctx: RecordContext): StageView[] {
  return stageClocks(c, ctx.now).map((s) => ({
    stage: s.stage,
    label: staffStageLabel(s.stage),
    enteredAt: s.enteredAt,
    ...opt('leftAt', s.leftAt),
    ...opt('dueAt', s.dueAt),
    ...opt(
      'minutes',
      s.stage === 'closed' || s.stage === 'archived'
        ? undefined
        : ctx.clock.minutes(s.enteredAt, s.leftAt ?? (s.running ? ctx.now : s.enteredAt)),
    ),
    ...opt('standardMinutes', ctx.standardMinutes[s.stage]),
    clocked: s.clocked,
    over: s.over,
    lateMinutes: s.over && s.dueAt !== undefined ? ctx.clock.minutes(s.dueAt, s.dueAt + s.lateMs) : 0,
  }));
}

function eventView(e: CaseEvent, withContacts: boolean): EventView {
  const id = withContacts ? e.actor.id : maskActorId(e.actor.id);
  const moved = e.fromStage && e.toStage && e.fromStage !== e.toStage;
  // Some writers name a move by its stage ("in_review"): say which stage it entered, once.
  const description = isStage(e.action)
    ? `masuk tahap ${staffStageLabel(e.action)}`
    : `${actionLabel(e.action)}${moved ? ` (${staffStageLabel(e.fromStage as Stage)} → ${staffStageLabel(e.toStage as Stage)})` : ''}`;
  return {
    at: e.at,
    actor: `${actorKindLabel(e.actor.kind)}: ${e.actor.name ?? id}`,
    action: e.action,
    description,
    ...opt('fromStage', e.fromStage),
    ...opt('toStage', e.toStage),
    ...opt('detail', e.detail === undefined ? undefined : withContacts ? e.detail : maskPersonalData(e.detail)),
  };
}

/** `{ key: value }` when value is defined, `{}` otherwise (records carry no undefined fields). */
function opt<K extends string, V>(key: K, value: V | undefined | null | '' | false): Partial<Record<K, V>> {
  return value === undefined || value === null || value === '' || value === false
    ? {}
    : ({ [key]: value } as Record<K, V>);
}
