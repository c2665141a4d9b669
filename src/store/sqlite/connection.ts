// Opening the SQLite file: the pragmas that make every commit durable and every writer wait its turn instead of
// failing with "database is locked".
//
// - WAL with synchronous=FULL: each commit fsyncs the log before it returns, so a message we confirm to a channel
//   (and a reply we mark delivered) survives a power cut, not only a process crash. NORMAL would sync only at
//   checkpoints. `durable: false` exists for the benchmark's comparison only.
// - busy_timeout: a writer that finds the file locked by another connection (the other instance, a checkpoint in
//   its last step) waits up to this long. It works only for transactions that start as writes (BEGIN IMMEDIATE): a
//   read that later wants to write cannot wait and fails at once, so every write transaction here is immediate.
// - Writes that nobody outside has been told about yet (storing an inbound message before it is handled, claiming
//   or postponing an outbox item) are written with synchronous=NORMAL: the log is written in order, so the next
//   FULL commit (the one that marks the message handled, which is what lets the channel confirm it) makes them
//   durable too. That halves the fsyncs per message without weakening what a confirmation promises.
// - journal_size_limit: a log that was restarted is cut back to this size; the checkpointer (checkpointer.ts) cuts
//   it to nothing once it outgrows it, so the log does not keep the disk space of its largest backlog.
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { ensurePrivateDir, ensurePrivateFile } from '../../config/private-files.js';
import { StartupError } from '../../config/startup-error.js';

export interface SqliteOptions {
  /** fsync every commit (synchronous=FULL). Default true; false only to measure what durability costs. */
  durable?: boolean;
  /** How long a writer waits for the lock held by another connection. */
  busyTimeoutMs?: number;
  /** The log is cut back once it holds more than this (default WAL_SIZE_LIMIT_BYTES). */
  walLimitBytes?: number;
}

export const BUSY_TIMEOUT_MS = 15_000;
/** The WAL file is cut back to this size when it restarts. */
export const WAL_SIZE_LIMIT_BYTES = 16 * 1_048_576;

/** Opens (creating if needed) the database at `path` with the pragmas above. */
export function openDatabase(path: string, opts: SqliteOptions = {}): Database.Database {
  if (path !== ':memory:') {
    // The folder and the files are the service's alone (0700 / 0600); SQLite gives -wal and -shm the mode of the
    // database file, which is why the file is created here, before SQLite does.
    ensurePrivateDir(dirname(path), 'DATA_DIR');
    ensurePrivateFile(path, [`${path}-wal`, `${path}-shm`]);
  }
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    throw unusable(path, err);
  }
  try {
    // First, so that even switching to WAL waits for another process instead of failing.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS))}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${opts.durable === false ? 'NORMAL' : 'FULL'}`);
    db.pragma(`journal_size_limit = ${Math.floor(opts.walLimitBytes ?? WAL_SIZE_LIMIT_BYTES)}`);
    db.pragma('foreign_keys = ON');
    // A database SQLite could open only for reading (a read-only file or mount, another user's files) would fail
    // every message: found here, at start, by taking the write lock once.
    if (path !== ':memory:') db.prepare('BEGIN IMMEDIATE').run();
    if (db.inTransaction) db.prepare('ROLLBACK').run();
  } catch (err) {
    db.close();
    throw unusable(path, err);
  }
  return db;
}

/** Why the database cannot be used, as one line naming DATA_DIR; other errors pass through unchanged. */
function unusable(path: string, err: unknown): unknown {
  const code = String((err as { code?: unknown }).code ?? '');
  if (/^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code))
    return new StartupError(
      `The database ${path} cannot be written (${code}: ${(err as Error).message}): the file, its folder or the disk is read-only or belongs to another user. Make DATA_DIR writable by the user that runs Aduan.`,
      'DATA_DIR',
    );
  if (/^SQLITE_(FULL|IOERR)/.test(code))
    return new StartupError(
      `The database ${path} cannot be written (${code}: ${(err as Error).message}): the disk holding DATA_DIR is full or failing.`,
      'DATA_DIR',
    );
  return err;
}

/**
 * Runs `fn` (one statement or transaction, never inside another one) without an fsync at its commit; the next
 * durable commit syncs it along with its own pages. For writes whose loss in a power cut only repeats work.
 */
export function withoutSync<T>(db: Database.Database, durable: boolean, fn: () => T): T {
  if (!durable) return fn();
  const sync = syncPragmas(db);
  sync.normal.run();
  try {
    return fn();
  } finally {
    sync.full.run();
  }
}

const pragmas = new WeakMap<Database.Database, { normal: Database.Statement; full: Database.Statement }>();

/** The two synchronous settings as statements prepared once per connection (they run twice per message). */
function syncPragmas(db: Database.Database): { normal: Database.Statement; full: Database.Statement } {
  let found = pragmas.get(db);
  if (!found) {
    found = { normal: db.prepare('PRAGMA synchronous = NORMAL'), full: db.prepare('PRAGMA synchronous = FULL') };
    pragmas.set(db, found);
  }
  return found;
}
