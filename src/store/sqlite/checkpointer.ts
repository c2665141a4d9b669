// WAL checkpoints copy the log back into the database file and fsync it: tens of milliseconds on a slow disk.
// Done on the main thread (SQLite's auto-checkpoint) they stall whichever message is being handled. A worker
// thread with its own connection runs them instead, so the message path never waits for a checkpoint.
//
// Each tick runs a PASSIVE checkpoint: it takes no writer lock and waits for nobody, so writers never meet it.
// Under steady load a passive checkpoint never catches up with the writer, and SQLite restarts the log only when
// it has been copied back completely; so when the log has outgrown its limit, the tick also tries a TRUNCATE
// checkpoint that waits at most 100 ms (its busy timeout) for a moment when the writer lock is free, copies the
// little the passive pass left, and cuts the log file to nothing. A writer that arrives meanwhile waits those
// milliseconds in its own busy timeout (every write transaction starts as a write, see connection.ts); it is
// never refused. A writer so busy that the lock is never free for 100 ms gets asked (a flag in shared memory) to
// run that checkpoint itself between two transactions once the log passes four times its limit: a pause of a few
// milliseconds rather than a log that fills the disk. (The checkpoint that made
// claimOutbox fail with "database is locked" was a RESTART with a 5-second busy wait, holding the writer lock
// while it waited for readers, against a transaction that started as a read.)
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 100');
const pageSize = db.pragma('page_size', { simple: true });
const help = new Int32Array(workerData.help);
const tick = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    const logBytes = r && r.log > 0 ? r.log * pageSize : 0;
    if (logBytes > workerData.truncateAboveBytes) {
      const [again] = db.pragma('wal_checkpoint(TRUNCATE)');
      if (again && again.busy && logBytes > 4 * workerData.truncateAboveBytes) Atomics.store(help, 0, 1);
    }
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
  /** True when the worker could not restart an oversized log and the writer should do it (see above). */
  needsHelp(): boolean;
  /** Called by the writer after it ran the checkpoint itself. */
  helped(): void;
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  intervalMs?: number;
  /** Cut the log back to nothing once it holds more than this. */
  truncateAboveBytes?: number;
  onError?: (message: string) => void;
}

/** Starts background checkpoints of the SQLite file at `path` (every 250 ms by default). */
export function startCheckpointer(path: string, opts: CheckpointerOptions = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const help = new SharedArrayBuffer(4);
  const flag = new Int32Array(help);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      path,
      driver,
      help,
      intervalMs: opts.intervalMs ?? 250,
      truncateAboveBytes: opts.truncateAboveBytes ?? 16 * 1_048_576,
    },
  });
  worker.unref();
  worker.on('message', (m: unknown) => {
    if (m && typeof m === 'object' && 'error' in m) opts.onError?.(String((m as { error: unknown }).error));
  });
  return {
    needsHelp: () => Atomics.load(flag, 0) === 1,
    helped: () => Atomics.store(flag, 0, 0),
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
