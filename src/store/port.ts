// The store port, split by concern (inbox, records, outbox, leases; reports in reports.ts). Every adapter (SQLite by
// default, MongoDB when MONGODB_URI is set) implements all of it and passes the contract suite in
// test/store/contract.ts.
import type { CaseEvent, CaseRecord } from '../domain/case.js';
import type { AnyInbound, Destination, OutboundMessage } from '../domain/messages.js';
import type { MessageLabel } from '../../nlp/types.js';
import type { RepeatStorage } from '../../nlp/repeat/storage.js';
import type { Stage } from '../domain/stages.js';
import type { ReportStore } from './reports.js';
import type { Contact, ContactNote } from '../domain/contact.js';
import type { CaseThread, ThreadRef } from '../domain/case-thread.js';
import type { WebStore } from './web-port.js';

export interface StoredInbound {
  id: string;
  message: AnyInbound;
  receivedAt: number;
}

/** Conversation state (a citizen's, or a staff member's questions in hand): versioned JSON written only by flows. */
export interface Conversation {
  key: string;
  state: unknown;
  version: number;
  updatedAt: number;
}

/** One conversation's new state, written only if its version is still `expectedVersion` (null: a new one). */
export interface ConversationWrite {
  key: string;
  state: unknown;
  expectedVersion: number | null;
}

export interface OutboxItem {
  id: string;
  chatKey: string;
  message: OutboundMessage;
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
}

export type OutboxStatus = 'pending' | 'delivered' | 'failed';

/** Everything one handled message (or one staff action) changes, committed atomically. */
export interface Commit {
  /** Marks this stored inbound message as handled; throws AlreadyHandledError (and writes nothing) if it was. */
  inboundHandled?: string;
  /** Conversations changed (the citizen's; for a staff action also the staff member's questions in hand). */
  conversations?: ConversationWrite[];
  /** What handled messages tell about their senders (contacts: who wrote first, their language). */
  contacts?: ContactNote[];
  /** Cases to insert (expectedVersion null) or update (expectedVersion = the version read). */
  cases?: Array<{ record: CaseRecord; expectedVersion: number | null }>;
  events?: CaseEvent[];
  outbox?: OutboundMessage[];
  /** A citizen's personal data removed everywhere (src/services/erasure.ts), after the writes above. */
  erase?: Erasure;
}

/**
 * What an erasure removes, and how (UU 27/2022 PDP): every case, event, message and record of a citizen (erasure on
 * request), or only some closed cases (retention). The store finds the rows; the core says what each becomes, so
 * the rules are the same in every adapter. The figures (stage, dates, division, label) stay for statistics.
 */
export interface Erasure {
  /** The citizen whose data goes (their contact, conversation, messages, web records); absent for retention. */
  citizenKey?: string;
  /** Their chats (outbox keys "channel:chatId"): undelivered messages to them are dropped. */
  chatKeys: string[];
  /** Cases to anonymise besides the citizen's own (retention names them by ticket). */
  tickets: string[];
  /** Literal identifiers (ids, numbers, name, e-mail) whose rows elsewhere are looked at and scrubbed. */
  identifiers: string[];
  anonymiseCase(c: CaseRecord): CaseRecord;
  anonymiseEvent(e: CaseEvent): CaseEvent;
  /** A staff-side text (a card, a relay, a notice) with the citizen's identifiers and personal data masked. */
  scrub(text: string): string;
}

/** How many records an erasure changed (or would change: the preview). */
export interface ErasureCounts {
  cases: number;
  events: number;
  inbound: number;
  outbox: number;
  contacts: number;
  conversations: number;
  webRecords: number;
}

export interface CaseQuery {
  stage?: Stage;
  /** Only stages before closed. */
  open?: boolean;
  kind?: MessageLabel;
  citizenKey?: string;
  division?: string;
  /** Words that must all appear in the text, topic or ticket (case-insensitive). */
  search?: string;
  limit?: number;
  /** Newest first by default. */
  order?: 'newest' | 'oldest';
}

