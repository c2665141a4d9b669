// Group commit on SQLite (src/store/sqlite/group-commit.ts): writes made side by side share one transaction and one
// fsync, yet each is still all-or-nothing on its own, and none is reported done before its transaction committed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { AlreadyHandledError, ConflictError } from '../../src/store/port.js';
import { makeCase, makeInbound } from '../support/fixtures.js';

let dir: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aduan-group-'));
  store = new SqliteStore(join(dir, 'a.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const reply = (chatId: string, text: string) => ({ channel: 'telegram' as const, chatId, text });

describe('group commit on SQLite', () => {
  it('commits writes made side by side in one transaction, each of them kept', async () => {
    const before = store.groupCommits.transactions;
    await Promise.all([
      store.commit({ outbox: [reply('1', 'a')] }),
      store.commit({ outbox: [reply('2', 'b')] }),
      store.commit({ conversations: [{ key: 'telegram:3', state: { step: 'idle' }, expectedVersion: null }] }),
    ]);
    expect(store.groupCommits.transactions - before).toBe(1);
    expect(await store.countOutbox('pending')).toBe(2);
    expect((await store.getConversation('telegram:3'))?.version).toBe(1);
  });

  it('refuses only the write that conflicts, with nothing of it kept, and keeps the others of its group', async () => {
    const c = makeCase();
    await store.commit({ cases: [{ record: c, expectedVersion: null }] });
    const results = await Promise.allSettled([
      store.commit({
        cases: [{ record: { ...c, stage: 'forwarded' }, expectedVersion: 1 }],
        outbox: [reply('1', 'ok')],
      }),
      store.commit({
        outbox: [reply('2', 'must not stay')],
        cases: [{ record: { ...c, stage: 'closed' }, expectedVersion: 1 }],
      }),
      store.commit({ outbox: [reply('3', 'other citizen')] }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((await store.getCase(c.ticket))?.stage).toBe('forwarded');
    const texts = (await store.claimOutbox('me', Date.now(), 10, 1000)).map((i) => i.message.text).sort();
    expect(texts).toEqual(['ok', 'other citizen']);
  });

  it('lets only one of two handlings of the same message in one group mark it handled', async () => {
    const { id } = await store.saveInbound(makeInbound({ messageId: 'twice' }), 1);
    const results = await Promise.allSettled([
      store.commit({ inboundHandled: id, outbox: [reply('1', 'first')] }),
      store.commit({ inboundHandled: id, outbox: [reply('1', 'second')] }),
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(AlreadyHandledError);
    expect((await store.claimOutbox('me', Date.now(), 10, 1000)).map((i) => i.message.text)).toEqual(['first']);
  });

  it('reports a write done only once another connection can read it (its transaction committed)', async () => {
    const other = new Database(join(dir, 'a.sqlite'), { readonly: true });
    const count = () => (other.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
    const pending = store.commit({ outbox: [reply('1', 'a')] });
    let done = false;
    void pending.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    expect(count()).toBe(0);
    await pending;
    expect(count()).toBe(1);
    other.close();
  });

  it('commits what is still waiting when the store closes', async () => {
    const path = join(dir, 'b.sqlite');
    const s = new SqliteStore(path);
    const pending = s.commit({ outbox: [reply('1', 'late')] });
    await s.close();
    await pending;
    const again = new SqliteStore(path);
    expect(await again.countOutbox('pending')).toBe(1);
    await again.close();
  });
});
