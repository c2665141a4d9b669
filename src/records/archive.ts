// SOP step 14: closed complaints are archived with their whole history. Each case moves closed → archived through the
// lifecycle (moveCase) and is committed with its event, one case per commit, read in pages of closed cases: a case
// that changed meanwhile (reopened by its citizen) is left alone and counted, never overwritten.
import type { Actor } from '../domain/case.js';
import { moveCase, type DuePolicy } from '../domain/lifecycle.js';
import { IllegalTransitionError } from '../domain/stages.js';
import { ConflictError, type RecordStore } from '../store/port.js';
import type { ClosedCursor, ReportStore } from '../store/reports.js';

export interface ArchiveInput {
  store: Pick<RecordStore, 'commit'>;
  reports: Pick<ReportStore, 'closedBefore'>;
  /** Cases closed before this instant are archived. */
  closedBefore: number;
  policy: DuePolicy;
  actor: Actor;
  /** The event's detail ("closed before 2026-10-01"). */
  detail: string;
  now: () => number;
  /** Count what would be archived, change nothing. */
  dryRun?: boolean;
  /** Cases read per page (default 200). */
  batch?: number;
  /** Stop once this much time (ms, by `now`) has gone; the rest is left for the next run. */
  budgetMs?: number;
}

export interface ArchiveResult {
  archived: number;
  /** Changed by someone else between reading and writing (e.g. reopened): left as they are. */
  conflicts: number;
  /** True when the time budget ran out before every eligible case was seen. */
  stoppedEarly: boolean;
  first?: { ticket: string; closedAt: number };
  last?: { ticket: string; closedAt: number };
}

/** Archives (or, with dryRun, counts) every case at stage closed that closed before `closedBefore`. */
export async function archiveClosed(i: ArchiveInput): Promise<ArchiveResult> {
  const started = i.now();
  const result: ArchiveResult = { archived: 0, conflicts: 0, stoppedEarly: false };
  let after: ClosedCursor | null = null;
  for (;;) {
    if (i.budgetMs !== undefined && i.now() - started >= i.budgetMs) {
      result.stoppedEarly = true;
      return result;
    }
    const page = await i.reports.closedBefore(i.closedBefore, after, i.batch ?? 200);
    for (const c of page) {
      const mark = { ticket: c.ticket, closedAt: c.closedAt ?? 0 };
      after = mark;
      if (!i.dryRun) {
        try {
          const { next, event } = moveCase(c, 'archived', {
            now: i.now(),
            actor: i.actor,
            action: 'archive',
            policy: i.policy,
            detail: i.detail,
          });
          await i.store.commit({ cases: [{ record: next, expectedVersion: c.version }], events: [event] });
        } catch (err) {
          if (!(err instanceof ConflictError || err instanceof IllegalTransitionError)) throw err;
          result.conflicts += 1;
          continue;
        }
      }
      result.archived += 1;
      result.first ??= mark;
      result.last = mark;
    }
    if (page.length < (i.batch ?? 200)) return result;
  }
}
