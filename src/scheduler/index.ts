// The scheduler as a background service of `aduan serve`: always enabled; bad settings stop start-up.
import type { App } from '../app.js';
import type { ChannelEntry } from '../ports/channel.js';
import { dateTimeId } from '../digest/format.js';
import { allJobs } from './registry.js';
import { Scheduler } from './runner.js';
import { loadSchedulerConfig, type SchedulerSettings } from './settings.js';

export { loadSchedulerConfig, type SchedulerSettings } from './settings.js';
export { Scheduler, type RunOutcome, type JobStatus } from './runner.js';
export { allJobs } from './registry.js';
export type { Job, JobContext, JobReport } from './job.js';
export { latestOccurrence, nextOccurrence, cronProblem } from './cron.js';

/** Builds the scheduler of an app with every job (tests pass their own settings). */
export function createScheduler(app: App, settings: SchedulerSettings = loadSchedulerConfig()): Scheduler {
  return new Scheduler(app, allJobs(settings), settings);
}

/** Runs missed jobs once, then every job on its schedule, until `serve` stops. */
export const schedulerEntry: ChannelEntry = {
  name: 'scheduler',
  enabled: () => true,
  async start(app) {
    const settings = loadSchedulerConfig();
    const scheduler = createScheduler(app, settings);
    const caughtUp = await scheduler.start();
    const ran = caughtUp.filter((o) => o.ran).map((o) => o.job);
    app.log.info('scheduler started', {
      timeZone: settings.timeZone,
      caughtUp: ran,
      next: scheduler.armed().map((a) => `${a.job} ${a.next ? dateTimeId(a.next.getTime(), settings.timeZone) : '-'}`),
    });
    return { name: 'scheduler', stop: () => scheduler.stop() };
  },
};
