// Crash tests kill the real process at named points of handling a message (as a power cut would), to show that a
// restart neither loses nor repeats anything. Set ADUAN_CRASH_AT=<point> (and optionally ADUAN_CRASH_TEXT=<words the
// message contains>) with NODE_ENV=test; outside tests this does nothing.

export type CrashPoint = 'after-store' | 'before-commit' | 'after-commit';

/** Kills this process with SIGKILL when the environment names this point (and the message matches). */
export function crashPoint(point: CrashPoint, text: string): void {
  const env = process.env;
  if (env.NODE_ENV !== 'test' || env.ADUAN_CRASH_AT !== point) return;
  if (env.ADUAN_CRASH_TEXT && !text.includes(env.ADUAN_CRASH_TEXT)) return;
  process.kill(process.pid, 'SIGKILL');
}
