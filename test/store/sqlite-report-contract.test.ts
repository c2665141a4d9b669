// The report contract (report-contract.ts) on a SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteBundle } from '../../src/store/sqlite/bundle.js';
import { reportContract } from './report-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'aduan-report-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
reportContract('SQLite (a real file, WAL)', { open: async () => openSqliteBundle(join(dir, 'aduan.sqlite')) });
