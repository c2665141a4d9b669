// Settings that look like ours but are not (a typo such as TELEGRAM_BOT_TOKN) would otherwise be ignored without a
// word: the service would start without the channel the operator meant to configure. They stop start-up instead,
// naming the closest real setting.
import { CONFIG_SETTINGS, ConfigError } from './config.js';

/** Prefixes only our settings use: an unknown name with one of them is a mistake, not another program's variable. */
const OUR_PREFIXES = [
  'TELEGRAM_',
  'WHATSAPP_',
  'MONGODB_',
  'DIGEST_',
  'STAFF_',
  'SUPERVISOR_',
  'AGENCY_',
  'INTAKE_',
  'CONFIRM_',
  'FOLLOWUP_',
  'CLOCK_',
  'OFFICE_',
  'HEALTH_',
  'HTTP_',
  'WEB_',
  'RETENTION_',
  'INBOUND_',
];

/** Read elsewhere than the configuration schemas (tests, the data-set folder). */
const OTHER_SETTINGS = ['ADUAN_TEST_CRASH', 'ADUAN_PUBLIC_DATA'];

/** The edit distance between two names (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The known setting nearest to `name`, if it is near enough to be what was meant. */
export function closestSetting(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/**
 * Throws ConfigError for every variable in `env` that looks like one of our settings but is none: a name with one
 * of our prefixes, or within two letters of a real setting (MONGO_URI, DATA_DRI).
 */
export function assertNoUnknownSettings(env: Record<string, string | undefined>, known: readonly string[]): void {
  const all = [...new Set([...CONFIG_SETTINGS, ...known, ...OTHER_SETTINGS])];
  const problems: string[] = [];
  for (const name of Object.keys(env).sort()) {
    if (all.includes(name) || !/^[A-Z][A-Z0-9_]*$/.test(name)) continue;
    const ours = OUR_PREFIXES.some((p) => name.startsWith(p));
    // The edit distance is at least the difference in length: most names are ruled out without computing it.
    const near = all.find((k) => k.length >= 8 && Math.abs(k.length - name.length) <= 2 && distance(name, k) <= 2);
    if (!ours && !near) continue;
    const meant = closestSetting(name, all);
    problems.push(`${name}: not a setting of Aduan${meant ? `; did you mean ${meant}?` : ''}`);
  }
  if (problems.length) throw new ConfigError(problems);
}
