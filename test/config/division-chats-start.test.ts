// `aduan serve` with a wrong TELEGRAM_STAFF_DIVISION_CHATS stops before opening anything, naming the setting.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const dirs: string[] = [];
const dataDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'aduan-divchats-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const env = (value: string, dir: string) => ({
  DATA_DIR: dir,
  TELEGRAM_STAFF_BOT_TOKEN: '222:staff-token',
  TELEGRAM_STAFF_CHAT_ID: '-1001234567890',
  TELEGRAM_STAFF_DIVISION_CHATS: value,
});

describe('a wrong TELEGRAM_STAFF_DIVISION_CHATS at start', () => {
  it('refuses a division the agency profile does not have, listing the ones it has, and opens no store', async () => {
    const dir = dataDir();
    const r = await runCli(['serve', '--no-console'], { env: env('pbb-p2:-1001111111111,pajak:-1002222222222', dir) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /TELEGRAM_STAFF_DIVISION_CHATS: "pajak" bukan id bidang di profil instansi \/ is not a division id of the agency profile \(pbb-p2, bphtb,/,
    );
    expect(existsSync(join(dir, 'aduan.sqlite'))).toBe(false);
  });

  it('refuses a value that is not division:group-id pairs', async () => {
    const r = await runCli(['serve', '--no-console'], { env: env('pbb-p2 -1001111111111', dataDir()) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TELEGRAM_STAFF_DIVISION_CHATS: "pbb-p2 -1001111111111" bukan bidang:id-grup/);
  });
});
