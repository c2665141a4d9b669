// The complaint case: everything the SOP's complaint book, PTP and follow-up book hold about one message.
// Praise and statements are recorded as cases of their own kind too (SOP step 3 sorts them; they are counted).
import type { Classification, MessageLabel } from '../../nlp/types.js';
import type { Attachment, ChannelName } from './messages.js';
import type { Resolution, Stage } from './stages.js';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface CitizenRef {
  channel: ChannelName;
  userId: string;
  chatId: string;
  displayName?: string;
  language: Language;
}

export interface StageTime {
  enteredAt: number;
  dueAt?: number;
  leftAt?: number;
}

export interface Note {
  by: string;
  at: number;
  text: string;
}

export interface Verification {
  result: 'approved' | 'rejected';
  by: string;
  at: number;
  notes: string;
}

/**
 * One round of the Permintaan Tindakan Perbaikan (corrective-action request), SOP steps 7-13. Round 1 covers the
 * first handling; each reopen opens the next round, so every round's cause, action and result are kept.
 */
export interface PtpRound {
  /** When the round opened: the case's creation for round 1, the reopen for later ones. */
  openedAt: number;
  /** What the citizen said when the case was reopened (absent on round 1). */
  reopenReason?: string;
  rootCause?: string;
  correctiveAction?: string;
  owner?: string;
  dueAt?: number;
  /** SOP step 12, in order; the last one decides whether the citizen may be told. */
  verifications: Verification[];
  /** The message staff wrote for the citizen when telling them the result (SOP step 13), sent as written. */
  citizenMessage?: string;
  informedAt?: number;
  /** How the citizen answered the closure question (or that they did not). */
  citizenAnswer?: { at: number; answer: 'satisfied' | 'not_satisfied' | 'no_response'; reason?: string };
  /** Set when the follow-up weeks after closing found the problem back (the next round opens). */
  cameBackAt?: number;
}

export interface SatisfactionAnswer {
  at: number;
  satisfied: boolean;
  rating?: number;
  reason?: string;
  /** 'closure' for the SOP step 13 question, 'follow-up' for the check weeks later. */
  round: 'closure' | 'follow-up';
}

export interface CaseRecord {
  ticket: string;
  kind: MessageLabel;
  /**
   * What the citizen asked for beyond the SOP family: a suggestion (kritik / saran / aspirasi: kind 'complaint',
   * worked through the SOP like any complaint, counted on its own) or an information request (kind 'statement',
   * left open at 'recorded' until staff answer it in the inbox and close it as 'answered'), or the erasure of their
   * personal data (kind 'statement', open at 'recorded' until staff confirm it with /hapusdata).
   */
  request?: 'suggestion' | 'information' | 'erasure';
  citizen: CitizenRef;
  text: string;
  details: { what?: string; where?: string; since?: string };
  attachments: Attachment[];
  classification: Classification;
  correction?: { label: MessageLabel; by: string; at: number; note?: string };
  topic: string;
  division: string;
  flags: string[];
  repeatOf?: { ticket: string; similarity: number };
  stage: Stage;
  resolution?: Resolution;
  resolutionNote?: string;
  stageTimes: Partial<Record<Stage, StageTime>>;
  /** Due time of the current stage (copied out of stageTimes for indexing). */
  dueAt?: number;
  /** Who holds the case (display name), and their actor id (who may act without asking to take it over). */
  assignee?: string;
  assigneeId?: string;
  reviewNotes: Note[];
  privateNotes: Note[];
  /** The PTP rounds, oldest first (empty until staff start on the cause). */
  ptp: PtpRound[];
  satisfaction: SatisfactionAnswer[];
  reopenCount: number;
  createdAt: number;
  updatedAt: number;
  closedAt?: number;
  /**
   * The citizen's personal data was removed (erasure on their request, UU 27/2022 PDP; or retention after
   * RETENTION_CASE_DAYS): the texts and contact are gone, the figures (stage, dates, division, label) stay.
   */
  anonymised?: { at: number; why: 'erasure' | 'retention' };
  /** Made by `aduan seed` (synthetic history for demos and benchmarks): `aduan seed --remove` deletes only these. */
  seeded?: true;
  /** Optimistic concurrency: bumped on every write; a write with a stale version is refused. */
  version: number;
}

export const ACTOR_KINDS = ['citizen', 'staff', 'supervisor', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface Actor {
  kind: ActorKind;
  id: string;
  name?: string;
}

/** Append-only event log entry: who did what, when, and which stages it moved between. */
export interface CaseEvent {
  ticket: string;
  at: number;
  actor: Actor;
  action: string;
  fromStage?: Stage;
  toStage?: Stage;
  /** Free details (note text, reason, refusal cause). */
  detail?: string;
}

/**
 * The text a complaint is compared and routed by: what the citizen wrote plus the "what happened" answer.
 * Used when the complaint is recorded, when it is added to the repeat index, and when the index is rebuilt.
 */
export function complaintText(c: { text: string; details: { what?: string } }): string {
  return c.details.what ? `${c.text}\n${c.details.what}` : c.text;
}

export function citizenKey(c: CitizenRef): string {
  return `${c.channel}:${c.userId}`;
}
