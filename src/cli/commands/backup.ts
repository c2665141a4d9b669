// `aduan backup --out FILE`: an online backup of the SQLite store, safe while `serve` runs (see
// store/sqlite/backup.ts). A MongoDB store is backed up with mongodump instead.
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { Io } from '../main.js';
import { configFromEnv, parseFlags } from '../bootstrap.js';
import { BackupError, backupSqlite } from '../../store/sqlite/backup.js';

export const usage = `Usage: aduan backup --out FILE
  An online copy of the SQLite store, consistent and safe while serve runs; FILE must not exist yet.
  A MongoDB store (MONGODB_URI) is backed up with mongodump instead.
`;

export default async function backup(argv: string[], io: Io): Promise<number> {
  const { values: flags } = parseFlags(argv, { out: { type: 'string' } }, usage);
  if (typeof flags.out !== 'string' || flags.out === '') {
    io.stderr.write(`--out FILE is needed.\n${usage}`);
    return 2;
  }
  const config = configFromEnv();
  if (config.MONGODB_URI) {
    io.stderr.write('The store is MongoDB (MONGODB_URI): back it up with mongodump (see the README, Deployment).\n');
    return 2;
  }
  const out = resolve(flags.out);
  if (!existsSync(dirname(out))) {
    io.stderr.write(`The folder ${dirname(out)} does not exist.\n`);
    return 2;
  }
  try {
    const r = await backupSqlite(config.sqlitePath, out);
    io.stdout.write(
      `Backup written: ${out} (${(r.bytes / 1_048_576).toFixed(1)} MB, schema version ${r.schemaVersion})\n`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    io.stderr.write(`${err.message}\n`);
    return 1;
  }
}
