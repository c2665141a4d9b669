import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_SETTINGS, ConfigError, loadConfig } from '../../src/config/config.js';
import { assertNoUnknownSettings, closestSetting } from '../../src/config/known-settings.js';
import { SCHEDULER_SETTINGS } from '../../src/scheduler/settings.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    assertNoUnknownSettings(env, SCHEDULER_SETTINGS);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
};

describe('settings that look like ours but are not', () => {
  it('are refused with the closest real name', () => {
    expect(problemsOf({ TELEGRAM_BOT_TOKN: 'x' })).toEqual([
      'TELEGRAM_BOT_TOKN: not a setting of Aduan; did you mean TELEGRAM_BOT_TOKEN?',
    ]);
    expect(problemsOf({ MONGO_URI: 'mongodb://db' })[0]).toMatch(/did you mean MONGODB_URI\?/);
    expect(problemsOf({ DATA_DRI: './d' })[0]).toMatch(/did you mean DATA_DIR\?/);
    expect(problemsOf({ DIGEST_DAYLY_CRON: '0 7 * * *' })[0]).toMatch(/did you mean DIGEST_DAILY_CRON\?/);
    expect(problemsOf({ WHATSAPP_SESION_DIR: '/x' })[0]).toMatch(/did you mean WHATSAPP_SESSION_DIR\?/);
  });

  it('are refused even with no close name when they use one of our prefixes', () => {
    expect(problemsOf({ TELEGRAM_SOMETHING_ELSE: '1' })).toEqual(['TELEGRAM_SOMETHING_ELSE: not a setting of Aduan']);
  });

  it('leave other programs’ variables and every real setting alone', () => {
    const env = { PATH: '/bin', HOME: '/root', NODE_OPTIONS: '', LANG: 'C', CI: 'true', npm_config_cache: '/x' };
    expect(problemsOf(env)).toEqual([]);
    const real = Object.fromEntries([...CONFIG_SETTINGS, ...SCHEDULER_SETTINGS].map((k) => [k, '']));
    expect(problemsOf(real)).toEqual([]);
  });

  it('finds no near name for something unrelated', () => {
    expect(closestSetting('QWERTY_ZXCV', [...CONFIG_SETTINGS])).toBeUndefined();
  });
});

describe('.env.example', () => {
  const documented = [
    ...readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm),
  ].map((m) => m[1]!);

  it('documents every setting, and only real ones', () => {
    const known = [...CONFIG_SETTINGS, ...SCHEDULER_SETTINGS];
    expect(known.filter((k) => !documented.includes(k))).toEqual([]);
    expect(documented.filter((k) => !known.includes(k))).toEqual([]);
  });
});

describe('the staff chat id', () => {
  it('must be a group, not a private chat', () => {
    expect(() => loadConfig({ TELEGRAM_STAFF_BOT_TOKEN: 't', TELEGRAM_STAFF_CHAT_ID: '123456789' })).toThrow(
      /TELEGRAM_STAFF_CHAT_ID: must be a group id/,
    );
    expect(
      loadConfig({ TELEGRAM_STAFF_BOT_TOKEN: 't', TELEGRAM_STAFF_CHAT_ID: '-1001234567890' }).TELEGRAM_STAFF_CHAT_ID,
    ).toBe('-1001234567890');
  });
});
