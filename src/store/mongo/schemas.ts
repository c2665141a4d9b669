// The MongoDB collections of the store, one mongoose model each. Records the domain owns (messages, cases, events,
// conversation state) are kept whole in one Mixed field, exactly as written; the fields beside it are copies for
// indexes and conditions, like the SQLite store's columns beside its JSON `doc`.
import mongoose, { type Connection, type Model, type Types } from 'mongoose';
import type { CaseEvent, CaseRecord } from '../../domain/case.js';
import type { AnyInbound, OutboundMessage } from '../../domain/messages.js';

const { Schema } = mongoose;
const Mixed = Schema.Types.Mixed;

/** No __v (versions are ours), and empty objects are kept, so a record reads back exactly as written. */
const options = (collection: string) => ({ collection, versionKey: false as const, minimize: false });

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

/** Where a case lives in the staff inbox (src/domain/case-thread.ts), unique by ticket and by (kind, threadId). */
export interface CaseThreadDoc {
  _id: Types.ObjectId;
  ticket: string;
  kind: 'topic' | 'message';
  threadId: number;
}

/** A bot message of a case's thread in a staff group without topics. */
export interface ThreadMessageDoc {
  _id: Types.ObjectId;
  messageId: number;
  ticket: string;
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

export interface LeaseDoc {
  _id: Types.ObjectId;
  name: string;
  owner: string;
  until: number;
}

const inbound = new Schema<InboundDoc>(
  {
    dedupeKey: { type: String, required: true },
    message: { type: Mixed, required: true },
    receivedAt: { type: Number, required: true },
    handled: { type: Boolean, required: true },
    handledAt: { type: Number, default: null },
    seq: { type: Number, required: true },
  },
  options('inbound'),
);
inbound.index({ dedupeKey: 1 }, { unique: true });
inbound.index({ seq: 1, _id: 1 }, { partialFilterExpression: { handled: false } });
// purgeHandledInbound: handled messages by age.
inbound.index({ receivedAt: 1 }, { partialFilterExpression: { handled: true } });

const conversations = new Schema<ConversationDoc>(
  {
    key: { type: String, required: true },
    // Not `required`: mongoose refuses null for a required Mixed, and null is a valid state.
    state: { type: Mixed },
    version: { type: Number, required: true },
    updatedAt: { type: Number, required: true },
  },
  options('conversations'),
);
conversations.index({ key: 1 }, { unique: true });

const contacts = new Schema<ContactDoc>(
  {
    key: { type: String, required: true },
    channel: { type: String, required: true },
    userId: { type: String, required: true },
    chatId: { type: String, required: true },
    displayName: { type: String },
    language: { type: String },
    firstWroteAt: { type: Number },
    lastWroteAt: { type: Number },
    unreachableAt: { type: Number, default: null },
    unreachableReason: { type: String, default: null },
  },
  options('contacts'),
);
contacts.index({ key: 1 }, { unique: true });

const caseThreads = new Schema<CaseThreadDoc>(
  {
    ticket: { type: String, required: true },
    kind: { type: String, required: true, enum: ['topic', 'message'] },
    threadId: { type: Number, required: true },
  },
  options('case_threads'),
);
caseThreads.index({ ticket: 1 }, { unique: true });
caseThreads.index({ kind: 1, threadId: 1 }, { unique: true });

const threadMessages = new Schema<ThreadMessageDoc>(
  { messageId: { type: Number, required: true }, ticket: { type: String, required: true } },
  options('case_thread_messages'),
);
threadMessages.index({ messageId: 1 }, { unique: true });

const cases = new Schema<CaseDoc>(
  {
    ticket: { type: String, required: true },
    kind: { type: String, required: true },
    stage: { type: String, required: true },
    citizenKey: { type: String, required: true },
    division: { type: String },
    correctedLabel: { type: String },
    createdAt: { type: Number, required: true },
    updatedAt: { type: Number, required: true },
    dueAt: { type: Number },
    version: { type: Number, required: true },
    searchText: { type: String, required: true },
    doc: { type: Mixed, required: true },
  },
  options('cases'),
);
cases.index({ ticket: 1 }, { unique: true });
cases.index({ stage: 1, createdAt: -1 });
cases.index({ citizenKey: 1, createdAt: -1 });
cases.index({ kind: 1, createdAt: -1 });
// forEachComplaint pages through one kind in _id order.
cases.index({ kind: 1, _id: 1 });
cases.index({ createdAt: -1 });
cases.index({ correctedLabel: 1 }, { sparse: true });

const events = new Schema<EventDoc>(
  {
    ticket: { type: String, required: true },
    at: { type: Number, required: true },
    seq: { type: Number, required: true },
    doc: { type: Mixed, required: true },
  },
  options('case_events'),
);
events.index({ ticket: 1, seq: 1, _id: 1 });

const outbox = new Schema<OutboxDoc>(
  {
    chatKey: { type: String, required: true },
    message: { type: Mixed, required: true },
    status: { type: String, required: true, enum: ['pending', 'delivered', 'failed'] },
    attempts: { type: Number, required: true },
    createdAt: { type: Number, required: true },
    nextAttemptAt: { type: Number, required: true },
    claimedBy: { type: String, default: null },
    claimUntil: { type: Number, default: null },
    deliveredAt: { type: Number, default: null },
    lastError: { type: String, default: null },
    seq: { type: Number, required: true },
  },
  options('outbox'),
);
// Serves the per-chat head lookup of claimOutbox (and counts by status).
outbox.index({ status: 1, chatKey: 1, seq: 1, _id: 1 });

const kv = new Schema<KvDoc>(
  // Not `required` on free text: mongoose's required refuses the empty string.
  { key: { type: String, required: true }, value: { type: String } },
  options('kv'),
);
kv.index({ key: 1 }, { unique: true });

const leases = new Schema<LeaseDoc>(
  {
    name: { type: String, required: true },
    owner: { type: String },
    until: { type: Number, required: true },
  },
  options('leases'),
);
leases.index({ name: 1 }, { unique: true });

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
}

/** Compiles the models on this connection; `init()` on each resolves once its collection and indexes exist. */
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
  };
}
