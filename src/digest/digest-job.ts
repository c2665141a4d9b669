// The scheduled digests: built for the period ending at the occurrence (07:00 by default), put in the outbox for
// every supervisor in one commit. The outbox delivers per chat: an unreachable supervisor is logged and skipped.
import { supervisorMessages } from './recipients.js';
import { buildDigest } from './build.js';
import type { Period } from './compose.js';
import type { Job, JobReport } from '../scheduler/job.js';

export function digestJob(period: Period, cron: string): Job {
  return {
    name: `digest-${period}`,
    summary: `${period === 'daily' ? 'daily' : 'weekly'} supervisor digest (new messages, open and overdue cases, repeats, satisfaction${period === 'weekly' ? ', chart' : ''})`,
    cron,
    run: async ({ app, settings, occurrence, now, log }): Promise<JobReport> => {
      const digest = await buildDigest(
        {
          reports: app.reports,
          agency: app.agency,
          timeZone: settings.timeZone,
          chartWeeks: settings.chartWeeks,
          retention: { store: app.store, caseRetention: settings.caseRetentionMs !== null },
        },
        period,
        occurrence,
        now,
      );
      const outbox = supervisorMessages(app.config, {
        text: digest.text,
        kind: 'digest',
        ...(digest.chartPng ? { imagePngBase64: digest.chartPng.toString('base64') } : {}),
      });
      if (outbox.length === 0) {
        log.warn('digest made but no supervisor is configured (SUPERVISOR_TELEGRAM_IDS, SUPERVISOR_WHATSAPP_NUMBERS)');
        return { recipients: 0, chars: digest.text.length };
      }
      await app.store.commit({ outbox });
      app.dispatcher.kick();
      return { recipients: outbox.length, chars: digest.text.length, chartBytes: digest.chartPng?.length ?? 0 };
    },
  };
}
