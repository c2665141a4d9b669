// Dedupe keys expire: handled inbound messages older than INBOUND_RETENTION_DAYS are deleted, in batches, so the
// inbox does not grow for ever. Channels resend an update within hours; a message still unhandled is never deleted.
import type { Job } from '../job.js';

const BATCH = 5000;
const MAX_BATCHES_PER_RUN = 200;

export function inboundRetentionJob(cron: string): Job {
  return {
    name: 'inbound-retention',
    summary: 'delete handled inbound messages older than INBOUND_RETENTION_DAYS (their dedupe keys expire)',
    cron,
    run: async ({ app, settings, now }) => {
      const before = now - settings.inboundRetentionMs;
      let purged = 0;
      for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
        const n = await app.store.purgeHandledInbound(before, BATCH);
        purged += n;
        if (n < BATCH) break;
      }
      return { purged };
    },
  };
}
