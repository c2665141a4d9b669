// The MongoDB store as the core takes it: the store and the reports over its connection (migrated first).
import type { StoreBundle } from '../port.js';
import { mongoReports } from '../mongo-reports.js';
import { openMongoStoreWithConnection, type MongoOpenOptions } from './mongo-store.js';
import { mongoSeededData } from './seeded-data.js';
import { mongoPrivacyData } from './erasure.js';
import { loadMongoRepeatStorage } from './repeat-storage.js';

/** Opens the store and its reports; rejects with a message naming MONGODB_URI. */
export async function openMongoBundle(uri: string, opts: MongoOpenOptions = {}): Promise<StoreBundle> {
  // The report indexes are made by the migrations (migrations.ts), like every other index.
  const { store, web, connection, models, beforeClose } = await openMongoStoreWithConnection(uri, opts);
  return {
    // The repeat index is loaded only by what needs it (the service), not by every command.
    openRepeatStorage: async (onError) => {
      const repeat = await loadMongoRepeatStorage(models, onError);
      beforeClose(() => repeat.flush());
      return repeat;
    },
    store,
    reports: mongoReports(connection),
    seeded: mongoSeededData(connection),
    privacy: mongoPrivacyData(connection),
    web,
  };
}
