// The domain's records as mongoose schemas, nested inside the store's documents (schemas.ts): a case with its PTP
// rounds, stage times and answers, a case event, an inbound message (a citizen's or a staff member's), an outbound
// message. The domain types (src/domain) stay the truth: fieldsOf<T>() fails the typecheck when a field is added
// there and not here, and the enums are the domain's own lists. Unknown fields are kept as written (strict: false),
// so a record always reads back exactly as the core wrote it; every known field is checked.
import type { Schema as SchemaT } from 'mongoose';
import {
  ACTOR_KINDS,
  LANGUAGES,
  type Actor,
  type CaseEvent,
  type CaseRecord,
  type CitizenRef,
  type Note,
  type PtpRound,
  type SatisfactionAnswer,
  type StageTime,
  type Verification,
} from '../../domain/case.js';
import {
  CHANNELS,
  DESTINATIONS,
  STAFF_LANE_PATTERN,
  type Attachment,
  type Choice,
  type InboundMessage,
  type OutboundFile,
  type OutboundMessage,
} from '../../domain/messages.js';
import type { StaffMessage } from '../../domain/staff.js';
import { RESOLUTIONS, STAGES } from '../../domain/stages.js';
import { MESSAGE_LABELS, type Classification } from '../../../nlp/types.js';
import {
  allowEmpty,
  count,
  fieldsOf,
  flag,
  id,
  list,
  number,
  oneOf,
  optionalId,
  optionalList,
  record,
  text,
  time,
  valuesOf,
} from './schema-kit.js';

const loose = { strict: false } as const;

export const attachmentSchema = record(
  fieldsOf<Attachment>()({
    kind: oneOf(valuesOf<Attachment['kind']>()(['photo', 'document', 'voice', 'video', 'location'])),
    fileId: optionalId(1000),
    mime: text(),
    size: count(false),
    name: text(),
    latitude: number(-90, 90, false),
    longitude: number(-180, 180, false),
  }),
  loose,
);

export const choiceSchema = record(fieldsOf<Choice>()({ id: id(1000), label: text(true) }), loose);
allowEmpty(choiceSchema, 'label');

const citizenSchema = record(
  fieldsOf<CitizenRef>()({
    channel: oneOf(CHANNELS),
    userId: id(),
    chatId: id(),
    displayName: text(),
    language: oneOf(LANGUAGES),
  }),
  loose,
);

const stageTimeSchema = record(
  fieldsOf<StageTime>()({ enteredAt: time(), dueAt: time(false), leftAt: time(false) }),
  loose,
);

const noteSchema = record(fieldsOf<Note>()({ by: text(true), at: time(), text: text(true) }), loose);
allowEmpty(noteSchema, 'by', 'text');

const verificationSchema = record(
  fieldsOf<Verification>()({
    result: oneOf(valuesOf<Verification['result']>()(['approved', 'rejected'])),
    by: text(true),
    at: time(),
    notes: text(true),
  }),
  loose,
);
allowEmpty(verificationSchema, 'by', 'notes');

type Answer = NonNullable<PtpRound['citizenAnswer']>;
const citizenAnswerSchema = record(
  fieldsOf<Answer>()({
    at: time(),
    answer: oneOf(valuesOf<Answer['answer']>()(['satisfied', 'not_satisfied', 'no_response'])),
    reason: text(),
  }),
  loose,
);

/** One PTP round (SOP steps 7-13). */
export const ptpRoundSchema = record(
  fieldsOf<PtpRound>()({
    openedAt: time(),
    reopenReason: text(),
    rootCause: text(),
    correctiveAction: text(),
    owner: text(),
    dueAt: time(false),
    verifications: list(verificationSchema),
    citizenMessage: text(),
    informedAt: time(false),
    citizenAnswer: { type: citizenAnswerSchema },
    cameBackAt: time(false),
  }),
  loose,
);

const satisfactionSchema = record(
  fieldsOf<SatisfactionAnswer>()({
    at: time(),
    satisfied: flag(),
    rating: count(false, 1, 5),
    reason: text(),
    round: oneOf(valuesOf<SatisfactionAnswer['round']>()(['closure', 'follow-up'])),
  }),
  loose,
);

const probability = () => number(0, 1);
const scoresSchema = record(Object.fromEntries(MESSAGE_LABELS.map((l) => [l, probability()])), loose);
const classificationSchema = record(
  fieldsOf<Classification>()({
    label: oneOf(MESSAGE_LABELS),
    confidence: probability(),
    modelVersion: text(true),
    scores: { type: scoresSchema },
  }),
  loose,
);
allowEmpty(classificationSchema, 'modelVersion');

type Correction = NonNullable<CaseRecord['correction']>;
const correctionSchema = record(
  fieldsOf<Correction>()({ label: oneOf(MESSAGE_LABELS), by: text(true), at: time(), note: text() }),
  loose,
);
type RepeatOf = NonNullable<CaseRecord['repeatOf']>;
const repeatOfSchema = record(fieldsOf<RepeatOf>()({ ticket: id(), similarity: number(0, 1) }), loose);
type Anonymised = NonNullable<CaseRecord['anonymised']>;
const anonymisedSchema = record(
  fieldsOf<Anonymised>()({ at: time(), why: oneOf(valuesOf<Anonymised['why']>()(['erasure', 'retention'])) }),
  loose,
);
const detailsSchema = record(fieldsOf<CaseRecord['details']>()({ what: text(), where: text(), since: text() }), loose);
const stageTimesSchema = record(Object.fromEntries(STAGES.map((s) => [s, { type: stageTimeSchema }])), loose);

