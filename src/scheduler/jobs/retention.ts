// Retention (UU 27/2022 PDP: personal data kept no longer than needed). Nightly: handled inbound messages (their
// dedupe keys expire with them) and sent outbox messages older than RETENTION_INBOUND_DAYS are deleted; closed and
// archived cases older than RETENTION_CASE_DAYS after closing are anonymised (figures kept, src/services/erasure.ts).
// Each run's counts are kept for the weekly digest (src/digest/retention-line.ts).
import { retentionErasure } from '../../services/erasure.js';
import type { Job } from '../job.js';
import { noteRetentionRun } from '../../digest/retention-line.js';

const BATCH = 5000;
const MAX_BATCHES_PER_RUN = 200;
/** Cases are anonymised in small transactions: each rewrites a case with all its events and messages. */
const CASE_BATCH = 100;

export function retentionJob(cron: string): Job {
  return {
    name: 'retention',
    summary:
      'delete handled inbound and sent outbox messages older than RETENTION_INBOUND_DAYS; anonymise cases closed more than RETENTION_CASE_DAYS ago',
    cron,
    run: async ({ app, settings, now }) => {
      const before = now - settings.inboundRetentionMs;
      const report = { inbound: 0, outbox: 0, cases: 0 };
      for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
        const n = await app.store.purgeHandledInbound(before, BATCH);
        report.inbound += n;
        if (n < BATCH) break;
      }
      for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
        const n = await app.privacy.purgeSentOutbox(before, BATCH);
        report.outbox += n;
        if (n < BATCH) break;
      }
      if (settings.caseRetentionMs !== null) {
        const closedBefore = now - settings.caseRetentionMs;
        for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
          const tickets = await app.privacy.casesToAnonymise(closedBefore, CASE_BATCH);
          if (tickets.length === 0) break;
          report.cases += (await app.privacy.erase(await retentionErasure(app.store, tickets, now))).cases;
          for (const t of tickets) app.nlp.repeats.remove(t);
          if (tickets.length < CASE_BATCH) break;
        }
      }
      await noteRetentionRun(app.store, { at: now, ...report });
      return { purgedInbound: report.inbound, purgedOutbox: report.outbox, anonymisedCases: report.cases };
    },
  };
}
