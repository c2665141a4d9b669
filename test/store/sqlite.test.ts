import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { storeContract } from './contract.js';
import { webStoreContract } from './web-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'aduan-sqlite-'));
let n = 0;

storeContract('SQLite (a real file, WAL)', {
  open: async () => new SqliteStore(join(dir, `store-${++n}.sqlite`)),
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});

const webDir = mkdtempSync(join(tmpdir(), 'aduan-sqlite-web-'));
webStoreContract('SQLite (a real file, WAL)', {
  open: async () => new SqliteStore(join(webDir, `web-${++n}.sqlite`)),
  cleanup: async () => rmSync(webDir, { recursive: true, force: true }),
});
