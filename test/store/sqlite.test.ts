import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { storeContract } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'aduan-sqlite-'));
let n = 0;

storeContract('SQLite (a real file, WAL)', {
  open: async () => new SqliteStore(join(dir, `store-${++n}.sqlite`)),
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});
