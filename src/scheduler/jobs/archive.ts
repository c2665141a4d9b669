// SOP step 14 on a schedule: cases closed more than ARCHIVE_AFTER_DAYS ago are archived with their history, each with
// its event, a day's backlog at a time (a run stops after ten minutes, well inside the job's lease; the next run goes
// on). Nothing is sent to anyone: archiving is a record, not news.
import { localTime } from '../../domain/office-hours.js';
import { archiveClosed } from '../../records/archive.js';
import type { Job } from '../job.js';

const RUN_BUDGET_MS = 10 * 60_000;

export function archiveJob(cron: string): Job {
  return {
    name: 'archive',
    summary: 'SOP step 14: archive cases closed more than ARCHIVE_AFTER_DAYS days ago (with an event per case)',
    cron,
    run: async ({ app, settings, occurrence }) => {
      const before = occurrence - settings.archiveAfterMs;
      const days = Math.round(settings.archiveAfterMs / 86_400_000);
      const r = await archiveClosed({
        store: app.store,
        reports: app.reports,
        closedBefore: before,
        policy: app.duePolicy,
        actor: { kind: 'system', id: 'archive', name: 'Arsip otomatis' },
        detail: `ditutup lebih dari ${days} hari (sebelum ${localTime(before, settings.timeZone).date})`,
        now: app.now,
        budgetMs: RUN_BUDGET_MS,
      });
      return { archived: r.archived, conflicts: r.conflicts, more: r.stoppedEarly ? 'yes' : 'no' };
    },
  };
}