/** The inbox: every inbound message is stored under its dedupe key before it is handled. */
export interface InboxStore {
  /**
   * Stores an inbound message under its dedupe key. `duplicate` is true (and nothing is written) if the key exists;
   * `handled` then says whether the stored one was handled (a failed handling leaves it false, so it can be retried).
   */
  saveInbound(message: AnyInbound, receivedAt: number): Promise<{ id: string; duplicate: boolean; handled: boolean }>;
  /** Inbound messages stored but not yet handled, oldest first (crash recovery). */
  listUnhandledInbound(limit: number): Promise<StoredInbound[]>;
  /**
   * Deletes up to `limit` handled messages received before `before`: their dedupe keys expire (a channel resends
   * within hours, not weeks). Unhandled ones are kept whatever their age. Returns how many were deleted.
   */
  purgeHandledInbound(before: number, limit: number): Promise<number>;
}

/** The records: conversations, cases and their event logs. Written only through `commit`, all or nothing. */
export interface RecordStore {
  getConversation(key: string): Promise<Conversation | null>;

  /** A citizen's contact on one channel (key: the citizen key), or null when they never wrote nor were tried. */
  getContact(key: string): Promise<Contact | null>;
  /** Records that the channel cannot reach this citizen (blocked the bot, not on WhatsApp). */
  markUnreachable(key: string, at: number, reason: string): Promise<void>;

  getCase(ticket: string): Promise<CaseRecord | null>;
  listCases(query: CaseQuery): Promise<CaseRecord[]>;
  getEvents(ticket: string): Promise<CaseEvent[]>;
  /** Complaints for the repeat index, in batches (never every document in memory at once); `text` is complaintText. */
  forEachComplaint(
    batchSize: number,
    fn: (batch: Array<{ ticket: string; citizenKey: string; text: string }>) => void,
  ): Promise<void>;
  /** Staff corrections of the classifier (texts re-labelled by staff), for retraining. */
  listCorrections(): Promise<Array<{ text: string; label: MessageLabel }>>;

  /** Applies everything at once or nothing. Throws ConflictError when an expected version does not match. */
  commit(change: Commit): Promise<void>;
}

/** Where cases live in the staff inbox (written by the staff inbox adapter as it opens topics and posts cards). */
export interface ThreadStore {
  getCaseThread(ticket: string): Promise<CaseThread | null>;
  /**
   * Sets the case's thread (replacing any earlier one, in any group), or forgets it (null: the topic was deleted).
   * Ids are unique per group: a thread given (chat, kind, id) of another case takes it over.
   */
  setCaseThread(ticket: string, thread: Omit<CaseThread, 'ticket'> | null): Promise<void>;
  /**
   * Remembers a bot message of the case's thread in a group without topics (a reply to it counts); `chat` is the
   * division group (absent: the general group).
   */
  noteThreadMessage(messageId: number, ticket: string, chat?: string): Promise<void>;
  /** The case a staff message belongs to, by its forum topic or the bot message it replies to, in its group. */
  ticketOfThread(ref: ThreadRef): Promise<string | null>;
}

/**
 * What a claim may hand out, per destination: how many chats at most, and which chats to leave (their pacing says
 * wait) or to keep (the only ones the sender can serve). A destination not listed gets nothing.
 */
export interface OutboxClaim {
  channels: Array<{ channel: Destination; limit: number; skip?: string[]; only?: string[] }>;
}

/** The outbox: every outbound message waits here until delivered, in order per chat. */
export interface OutboxStore {
  /**
   * Claims, for `leaseMs`, the oldest pending outbox item of each chat that is due, up to `limit` chats (and, with
   * `filter`, up to each destination's own limit; chat keys in `skip`/`only` as chatKeyOf makes them).
   * Later items of a chat wait until the earlier one is delivered or failed, so each chat stays in order. Chats take
   * turns: a chat whose item was just closed waits behind the chats that were already waiting (round robin).
   */
  claimOutbox(owner: string, now: number, limit: number, leaseMs: number, filter?: OutboxClaim): Promise<OutboxItem[]>;
  /** Closes the item; the chat's next item takes its turn after the chats already waiting. */
  markDelivered(id: string, at: number): Promise<void>;
  /** Puts an item back for a later attempt; `countAttempt` false for pacing delays. */
  retryOutbox(id: string, nextAttemptAt: number, error: string | null, countAttempt: boolean): Promise<void>;
  markFailed(id: string, at: number, error: string): Promise<void>;
  countOutbox(status: OutboxStatus): Promise<number>;
}

