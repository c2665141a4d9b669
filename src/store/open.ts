// Picks the store from configuration: MongoDB when MONGODB_URI is set, otherwise the SQLite file under DATA_DIR.
// An unreachable MongoDB stops start-up; it never falls back to SQLite (complaints would be split across stores).
// Returns a StoreBundle: the store and its reports, so no caller needs to know which adapter it got.
import type { Config } from '../config/config.js';
import { loadConfig } from '../config/config.js';
import type { Store, StoreBundle } from './port.js';
import { openSqliteBundle } from './sqlite/bundle.js';

/** The configured store with its reports. */
export async function openStore(config: Pick<Config, 'MONGODB_URI' | 'sqlitePath'>): Promise<StoreBundle> {
  if (config.MONGODB_URI) {
    const { openMongoBundle } = await import('./mongo/bundle.js');
    return openMongoBundle(config.MONGODB_URI);
  }
  return openSqliteBundle(config.sqlitePath);
}

/** Opens the configured store straight from the environment (CLI commands that need nothing else). */
export async function openStoreFromEnv(): Promise<Store> {
  const { loadEnvFile } = await import('../config/env-file.js');
  loadEnvFile();
  return (await openStore(loadConfig())).store;
}
