// Shared start-up for commands: read .env, validate the configuration, build the core.
import { createApp, type App, type AppOptions } from '../app.js';
import { loadConfig, type Config } from '../config/config.js';
import { loadEnvFile } from '../config/env-file.js';
import { StartupError } from './main.js';
import { loadSchedulerConfig } from '../scheduler/settings.js';
import { officeHoursPolicy } from '../domain/office-hours.js';

export function configFromEnv(): Config {
  loadEnvFile();
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
    if ((err as Error).name === 'ConfigError') throw err;
    throw new StartupError(`Aduan could not start: ${(err as Error).message}`);
  }
}

/** Parses "--flag value" and "--flag=value" options; the rest are positional. */
export function parseArgs(argv: string[]): { flags: Record<string, string | true>; positional: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      const [k = '', v] = a.slice(2).split('=', 2);
      const nextArg = argv[i + 1];
      if (v !== undefined) flags[k] = v;
      else if (nextArg !== undefined && !nextArg.startsWith('--')) {
        flags[k] = nextArg;
        i++;
      } else flags[k] = true;
    } else positional.push(a);
  }
  return { flags, positional };
}
