// The reporting port: what digests and scheduled jobs ask of the store, answered with indexed queries (never by
// reading every case). Kept apart from the Store port so reports can grow without touching every adapter's
// contract. Implementations: sqlite/sqlite-reports.ts (SQLite) and mongo-reports.ts (MongoDB).
import type { CaseRecord } from '../domain/case.js';
import type { Stage } from '../domain/stages.js';
import type { MessageLabel } from '../../nlp/types.js';
import type { Conversation } from './port.js';

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
  /** Stages whose standard-time clock runs (overdue counts). */
  clockedStages: readonly Stage[];
  /** The agency zone's offset from UTC (ms), for day buckets of the series. */
  utcOffsetMs: number;
  /** Start of the per-day series (local midnight); it runs over whole days up to the day `to` falls in. */
  seriesFrom?: number;
  /** How many rows the lists (overdue, oldest, top issues) hold. */
  listLimit: number;
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

export interface DayCounts {
  /** Local midnight of the day (as an instant). */
  day: number;
  newComplaints: number;
  closed: number;
  overdue: number;
}

export interface DigestFacts {
  newByKind: Record<MessageLabel, number>;
  newByChannel: Array<{ channel: string; count: number }>;
  newByDivision: Array<{ division: string; complaint: number; praise: number; statement: number }>;
  /** Open complaints per stage, now. */
  openByStage: Array<{ stage: Stage; count: number }>;
  overdue: { total: number; byStage: Array<{ stage: Stage; count: number }>; worst: CaseBrief[] };
  repeats: { count: number; earlier: Array<{ ticket: string; count: number }> };
  topTopics: Array<{ topic: string; count: number }>;
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
  series?: DayCounts[];
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
}

/** Stages whose standard time is the staff's to meet (not the citizen's answer, not after closing). */
export const CLOCKED_STAGES: readonly Stage[] = [
  'received',
  'recorded',
  'forwarded',
  'in_review',
  'root_cause',
  'action_planned',
  'in_progress',
  'verifying',
];
