// The MongoDB collections of the store, one mongoose model each, every field typed and checked: a document that does
// not fit is refused before anything is written (validation.ts). Records the domain owns (messages, cases, events)
// are kept whole in one field with the domain's own schema (record-schemas.ts); the fields beside them are copies
// for indexes and conditions, like the SQLite store's columns beside its JSON `doc`. The indexes are made by the
// versioned migrations (migrations.ts), not by mongoose.
import mongoose, { type Connection, type Model, type Types } from 'mongoose';
import { LANGUAGES, type CaseEvent, type CaseRecord } from '../../domain/case.js';
import type { CaseThread } from '../../domain/case-thread.js';
import { CHANNELS, type AnyInbound, type OutboundMessage } from '../../domain/messages.js';
import { STAGES } from '../../domain/stages.js';
import { MESSAGE_LABELS } from '../../../nlp/types.js';
import { caseEventSchema, caseRecordSchema, inboundMessageSchema, outboundMessageSchema } from './record-schemas.js';
import { allowEmpty, collectionOptions, count, flag, id, oneOf, text, time, valuesOf } from './schema-kit.js';
import type { OutboxStatus } from '../port.js';

/** The outbox's statuses (src/store/port.ts). */
export const OUTBOX_STATUSES = valuesOf<OutboxStatus>()(['pending', 'delivered', 'failed']);

const { Schema } = mongoose;
const Mixed = Schema.Types.Mixed;

/** See collectionOptions: every field known, no index made by mongoose (migrations.ts makes them). */
const options = collectionOptions;

export interface InboundDoc {
  _id: Types.ObjectId;
  dedupeKey: string;
  message: AnyInbound;
  receivedAt: number;
  /** False until a commit handles it; the partial index holds only these. */
  handled: boolean;
  handledAt: number | null;
  seq: number;
}

export interface ConversationDoc {
  _id: Types.ObjectId;
  key: string;
  state: unknown;
  version: number;
  updatedAt: number;
}

/** One citizen on one channel (src/domain/contact.ts), unique by key. */
export interface ContactDoc {
  _id: Types.ObjectId;
  key: string;
  channel: string;
  userId: string;
  chatId: string;
  displayName?: string;
  language?: string;
  firstWroteAt?: number;
  lastWroteAt?: number;
  unreachableAt?: number | null;
  unreachableReason?: string | null;
}

/**
 * Where a case lives in the staff inbox (src/domain/case-thread.ts), unique by ticket and by (chat, kind, threadId);
 * chat '' (or absent, in older documents) is the general staff group.
 */
export interface CaseThreadDoc {
  _id: Types.ObjectId;
  ticket: string;
  kind: 'topic' | 'message';
  threadId: number;
  /** The division group's chat id; '' (or absent, in documents older than migration 3): the general group. */
  chat?: string;
}

/** A bot message of a case's thread in a staff group without topics (chat '' or absent: the general group). */
export interface ThreadMessageDoc {
  _id: Types.ObjectId;
  messageId: number;
  ticket: string;
  chat?: string;
}

export interface CaseDoc {
  _id: Types.ObjectId;
  ticket: string;
  kind: string;
  stage: string;
  citizenKey: string;
  division: string;
  /** Only present on cases staff re-labelled (a sparse index). */
  correctedLabel?: string;
  createdAt: number;
  updatedAt: number;
  dueAt?: number;
  version: number;
  /** caseSearchText(): lowercase ticket, text, details, topic, division. */
  searchText: string;
  doc: CaseRecord;
}

export interface EventDoc {
  _id: Types.ObjectId;
  ticket: string;
  at: number;
  seq: number;
  doc: CaseEvent;
}

export interface OutboxDoc {
  _id: Types.ObjectId;
  chatKey: string;
  message: OutboundMessage;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  claimedBy: string | null;
  claimUntil: number | null;
  deliveredAt: number | null;
  lastError: string | null;
  seq: number;
}

export interface KvDoc {
  _id: Types.ObjectId;
  key: string;
  value: string;
}

/** One complaint in the repeat index (repeat-storage.ts): its words and facets; `removed` once taken out. */
export interface RepeatDocDoc {
  _id: Types.ObjectId;
  ticket: string;
  /** Empty once removed (an erasure leaves no identifier behind). */
  citizenKey: string;
  terms: string[];
  facets: { taxes: number; objects: number; procedures: number; problems: number };
  removed: boolean;
  /** Order of writes (records.ts nextSeq): other instances read what is newer than what they hold. */
  seq: number;
}

export interface LeaseDoc {
  _id: Types.ObjectId;
  name: string;
  owner: string;
  until: number;
}

const inbound = new Schema<InboundDoc>(
  {
    dedupeKey: id(1200),
    message: { type: inboundMessageSchema, required: true },
    receivedAt: time(),
    handled: flag(),
    handledAt: { ...time(false), default: null },
    seq: count(),
  },
  options('inbound'),
);

const conversations = new Schema<ConversationDoc>(
  {
    key: id(),
    // The flows' own state (src/flows): free-form to the store, but an object (or null: no conversation yet).
    state: {
      type: Mixed,
      validate: {
        validator: (v: unknown) => v === null || (typeof v === 'object' && !Array.isArray(v)),
        message: 'A conversation state is an object or null.',
      },
    },
    version: count(true, 1),
    updatedAt: time(),
  },
  options('conversations'),
);

