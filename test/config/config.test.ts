import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { loadAgency } from '../../src/config/agency.js';
import { staffGroupsOf } from '../../src/config/staff-groups.js';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env, '/tmp');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('runs with no settings at all: SQLite under ./data, console chat', () => {
    const c = loadConfig({}, '/srv/aduan');
    expect(c.sqlitePath).toBe('/srv/aduan/data/aduan.sqlite');
    expect(c.MONGODB_URI).toBeUndefined();
    expect(c.STANDARD_TIMES.in_progress).toBe(300);
    expect(c.STAFF_TELEGRAM_IDS).toEqual([]);
    expect(c.WHATSAPP_ENABLED).toBe(false);
  });

  it('names the setting that is wrong', () => {
    expect(problems({ MONGODB_URI: 'postgres://x' })).toMatch(/MONGODB_URI: must start with mongodb/);
    expect(problems({ STAFF_TELEGRAM_IDS: '12,abc' })).toMatch(/STAFF_TELEGRAM_IDS/);
    expect(problems({ WHATSAPP_ENABLED: 'maybe' })).toMatch(/WHATSAPP_ENABLED/);
    expect(problems({ MAX_MESSAGE_CHARS: '5' })).toMatch(/MAX_MESSAGE_CHARS: must be between/);
    expect(problems({ STANDARD_TIMES: 'in_progress=abc' })).toMatch(/STANDARD_TIMES/);
    expect(problems({ STANDARD_TIMES: 'nowhere=5' })).toMatch(/STANDARD_TIMES/);
    expect(problems({ TELEGRAM_STAFF_BOT_TOKEN: 'x' })).toMatch(/TELEGRAM_STAFF_CHAT_ID: required/);
    expect(problems({ TELEGRAM_WEBHOOK_URL: 'https://x.example/hook' })).toMatch(/TELEGRAM_WEBHOOK_SECRET/);
    expect(problems({ TELEGRAM_WEBHOOK_SECRET: 'has spaces and $igns' })).toMatch(
      /TELEGRAM_WEBHOOK_SECRET: must be 1-256/,
    );
  });

  it('reads supervisor WhatsApp numbers as international digits however they are written', () => {
    const c = loadConfig({ SUPERVISOR_WHATSAPP_NUMBERS: '+6281234567890, 081298765432,628111222333' });
    expect(c.SUPERVISOR_WHATSAPP_NUMBERS).toEqual(['6281234567890', '6281298765432', '628111222333']);
  });

  it('reads comma-separated staff ids and standard times', () => {
    const c = loadConfig({ STAFF_TELEGRAM_IDS: '11, 22', STANDARD_TIMES: 'in_progress=120, verifying=60' });
    expect(c.STAFF_TELEGRAM_IDS).toEqual(['11', '22']);
    expect(c.STANDARD_TIMES).toMatchObject({ in_progress: 120, verifying: 60, forwarded: 60 });
  });

  it('refuses an agency profile whose default division does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aduan-agency-'));
    const p = join(dir, 'a.json');
    writeFileSync(
      p,
      JSON.stringify({
        id: 'x',
        name: 'X',
        shortName: 'X',
        signature: 'X',
        defaultDivision: 'none',
        divisions: [{ id: 'a', name: 'A', description: 'A', examples: ['a'] }],
      }),
    );
    expect(() => loadAgency(p)).toThrow(/defaultDivision/);
    expect(() => loadAgency(join(dir, 'missing.json'))).toThrow(/AGENCY_CONFIG: cannot read/);
  });

  it('refuses an agency profile whose integrity division does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aduan-agency-'));
    const p = join(dir, 'a.json');
    writeFileSync(
      p,
      JSON.stringify({
        id: 'x',
        name: 'X',
        shortName: 'X',
        signature: 'X',
        defaultDivision: 'a',
        integrityDivision: 'none',
        divisions: [{ id: 'a', name: 'A', description: 'A', examples: ['a'] }],
      }),
    );
    expect(() => loadAgency(p)).toThrow(/integrityDivision/);
  });
});

describe('TELEGRAM_STAFF_DIVISION_CHATS (a staff group per division)', () => {
  const agency = {
    divisions: [{ id: 'pbb-p2' }, { id: 'bphtb' }, { id: 'pelayanan' }],
  } as unknown as Parameters<typeof staffGroupsOf>[1];
  const base = { TELEGRAM_STAFF_BOT_TOKEN: 'x', TELEGRAM_STAFF_CHAT_ID: '-100999' };

  it('is empty without the setting: one general group, as before', () => {
    const c = loadConfig(base, '/tmp');
    expect(c.TELEGRAM_STAFF_DIVISION_CHATS).toEqual([]);
    const g = staffGroupsOf(c, agency);
    expect(g.general).toBe('-100999');
    expect(g.divisions.size).toBe(0);
  });

  it('reads division:group pairs, spaces allowed, and checks the divisions against the agency profile', () => {
    const c = loadConfig({ ...base, TELEGRAM_STAFF_DIVISION_CHATS: 'pbb-p2:-100111, bphtb : -100222' }, '/tmp');
    const g = staffGroupsOf(c, agency);
    expect([...g.divisions]).toEqual([
      ['pbb-p2', '-100111'],
      ['bphtb', '-100222'],
    ]);
  });

  it('keeps a division mapped to the general group in the general group', () => {
    const c = loadConfig({ ...base, TELEGRAM_STAFF_DIVISION_CHATS: 'pbb-p2:-100999,bphtb:-100222' }, '/tmp');
    expect([...staffGroupsOf(c, agency).divisions]).toEqual([['bphtb', '-100222']]);
  });

  it('stops start-up naming the setting, in Indonesian and English, for every kind of bad value', () => {
    const bad = (v: string) => problems({ ...base, TELEGRAM_STAFF_DIVISION_CHATS: v });
    expect(bad('pbb-p2=-100111')).toMatch(
      /TELEGRAM_STAFF_DIVISION_CHATS: "pbb-p2=-100111" bukan bidang:id-grup \/ is not division:group-id/,
    );
    expect(bad('pbb-p2:abc')).toMatch(/TELEGRAM_STAFF_DIVISION_CHATS: "pbb-p2:abc" bukan bidang:id-grup/);
    expect(bad('pbb-p2:100111')).toMatch(
      /TELEGRAM_STAFF_DIVISION_CHATS: .*id grup harus negatif .* a group id is negative/,
    );
    expect(bad('pbb-p2:-1,pbb-p2:-2')).toMatch(/TELEGRAM_STAFF_DIVISION_CHATS: bidang "pbb-p2" disebut dua kali/);
    expect(bad('pbb-p2:-1,')).toMatch(/TELEGRAM_STAFF_DIVISION_CHATS/);
    expect(problems({ TELEGRAM_STAFF_DIVISION_CHATS: 'pbb-p2:-100111' })).toMatch(
      /TELEGRAM_STAFF_DIVISION_CHATS: perlu TELEGRAM_STAFF_CHAT_ID .* needs TELEGRAM_STAFF_CHAT_ID/,
    );
    const c = loadConfig({ ...base, TELEGRAM_STAFF_DIVISION_CHATS: 'pbb-p2:-100111,pajak:-100333' }, '/tmp');
    expect(() => staffGroupsOf(c, agency)).toThrow(ConfigError);
    expect(() => staffGroupsOf(c, agency)).toThrow(
      /TELEGRAM_STAFF_DIVISION_CHATS: "pajak" bukan id bidang di profil instansi \/ is not a division id of the agency profile \(pbb-p2, bphtb, pelayanan\)/,
    );
  });
});
