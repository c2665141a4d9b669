import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { PENDING_TTL_MS, readPending, savePending } from '../../bots/telegram-staff/pending.js';

let dir: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aduan-pending-'));
  store = new SqliteStore(join(dir, 'p.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a question the staff bot asked one member', () => {
  it('is the open question while fresh, and forgotten once it is old', async () => {
    const at = 1_000_000;
    await savePending(store, 42, { v: 1, ticket: 'ADU-7KQ9-M2XT', action: 'invalid', at });
    expect(await readPending(store, 'ADU-7KQ9-M2XT', 42, at + PENDING_TTL_MS)).toMatchObject({ action: 'invalid' });
    expect(await readPending(store, 'ADU-7KQ9-M2XT', 42, at + PENDING_TTL_MS + 1)).toBeNull();
    expect(await readPending(store, 'ADU-7KQ9-M2XT', 7, at)).toBeNull();
  });
});
