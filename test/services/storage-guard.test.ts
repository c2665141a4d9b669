import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { StorageGuard, storageNotice, storageProblem, watchStorage } from '../../src/services/storage-guard.js';
import type { StorageOps } from '../../src/store/port.js';

const sqliteError = (code: string) => Object.assign(new Error(code), { code });

function fakeOps(): StorageOps & { canWrite: boolean; room: number; probes: number; frees: number } {
  const ops = {
    canWrite: false,
    room: 0,
    probes: 0,
    frees: 0,
    headroomBytes: 100,
    async probe() {
      ops.probes += 1;
      if (!ops.canWrite) throw sqliteError('SQLITE_FULL');
    },
    async free() {
      ops.frees += 1;
    },
    freeBytes: () => ops.room,
  };
  return ops;
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; !check(); i++) {
    if (i > 500) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('what counts as the storage failing', () => {
  it('tells a full disk, a read-only store and failing I/O from everything else', () => {
    expect(storageProblem(sqliteError('SQLITE_FULL'))).toBe('full');
    expect(storageProblem(sqliteError('ENOSPC'))).toBe('full');
    expect(storageProblem(sqliteError('SQLITE_READONLY'))).toBe('read-only');
    expect(storageProblem(sqliteError('SQLITE_READONLY_DBMOVED'))).toBe('read-only');
    expect(storageProblem(sqliteError('SQLITE_IOERR_WRITE'))).toBe('failing');
    expect(storageProblem(sqliteError('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(storageProblem(new Error('Concurrent update refused'))).toBeNull();
  });
});

describe('the storage guard', () => {
  it('stops intake at the first failure, frees and probes, and resumes by itself once there is room', async () => {
    const ops = fakeOps();
    const told: string[] = [];
    let recovered = 0;
    const guard = new StorageGuard({
      ops,
      log: silentLogger,
      now: Date.now,
      backoff: { initialMs: 5, maxMs: 20, jitter: 0 },
      notify: async (s, back) => void told.push(back ? `back after ${s.state}` : `down: ${s.state}`),
      onRecovered: () => void (recovered += 1),
    });
    expect(guard.report(new Error('a bug'))).toBe(false);
    expect(guard.ok).toBe(true);

    expect(guard.report(sqliteError('SQLITE_FULL'))).toBe(true);
    expect(guard.status).toMatchObject({ state: 'full' });
    let open = false;
    void guard.whenWritable().then(() => (open = true));
    // Without room to spare the guard does not even try (the backlog would fill the disk again at once)...
    await until(() => ops.frees >= 3, 'rounds of freeing');
    expect(ops.probes).toBe(0);
    expect(open).toBe(false);
    expect(told).toEqual(['down: full']);
    // ...with room, it probes with a real write, and keeps waiting while that fails...
    ops.room = 1000;
    await until(() => ops.probes >= 2, 'probes');
    expect(open).toBe(false);
    // ...and resumes once it succeeds.
    ops.canWrite = true;
    await until(() => open, 'intake to open');
    expect(guard.ok).toBe(true);
    expect(recovered).toBe(1);
    await until(() => told.length === 2, 'staff to be told');
    expect(told[1]).toBe('back after full');
    await guard.stop();
  });

  it('hears about failures from any store call', async () => {
    const guard = new StorageGuard({ log: silentLogger, now: Date.now });
    const store = watchStorage(
      {
        async commit() {
          throw sqliteError('SQLITE_FULL');
        },
        kind: 'sqlite',
      },
      guard,
    );
    expect(store.kind).toBe('sqlite');
    await expect(store.commit()).rejects.toThrow('SQLITE_FULL');
    expect(guard.status).toMatchObject({ state: 'full' });
    await guard.stop();
  });

  it('words its notices for the staff group', () => {
    const since = Date.UTC(2026, 0, 1, 8, 0);
    const down = storageNotice({ state: 'full', since, error: 'database or disk is full' }, false, since);
    expect(down).toMatchObject({ channel: 'staff', chatId: 'general', kind: 'notice' });
    expect(down.text).toMatch(/berhenti menerima pesan baru: disk server penuh/);
    expect(down.text).toMatch(/tidak hilang/);
    const back = storageNotice({ state: 'full', since, error: 'x' }, true, since + 12 * 60_000);
    expect(back.text).toMatch(/bisa ditulis lagi setelah sekitar 12 menit/);
  });
});
