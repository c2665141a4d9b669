// Every scheduled job of the service, with the cron expression from the settings.
import { digestJob } from '../digest/digest-job.js';
import type { Job } from './job.js';
import { archiveJob } from './jobs/archive.js';
import { closureTimeoutsJob, followupChecksJob, intakeTimeoutsJob } from './jobs/citizen-followups.js';
import { stageClocksJob } from './jobs/stage-clocks.js';
import { retentionJob } from './jobs/retention.js';
import type { SchedulerSettings } from './settings.js';

export function allJobs(settings: SchedulerSettings): Job[] {
  return [
    stageClocksJob(settings.cron.clockCheck),
    intakeTimeoutsJob(settings.cron.clockCheck),
    closureTimeoutsJob(settings.cron.followup),
    followupChecksJob(settings.cron.followup),
    digestJob('daily', settings.cron.digestDaily),
    digestJob('weekly', settings.cron.digestWeekly),
    archiveJob(settings.cron.archive),
    retentionJob(settings.cron.archive),
  ];
}
