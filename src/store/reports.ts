// The reporting port: what digests and scheduled jobs ask of the store, answered with indexed queries (never by
// reading every case). Kept apart from the Store port so reports can grow without touching every adapter's
// contract. Implementations: sqlite/sqlite-reports.ts (SQLite) and mongo-reports.ts (MongoDB).
import type { CaseEvent, CaseRecord } from '../domain/case.js';
import type { Stage } from '../domain/stages.js';
import type { MessageLabel } from '../../nlp/types.js';
import type { CaseQuery, Conversation } from './port.js';

export { CLOCKED_STAGES } from '../domain/standard-time.js';

/** Event actions reports count (written by flows/closure.ts and the scheduler's jobs). */
export const REPORT_ACTIONS = {
  satisfied: 'citizen satisfied',
  notSatisfied: 'citizen not satisfied: reopened',
  cameBack: 'problem came back: reopened',
  stillSolved: 'follow-up: still solved',
  rated: 'rated',
  noResponse: 'no response: closed',
  overdue: 'overdue reminder',
  escalated: 'overdue escalation',
  closureReminder: 'closure reminder',
  followupAsked: 'follow-up asked',
} as const;

export interface DigestQuery {
  /** The period the digest covers, [from, to). */
  from: number;
  to: number;
  /** "Now" for open and overdue counts. */
  now: number;
  /** Stages whose standard-time clock runs (CLOCKED_STAGES). */
  clockedStages: readonly Stage[];
  /** Edges of the chart's buckets, ascending (bucket i is [edges[i], edges[i + 1])); no series without them. */
  seriesEdges?: readonly number[];
  /** How many rows the lists (overdue, oldest) hold. */
  listLimit: number;
  /** How many (division, topic) rows `topics` holds at most, most frequent first. */
  topicLimit: number;
}

export interface CaseBrief {
  ticket: string;
  stage: Stage;
  division: string;
  topic: string;
  /** The citizen's text, unmasked: whoever shows it masks it first. */
  text: string;
  createdAt: number;
  dueAt?: number;
}

/** One bar of the chart: [from, to) is a day or a week. */
export interface BucketCounts {
  from: number;
  to: number;
  newComplaints: number;
  closed: number;
  /** Stages that passed their due time in the bucket without being done (domain/standard-time.ts, view a). */
  overStandard: number;
}

export interface StageCount {
  stage: Stage;
  count: number;
}

export interface DigestFacts {
  newByKind: Record<MessageLabel, number>;
  newByChannel: Array<{ channel: string; count: number }>;
  newByDivision: Array<{ division: string; complaint: number; praise: number; statement: number }>;
  /** Open complaints per stage, now. */
  openByStage: Array<{ stage: Stage; count: number }>;
  /** Over the standard time, both views of src/domain/standard-time.ts (complaints, clocked stages). */
  overStandard: {
    /** (a) Stages whose due time fell in the period and that were not done by it (still there, or left late). */
    passed: { total: number; byStage: StageCount[] };
    /** (b) Complaints open past due now; `worst` the longest overdue first. */
    openNow: { total: number; byStage: StageCount[]; worst: CaseBrief[] };
  };
  repeats: { count: number; earlier: Array<{ ticket: string; count: number }> };
  /** New complaints of the period per division and recorded topic, most frequent first (the digest groups them). */
  topics: Array<{ division: string; topic: string; count: number }>;
  reopened: { count: number; tickets: string[] };
  satisfaction: {
    satisfied: number;
    notSatisfied: number;
    ratings: number;
    ratingSum: number;
    noResponse: number;
    stillSolved: number;
    cameBack: number;
  };
  closed: number;
  oldestOpen: CaseBrief[];
  series?: BucketCounts[];
}

/** Which cases an export reads: created in [from, to), optionally only those now at `stage` or in `division`. */
export interface CaseFilter {
  from: number;
  to: number;
  stage?: Stage;
  division?: string;
}

/** Where the next page starts: after this case in (createdAt, ticket) order. */
export interface CreatedCursor {
  createdAt: number;
  ticket: string;
}

/** Where the next page of closed cases starts: after this case in (closedAt, ticket) order. */
export interface ClosedCursor {
  closedAt: number;
  ticket: string;
}

export interface ReportStore {
  digestFacts(q: DigestQuery): Promise<DigestFacts>;
  /** Conversations in `mode` whose citizen last wrote before `before` (half-way intakes). */
  conversationsWaiting(mode: string, before: number, limit: number): Promise<Conversation[]>;
  /** Complaints at `stage` that entered it before `before`, oldest first. */
  casesAtStageSince(stage: Stage, before: number, limit: number): Promise<CaseRecord[]>;
  /**
   * Open complaints in `stages` whose due time is at or before `now`, the most recently overdue first: the stage
   * clocks look at these every few minutes, so a new breach must never be crowded out by old ones already handled.
   */
  overdueCases(now: number, stages: readonly Stage[], limit: number): Promise<CaseRecord[]>;
  /** Complaints closed in [from, to), oldest closure first. */
  closedBetween(from: number, to: number, limit: number): Promise<CaseRecord[]>;
  /**
   * One page of the cases an export reads, in (createdAt, ticket) order, starting after `after`: callers page through
   * any number of cases without holding them all.
   */
  casesCreated(filter: CaseFilter, after: CreatedCursor | null, limit: number): Promise<CaseRecord[]>;
  /** The event logs of these cases, by ticket then in the order written. */
  eventsOf(tickets: readonly string[]): Promise<CaseEvent[]>;
  /** Cases of any kind at stage closed that closed before `before`, in (closedAt, ticket) order (archiving). */
  closedBefore(before: number, after: ClosedCursor | null, limit: number): Promise<CaseRecord[]>;
  /** How many cases match `q` (its limit and order ignored): `cases list` says how many it did not show. */
  countCases(q: CaseQuery): Promise<number>;
}
