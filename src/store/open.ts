// Picks the store from configuration: MongoDB when MONGODB_URI is set, otherwise the SQLite file under DATA_DIR.
// An unreachable MongoDB stops start-up; it never falls back to SQLite (complaints would be split across stores).
import type { Config } from '../config/config.js';
import { loadConfig } from '../config/config.js';
import type { Store } from './port.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export async function openStore(config: Pick<Config, 'MONGODB_URI' | 'sqlitePath'>): Promise<Store> {
  if (config.MONGODB_URI) {
    const { openMongoStore, mongoConnectionOf } = await import('./mongo/mongo-store.js');
    const { mongoReports, ensureReportIndexes } = await import('./mongo-reports.js');
    const { useReports } = await import('../digest/reports-for.js');
    const store = await openMongoStore(config.MONGODB_URI);
    const conn = mongoConnectionOf(store);
    if (conn) {
      await ensureReportIndexes(conn);
      useReports(store, mongoReports(conn));
    }
    return store;
  }
  return new SqliteStore(config.sqlitePath);
}

/** Opens the configured store straight from the environment (CLI commands that need nothing else). */
export async function openStoreFromEnv(): Promise<Store> {
  const { loadEnvFile } = await import('../config/env-file.js');
  loadEnvFile();
  return openStore(loadConfig());
}
