// What a scheduled job is: a name, a cron expression and a function of the occurrence it runs for.
import type { App } from '../app.js';
import type { Logger } from '../log/logger.js';
import type { SchedulerSettings } from './settings.js';

export interface JobContext {
  app: App;
  settings: SchedulerSettings;
  /** The scheduled minute this run is for (ms); the time of the request for a run by hand. */
  occurrence: number;
  /** The app clock when the run started. */
  now: number;
  log: Logger;
}

/** Counts of what a run did, for the log and `aduan jobs run`. */
export type JobReport = Record<string, number | string>;

export interface Job {
  name: string;
  summary: string;
  cron: string;
  run(ctx: JobContext): Promise<JobReport>;
}
