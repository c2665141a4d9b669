// Runs jobs on their cron schedules (node-cron, in the agency time zone) so that each occurrence runs once:
// - across instances sharing a store: a per-job lease in the store, and the last occurrence done kept in its kv,
//   read again once the lease is held, so a second instance sees an occurrence done and skips it;
// - never overlapping: the lease across instances, a flag within this one (and node-cron's noOverlap);
// - a run missed while the service was down runs once at start (the latest occurrence not done).
// Every decision reads the app clock (`app.now`), so tests drive it with `tick()` and no timers.
import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { App } from '../app.js';
import { latestOccurrence, nextOccurrence } from './cron.js';
import type { Job, JobReport } from './job.js';
import type { SchedulerSettings } from './settings.js';

const LEASE_MS = 15 * 60_000;
const RETRY_MS = 5 * 60_000;

export interface JobStatus {
  name: string;
  summary: string;
  cron: string;
  lastOccurrence: number | null;
  nextOccurrence: number | null;
}

export type RunOutcome =
  | { job: string; ran: true; occurrence: number; report: JobReport }
  | {
      job: string;
      ran: false;
      occurrence: number | null;
      reason: 'not due' | 'done' | 'busy' | 'leased elsewhere' | 'failed';
    };

export const lastKey = (job: string) => `scheduler:${job}:last`;

