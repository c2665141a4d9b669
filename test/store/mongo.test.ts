// Runs the store contract against a real MongoDB when MONGODB_URI is set (CI: the GitHub Actions workflow with a
// MongoDB service). Without it the suite is skipped, and says so.
import { describe, it } from 'vitest';
import { storeContract } from './contract.js';
import { webStoreContract } from './web-contract.js';
import { privacyContract } from './privacy-contract.js';
import { reportContract } from './report-contract.js';

const uri = process.env.MONGODB_URI;

if (uri) {
  let n = 0;
  const dbs: string[] = [];
  storeContract('MongoDB', {
    open: async () => {
      const { openMongoStore } = await import('../../src/store/mongo/mongo-store.js');
      const db = `aduan_contract_${process.pid}_${++n}`;
      dbs.push(db);
      return openMongoStore(uri, { dbName: db });
    },
    cleanup: async () => {
      const { dropMongoDatabases } = await import('../../src/store/mongo/mongo-store.js');
      await dropMongoDatabases(uri, dbs);
    },
  });
  webStoreContract('MongoDB', {
    open: async () => {
      const { openMongoBundle } = await import('../../src/store/mongo/bundle.js');
      const db = `aduan_web_contract_${process.pid}_${++n}`;
      dbs.push(db);
      return openMongoBundle(uri, { dbName: db });
    },
  });
  privacyContract('MongoDB', {
    open: async () => {
      const { openMongoBundle } = await import('../../src/store/mongo/bundle.js');
      const db = `aduan_privacy_contract_${process.pid}_${++n}`;
      dbs.push(db);
      return openMongoBundle(uri, { dbName: db });
    },
  });
  reportContract('MongoDB', {
    open: async () => {
      const { openMongoBundle } = await import('../../src/store/mongo/bundle.js');
      const db = `aduan_report_contract_${process.pid}_${++n}`;
      dbs.push(db);
      return openMongoBundle(uri, { dbName: db });
    },
  });
} else {
  describe('report contract: MongoDB', () => {
    it.skip('SKIPPED: MONGODB_URI is not set, so the MongoDB reports were not compared with the expected ones here', () => {});
  });
  describe('store contract: MongoDB', () => {
    it.skip('SKIPPED: MONGODB_URI is not set, so the MongoDB store was not tested here', () => {});
  });
  console.warn(
    '[store contract] MongoDB SKIPPED: set MONGODB_URI to run the store, web, privacy and report contract suites against MongoDB.',
  );
}
