// `aduan citizens erase` (a real process on a real SQLite file) for requests received outside the chat: it shows what
// it will erase, refuses without a terminal unless --yes, answers bad input politely, and then leaves nothing of a
// web citizen (contact, conversation, messages, uploaded files) in the store or the uploads folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localUploads } from '../../src/store/uploads.js';
import { runCli } from '../support/cli.js';
import { startHarness, type Harness } from '../support/harness.js';
import { dumpSqlite } from '../support/sqlite-dump.js';
import { sqliteRepeatStorage } from '../../src/store/sqlite/repeat-storage.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { facetsOf, repeatTerms } from '../../nlp/repeat/features.js';

const EMAIL = 'rahmat.hidayat@contoh.co.id';
const PHONE = '081277788899';
const NIK = '1371021505900007';
const KEY = 'web:8f3a2c1b9d7e';
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

describe('aduan citizens erase', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  async function webCitizenWithUpload(): Promise<{ upload: string; ticket: string }> {
    h = await startHarness();
    const upload = await localUploads(h.dir).save(JPEG);
    await h.app.web.saveWebCitizen({
      key: KEY,
      tokenHash: 'hash-of-token',
      contact: { kind: 'email', value: EMAIL },
      anonymous: false,
      createdAt: h.clock.now,
    });
    await h.app.web.addWebMessage({ citizenKey: KEY, at: h.clock.now, from: 'citizen', text: `hp ${PHONE}` });
    const web = { channel: 'web' as const, senderId: KEY.slice(4), chatId: KEY.slice(4) };
    await h.say(`Tagihan PBB saya salah, NIK ${NIK}, hp ${PHONE}`, {
      ...web,
      attachments: [{ kind: 'photo', fileId: `web:${upload}`, mime: 'image/jpeg' }],
    });
    for (let i = 0; i < 4; i++) await h.say('lewati', web);
    const [c] = await h.app.store.listCases({ citizenKey: KEY });
    // The repeat index kept in the store (what `serve` indexes each complaint into) holds it too.
    const words = repeatTerms(c!.text);
    sqliteRepeatStorage((h.app.store as SqliteStore).database, true).addDoc({
      ticket: c!.ticket,
      citizenKey: KEY,
      terms: words,
      facets: facetsOf(words),
    });
    return { upload, ticket: c!.ticket };
  }

  it('shows what it will erase, asks for --yes off a terminal, then erases the web citizen and their upload', async () => {
    const { upload, ticket } = await webCitizenWithUpload();
    const dir = h!.dir;
    const env = {
      DATA_DIR: dir,
      AGENCY_CONFIG: join(dir, 'agency.json'),
      LOG_LEVEL: 'info',
      SUPERVISOR_TELEGRAM_IDS: '601',
    };
    // A supervisor's export with contacts: what the records of the period hold for auditors.
    const exported = () =>
      runCli(
        ['cases', 'export', '--from', '2026-01-01', '--to', '2027-12-31', '--format', 'jsonl'].concat([
          '--with-contacts',
          '--as',
          '601',
        ]),
        { env },
      );
    expect((await exported()).stdout).toContain(NIK);
    const file = join(dir, 'aduan.sqlite');
    const traces = () => [NIK, PHONE, EMAIL, KEY.slice(4), upload].filter((t) => dumpSqlite(file).includes(t));
    expect(traces()).toEqual([NIK, PHONE, EMAIL, KEY.slice(4), upload]);

    const asked = await runCli(['citizens', 'erase', KEY], { env });
    expect(asked.code).toBe(2);
    expect(asked.stdout).toMatch(/anonymise 1 case\(s\)/);
    expect(asked.stdout).toMatch(/1 uploaded file\(s\)/);
    expect(asked.stderr).toMatch(/--yes/);
    expect(traces()).toHaveLength(5);

    const r = await runCli(['citizens', 'erase', ticket, '--yes'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Erased .*1 case\\(s\\) anonymised \\(${ticket}\\), 1 uploaded file`));
    expect(traces()).toEqual([]);
    expect(existsSync(join(dir, 'uploads', upload))).toBe(false);
    const after = await exported();
    expect(after.stdout).toContain(ticket);
    expect([NIK, PHONE, EMAIL, KEY.slice(4), upload].filter((t) => after.stdout.includes(t))).toEqual([]);
    // Logged, with the citizen's id masked as every log line is.
    expect(r.stderr).toMatch(/citizen data erased/);
    expect(r.stderr).not.toContain(NIK);
  });

  it('answers what it cannot erase politely and changes nothing', async () => {
    h = await startHarness();
    const env = { DATA_DIR: h.dir, AGENCY_CONFIG: join(h.dir, 'agency.json'), LOG_LEVEL: 'warn' };
    const wrong = await runCli(['citizens', 'erase', 'siapa saja', '--yes'], { env });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/neither a ticket on record nor a citizen .* Nothing changed/);
    const unknown = await runCli(['citizens', 'erase', 'telegram:123456789', '--yes'], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/Nothing is stored about telegram:\*+789\. Nothing changed/);
    const usage = await runCli(['citizens', 'forget', 'telegram:1'], { env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage: aduan citizens erase/);
  });
});
