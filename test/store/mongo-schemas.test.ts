// The MongoDB store's schemas, checked without a server (mongoose validates documents unconnected): every kind of
// record the running service produces (a complaint worked through two PTP rounds with a refused verification, a
// reopen, a rating; praise; a web filing with its conversation; a staff sign-in link; an erasure; seeded history;
// outbox, inbound, contacts, settings) is made by the real services on a SQLite file, turned into the documents
// the MongoDB store would write (the same builders it uses), and must validate and read back exactly as written.
// Broken records must be refused, and a commit holding one is refused before anything is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import type Database from 'better-sqlite3';
import { startHarness, type Harness } from '../support/harness.js';
import { makeCase, makeInbound } from '../support/fixtures.js';
import type { CaseEvent, CaseRecord } from '../../src/domain/case.js';
import type { AnyInbound, OutboundMessage } from '../../src/domain/messages.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { defineModels, type Models } from '../../src/store/mongo/schemas.js';
import { defineWebModels, type WebModels } from '../../src/store/mongo/web-records.js';
import { caseDoc, eventDoc, inboundDoc, outboxDoc, toJson } from '../../src/store/mongo/records.js';
import { validateCommit } from '../../src/store/mongo/commit.js';
import { validateDoc, type CheckedModel } from '../../src/store/mongo/validation.js';
import { InvalidRecordError } from '../../src/store/mongo/write-errors.js';
import { openCitizen, say } from '../../bots/web/conversation.js';
import { ReplyWaiters, webSender } from '../../bots/web/sender.js';
import { eraseCitizenNow } from '../../src/services/erasure.js';
import { localUploads } from '../../src/store/uploads.js';
import { issueLoginLink } from '../../src/http/staff/login-links.js';
import { seedHistory, seededRandom } from '../../src/digest/seed-history.js';

const STAFF_ENV = {
  STAFF_TELEGRAM_IDS: '501',
  SUPERVISOR_TELEGRAM_IDS: '601',
  STAFF_OPERATORS: 'rina,kabid:supervisor',
};
const ticketIn = (ms: Array<{ text: string }>) =>
  /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(ms.map((m) => m.text).join('\n'))?.[0];

// Models compiled on a connection that never connects: validation needs no server.
const conn = mongoose.createConnection();
const m: Models = defineModels(conn);
const web: WebModels = defineWebModels(conn);

/** The mongoose error for `doc` as a document of `model`, or null when it validates. */
async function problem(model: CheckedModel, doc: object): Promise<string | null> {
  return validateDoc(model, doc, 'record').then(
    () => null,
    (err: Error) => err.message,
  );
}

/** The document as mongoose would send it (its casts and defaults applied), without the _id it adds. */
function asStored(model: unknown, doc: object): Record<string, unknown> {
  const { _id, ...rest } = new (model as new (d: object) => { toObject(): Record<string, unknown> })(doc).toObject();
  return rest;
}

