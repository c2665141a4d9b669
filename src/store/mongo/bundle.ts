// The MongoDB store as the core takes it: the store and the reports over its connection (indexes made first).
import type { StoreBundle } from '../port.js';
import { ensureReportIndexes, mongoReports } from '../mongo-reports.js';
import { openError, serverSelectionTimeout, type MongoConnectOptions } from './connection.js';
import { openMongoStoreWithConnection } from './mongo-store.js';
import { mongoSeededData } from './seeded-data.js';
import { mongoPrivacyData } from './erasure.js';

/** Opens the store and its reports; rejects with a message naming MONGODB_URI. */
export async function openMongoBundle(uri: string, opts: MongoConnectOptions = {}): Promise<StoreBundle> {
  const { store, connection } = await openMongoStoreWithConnection(uri, opts);
  try {
    await ensureReportIndexes(connection);
  } catch (err) {
    // Closed before the error leaves: an open client would keep the process alive after "could not start".
    await store.close().catch(() => {});
    if (err instanceof Error && err.message.startsWith('MONGODB_URI')) throw err;
    throw openError(uri, err, serverSelectionTimeout(uri, opts), 'prepare');
  }
  return {
    store,
    reports: mongoReports(connection),
    seeded: mongoSeededData(connection),
    privacy: mongoPrivacyData(connection),
  };
}
