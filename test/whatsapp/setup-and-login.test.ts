// Starting the channel: settings, the Chromium check (a clear message naming CHROMIUM_PATH, no browser launched),
// the first-login QR code in the terminal and as a PNG, and how send errors are read.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertChromium, ChromiumMissingError } from '../../bots/whatsapp/chromium.js';
import { whatsappChannel } from '../../bots/whatsapp/index.js';
import { qrDisplay } from '../../bots/whatsapp/qr.js';
import { classifySendError } from '../../bots/whatsapp/send-errors.js';
import { loadWhatsAppSettings, phoneToChatId, WhatsAppSettingsError } from '../../bots/whatsapp/settings.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/log/logger.js';
import { startHarness, type Harness } from '../support/harness.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'aduan-wa-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('WhatsApp settings', () => {
  const config = loadConfig({ DATA_DIR: '/srv/aduan', SUPERVISOR_WHATSAPP_NUMBERS: '+6281100000001, 081200000002' });

  it('defaults to 20 messages a minute, a small jitter, and the session under DATA_DIR', () => {
    const s = loadWhatsAppSettings({}, config);
    expect(s).toMatchObject({
      maxPerMinute: 20,
      jitterMs: 1500,
      sessionDir: '/srv/aduan/whatsapp-session',
      qrPngPath: '/srv/aduan/whatsapp-qr.png',
      chromiumPath: '/usr/bin/chromium',
      supervisorChatIds: ['6281100000001@c.us', '6281200000002@c.us'],
    });
  });

  it('names the setting that is wrong', () => {
    expect(() => loadWhatsAppSettings({ WHATSAPP_MAX_PER_MINUTE: 'banyak' }, config)).toThrow(WhatsAppSettingsError);
    expect(() => loadWhatsAppSettings({ WHATSAPP_MAX_PER_MINUTE: '0' }, config)).toThrow(/WHATSAPP_MAX_PER_MINUTE/);
    expect(
      loadWhatsAppSettings({ WHATSAPP_MAX_PER_MINUTE: '6', WHATSAPP_SESSION_DIR: '/var/wa' }, config),
    ).toMatchObject({ maxPerMinute: 6, sessionDir: '/var/wa' });
  });

  it('turns national numbers into WhatsApp chat ids', () => {
    expect(phoneToChatId('081234567890')).toBe('6281234567890@c.us');
    expect(phoneToChatId('6281234567890')).toBe('6281234567890@c.us');
  });
});

describe('the Chromium check', () => {
  it('names CHROMIUM_PATH when the file is missing', () => {
    expect(() => assertChromium('/nonexistent/chromium')).toThrow(ChromiumMissingError);
    expect(() => assertChromium('/nonexistent/chromium')).toThrow(
      /CHROMIUM_PATH=\/nonexistent\/chromium \(the file does not exist\)/,
    );
    expect(() => assertChromium('')).toThrow(/CHROMIUM_PATH/);
  });

  it('refuses a directory or a file that is not executable', () => {
    const d = tempDir();
    expect(() => assertChromium(d)).toThrow(/not a file/);
    const f = join(d, 'chromium');
    writeFileSync(f, '#!/bin/sh\n');
    chmodSync(f, 0o644);
    // X_OK needs at least one execute bit, even for root.
    expect(() => assertChromium(f)).toThrow(/not executable/);
    chmodSync(f, 0o755);
    expect(() => assertChromium(f)).not.toThrow();
  });
});

describe('the channel entry', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('is enabled by WHATSAPP_ENABLED', () => {
    expect(whatsappChannel.enabled(loadConfig({ WHATSAPP_ENABLED: 'true' }))).toBe(true);
    expect(whatsappChannel.enabled(loadConfig({}))).toBe(false);
  });

  it('stops with a clear message naming CHROMIUM_PATH when Chromium is missing, before any browser starts', async () => {
    h = await startHarness({ env: { WHATSAPP_ENABLED: 'true', CHROMIUM_PATH: '/nonexistent/chromium' } });
    await expect(whatsappChannel.start(h.app)).rejects.toThrow(/CHROMIUM_PATH=\/nonexistent\/chromium/);
    expect(h.app.health.get('whatsapp')).toMatchObject({ state: 'failed' });
    expect(existsSync(join(h.dir, 'whatsapp-session'))).toBe(false);
  });
});

describe('the first-login QR code', () => {
  it('is printed in the terminal, written as a PNG whose path is logged, and deleted after login', async () => {
    const d = tempDir();
    const png = join(d, 'sub', 'whatsapp-qr.png');
    const printed: string[] = [];
    const logged: string[] = [];
    const log = {
      ...silentLogger,
      warn: (msg: string, f?: Record<string, unknown>) => void logged.push(`${msg} ${JSON.stringify(f)}`),
    };
    const qr = qrDisplay(png, log, (s) => printed.push(s));
    await qr.show('2@abcDEF123,xyz==,ref==');
    expect(printed.join('').length).toBeGreaterThan(100);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    expect(logged.join('\n')).toContain(png);
    await qr.clear();
    expect(existsSync(png)).toBe(false);
  });
});

describe('send errors', () => {
  it('reads a dead browser as a crash, an unknown number as unreachable, anything else as retryable', () => {
    expect(classifySendError(new Error('Protocol error (Runtime.callFunctionOn): Session closed.')).kind).toBe(
      'browser-crash',
    );
    expect(classifySendError(new Error('Protocol error: Target closed.')).kind).toBe('browser-crash');
    expect(classifySendError(new Error('Evaluation failed: Error: wid error: invalid wid')).kind).toBe(
      'not-on-whatsapp',
    );
    expect(classifySendError('something else').kind).toBe('other');
  });
});