/** A case as the core writes it (src/domain/case.ts), kept whole in the case document. */
export const caseRecordSchema: SchemaT = record(
  fieldsOf<CaseRecord>()({
    ticket: id(),
    kind: oneOf(MESSAGE_LABELS),
    request: oneOf(valuesOf<NonNullable<CaseRecord['request']>>()(['suggestion', 'information', 'erasure']), false),
    citizen: { type: citizenSchema, required: true },
    text: text(true),
    details: { type: detailsSchema, required: true },
    attachments: list(attachmentSchema),
    classification: { type: classificationSchema, required: true },
    correction: { type: correctionSchema },
    topic: text(true),
    division: text(true),
    flags: list({ type: String, cast: false }),
    repeatOf: { type: repeatOfSchema },
    stage: oneOf(STAGES),
    resolution: oneOf(RESOLUTIONS, false),
    resolutionNote: text(),
    stageTimes: { type: stageTimesSchema, required: true },
    dueAt: time(false),
    assignee: text(),
    assigneeId: text(),
    reviewNotes: list(noteSchema),
    privateNotes: list(noteSchema),
    ptp: list(ptpRoundSchema),
    satisfaction: list(satisfactionSchema),
    reopenCount: count(),
    createdAt: time(),
    updatedAt: time(),
    closedAt: time(false),
    anonymised: { type: anonymisedSchema },
    seeded: { type: Boolean, cast: false, enum: [true] },
    version: count(true, 0),
  }),
  loose,
);
allowEmpty(caseRecordSchema, 'text', 'topic', 'division');

const actorSchema = record(fieldsOf<Actor>()({ kind: oneOf(ACTOR_KINDS), id: text(true), name: text() }), loose);
allowEmpty(actorSchema, 'id');

/** One entry of a case's log. */
export const caseEventSchema: SchemaT = record(
  fieldsOf<CaseEvent>()({
    ticket: id(),
    at: time(),
    actor: { type: actorSchema, required: true },
    action: id(),
    fromStage: oneOf(STAGES, false),
    toStage: oneOf(STAGES, false),
    detail: text(),
  }),
  loose,
);

type StaffSenderFields = { id?: string; name?: string; anonymous?: 'admin' | 'channel' };
const senderSchema = record(
  fieldsOf<StaffSenderFields>()({
    id: optionalId(),
    name: text(),
    anonymous: oneOf(valuesOf<'admin' | 'channel'>()(['admin', 'channel']), false),
  }),
  loose,
);

/** Fields of both kinds of inbound message; which ones must be there depends on the kind (see the hook below). */
type AnyInboundFields = Omit<InboundMessage, 'details'> &
  Omit<StaffMessage, 'sender'> & { sender: StaffSenderFields; details?: InboundMessage['details'] };
const SURFACES = valuesOf<StaffMessage['surface']>()(['telegram', 'terminal', 'web']);

/** A stored inbound message: a citizen's (channel, sender, chat) or a staff member's (surface, sender). */
export const inboundMessageSchema: SchemaT = record(
  fieldsOf<AnyInboundFields>()({
    channel: oneOf(CHANNELS, false),
    surface: oneOf(SURFACES, false),
    messageId: id(1000),
    senderId: optionalId(),
    chatId: optionalId(),
    senderName: text(),
    sender: { type: senderSchema },
    ticket: optionalId(),
    replyTo: optionalId(),
    text: text(true),
    edits: optionalId(1000),
    choice: text(),
    attachments: list(attachmentSchema),
    details: { type: record({ where: text(), since: text() }, loose) },
    sentAt: time(),
  }),
  loose,
);
allowEmpty(inboundMessageSchema, 'text');
inboundMessageSchema.pre(
  'validate',
  function (this: { get(path: string): unknown; invalidate(p: string, m: string): void }) {
    const staff = this.get('surface') !== undefined;
    const need = staff ? ['sender'] : ['channel', 'senderId', 'chatId'];
    for (const p of need) {
      if (this.get(p) === undefined || this.get(p) === null)
        this.invalidate(p, `Path \`${p}\` is required on a ${staff ? "staff member's" : "citizen's"} message.`);
    }
    if (staff && this.get('channel') !== undefined)
      this.invalidate('channel', 'A staff message has a surface, not a channel.');
  },
);

const outboundFileSchema = record(
  fieldsOf<OutboundFile>()({
    kind: oneOf(valuesOf<OutboundFile['kind']>()(['photo', 'document'])),
    source: id(),
    fileId: id(1000),
    name: text(),
    mime: text(),
  }),
  loose,
);

/** The kinds of outbound message (the web conversation keeps them too). */
export const OUTBOUND_KINDS = valuesOf<NonNullable<OutboundMessage['kind']>>()([
  'reply',
  'case-card',
  'case-update',
  'relay',
  'reminder',
  'digest',
  'notice',
]);

/** A message waiting in (or delivered from) the outbox. */
export const outboundMessageSchema: SchemaT = record(
  fieldsOf<OutboundMessage>()({
    // A citizen's channel, the staff inbox, or a division group's lane of it ("staff/-100…").
    channel: {
      type: String,
      cast: false as const,
      required: true,
      validate: (v: string) => (DESTINATIONS as readonly string[]).includes(v) || STAFF_LANE_PATTERN.test(v),
    },
    chatId: id(),
    text: text(true),
    choices: optionalList(choiceSchema),
    ticket: optionalId(),
    kind: oneOf(OUTBOUND_KINDS, false),
    imagePngBase64: text(),
    answers: optionalId(1000),
    ack: flag(false),
    deferrable: flag(false),
    files: optionalList(outboundFileSchema),
  }),
  loose,
);
allowEmpty(outboundMessageSchema, 'text');
