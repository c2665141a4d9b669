// The SQLite store as the core takes it: the store, reports over the same file, and what a single-host file allows
// (freeing outbox claims of a crashed process at once; probing and freeing the disk when writes fail).
import type { StoreBundle } from '../port.js';
import { SqliteReports } from './sqlite-reports.js';
import { SqliteStore } from './sqlite-store.js';
import type { SqliteOptions } from './connection.js';
import { sqliteStorageOps } from './storage-ops.js';
import { sqliteSeededData } from './seeded-data.js';
import { sqliteRepeatStorage } from './repeat-storage.js';
import { sqlitePrivacyData } from './erasure.js';
import { SqliteWebRecords } from './web-records.js';

/** Opens (and migrates) the SQLite file at `path`. */
export function openSqliteBundle(path: string, options: SqliteOptions = {}): StoreBundle {
  const store = new SqliteStore(path, options);
  return {
    store,
    reports: new SqliteReports(store.database),
    releaseClaimsOfGoneOwners: (isGone) => store.releaseClaimsOfGoneOwners(isGone),
    storage: sqliteStorageOps(store.database, path, options.walLimitBytes),
    seeded: sqliteSeededData(store.database),
    repeatStorage: sqliteRepeatStorage(store.database, options.durable !== false),
    privacy: sqlitePrivacyData(store.database, store.erasure),
    web: new SqliteWebRecords(store.database),
  };
}
