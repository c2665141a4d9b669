// The one port every store adapter implements (SQLite by default, MongoDB when MONGODB_URI is set).
// Every adapter passes the same contract suite in test/store/contract.ts.
import type { CaseEvent, CaseRecord } from '../domain/case.js';
import type { InboundMessage, OutboundMessage } from '../domain/messages.js';
import type { MessageLabel } from '../../nlp/types.js';
import type { Stage } from '../domain/stages.js';

export interface StoredInbound {
  id: string;
  message: InboundMessage;
  receivedAt: number;
}

/** Per-citizen conversation state: versioned JSON written only by flows. */
export interface Conversation {
  key: string;
  state: unknown;
  version: number;
  updatedAt: number;
  /** Set when the channel reported that the citizen blocked the bot (e.g. Telegram 403). */
  unreachableAt?: number;
  unreachableReason?: string;
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
  conversation?: { key: string; state: unknown; expectedVersion: number | null };
  /** Cases to insert (expectedVersion null) or update (expectedVersion = the version read). */
  cases?: Array<{ record: CaseRecord; expectedVersion: number | null }>;
  events?: CaseEvent[];
  outbox?: OutboundMessage[];
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

export interface Store {
  readonly kind: 'sqlite' | 'mongodb';

  /**
   * Stores an inbound message under its dedupe key. `duplicate` is true (and nothing is written) if the key exists;
   * `handled` then says whether the stored one was handled (a failed handling leaves it false, so it can be retried).
   */
  saveInbound(
    message: InboundMessage,
    receivedAt: number,
  ): Promise<{ id: string; duplicate: boolean; handled: boolean }>;
  /** Inbound messages stored but not yet handled, oldest first (crash recovery). */
  listUnhandledInbound(limit: number): Promise<StoredInbound[]>;

  getConversation(key: string): Promise<Conversation | null>;
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

  /**
   * Claims, for `leaseMs`, the oldest pending outbox item of each chat that is due, up to `limit` chats.
   * Later items of a chat wait until the earlier one is delivered or failed, so each chat stays in order.
   */
  claimOutbox(owner: string, now: number, limit: number, leaseMs: number): Promise<OutboxItem[]>;
  markDelivered(id: string, at: number): Promise<void>;
  /** Puts an item back for a later attempt; `countAttempt` false for pacing delays. */
  retryOutbox(id: string, nextAttemptAt: number, error: string | null, countAttempt: boolean): Promise<void>;
  markFailed(id: string, at: number, error: string): Promise<void>;
  countOutbox(status: OutboxStatus): Promise<number>;

  /** A small key-value table for adapters and jobs (staff thread ids, last run times). */
  getValue(key: string): Promise<string | null>;
  setValue(key: string, value: string): Promise<void>;

  /** Takes or renews a named lease (scheduled jobs across instances). True if `owner` holds it until `until`. */
  tryLease(name: string, owner: string, now: number, until: number): Promise<boolean>;

  close(): Promise<void>;
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
