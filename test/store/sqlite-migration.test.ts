// SQLite migration step 3 moves the domain data older versions kept in key-value rows into typed records.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aduan-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a store written by the version before typed records', () => {
  it('opens with its contacts, case threads and thread messages moved out of the key-value table', async () => {
    const path = join(dir, 'old.sqlite');
    const db = new Database(path);
    migrate(db, 2);
    const conv = db.prepare(
      'INSERT INTO conversations (key, state, version, updated_at, unreachable_at, unreachable_reason) VALUES (?, ?, 1, ?, ?, ?)',
    );
    conv.run('telegram:1001', JSON.stringify({ v: 1, language: 'en', mode: 'idle' }), 500, null, null);
    conv.run('telegram:1002', 'null', 600, 650, 'Telegram 403: blocked');
    const kv = db.prepare('INSERT INTO kv (key, value) VALUES (?, ?)');
    kv.run('whatsapp:wrote:62812@c.us', '700');
    kv.run('staff-thread:ADU-AAAA-0001', 'topic:501');
    kv.run('staff-topic:501', 'ADU-AAAA-0001');
    kv.run('staff-thread:ADU-AAAA-0002', 'msg:90');
    kv.run('staff-msg:95', 'ADU-AAAA-0002');
    kv.run('staff-thread:ADU-AAAA-0003', '');
    kv.run('staff-update:222:1000', '1');
    kv.run('staff-pending:ADU-AAAA-0001:501', '{"v":1}');
    kv.run('telegram-offset:staff-222', '1001');
    db.prepare('INSERT INTO leases (name, owner, until) VALUES (?, ?, ?)').run('claim:staff-update:222:1', 'x', 1);
    db.prepare('INSERT INTO leases (name, owner, until) VALUES (?, ?, ?)').run('job:digest-daily', 'x', 1);
    db.close();

    const store = new SqliteStore(path);
    try {
      expect(await store.getContact('telegram:1001')).toMatchObject({ language: 'en', firstWroteAt: 500 });
      expect(await store.getContact('telegram:1002')).toEqual({
        key: 'telegram:1002',
        channel: 'telegram',
        userId: '1002',
        chatId: '1002',
        unreachableAt: 650,
        unreachableReason: 'Telegram 403: blocked',
      });
      // A conversation row that only carried the unreachable mark is gone; real ones stay.
      expect(await store.getConversation('telegram:1002')).toBeNull();
      expect(await store.getConversation('telegram:1001')).toMatchObject({ version: 1 });
      expect(await store.getContact('whatsapp:62812@c.us')).toMatchObject({ channel: 'whatsapp', firstWroteAt: 700 });
      expect(await store.getCaseThread('ADU-AAAA-0001')).toEqual({ ticket: 'ADU-AAAA-0001', kind: 'topic', id: 501 });
      expect(await store.ticketOfThread({ topicId: 501 })).toBe('ADU-AAAA-0001');
      expect(await store.ticketOfThread({ messageId: 90 })).toBe('ADU-AAAA-0002');
      expect(await store.ticketOfThread({ messageId: 95 })).toBe('ADU-AAAA-0002');
      expect(await store.getCaseThread('ADU-AAAA-0003')).toBeNull();
      for (const key of [
        'whatsapp:wrote:62812@c.us',
        'staff-thread:ADU-AAAA-0001',
        'staff-msg:95',
        'staff-update:222:1000',
      ])
        expect(await store.getValue(key), key).toBeNull();
      expect(await store.getValue('telegram-offset:staff-222')).toBe('1001');
      const leases = store.database.prepare('SELECT name FROM leases').all() as Array<{ name: string }>;
      expect(leases.map((l) => l.name)).toEqual(['job:digest-daily']);
    } finally {
      await store.close();
    }
  });
});

describe('a store written before staff groups per division (step 7)', () => {
  it('reads its case threads and thread messages as the general group, and lets another group reuse their ids', async () => {
    const path = join(dir, 'v6.sqlite');
    const db = new Database(path);
    migrate(db, 6);
    db.prepare('INSERT INTO case_threads (ticket, kind, thread_id) VALUES (?, ?, ?)').run(
      'ADU-AAAA-0001',
      'topic',
      501,
    );
    db.prepare('INSERT INTO case_threads (ticket, kind, thread_id) VALUES (?, ?, ?)').run(
      'ADU-AAAA-0002',
      'message',
      90,
    );
    db.prepare('INSERT INTO case_thread_messages (message_id, ticket) VALUES (?, ?)').run(95, 'ADU-AAAA-0002');
    db.close();

    const store = new SqliteStore(path);
    try {
      expect(await store.getCaseThread('ADU-AAAA-0001')).toEqual({ ticket: 'ADU-AAAA-0001', kind: 'topic', id: 501 });
      expect(await store.ticketOfThread({ topicId: 501 })).toBe('ADU-AAAA-0001');
      expect(await store.ticketOfThread({ messageId: 95 })).toBe('ADU-AAAA-0002');
      expect(await store.ticketOfThread({ messageId: 90 })).toBe('ADU-AAAA-0002');
      await store.setCaseThread('ADU-AAAA-0003', { kind: 'topic', id: 501, chat: '-100222' });
      expect(await store.ticketOfThread({ topicId: 501 })).toBe('ADU-AAAA-0001');
      expect(await store.ticketOfThread({ topicId: 501, chat: '-100222' })).toBe('ADU-AAAA-0003');
    } finally {
      await store.close();
    }
  });
});
