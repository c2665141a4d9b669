// Files and folders the service creates are its own user's alone: 0700 folders, 0600 files (the data folder, the
// SQLite file with its -wal and -shm, the WhatsApp session folder, the QR image), and an older install's open
// modes are tightened at start. Checked under a permissive umask, as a service manager might start us with.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePrivateDir } from '../../src/config/private-files.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { qrDisplay } from '../../bots/whatsapp/qr.js';
import { silentLogger } from '../../src/log/logger.js';
import { runCli } from '../support/cli.js';

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
let root: string;
let umask: number;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'aduan-perm-'));
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

describe('what the service creates', () => {
  it('is private from the start: data folder 0700, database, -wal and -shm 0600', async () => {
    const data = join(root, 'fresh', 'data');
    const store = new SqliteStore(join(data, 'aduan.sqlite'));
    await store.commit({ outbox: [{ channel: 'telegram', chatId: '1', text: 'x' }] });
    expect(mode(data)).toBe('700');
    for (const f of ['aduan.sqlite', 'aduan.sqlite-wal', 'aduan.sqlite-shm'])
      expect(mode(join(data, f)), f).toBe('600');
    await store.close();
  });

  it('is tightened when an older install left it readable by others (a real `aduan chat`)', async () => {
    const data = join(root, 'old');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755);
    const first = await runCli(['chat'], { env: { DATA_DIR: data }, input: '' });
    expect(first.code, first.stderr).toBe(0);
    chmodSync(data, 0o755);
    chmodSync(join(data, 'aduan.sqlite'), 0o644);
    const again = await runCli(['chat'], { env: { DATA_DIR: data }, input: 'halo\n' });
    expect(again.code, again.stderr).toBe(0);
    expect(mode(data)).toBe('700');
    expect(mode(join(data, 'aduan.sqlite'))).toBe('600');
  });

  it('keeps the WhatsApp session folder and the QR image private', async () => {
    const session = join(root, 'wa', 'whatsapp-session');
    mkdirSync(session, { recursive: true, mode: 0o755 });
    chmodSync(session, 0o755);
    ensurePrivateDir(session, 'WHATSAPP_SESSION_DIR');
    expect(mode(session)).toBe('700');

    const png = join(root, 'qr', 'whatsapp-qr.png');
    await qrDisplay(png, silentLogger, () => {}).show('2@abcDEF123,xyz==,ref==');
    expect(mode(png)).toBe('600');
    expect(mode(join(root, 'qr'))).toBe('700');
    // An image left open by an older version is made private when the next code is written.
    chmodSync(png, 0o644);
    writeFileSync(png, 'old');
    await qrDisplay(png, silentLogger, () => {}).show('2@abcDEF123,xyz==,ref==');
    expect(mode(png)).toBe('600');
  });
});