export class Scheduler {
  /** Unique per scheduler, not per process: two apps in one test process are two instances. */
  readonly owner: string;
  private readonly running = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private tasks: ScheduledTask[] = [];
  private retries = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly app: App,
    readonly jobs: readonly Job[],
    private readonly settings: SchedulerSettings,
  ) {
    this.owner = `${app.instanceId}:${randomUUID().slice(0, 8)}`;
  }

  job(name: string): Job | undefined {
    return this.jobs.find((j) => j.name === name);
  }

  /** Runs what was missed while down (once per job), then arms the cron timers. */
  async start(opts: { timers?: boolean } = {}): Promise<RunOutcome[]> {
    const outcomes = await this.tick();
    if (opts.timers !== false) {
      for (const job of this.jobs) {
        const task = cron.schedule(job.cron, () => this.track(this.runDue(job)), {
          name: `aduan:${job.name}:${this.owner}`,
          timezone: this.settings.timeZone,
          noOverlap: true,
          logger: {
            info: (m) => this.app.log.debug(m, { job: job.name }),
            warn: (m) => this.app.log.warn(m, { job: job.name }),
            error: (m) =>
              this.app.log.error('scheduler error', { job: job.name, error: m instanceof Error ? m : String(m) }),
            debug: () => {},
          },
        });
        this.tasks.push(task);
      }
    }
    return outcomes;
  }

  /** Next runs by node-cron's own timers (wall clock), for the log at start-up. */
  armed(): Array<{ job: string; next: Date | null }> {
    return this.tasks.map((t, i) => ({ job: this.jobs[i]?.name ?? '?', next: t.getNextRun() }));
  }

  /** Runs every job whose latest occurrence (by the app clock) is not done yet. */
  async tick(): Promise<RunOutcome[]> {
    const marked = await this.markFirstStart();
    const out: RunOutcome[] = [];
    for (const job of this.jobs) out.push(marked.get(job) ?? (await this.track(this.runDue(job))));
    return out;
  }

  /**
   * Jobs never run nor marked before (a first start ever): nothing was missed, each schedule starts from here. All
   * are marked in one write where the store can (one fsync instead of one per job); runDue does the same for one.
   */
  private async markFirstStart(): Promise<Map<Job, RunOutcome>> {
    const marked = new Map<Job, RunOutcome>();
    const { store } = this.app;
    if (!store.setValues) return marked;
    const now = this.app.now();
    for (const job of this.jobs) {
      const occurrence = latestOccurrence(job.cron, this.settings.timeZone, now);
      if (occurrence === null || (await this.lastDone(job.name)) !== null) continue;
      marked.set(job, { job: job.name, ran: false, occurrence, reason: 'not due' });
    }
    if (marked.size > 0)
      await store.setValues([...marked.values()].map((o) => [lastKey(o.job), String(o.occurrence)] as const));
    return marked;
  }

  /** Runs the job's latest occurrence if it is not done. */
  async runDue(job: Job): Promise<RunOutcome> {
    const { store } = this.app;
    const now = this.app.now();
    const occurrence = latestOccurrence(job.cron, this.settings.timeZone, now);
    if (occurrence === null) return { job: job.name, ran: false, occurrence, reason: 'not due' };
    const last = await this.lastDone(job.name);
    if (last === null) {
      // First start ever: nothing was missed; the schedule starts from here.
      await store.setValue(lastKey(job.name), String(occurrence));
      return { job: job.name, ran: false, occurrence, reason: 'not due' };
    }
    if (last >= occurrence) return { job: job.name, ran: false, occurrence, reason: 'done' };
    return this.runLeased(job, occurrence, true);
  }

  /** Runs a job now, whatever its schedule (`aduan jobs run`); still one run at a time across instances. */
  async runNow(name: string): Promise<RunOutcome> {
    const job = this.job(name);
    if (!job) throw new Error(`No job named "${name}". Jobs: ${this.jobs.map((j) => j.name).join(', ')}`);
    return this.track(this.runLeased(job, this.app.now(), false));
  }

  private async runLeased(job: Job, occurrence: number, scheduled: boolean): Promise<RunOutcome> {
    const { store, log } = this.app;
    if (this.running.has(job.name)) return { job: job.name, ran: false, occurrence, reason: 'busy' };
    this.running.add(job.name);
    const leaseName = `job:${job.name}`;
    try {
      const started = this.app.now();
      if (!(await store.tryLease(leaseName, this.owner, started, started + LEASE_MS))) {
        return { job: job.name, ran: false, occurrence, reason: 'leased elsewhere' };
      }
      try {
        // Read again under the lease: another instance may have finished this occurrence meanwhile.
        if (scheduled && ((await this.lastDone(job.name)) ?? -Infinity) >= occurrence) {
          return { job: job.name, ran: false, occurrence, reason: 'done' };
        }
        const jobLog = log.child({ job: job.name });
        const report = await job.run({ app: this.app, settings: this.settings, occurrence, now: started, log: jobLog });
        if (scheduled) await store.setValue(lastKey(job.name), String(occurrence));
        jobLog.info('job ran', {
          occurrence: new Date(occurrence).toISOString(),
          ms: this.app.now() - started,
          ...report,
        });
        return { job: job.name, ran: true, occurrence, report };
      } finally {
        // Hand the lease back at once (it ends just before now), so a later occurrence is not held up.
        const end = this.app.now();
        await store.tryLease(leaseName, this.owner, end, end - 1);
      }
    } catch (err) {
      log.error('job failed', { job: job.name, occurrence: new Date(occurrence).toISOString(), error: err as Error });
      if (scheduled) this.retryLater(job);
      return { job: job.name, ran: false, occurrence, reason: 'failed' };
    } finally {
      this.running.delete(job.name);
    }
  }

  private retryLater(job: Job): void {
    if (this.tasks.length === 0 || this.retries.has(job.name)) return;
    const timer = setTimeout(() => {
      this.retries.delete(job.name);
      void this.track(this.runDue(job));
    }, RETRY_MS);
    timer.unref();
    this.retries.set(job.name, timer);
  }

  private async lastDone(name: string): Promise<number | null> {
    const v = await this.app.store.getValue(lastKey(name));
    const n = v === null ? NaN : Number(v);
    return Number.isFinite(n) ? n : null;
  }

  /** Each job, its schedule, the last occurrence done and the next one (by the app clock). */
  async status(): Promise<JobStatus[]> {
    const now = this.app.now();
    const out: JobStatus[] = [];
    for (const j of this.jobs) {
      out.push({
        name: j.name,
        summary: j.summary,
        cron: j.cron,
        lastOccurrence: await this.lastDone(j.name),
        nextOccurrence: nextOccurrence(j.cron, this.settings.timeZone, now),
      });
    }
    return out;
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p)).catch(() => {});
    return p;
  }

  /** Stops the timers and waits for the runs in hand. */
  async stop(): Promise<void> {
    for (const t of this.tasks) await t.destroy();
    this.tasks = [];
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    await Promise.allSettled([...this.inFlight]);
  }
}
