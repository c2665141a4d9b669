// `aduan digest --period daily|weekly --print [--out FILE.png]`: makes the digest for the period ending now and
// prints it (personal data masked) without sending it; --out writes the weekly chart.
import { writeFileSync } from 'node:fs';
import type { Io } from '../main.js';
import { configFromEnv, parseFlags } from '../bootstrap.js';
import { openStore } from '../../store/open.js';
import { loadAgency } from '../../config/agency.js';
import { loadSchedulerConfig } from '../../scheduler/settings.js';
import { buildDigest } from '../../digest/build.js';

export const usage = `Usage: aduan digest --period daily|weekly --print [--out FILE.png]
  Makes the supervisors' digest for the period ending now and prints it (personal data masked); sends nothing.
  --out writes the weekly chart as a PNG.
`;

export default async function digest(argv: string[], io: Io): Promise<number> {
  const { values: flags } = parseFlags(
    argv,
    { period: { type: 'string' }, print: { type: 'boolean' }, out: { type: 'string' } },
    usage,
  );
  const period = flags.period ?? 'daily';
  if (period !== 'daily' && period !== 'weekly') {
    io.stderr.write(`--period must be daily or weekly.\n${usage}`);
    return 2;
  }
  const config = configFromEnv();
  const settings = loadSchedulerConfig();
  const agency = loadAgency(config.agencyConfigPath);
  const { store, reports } = await openStore(config);
  try {
    const started = performance.now();
    const d = await buildDigest(
      {
        reports,
        agency,
        timeZone: settings.timeZone,
        chartWeeks: settings.chartWeeks,
        retention: { store, caseRetention: settings.caseRetentionMs !== null },
      },
      period,
      Date.now(),
    );
    const ms = performance.now() - started;
    io.stdout.write(`${d.text}\n`);
    if (typeof flags.out === 'string') {
      if (!d.chartPng) {
        io.stderr.write('Only the weekly digest has a chart (--period weekly).\n');
        return 2;
      }
      writeFileSync(flags.out, d.chartPng);
      io.stderr.write(`Chart written to ${flags.out} (${d.chartPng.length.toLocaleString('en')} bytes).\n`);
    }
    io.stderr.write(`(made in ${ms.toFixed(0)} ms; not sent)\n`);
    return 0;
  } finally {
    await store.close();
  }
}
