// An online backup of the SQLite store: a consistent copy of the database as of one moment, taken while `serve`
// keeps writing. WAL lets the copy read one snapshot without blocking writers, and every page is copied in one step,
// so the service's writes cannot restart it (SQLite restarts a stepwise backup when another connection writes). The
// copy is checked, turned into a single self-contained file (no -wal beside it), then renamed into place: a failed
// backup never leaves a half-written file under the name asked for.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupResult {
  bytes: number;
  schemaVersion: number;
}

const ALL_PAGES = 0x7fffffff;

/** Copies the SQLite store at `source` to `target` (which must not exist yet). */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new BackupError(`No SQLite store at ${source} (check DATA_DIR).`);
  if (existsSync(target)) throw new BackupError(`${target} exists already: choose a new file name.`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    const db = new Database(source, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      await db.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      db.close();
    }
    const copy = new Database(partial);
    let schemaVersion: number;
    try {
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`The copy failed its check (${String(check)}); nothing was written.`);
      copy.pragma('journal_mode = DELETE');
      schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return { bytes: statSync(target).size, schemaVersion };
  } finally {
    rmSync(partial, { force: true });
  }
}
