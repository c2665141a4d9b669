// Shared start-up for commands: read .env, validate the configuration (every setting, and none that only looks like
// one), build the core.
import { createApp, type App, type AppOptions } from '../app.js';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { loadEnvFile } from '../config/env-file.js';
import { assertNoUnknownSettings } from '../config/known-settings.js';
import { StartupError } from '../config/startup-error.js';
import { loadSchedulerConfig, SCHEDULER_SETTINGS } from '../scheduler/settings.js';
import { officeHoursPolicy } from '../domain/office-hours.js';

export { parseFlags, parseLoose as parseArgs, UsageError } from './usage.js';

/** The validated configuration from the environment and .env; a typo'd or wrong setting stops here. */
export function configFromEnv(): Config {
  loadEnvFile();
  assertNoUnknownSettings(process.env, SCHEDULER_SETTINGS);
  return loadConfig();
}

/** `quiet`: the console chat shares the terminal with logs, so only warnings unless LOG_LEVEL says otherwise. */
export async function startCore(opts: AppOptions & { quiet?: boolean } = {}): Promise<App> {
  const config = configFromEnv();
  if (opts.quiet && !process.env.LOG_LEVEL) config.LOG_LEVEL = 'warn';
  // Scheduler settings (time zone, office hours, cron expressions) are validated here too: a bad one stops start-up.
  const schedule = loadSchedulerConfig();
  const duePolicy = opts.duePolicy ?? officeHoursPolicy(config.STANDARD_TIMES, schedule.calendar);
  try {
    return await createApp(config, { ...opts, duePolicy, calendar: opts.calendar ?? schedule.calendar });
  } catch (err) {
    if (err instanceof ConfigError || err instanceof StartupError) throw err;
    throw new StartupError(`Aduan could not start: ${(err as Error).message}`);
  }
}