describe('the MongoDB schemas hold every record the service writes', () => {
  let h: Harness;
  let db: Database.Database;
  let ticket = '';

  beforeAll(async () => {
    h = await startHarness({ env: STAFF_ENV });
    db = (h.app.store as unknown as SqliteStore).database;
    // A complaint through the whole SOP: a refused verification, a reopen ("belum puas"), round 2, a rating.
    await h.say('/start');
    await h.say('/lapor Tagihan PBB saya naik dua kali lipat di kantor Bapenda sejak bulan lalu');
    ticket = ticketIn(await h.say('lewati')) ?? '';
    const round = async (cause: string, ptp: string, note: string) => {
      for (const [as, cmd] of [
        ['rina', `/akar ${cause}`],
        ['rina', `/ptp ${ptp}`],
        ['rina', '/mulai'],
        ['rina', '/selesai'],
        ['kabid', '/kembalikan Lampirkan foto ukur ulang'],
        ['rina', '/selesai Foto dilampirkan'],
        ['kabid', '/setujui'],
        ['rina', `/sampaikan ${note}`],
      ] as const)
        await h.staff(as, ticket, cmd);
    };
    await h.staff('rina', ticket, '/ambil');
    await h.staff('rina', ticket, '/telaah Dicek bersama Kasi PBB');
    await round('Luas bangunan salah input', 'Koreksi luas bangunan | Kasubid Pendataan | 3 hari', 'Sudah dikoreksi.');
    await h.say('2');
    await h.say('Tagihannya belum berubah');
    await round('Belum disinkronkan', 'Sinkronkan data | Operator SISMIOP | 1 hari', 'Tagihan baru sudah terbit.');
    await h.say('1');
    await h.say('5');
    await h.staff('rina', ticket, '/catatan Diperiksa ulang bulan depan');
    // Praise and a question from other citizens; a relay and a re-label by staff.
    await h.say('Terima kasih, pelayanan di loket cepat sekali 👍', { senderId: '2002', chatId: '2002' });
    await h.say('apa syarat balik nama sppt?', { senderId: '2003', chatId: '2003', senderName: 'Bu Tini' });
    // A citizen asks to have their data erased; staff confirm it.
    const other = { senderId: '2004', chatId: '2004', senderName: 'Pak Wibowo' };
    let erased = ticketIn(await h.say('/lapor Lampu jalan mati di depan kantor Bapenda sejak minggu lalu', other));
    for (let i = 0; i < 3 && !erased; i++) erased = ticketIn(await h.say('lewati', other));
    expect(erased).toBeDefined();
    await eraseCitizenNow(
      { store: h.app.store, web: h.app.web, removeUploads: async () => 0 },
      'telegram:2004',
      h.clock.now,
    );
    // The web: a filing with a contact, its conversation, a staff sign-in link; a case thread in the staff inbox.
    const deps = { app: h.app, uploads: localUploads(h.dir), waiters: new ReplyWaiters() };
    h.app.dispatcher.register(webSender(h.app, { publicUrl: 'http://127.0.0.1', waiters: deps.waiters }));
    const citizen = await openCitizen(deps, 'form-1', {
      contact: { kind: 'email', value: 'warga@example.id' },
      anonymous: false,
    });
    await say(deps, citizen.id, {
      formId: 'form-1',
      text: 'Antrian di loket PBB panjang sekali, 3 jam belum dipanggil',
    });
    await h.deliver();
    await issueLoginLink(h.app, 'http://127.0.0.1', 'rina');
    await h.app.store.setCaseThread(ticket, { kind: 'topic', id: 77 });
    await h.app.store.noteThreadMessage(901, ticket);
    // Seeded history (aduan seed), every stage and label it makes.
    await seedHistory(h.app.store, {
      cases: 60,
      weeks: 4,
      now: h.clock.now,
      agency: h.app.agency,
      duePolicy: h.app.duePolicy,
      events: 'full',
      random: seededRandom(7),
    });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const rows = <T>(sql: string) => db.prepare(sql).all() as T[];

  it('made records of every kind (the scenario really ran)', () => {
    const cases = rows<{ doc: string }>('SELECT doc FROM cases').map((r) => JSON.parse(r.doc) as CaseRecord);
    const main = cases.find((c) => c.ticket === ticket);
    expect(main?.ptp.length).toBe(2);
    expect(main?.ptp[0]?.verifications.map((v) => v.result)).toEqual(['rejected', 'approved']);
    expect(main?.satisfaction.some((s) => s.rating === 5)).toBe(true);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(['complaint', 'praise', 'statement']));
    expect(cases.some((c) => c.anonymised)).toBe(true);
    expect(cases.some((c) => c.seeded)).toBe(true);
    expect(new Set(cases.map((c) => c.stage)).size).toBeGreaterThanOrEqual(4);
  });

  it('validates every case as written and reads it back unchanged', async () => {
    const cases = rows<{ doc: string; version: number }>('SELECT doc, version FROM cases');
    expect(cases.length).toBeGreaterThan(60);
    for (const r of cases) {
      const c = JSON.parse(r.doc) as CaseRecord;
      const doc = caseDoc({ ...c, version: r.version });
      expect(await problem(m.cases, doc), c.ticket).toBeNull();
      expect(asStored(m.cases, doc).doc, c.ticket).toEqual(toJson(doc.doc));
    }
  });

  it('validates every event of every case log', async () => {
    const events = rows<{ seq: number; doc: string }>('SELECT seq, doc FROM case_events');
    expect(new Set(events.map((e) => (JSON.parse(e.doc) as CaseEvent).action)).size).toBeGreaterThan(10);
    for (const r of events) {
      const doc = eventDoc(JSON.parse(r.doc) as CaseEvent, r.seq);
      expect(await problem(m.events, doc), r.doc).toBeNull();
      expect(asStored(m.events, doc).doc).toEqual(doc.doc);
    }
  });

  it("validates every inbound message, a citizen's and a staff member's", async () => {
    const inbound = rows<{ id: number; payload: string; received_at: number; handled_at: number | null }>(
      'SELECT id, payload, received_at, handled_at FROM inbound',
    );
    const messages = inbound.map((r) => JSON.parse(r.payload) as AnyInbound);
    expect(messages.some((x) => 'surface' in x)).toBe(true);
    expect(messages.some((x) => 'channel' in x && x.channel === 'web')).toBe(true);
    for (const [i, r] of inbound.entries()) {
      const doc = {
        ...inboundDoc(messages[i]!, r.received_at, r.id),
        handled: r.handled_at !== null,
        handledAt: r.handled_at,
      };
      expect(await problem(m.inbound, doc), r.payload).toBeNull();
      expect(asStored(m.inbound, doc).message).toEqual(doc.message);
    }
  });

  it('validates every outbox message, delivered or waiting, to citizens and to staff', async () => {
    const out = rows<{ id: number; payload: string; status: string; attempts: number; created_at: number }>(
      'SELECT * FROM outbox',
    );
    const destinations = new Set(out.map((r) => (JSON.parse(r.payload) as OutboundMessage).channel));
    expect(destinations).toContain('staff');
    expect(destinations).toContain('web');
    for (const r of out) {
      const doc = { ...outboxDoc(JSON.parse(r.payload) as OutboundMessage, r.created_at, r.id), status: r.status };
      expect(await problem(m.outbox, doc), r.payload).toBeNull();
      expect(asStored(m.outbox, doc).message).toEqual(doc.message);
    }
  });

  it('validates contacts, conversations, case threads, settings and leases', async () => {
    for (const c of await Promise.all(
      rows<{ key: string }>('SELECT key FROM contacts').map((r) => h.app.store.getContact(r.key)),
    )) {
      expect(await problem(m.contacts, { unreachableAt: null, unreachableReason: null, ...c })).toBeNull();
    }
    for (const r of rows<{ key: string; state: string; version: number; updated_at: number }>(
      'SELECT * FROM conversations',
    ))
      expect(
        await problem(m.conversations, {
          key: r.key,
          state: JSON.parse(r.state),
          version: r.version,
          updatedAt: r.updated_at,
        }),
      ).toBeNull();
    const thread = await h.app.store.getCaseThread(ticket);
    expect(await problem(m.caseThreads, { ticket, kind: thread!.kind, threadId: thread!.id })).toBeNull();
    expect(await problem(m.threadMessages, { messageId: 901, ticket })).toBeNull();
    const kv = rows<{ key: string; value: string }>('SELECT key, value FROM kv');
    expect(kv.length).toBeGreaterThan(0);
    for (const r of kv) expect(await problem(m.kv, r), r.key).toBeNull();
    for (const r of rows<{ name: string; owner: string; until: number }>('SELECT * FROM leases'))
      expect(await problem(m.leases, r)).toBeNull();
  });

  it('validates the web records: the citizen, their conversation, sign-in links', async () => {
    const citizens = rows<{ key: string }>('SELECT key FROM web_citizens');
    expect(citizens.length).toBe(1);
    for (const r of citizens) {
      const c = await h.app.web.getWebCitizen(r.key);
      expect(await problem(web.citizens, c!)).toBeNull();
      const messages = await h.app.web.listWebMessages(r.key, 100);
      expect(new Set(messages.map((x) => x.from))).toEqual(new Set(['citizen', 'service']));
      for (const [i, x] of messages.entries()) {
        const doc = { citizenKey: x.citizenKey, ...(x.id ? { messageId: x.id } : {}), seq: i, doc: toJson(x) };
        expect(await problem(web.messages, doc)).toBeNull();
        expect(asStored(web.messages, doc).doc).toEqual(doc.doc);
      }
    }
    const links = rows<{ token_hash: string; staff_id: string; name: string; expires_at: number }>(
      'SELECT * FROM staff_login_links',
    );
    expect(links.length).toBe(1);
    for (const l of links)
      expect(
        await problem(web.links, {
          tokenHash: l.token_hash,
          staffId: l.staff_id,
          name: l.name,
          expiresAt: l.expires_at,
        }),
      ).toBeNull();
  });
});

describe('the MongoDB schemas refuse broken records', () => {
  const good = () => caseDoc(makeCase());

  it('accepts a well-formed case (the baseline of the refusals below)', async () => {
    expect(await problem(m.cases, good())).toBeNull();
  });

  it('writes a case read in the old shape (one PTP object) as the current one, which validates', async () => {
    const c = makeCase();
    const old = { ...c, ptp: { rootCause: 'lama', owner: 'Kasi', verifications: [] } } as unknown as CaseRecord;
    const doc = caseDoc(old);
    expect(doc.doc.ptp).toEqual([{ openedAt: c.createdAt, rootCause: 'lama', owner: 'Kasi', verifications: [] }]);
    expect(await problem(m.cases, doc)).toBeNull();
  });

  it('refuses a case without a ticket, naming the field', async () => {
    const { ticket: _t, ...doc } = good();
    const { ticket: _u, ...record } = doc.doc;
    expect(await problem(m.cases, { ...doc, doc: record })).toMatch(
      /refused record: .*ticket: Path `ticket` is required/,
    );
  });

  it('refuses an unknown stage in the record and in its copy', async () => {
    const doc = good();
    expect(await problem(m.cases, { ...doc, doc: { ...doc.doc, stage: 'lost' } })).toMatch(
      /doc\.stage: .*`lost` is not a valid enum/,
    );
    expect(await problem(m.cases, { ...doc, stage: 'lost', doc: { ...doc.doc, stage: 'lost' } })).toMatch(
      /stage: .*`lost` is not a valid enum/,
    );
    // A copy that says something else than the record is refused too (queries would find the case in the wrong place).
    expect(await problem(m.cases, { ...doc, stage: 'closed' })).toMatch(
      /stage: `stage` differs from the case record's/,
    );
  });

  it('refuses a value of the wrong type instead of converting it', async () => {
    const doc = good();
    expect(await problem(m.cases, { ...doc, doc: { ...doc.doc, createdAt: '2026-11-02' } })).toMatch(
      /doc\.createdAt: Cast to Number failed/,
    );
    expect(await problem(m.cases, { ...doc, doc: { ...doc.doc, ticket: 12345 } })).toMatch(
      /doc\.ticket: Cast to string failed/,
    );
    expect(await problem(m.cases, { ...doc, doc: { ...doc.doc, reopenCount: 1.5 } })).toMatch(/whole number/);
  });

  it('refuses a broken PTP round, verification or rating', async () => {
    const c = makeCase({
      ptp: [{ openedAt: 1, verifications: [{ result: 'approved', by: 'kabid', at: 2, notes: '' }] }],
      satisfaction: [{ at: 3, satisfied: true, rating: 4, round: 'closure' }],
    });
    expect(await problem(m.cases, caseDoc(c))).toBeNull();
    const badVerification = {
      ...c,
      ptp: [{ openedAt: 1, verifications: [{ result: 'maybe', by: 'kabid', at: 2, notes: '' }] }],
    };
    expect(await problem(m.cases, caseDoc(badVerification as unknown as CaseRecord))).toMatch(/result/);
    const noOpened = { ...c, ptp: [{ verifications: [] }] };
    expect(await problem(m.cases, caseDoc(noOpened as unknown as CaseRecord))).toMatch(/openedAt/);
    const rating = { ...c, satisfaction: [{ at: 3, satisfied: true, rating: 9, round: 'closure' }] };
    expect(await problem(m.cases, caseDoc(rating as CaseRecord))).toMatch(/rating/);
  });

  it("refuses an event with an unknown actor kind or stage, and a citizen's message without a sender", async () => {
    const e: CaseEvent = { ticket: 'ADU-AAAA-0001', at: 1, actor: { kind: 'staff', id: 'rina' }, action: 'take' };
    expect(await problem(m.events, eventDoc(e, 1))).toBeNull();
    expect(await problem(m.events, eventDoc({ ...e, actor: { kind: 'robot' as 'staff', id: 'x' } }, 1))).toMatch(
      /actor\.kind/,
    );
    expect(await problem(m.events, eventDoc({ ...e, toStage: 'done' as 'closed' }, 1))).toMatch(/toStage/);
    const msg = makeInbound();
    expect(await problem(m.inbound, inboundDoc(msg, 1, 1))).toBeNull();
    const { senderId: _s, ...noSender } = msg;
    expect(await problem(m.inbound, inboundDoc(noSender as AnyInbound, 1, 1))).toMatch(/senderId/);
  });

  it('refuses an outbox message to an unknown destination and a field the store does not know', async () => {
    const o: OutboundMessage = { channel: 'telegram', chatId: '1001', text: 'halo' };
    expect(await problem(m.outbox, outboxDoc(o, 1, 1))).toBeNull();
    expect(await problem(m.outbox, outboxDoc({ ...o, channel: 'fax' as 'telegram' }, 1, 1))).toMatch(
      /message\.channel/,
    );
    expect(await problem(m.outbox, { ...outboxDoc(o, 1, 1), priority: 3 })).toMatch(/priority.*not in schema/);
  });

  it('refuses a whole commit when one of its records is broken, before anything is written', async () => {
    const ok = makeCase();
    const bad = { ...makeCase(), stage: 'lost' } as unknown as CaseRecord;
    const err = await validateCommit(m, {
      cases: [
        { record: ok, expectedVersion: null },
        { record: bad, expectedVersion: null },
      ],
      events: [{ ticket: ok.ticket, at: 1, actor: { kind: 'system', id: 'x' }, action: 'create' }],
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InvalidRecordError);
    expect((err as Error).message).toMatch(
      new RegExp(`^MongoDB store refused case ${bad.ticket}: .*Nothing of this write was stored\\.$`),
    );
    const unreadable = await validateCommit(m, { cases: [{ record: {} as CaseRecord, expectedVersion: null }] }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(unreadable).toMatch(/refused case undefined: it cannot be read/);
  });
});
