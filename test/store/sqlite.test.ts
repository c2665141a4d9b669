import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { storeContract } from './contract.js';
import { webStoreContract } from './web-contract.js';
import { privacyContract } from './privacy-contract.js';
import { openSqliteBundle } from '../../src/store/sqlite/bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'aduan-sqlite-'));
let n = 0;

storeContract('SQLite (a real file, WAL)', {
  open: async () => new SqliteStore(join(dir, `store-${++n}.sqlite`)),
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});

const webDir = mkdtempSync(join(tmpdir(), 'aduan-sqlite-web-'));
webStoreContract('SQLite (a real file, WAL)', {
  open: async () => openSqliteBundle(join(webDir, `web-${++n}.sqlite`)),
  cleanup: async () => rmSync(webDir, { recursive: true, force: true }),
});

const privacyDir = mkdtempSync(join(tmpdir(), 'aduan-sqlite-privacy-'));
privacyContract('SQLite (a real file, WAL)', {
  open: async () => openSqliteBundle(join(privacyDir, `privacy-${++n}.sqlite`)),
  cleanup: async () => rmSync(privacyDir, { recursive: true, force: true }),
});
