// The MongoDB store's versioned migrations and validation against a real server (CI: the workflow's mongo:7 replica
// set, MONGODB_URI set). Without MONGODB_URI the suite is skipped, and says so: here no MongoDB server can run.
import { afterAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { makeCase, makeInbound } from '../support/fixtures.js';
import type { CaseRecord } from '../../src/domain/case.js';
import type { AnyInbound } from '../../src/domain/messages.js';
import type { Store } from '../../src/store/port.js';
import { openStoredRepeatIndex } from '../../nlp/repeat/stored-index.js';

const uri = process.env.MONGODB_URI;

if (uri) {
  const dbs: string[] = [];
  let n = 0;
  const freshDb = () => {
    const name = `aduan_migrations_${process.pid}_${++n}`;
    dbs.push(name);
    return name;
  };
  const open = async (dbName: string): Promise<Store> => {
    const { openMongoStore } = await import('../../src/store/mongo/mongo-store.js');
    return openMongoStore(uri, { dbName });
  };
  /** The version document as stored (read with a connection of the test's own). */
  const schemaDoc = async (dbName: string) => {
    const conn = await mongoose.createConnection(uri, { dbName }).asPromise();
    try {
      return await conn.db!.collection('aduan_schema').findOne({ _id: 'schema' as never });
    } finally {
      await conn.close();
    }
  };
  afterAll(async () => {
    const { dropMongoDatabases } = await import('../../src/store/mongo/mongo-store.js');
    await dropMongoDatabases(uri, dbs);
  });

  describe('MongoDB schema migrations (real server)', () => {
    it('runs every step once when two instances open a new database at the same time', async () => {
      const { MONGO_STEPS } = await import('../../src/store/mongo/migrations.js');
      const db = freshDb();
      const [a, b] = await Promise.all([open(db), open(db)]);
      try {
        const doc = await schemaDoc(db);
        expect(doc?.version).toBe(MONGO_STEPS.length);
        const history = (doc?.history ?? []) as Array<{ version: number; by: string }>;
        expect(history.map((h) => h.version)).toEqual(MONGO_STEPS.map((s) => s.version));
        // One instance ran them all; the other waited for it, then found nothing to do.
        expect(new Set(history.map((h) => h.by)).size).toBe(1);
        expect(doc?.lockOwner ?? null).toBeNull();
        // Both work on the migrated database.
        const c = makeCase();
        await a.commit({ cases: [{ record: c, expectedVersion: null }] });
        expect((await b.getCase(c.ticket))?.ticket).toBe(c.ticket);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('runs nothing at the next start of a migrated database', async () => {
      const db = freshDb();
      await (await open(db)).close();
      const before = await schemaDoc(db);
      await (await open(db)).close();
      const after = await schemaDoc(db);
      expect(after?.history).toEqual(before?.history);
    });

    it('refuses to start on a schema newer than the code knows, naming both versions', async () => {
      const { MONGO_STEPS } = await import('../../src/store/mongo/migrations.js');
      const db = freshDb();
      await (await open(db)).close();
      const conn = await mongoose.createConnection(uri, { dbName: db }).asPromise();
      try {
        await conn.db!.collection('aduan_schema').updateOne({ _id: 'schema' as never }, { $set: { version: 99 } });
      } finally {
        await conn.close();
      }
      await expect(open(db)).rejects.toThrow(
        new RegExp(`schema is version 99, newer than this Aduan knows \\(version ${MONGO_STEPS.length}\\)`),
      );
    });
  });

  describe('MongoDB validation (real server)', () => {
    it('a commit with one record failing validation writes nothing of the commit', async () => {
      const store = await open(freshDb());
      try {
        const good = makeCase();
        const bad = { ...makeCase(), stage: 'lost' } as unknown as CaseRecord;
        const inbound = await store.saveInbound(makeInbound(), 1);
        await expect(
          store.commit({
            inboundHandled: inbound.id,
            cases: [
              { record: good, expectedVersion: null },
              { record: bad, expectedVersion: null },
            ],
            events: [{ ticket: good.ticket, at: 1, actor: { kind: 'system', id: 'test' }, action: 'create' }],
            outbox: [{ channel: 'telegram', chatId: '1001', text: 'Aduan Anda tercatat' }],
            conversations: [{ key: 'telegram:1001', state: { mode: 'idle' }, expectedVersion: null }],
          }),
        ).rejects.toThrow(new RegExp(`^MongoDB store refused case ${bad.ticket}: .*stage`));
        expect(await store.getCase(good.ticket)).toBeNull();
        expect(await store.getCase(bad.ticket)).toBeNull();
        expect(await store.getEvents(good.ticket)).toEqual([]);
        expect(await store.countOutbox('pending')).toBe(0);
        expect(await store.getConversation('telegram:1001')).toBeNull();
        // The inbound message is still waiting to be handled.
        expect((await store.listUnhandledInbound(10)).map((m) => m.id)).toEqual([inbound.id]);
      } finally {
        await store.close();
      }
    });

    it('an inbound message failing validation is refused and not stored', async () => {
      const store = await open(freshDb());
      try {
        const { senderId: _s, ...broken } = makeInbound();
        await expect(store.saveInbound(broken as AnyInbound, 1)).rejects.toThrow(/refused inbound message .*senderId/);
        expect(await store.listUnhandledInbound(10)).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });

  describe('the repeat index kept in MongoDB (real server)', () => {
    const openBundle = async (dbName: string) => {
      const { openMongoBundle } = await import('../../src/store/mongo/bundle.js');
      return openMongoBundle(uri, { dbName });
    };
    const fail = (err: Error) => {
      throw err;
    };
    const repeatDocs = async (dbName: string) => {
      const conn = await mongoose.createConnection(uri, { dbName }).asPromise();
      try {
        return await conn.db!.collection('repeat_docs').find({}).sort({ ticket: 1 }).toArray();
      } finally {
        await conn.close();
      }
    };

    it('survives a restart: what was indexed is found again without indexing anything again', async () => {
      const db = freshDb();
      const first = await openBundle(db);
      const lamp = makeCase({ text: 'Lampu jalan mati di depan kantor kelurahan sejak seminggu' });
      await first.store.commit({ cases: [{ record: lamp, expectedVersion: null }] });
      const index = openStoredRepeatIndex(await first.openRepeatStorage!(fail));
      // Committed before the index was loaded: the load indexed it.
      expect(index.size).toBe(1);
      const pbb = makeCase({ text: 'Tagihan PBB saya naik dua kali lipat tanpa pemberitahuan' });
      await first.store.commit({ cases: [{ record: pbb, expectedVersion: null }] });
      index.add({ ticket: pbb.ticket, citizenKey: 'telegram:1001', text: pbb.text });
      await first.store.close();
      const stored = await repeatDocs(db);
      expect(stored.map((d) => d.ticket).sort()).toEqual([lamp.ticket, pbb.ticket].sort());

      const second = await openBundle(db);
      try {
        const again = openStoredRepeatIndex(await second.openRepeatStorage!(fail));
        expect(again.size).toBe(2);
        expect(again.catchUp()).toBe(0);
        expect(again.findSimilar(pbb.text, 'telegram:2002').map((c) => c.ticket)).toEqual([pbb.ticket]);
        // Nothing was written again: the same entries, the same write order.
        expect((await repeatDocs(db)).map((d) => d.seq)).toEqual(stored.map((d) => d.seq));
      } finally {
        await second.store.close();
      }
    });

    it('is built once, in batches, by the first start after the upgrade that brings it', async () => {
      const db = freshDb();
      const before = await openBundle(db);
      const complaints = Array.from({ length: 5 }, (_, i) =>
        makeCase({ text: `Jalan berlubang nomor ${i} di Padang` }),
      );
      await before.store.commit({
        cases: [...complaints, makeCase({ kind: 'praise', text: 'Pelayanan cepat' })].map((record) => ({
          record,
          expectedVersion: null,
        })),
      });
      await before.store.close();
      // The database as the release before the repeat index left it: the step before it, no repeat_docs.
      const { MONGO_STEPS } = await import('../../src/store/mongo/migrations.js');
      const step = MONGO_STEPS.find((x) => /repeat index/.test(x.name))!.version;
      const conn = await mongoose.createConnection(uri, { dbName: db }).asPromise();
      try {
        await conn.db!.collection('repeat_docs').drop();
        await conn.db!.collection('kv').deleteMany({ key: 'repeat-index:cases-after' });
        await conn
          .db!.collection('aduan_schema')
          .updateOne({ _id: 'schema' as never }, { $set: { version: step - 1 } });
      } finally {
        await conn.close();
      }
      const after = await openBundle(db);
      await after.store.close();
      const docs = await repeatDocs(db);
      expect(docs.map((d) => d.ticket).sort()).toEqual(complaints.map((c) => c.ticket).sort());
      expect(docs.every((d) => d.removed === false && (d.terms as string[]).length > 0)).toBe(true);
      expect((await schemaDoc(db))?.version).toBe(MONGO_STEPS.length);
    });

    it("forgets an erased citizen's complaints in the erasure's own transaction", async () => {
      const { citizenErasure } = await import('../../src/services/erasure.js');
      const db = freshDb();
      const b = await openBundle(db);
      try {
        const c = makeCase({
          text: 'Bu Sulastri Wibowo: lampu jalan mati',
          citizen: { channel: 'telegram', userId: '77', chatId: '77', language: 'id' },
        });
        await b.store.commit({ cases: [{ record: c, expectedVersion: null }] });
        openStoredRepeatIndex(await b.openRepeatStorage!(fail));
        expect((await repeatDocs(db)).map((d) => d.ticket)).toEqual([c.ticket]);
        await b.privacy.erase(await citizenErasure(b, 'telegram:77', 5));
        const [gone] = await repeatDocs(db);
        expect(gone).toMatchObject({ ticket: c.ticket, removed: true, terms: [], citizenKey: '' });
      } finally {
        await b.store.close();
      }
    });
  });
} else {
  describe('MongoDB migrations and validation', () => {
    it.skip('SKIPPED: MONGODB_URI is not set, so migrations and validation were not run against a MongoDB server here', () => {});
  });
  console.warn(
    '[mongo migrations] SKIPPED: set MONGODB_URI to run the migration and validation suite against MongoDB.',
  );
}
