// The SQLite connection's promises: every commit that confirms a message is fsynced (synchronous=FULL), writers
// wait for each other instead of failing, and the log does not grow without bound under steady load.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

/** A connection on another thread that takes the write lock, writes, and commits `ms` later. */
function holdWriteLock(path: string, ms: number): { held: Promise<void>; done: Promise<void> } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const db = new (require(workerData.driver))(workerData.path);
     db.prepare('BEGIN IMMEDIATE').run();
     db.prepare("INSERT INTO kv (key, value) VALUES ('other', 'wrote')").run();
     parentPort.postMessage('held');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.prepare('COMMIT').run();
     db.close();`,
    { eval: true, workerData: { path, driver, ms } },
  );
  return {
    held: new Promise((resolve) => worker.once('message', () => resolve())),
    done: new Promise((resolve, reject) => {
      worker.once('exit', () => resolve());
      worker.once('error', reject);
    }),
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aduan-durable-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the SQLite connection', () => {
  it('fsyncs every commit in WAL mode unless told otherwise', async () => {
    const durable = new SqliteStore(join(dir, 'a.sqlite'));
    const relaxed = new SqliteStore(join(dir, 'b.sqlite'), { durable: false });
    expect(durable.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(durable.database.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(relaxed.database.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    // Storing a message before it is handled is not synced on its own, but the connection is FULL again after it.
    await durable.saveInbound(
      { channel: 'console', messageId: 'm1', senderId: 'a', chatId: 'a', text: 'halo', attachments: [], sentAt: 0 },
      0,
    );
    expect(durable.database.pragma('synchronous', { simple: true })).toBe(2);
    await Promise.all([durable.close(), relaxed.close()]);
  });

  it('waits for a writer on another connection instead of failing with "database is locked"', async () => {
    const path = join(dir, 'c.sqlite');
    const store = new SqliteStore(path);
    await store.commit({ outbox: [{ channel: 'telegram', chatId: '1', text: 'x' }] });
    // Another connection (a second instance, a checkpoint) holds the write lock and writes while our claim, which
    // reads the heads before it writes, is waiting: a claim that began as a read would fail at once.
    const other = holdWriteLock(path, 400);
    await other.held;
    const items = await store.claimOutbox('me', 1, 10, 1000);
    expect(items).toHaveLength(1);
    expect(await store.getValue('other')).toBe('wrote');
    await other.done;
    await store.close();
  });

  it('keeps the log from growing without bound while writes never pause', { timeout: 120_000 }, async () => {
    const limit = 1_048_576;
    const store = new SqliteStore(join(dir, 'd.sqlite'), { durable: false, walLimitBytes: limit });
    const wal = join(dir, 'd.sqlite-wal');
    const row = 'x'.repeat(16_000);
    let written = 0;
    let shrank = false;
    let last = 0;
    const began = Date.now();
    // Write without a pause for at least three seconds (twelve checkpoint ticks) and 24 MB; on a machine so busy that
    // the checkpointer's thread has not run by then, go on writing (up to 90 s) until the log has shrunk once.
    const enough = () => Date.now() - began >= 3000 && written >= 24 * limit;
    for (let i = 0; !enough() || (!shrank && Date.now() - began < 90_000); i++) {
      await store.setValue(`k${i % 5000}`, row);
      written += row.length;
      if (i % 50 === 0) {
        const size = statSync(wal).size;
        if (size < last) shrank = true;
        last = size;
      }
    }
    expect(shrank).toBe(true);
    expect(statSync(wal).size).toBeLessThan(written / 2);
    await store.close();
  });
});
