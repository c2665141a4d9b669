// The PTP (Permintaan Tindakan Perbaikan, corrective-action request) as a list of rounds, SOP steps 7-13. The first
// round opens with the first staff work on the cause; every reopen ("not satisfied", "it came back") opens another,
// so nothing of an earlier round is overwritten: ISO 9001 10.2.2 asks to keep every action and its result.
import type { CaseRecord, PtpRound, Verification } from './case.js';

/** The round being worked now (a fresh round 1 when none was opened yet). */
export function currentRound(c: Pick<CaseRecord, 'ptp' | 'createdAt'>): PtpRound {
  return c.ptp.at(-1) ?? { openedAt: c.createdAt, verifications: [] };
}

/** The case's rounds with the current one changed by `patch` (round 1 is opened by its first change). */
export function withCurrentRound(c: Pick<CaseRecord, 'ptp' | 'createdAt'>, patch: Partial<PtpRound>): PtpRound[] {
  const rounds = c.ptp.length ? c.ptp.slice(0, -1) : [];
  return [...rounds, { ...currentRound(c), ...patch }];
}

/** The current round with one more verification (SOP step 12). */
export function withVerification(c: Pick<CaseRecord, 'ptp' | 'createdAt'>, v: Verification): PtpRound[] {
  return withCurrentRound(c, { verifications: [...currentRound(c).verifications, v] });
}

/**
 * Whether the head of division approved the result in the current round, after its latest rejection: the one
 * condition for telling the citizen (SOP step 13). A reopened case starts a round with no verification at all.
 */
export function approvedThisRound(c: Pick<CaseRecord, 'ptp' | 'createdAt'>): boolean {
  return currentRound(c).verifications.at(-1)?.result === 'approved';
}

/** A record as stored by older versions: `ptp` was one object, read now as round 1. */
interface LegacyPtp {
  rootCause?: string;
  correctiveAction?: string;
  owner?: string;
  dueAt?: number;
  verifications?: Verification[];
}

/**
 * Reads a stored case whatever version wrote it. Store adapters call this on every case they read, so the rest of
 * the code sees only the current shape. Old records kept the PTP as one object: it becomes round 1 (an empty one
 * becomes no round at all).
 */
export function normaliseCase(raw: CaseRecord): CaseRecord {
  const ptp = (raw as { ptp?: unknown }).ptp;
  if (Array.isArray(ptp)) return raw;
  const old = (ptp ?? {}) as LegacyPtp;
  const verifications = Array.isArray(old.verifications) ? old.verifications : [];
  const hasContent =
    old.rootCause !== undefined ||
    old.correctiveAction !== undefined ||
    old.owner !== undefined ||
    old.dueAt !== undefined ||
    verifications.length > 0;
  if (!hasContent) return { ...raw, ptp: [] };
  const round: PtpRound = {
    openedAt: raw.createdAt,
    ...(old.rootCause !== undefined ? { rootCause: old.rootCause } : {}),
    ...(old.correctiveAction !== undefined ? { correctiveAction: old.correctiveAction } : {}),
    ...(old.owner !== undefined ? { owner: old.owner } : {}),
    ...(old.dueAt !== undefined ? { dueAt: old.dueAt } : {}),
    verifications,
  };
  return { ...raw, ptp: [round] };
}
