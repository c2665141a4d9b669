// When the store cannot write (disk full, a read-only file system, failing I/O), taking in more work only fails it
// and fills the log with the same error twice a second. The guard notices the first such error from any store
// call, stops intake (channels wait on `whenWritable`; the dispatcher pauses), frees what the store can (a
// checkpoint that cuts the SQLite log back), tells staff and /health, and probes with the core's backoff until a
// real write succeeds with room to spare; then it lets everything resume by itself. Nothing is lost meanwhile:
// channels do not confirm what they could not store (Telegram keeps it, and sends it again).
import type { OutboundMessage } from '../domain/messages.js';
import type { Logger } from '../log/logger.js';
import type { StorageOps } from '../store/port.js';
import { Backoff, type BackoffPolicy } from './backoff.js';

export type StorageProblem = 'full' | 'read-only' | 'failing';

export type StorageStatus = { state: 'ok' } | { state: StorageProblem; since: number; error: string };

/** 1 s after the first failed probe, doubling to 30 s, for as long as it takes. */
export const STORAGE_PROBE_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 30_000, jitter: 0.2 };

/** What kind of storage failure `err` is, or null when it is something else (a bug, a conflict). */
export function storageProblem(err: unknown): StorageProblem | null {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read-only';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO') return 'failing';
  return null;
}

export interface StorageGuardDeps {
  /** The store's own probe and clean-up; without them (MongoDB) the guard only reports. */
  ops?: StorageOps;
  log: Logger;
  now: () => number;
  /** Tells staff (best effort: the outbox may be what cannot be written). */
  notify?: (problem: StorageStatus, recovered: boolean) => Promise<void>;
  /** Called once writes work again (wake the dispatcher, handle what was stored but not handled). */
  onRecovered?: () => void;
  backoff?: BackoffPolicy;
}

export class StorageGuard {
  private current: StorageStatus = { state: 'ok' };
  private waiters: Array<() => void> = [];
  private recovering: Promise<void> | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private lastCheck = 0;

  constructor(private readonly deps: StorageGuardDeps) {}

  get status(): StorageStatus {
    return this.current;
  }

  get ok(): boolean {
    return this.current.state === 'ok';
  }

  /** Looks at an error a store call threw; true when it was the storage failing (intake then stops). */
  report(err: unknown): boolean {
    const problem = storageProblem(err);
    if (!problem) return false;
    if (this.current.state !== 'ok' || this.stopped) return true;
    this.current = { state: problem, since: this.deps.now(), error: (err as Error)?.message ?? String(err) };
    this.deps.log.error('the store cannot write: new work waits until it can', {
      problem,
      error: this.current.error,
    });
    void this.deps
      .notify?.(this.current, false)
      .catch((e: Error) => this.deps.log.warn('staff could not be told', { error: e }));
    this.recovering = this.recover();
    return true;
  }

  /** Resolves as soon as the store can write (at once when it can). */
  whenWritable(): Promise<void> {
    if (this.ok || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Checks now that the store can write (the health report), at most once a second; returns the status. */
  async check(): Promise<StorageStatus> {
    const now = this.deps.now();
    if (!this.ok || !this.deps.ops || now - this.lastCheck < 1000) return this.current;
    this.lastCheck = now;
    try {
      await this.deps.ops.probe();
    } catch (err) {
      if (!this.report(err)) throw err;
    }
    return this.current;
  }

  /** Stops probing (shutdown); anyone waiting is let go. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.recovering;
    this.release();
  }

  private async recover(): Promise<void> {
    const { ops, log } = this.deps;
    if (!ops) return;
    const backoff = new Backoff(this.deps.backoff ?? STORAGE_PROBE_BACKOFF);
    let lastSaid = '';
    while (!this.stopped) {
      await ops.free().catch(() => {});
      const room = ops.freeBytes();
      let why: string | null = null;
      if (room !== null && room < ops.headroomBytes)
        why = `only ${Math.floor(room / 1_048_576)} MB free; waiting for ${Math.ceil(ops.headroomBytes / 1_048_576)} MB`;
      else {
        try {
          await ops.probe();
        } catch (err) {
          why = (err as Error)?.message ?? String(err);
        }
      }
      if (why === null) return this.recovered();
      if (why !== lastSaid) log.warn('the store still cannot write', { reason: why });
      lastSaid = why;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff.fail() ?? 30_000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private recovered(): void {
    const was = this.current;
    this.current = { state: 'ok' };
    this.recovering = null;
    this.deps.log.info('the store can write again: resuming', {
      downSeconds: was.state === 'ok' ? 0 : Math.round((this.deps.now() - was.since) / 1000),
    });
    this.release();
    this.deps.onRecovered?.();
    void this.deps.notify?.(was, true).catch((e: Error) => this.deps.log.warn('staff could not be told', { error: e }));
  }

  private release(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

/**
 * The store as the core uses it, reporting every storage failure a call throws to the guard (whoever made the
 * call: a channel, the dispatcher, a job).
 */
export function watchStorage<S extends object>(store: S, guard: StorageGuard): S {
  return new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          const r = (value as (...a: unknown[]) => unknown).apply(target, args);
          return r instanceof Promise
            ? r.catch((err: unknown) => {
                guard.report(err);
                throw err;
              })
            : r;
        } catch (err) {
          guard.report(err);
          throw err;
        }
      };
    },
  });
}

const PROBLEM_ID: Record<StorageProblem, string> = {
  full: 'disk server penuh',
  'read-only': 'penyimpanan hanya bisa dibaca (read-only)',
  failing: 'penyimpanan bermasalah (kesalahan baca/tulis disk)',
};

/** The staff group's notice (in Indonesian) that intake stopped, or resumed after `status`'s outage. */
export function storageNotice(status: StorageStatus, recovered: boolean, now: number): OutboundMessage {
  const problem = status.state === 'ok' ? null : status;
  const minutes = problem ? Math.max(1, Math.round((now - problem.since) / 60_000)) : 0;
  const text = recovered
    ? `✅ Penyimpanan data Aduan bisa ditulis lagi setelah sekitar ${minutes} menit terganggu. Pesan warga yang tertunda sedang diproses.`
    : `⚠️ Aduan berhenti menerima pesan baru: ${problem ? PROBLEM_ID[problem.state] : 'penyimpanan bermasalah'}. ` +
      'Pesan warga tidak hilang: Telegram menyimpannya dan Aduan memprosesnya otomatis begitu penyimpanan pulih. ' +
      'Mohon hubungi pengelola server untuk mengosongkan ruang disk atau memeriksa disknya.';
  return { channel: 'staff', chatId: 'general', kind: 'notice', text };
}