const contacts = new Schema<ContactDoc>(
  {
    key: id(),
    channel: oneOf(CHANNELS),
    userId: id(),
    chatId: id(),
    displayName: text(),
    language: oneOf(LANGUAGES, false),
    firstWroteAt: time(false),
    lastWroteAt: time(false),
    unreachableAt: { ...time(false), default: null },
    unreachableReason: { ...text(), default: null },
  },
  options('contacts'),
);

const caseThreads = new Schema<CaseThreadDoc>(
  {
    ticket: id(),
    kind: oneOf(valuesOf<CaseThread['kind']>()(['topic', 'message'])),
    threadId: count(true, Number.MIN_SAFE_INTEGER),
    // The staff group the thread is in, where divisions have groups of their own (issue 10); absent: the one group.
    chat: text(),
  },
  options('case_threads'),
);

const threadMessages = new Schema<ThreadMessageDoc>(
  {
    messageId: count(true, Number.MIN_SAFE_INTEGER),
    ticket: id(),
    // The staff group of the message ('' : the general group); ids are numbered per chat.
    chat: text(),
  },
  options('case_thread_messages'),
);

const cases = new Schema<CaseDoc>(
  {
    ticket: id(),
    kind: oneOf(MESSAGE_LABELS),
    stage: oneOf(STAGES),
    citizenKey: id(),
    division: text(true),
    correctedLabel: oneOf(MESSAGE_LABELS, false),
    createdAt: time(),
    updatedAt: time(),
    dueAt: time(false),
    version: count(true, 1),
    searchText: text(true),
    doc: { type: caseRecordSchema, required: true },
  },
  options('cases'),
);
allowEmpty(cases, 'searchText', 'division');
// The copies beside the record must say what the record says (they are what queries and indexes read).
cases.pre('validate', function (this: { get(p: string): unknown; invalidate(p: string, m: string): void }) {
  for (const p of ['ticket', 'kind', 'stage']) {
    const doc = this.get(`doc.${p}`);
    if (doc !== undefined && this.get(p) !== doc) this.invalidate(p, `\`${p}\` differs from the case record's.`);
  }
});

const events = new Schema<EventDoc>(
  {
    ticket: id(),
    at: time(),
    seq: count(),
    doc: { type: caseEventSchema, required: true },
  },
  options('case_events'),
);

const outbox = new Schema<OutboxDoc>(
  {
    chatKey: id(),
    message: { type: outboundMessageSchema, required: true },
    status: oneOf(OUTBOX_STATUSES),
    attempts: count(),
    createdAt: time(),
    nextAttemptAt: time(),
    claimedBy: { ...text(), default: null },
    claimUntil: { ...time(false), default: null },
    deliveredAt: { ...time(false), default: null },
    lastError: { ...text(), default: null },
    seq: count(),
  },
  options('outbox'),
);

const kv = new Schema<KvDoc>({ key: id(500), value: text(true) }, options('kv'));
allowEmpty(kv, 'value');

const leases = new Schema<LeaseDoc>({ name: id(500), owner: text(true), until: time() }, options('leases'));
allowEmpty(leases, 'owner');

const facetBits = () => count(true, 0);
const repeatDocs = new Schema<RepeatDocDoc>(
  {
    ticket: id(),
    citizenKey: text(true),
    terms: { type: [{ type: String, cast: false, minlength: 1, maxlength: 200 }], required: true },
    facets: {
      type: new Schema(
        { taxes: facetBits(), objects: facetBits(), procedures: facetBits(), problems: facetBits() },
        { _id: false, strict: 'throw' },
      ),
      required: true,
    },
    removed: flag(),
    seq: count(),
  },
  options('repeat_docs'),
);
allowEmpty(repeatDocs, 'citizenKey');

export interface Models {
  inbound: Model<InboundDoc>;
  conversations: Model<ConversationDoc>;
  contacts: Model<ContactDoc>;
  caseThreads: Model<CaseThreadDoc>;
  threadMessages: Model<ThreadMessageDoc>;
  cases: Model<CaseDoc>;
  events: Model<EventDoc>;
  outbox: Model<OutboxDoc>;
  kv: Model<KvDoc>;
  leases: Model<LeaseDoc>;
  repeatDocs: Model<RepeatDocDoc>;
}

/** Compiles the models on this connection (no collection or index is made here: see migrations.ts). */
export function defineModels(conn: Connection): Models {
  return {
    inbound: conn.model<InboundDoc>('Inbound', inbound),
    conversations: conn.model<ConversationDoc>('Conversation', conversations),
    contacts: conn.model<ContactDoc>('Contact', contacts),
    caseThreads: conn.model<CaseThreadDoc>('CaseThread', caseThreads),
    threadMessages: conn.model<ThreadMessageDoc>('CaseThreadMessage', threadMessages),
    cases: conn.model<CaseDoc>('Case', cases),
    events: conn.model<EventDoc>('CaseEvent', events),
    outbox: conn.model<OutboxDoc>('Outbox', outbox),
    kv: conn.model<KvDoc>('Kv', kv),
    leases: conn.model<LeaseDoc>('Lease', leases),
    repeatDocs: conn.model<RepeatDocDoc>('RepeatDoc', repeatDocs),
  };
}