/** Leases and small settings: what scheduled jobs and channel adapters keep between runs and instances. */
export interface LeaseStore {
  /** Takes or renews a named lease (scheduled jobs across instances). True if `owner` holds it until `until`. */
  tryLease(name: string, owner: string, now: number, until: number): Promise<boolean>;
  /** A small value by key (a poller's offset, a job's last run). Domain data has typed records instead. */
  getValue(key: string): Promise<string | null>;
  setValue(key: string, value: string): Promise<void>;
  /**
   * Several values in one durable write (one fsync instead of one each, e.g. the scheduler's first start). Optional:
   * where a store lacks it, callers set each value on its own.
   */
  setValues?(entries: ReadonlyArray<readonly [string, string]>): Promise<void>;
}

/** Every store adapter implements all of it; each part of the core asks only for the part it uses. */
export interface Store extends InboxStore, RecordStore, ThreadStore, OutboxStore, LeaseStore {
  readonly kind: 'sqlite' | 'mongodb';
  close(): Promise<void>;
}

/**
 * What opening a store gives the core (src/store/open.ts): the store, the reports over it, and what only some
 * adapters can do, so the core never asks which adapter it holds.
 */
export interface StoreBundle {
  store: Store;
  reports: ReportStore;
  /** Frees outbox claims of processes on this host that are gone (a SQLite file is used from one host only). */
  releaseClaimsOfGoneOwners?: (isGone: (owner: string) => boolean) => number;
  /** What a store on a local disk can do when writes fail (src/services/storage-guard.ts). */
  storage?: StorageOps;
  /** What `aduan seed` needs to keep synthetic history apart from real cases. */
  seeded: SeededData;
  /** Erasure and retention (src/services/erasure.ts, the retention job). */
  privacy: PrivacyData;
  /** The web's records (src/store/web-port.ts): web citizens, their conversations, staff sign-in links, sessions. */
  web: WebStore;
  /**
   * Where the repeat index is kept in the store itself (SQLite), so start-up reads only the vocabulary and the
   * complaints not yet indexed. Absent: the index is rebuilt in memory from forEachComplaint at start.
   */
  repeatStorage?: RepeatStorage;
  /**
   * Where the repeat index is kept in the store but must be loaded first (MongoDB: read from the store at start,
   * served from memory); `onError` hears of changes that could not be written back. Absent with `repeatStorage`.
   */
  openRepeatStorage?: (onError: (err: Error) => void) => Promise<RepeatStorage>;
}

/** Erasure on request and retention: previews, erasures on their own, what retention must look at. */
export interface PrivacyData {
  /** What erasing this citizen would touch (their key, their chats), without changing anything. */
  countCitizen(citizenKey: string, chatKeys: string[]): Promise<ErasureCounts>;
  /** Applies an erasure in one transaction (the terminal, retention); returns what it changed. */
  erase(e: Erasure): Promise<ErasureCounts>;
  /** Closed or archived cases closed before `before` and not anonymised yet, oldest first, at most `limit`. */
  casesToAnonymise(before: number, limit: number): Promise<string[]>;
  /** Deletes up to `limit` outbox messages delivered (or given up) before `before`; returns how many. */
  purgeSentOutbox(before: number, limit: number): Promise<number>;
}

/** Synthetic history made by `aduan seed` (cases marked `seeded`, with their events). */
export interface SeededData {
  /** Cases that are not seeded: real ones, which seed must not mix with synthetic ones unless told to. */
  countRealCases(): Promise<number>;
  /** Deletes the seeded cases and their events, nothing else; returns how many of each. */
  removeSeeded(): Promise<{ cases: number; events: number }>;
}

/** A local store's own checks and clean-up for the storage guard. */
export interface StorageOps {
  /** A real write, rolled into the store like any other; throws what the store throws when it cannot write. */
  probe(): Promise<void>;
  /** Frees what the store can (SQLite: copies the log back and cuts it to nothing). */
  free(): Promise<void>;
  /** Free bytes on the disk holding the store, or null when unknown. */
  freeBytes(): number | null;
  /** Writes resume only with this much free (so a backlog does not fill the disk again at once). */
  headroomBytes: number;
}

/** A commit that would mark an inbound message handled a second time (another handler got there first). */
export class AlreadyHandledError extends Error {
  constructor(id: string) {
    super(`Inbound message ${id} was already handled.`);
    this.name = 'AlreadyHandledError';
  }
}

export class ConflictError extends Error {
  constructor(what: string) {
    super(`Concurrent update refused: ${what} was changed by someone else. Read it again and retry.`);
    this.name = 'ConflictError';
  }
}
