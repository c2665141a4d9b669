// The SQLite store's side of the storage guard (src/services/storage-guard.ts): a real, durable one-row write as
// the probe, a TRUNCATE checkpoint to give back the log's disk space, and the free space of the data folder's disk.
import type Database from 'better-sqlite3';
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StorageOps } from '../port.js';
import { WAL_SIZE_LIMIT_BYTES } from './connection.js';

/** The guard's operations on the database at `path`. */
export function sqliteStorageOps(
  db: Database.Database,
  path: string,
  walLimitBytes = WAL_SIZE_LIMIT_BYTES,
): StorageOps {
  const probe = db.prepare(
    `INSERT INTO leases (name, owner, until) VALUES ('storage-probe', 'guard', ?)
     ON CONFLICT(name) DO UPDATE SET until = excluded.until`,
  );
  return {
    async probe() {
      probe.run(Date.now());
    },
    async free() {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    freeBytes() {
      try {
        const s = statfsSync(dirname(path));
        return Number(s.bavail) * Number(s.bsize);
      } catch {
        return null;
      }
    },
    // Room for the log to fill once more before the next checkpoint cuts it back, and a little more.
    headroomBytes: walLimitBytes + 1_048_576,
  };
}
