import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/domain/case.js';
import { archiveClosed } from '../../src/records/archive.js';
import { createScheduler, loadSchedulerConfig } from '../../src/scheduler/index.js';
import { makeCase } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';
import { runCli } from '../support/cli.js';

const DAY = 86_400_000;
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const actor = { kind: 'system', id: 'archive', name: 'Arsip otomatis' } as const;

async function closedCases(now: number): Promise<{ old: CaseRecord[]; recent: CaseRecord; open: CaseRecord }> {
  const closed = (closedAt: number, kind: CaseRecord['kind'] = 'complaint') =>
    makeCase({ kind, stage: 'closed', resolution: 'satisfied', closedAt, createdAt: closedAt - DAY });
  const old = [closed(now - 40 * DAY), closed(now - 35 * DAY, 'statement'), closed(now - 31 * DAY)];
  const recent = closed(now - 5 * DAY);
  const open = makeCase({ stage: 'in_progress', createdAt: now - 60 * DAY });
  await h.app.store.commit({ cases: [...old, recent, open].map((record) => ({ record, expectedVersion: null })) });
  return { old, recent, open };
}

describe('archiving closed cases (SOP step 14)', () => {
  it('moves only cases closed before the cut-off to archived, each with its event, history kept', async () => {
    const now = h.clock.now;
    const { old, recent, open } = await closedCases(now);
    const r = await archiveClosed({
      store: h.app.store,
      reports: h.app.reports,
      closedBefore: now - 30 * DAY,
      policy: h.app.duePolicy,
      actor,
      detail: 'ditutup lebih dari 30 hari',
      now: () => now,
      batch: 2,
    });
    expect(r).toMatchObject({ archived: 3, conflicts: 0, stoppedEarly: false });
    for (const c of old) {
      const after = (await h.app.store.getCase(c.ticket))!;
      expect(after.stage).toBe('archived');
      expect(after.closedAt).toBe(c.closedAt);
      expect(after.resolution).toBe('satisfied');
      const events = await h.app.store.getEvents(c.ticket);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'archive', fromStage: 'closed', toStage: 'archived', actor });
    }
    expect((await h.app.store.getCase(recent.ticket))!.stage).toBe('closed');
    expect((await h.app.store.getCase(open.ticket))!.stage).toBe('in_progress');
  });

  it('changes nothing on a dry run, and counts the same cases', async () => {
    const now = h.clock.now;
    const { old } = await closedCases(now);
    const r = await archiveClosed({
      store: h.app.store,
      reports: h.app.reports,
      closedBefore: now - 30 * DAY,
      policy: h.app.duePolicy,
      actor,
      detail: 'x',
      now: () => now,
      dryRun: true,
      batch: 2,
    });
    expect(r.archived).toBe(3);
    for (const c of old) {
      expect((await h.app.store.getCase(c.ticket))!.stage).toBe('closed');
      expect(await h.app.store.getEvents(c.ticket)).toEqual([]);
    }
  });

  it('leaves a case that changed after it was read (reopened meanwhile) as it is', async () => {
    const now = h.clock.now;
    const { old } = await closedCases(now);
    const reports = h.app.reports;
    const first = old[0]!;
    // Another writer changes the first case between the archive's read and its write.
    const racing = {
      closedBefore: async (...args: Parameters<typeof reports.closedBefore>) => {
        const page = await reports.closedBefore(...args);
        if (page.some((c) => c.ticket === first.ticket)) {
          const fresh = (await h.app.store.getCase(first.ticket))!;
          await h.app.store.commit({
            cases: [{ record: { ...fresh, version: fresh.version + 1 }, expectedVersion: fresh.version }],
          });
        }
        return page;
      },
    };
    const r = await archiveClosed({
      store: h.app.store,
      reports: racing,
      closedBefore: now - 30 * DAY,
      policy: h.app.duePolicy,
      actor,
      detail: 'x',
      now: () => now,
    });
    expect(r).toMatchObject({ archived: 2, conflicts: 1 });
    expect((await h.app.store.getCase(first.ticket))!.stage).toBe('closed');
  });

  it('runs as the scheduled job "archive" after ARCHIVE_AFTER_DAYS', async () => {
    const now = h.clock.now;
    const { old, recent } = await closedCases(now);
    const scheduler = createScheduler(h.app, loadSchedulerConfig({ ARCHIVE_AFTER_DAYS: '33' }));
    expect(scheduler.jobs.map((j) => j.name)).toContain('archive');
    const out = await scheduler.runNow('archive');
    expect(out).toMatchObject({ ran: true, report: { archived: 2, conflicts: 0, more: 'no' } });
    expect((await h.app.store.getCase(old[0]!.ticket))!.stage).toBe('archived');
    expect((await h.app.store.getCase(old[2]!.ticket))!.stage).toBe('closed');
    expect((await h.app.store.getCase(recent.ticket))!.stage).toBe('closed');
  });
});

describe('cases archive on the command line', () => {
  it('archives by date, says how many, and refuses a bad date', async () => {
    const now = Date.now();
    const dataDir = mkdtempSync(join(tmpdir(), 'aduan-archive-'));
    await h.close();
    h = await startHarness({ dir: dataDir });
    const { old } = await closedCases(now);
    await h.close();
    const day = new Date(now - 30 * DAY + 7 * 3_600_000).toISOString().slice(0, 10);
    const env = { DATA_DIR: dataDir };
    const dry = await runCli(['cases', 'archive', '--closed-before', day, '--dry-run'], { env });
    expect(dry.stdout).toContain('Would archive 3 closed case(s)');
    const run = await runCli(['cases', 'archive', '--closed-before', day], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Archived 3 closed case(s)');
    const again = await runCli(['cases', 'archive', '--closed-before', day], { env });
    expect(again.stdout).toContain('Archived 0 closed case(s)');
    const bad = await runCli(['cases', 'archive', '--closed-before', 'kemarin'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--closed-before must be a date');
    h = await startHarness({ dir: dataDir });
    expect((await h.app.store.getCase(old[1]!.ticket))!.stage).toBe('archived');
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
    h = await startHarness();
  });
});
