// Group commit: the durable writes that arrive while the event loop is busy (handlings of different senders
// committing, outbox items marked delivered) go into one transaction with one fsync instead of one each.
//
// Each write runs in its own savepoint inside that transaction, so one that throws (a version conflict, a message
// another handler already marked) is undone alone and only its caller sees the error. Every caller's promise
// settles only after the COMMIT that holds its write returned, i.e. after the fsync (synchronous=FULL): a caller
// that confirms a message to its channel once `commit` resolved confirms only what is on disk. A COMMIT that fails
// (disk full, I/O error) rejects every write of the group, none of which was kept.
//
// Writes queue until the event loop has nothing else ready to run (setImmediate), so a caller alone waits for no
// one, and callers that run side by side (webhook requests, the dispatcher's deliveries) share one fsync.
import type Database from 'better-sqlite3';

interface Pending {
  write: () => void;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface GroupCommitStats {
  /** Transactions committed (each one fsync when durable). */
  transactions: number;
  /** Writes they held. */
  writes: number;
}

export class GroupCommitter {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly runGroup: (group: Pending[], errors: unknown[]) => void;
  readonly stats: GroupCommitStats = { transactions: 0, writes: 0 };

  /** `beforeGroup` runs before each transaction (the store's checkpoint help). */
  constructor(
    db: Database.Database,
    private readonly beforeGroup: () => void = () => {},
  ) {
    // Built once; a better-sqlite3 transaction called inside another one becomes a savepoint.
    const savepoint = db.transaction((write: () => void) => write());
    this.runGroup = db.transaction((group: Pending[], errors: unknown[]) => {
      for (const [i, p] of group.entries()) {
        try {
          savepoint(p.write);
        } catch (err) {
          errors[i] = err;
        }
      }
    }).immediate;
  }

  /** Runs `write` in the next group's transaction; resolves once that transaction is committed (and synced). */
  run(write: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /** Commits what is queued now (before the store closes). */
  flush(): void {
    this.scheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    const errors: unknown[] = new Array(group.length);
    try {
      this.beforeGroup();
      this.runGroup(group, errors);
    } catch (err) {
      for (const p of group) p.reject(err);
      return;
    }
    this.stats.transactions += 1;
    this.stats.writes += group.length;
    for (const [i, p] of group.entries()) {
      if (i in errors) p.reject(errors[i]);
      else p.resolve();
    }
  }
}
