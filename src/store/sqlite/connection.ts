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
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

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
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // First, so that even switching to WAL waits for another process instead of failing.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS))}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${opts.durable === false ? 'NORMAL' : 'FULL'}`);
    db.pragma(`journal_size_limit = ${Math.floor(opts.walLimitBytes ?? WAL_SIZE_LIMIT_BYTES)}`);
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * Runs `fn` (one statement or transaction, never inside another one) without an fsync at its commit; the next
 * durable commit syncs it along with its own pages. For writes whose loss in a power cut only repeats work.
 */
export function withoutSync<T>(db: Database.Database, durable: boolean, fn: () => T): T {
  if (!durable) return fn();
  db.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
