// WAL checkpoints copy the log back into the database file and fsync it: tens of milliseconds on a slow disk.
// Done on the main thread (SQLite's auto-checkpoint) they stall whichever message is being handled. A worker
// thread with its own connection runs them instead, so the message path never waits for a checkpoint.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const tick = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    // Once the log has been fully copied back, restart it so the file does not grow without bound.
    if (r && r.busy === 0 && r.log > 0 && r.log === r.checkpointed) db.pragma('wal_checkpoint(RESTART)');
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'stop') { clearInterval(timer); tick(); db.close(); parentPort.postMessage('stopped'); }
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Starts background checkpoints of the SQLite file at `path` every `intervalMs`. */
export function startCheckpointer(path: string, intervalMs = 1000, onError?: (message: string) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, intervalMs, driver } });
  worker.unref();
  worker.on('message', (m: unknown) => {
    if (m && typeof m === 'object' && 'error' in m) onError?.(String((m as { error: unknown }).error));
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          void worker.terminate().then(() => resolve());
        };
        worker.once('message', done);
        worker.once('error', done);
        worker.postMessage('stop');
        setTimeout(done, 2000).unref();
      }),
  };
}
