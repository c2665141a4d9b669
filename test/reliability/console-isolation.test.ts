// The console channel prints only the chatting citizen's messages: reminders queued for other console citizens
// (by `jobs run intake-timeouts`, or another terminal's chat) stay in the outbox until that citizen chats.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aduan-console-iso-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the console chat of one citizen', () => {
  it('never prints another citizen’s messages, and leaves them for that citizen', async () => {
    const env = { DATA_DIR: dir };
    // The store exists (a first run), then reminders for Ani and Budi are queued as the scheduler would.
    expect((await runCli(['chat', '--as', 'citra'], { env, input: '' })).code).toBe(0);
    const store = new SqliteStore(join(dir, 'aduan.sqlite'));
    await store.commit({
      outbox: [
        { channel: 'console', chatId: 'ani', text: 'Pengingat untuk Ani: tiket ADU-AAAA-1111', kind: 'reminder' },
        { channel: 'console', chatId: 'budi', text: 'Pengingat untuk Budi: tiket ADU-BBBB-2222', kind: 'reminder' },
      ],
    });
    await store.close();

    const citra = await runCli(['chat', '--as', 'citra'], { env, input: 'halo\n' });
    expect(citra.code, citra.stderr).toBe(0);
    expect(citra.stdout).toContain('Anda> halo');
    expect(citra.stdout).toMatch(/Aduan> /);
    expect(citra.stdout).not.toMatch(/Ani|Budi|ADU-AAAA|ADU-BBBB/);

    const ani = await runCli(['chat', '--as', 'ani'], { env, input: '' });
    expect(ani.stdout).toContain('Pengingat untuk Ani');
    expect(ani.stdout).not.toContain('Budi');

    const check = new SqliteStore(join(dir, 'aduan.sqlite'));
    expect(await check.countOutbox('pending')).toBe(1);
    await check.close();
  });
});
