// The store contract: every adapter (SQLite, MongoDB) must pass this same suite.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/port.js';
import { AlreadyHandledError, ConflictError } from '../../src/store/port.js';
import { makeCase, makeInbound } from '../support/fixtures.js';
import { complaintText } from '../../src/domain/case.js';

export interface StoreHarness {
  /** A fresh, empty store for each test. */
  open(): Promise<Store>;
  /** Removes whatever `open` created. */
  cleanup?(): Promise<void>;
}

export function storeContract(name: string, harness: StoreHarness): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await harness.open();
      await store.close();
    });
    beforeEach(async () => {
      store = await harness.open();
      return async () => {
        await store.close();
      };
    });
    afterAll(async () => {
      await harness.cleanup?.();
    });

    it('stores an inbound message once and reports the second delivery of the same id as a duplicate', async () => {
      const msg = makeInbound({ messageId: 'dup-1' });
      const first = await store.saveInbound(msg, 1);
      const second = await store.saveInbound({ ...msg, text: 'changed' }, 2);
      expect(first.duplicate).toBe(false);
      expect(second).toEqual({ id: first.id, duplicate: true, handled: false });
      expect((await store.listUnhandledInbound(10)).map((i) => i.message.text)).toEqual(['halo']);
      await store.commit({ inboundHandled: first.id });
      expect(await store.saveInbound(msg, 3)).toEqual({ id: first.id, duplicate: true, handled: true });
      const pending = await store.listUnhandledInbound(10);
      expect(pending).toHaveLength(0);
    });

    it('marks an inbound message handled once: a second commit marking it again is refused and writes nothing', async () => {
      const { id } = await store.saveInbound(makeInbound({ messageId: 'once' }), 1);
      expect((await store.listUnhandledInbound(10)).map((i) => i.message.text)).toEqual(['halo']);
      await store.commit({ inboundHandled: id, outbox: [{ channel: 'telegram', chatId: '1', text: 'first' }] });
      await expect(
        store.commit({ inboundHandled: id, outbox: [{ channel: 'telegram', chatId: '1', text: 'second' }] }),
      ).rejects.toBeInstanceOf(AlreadyHandledError);
      expect(await store.countOutbox('pending')).toBe(1);
    });

    it('stores a staff message like a citizen’s, under its own dedupe key, and reads it back whole', async () => {
      const staff = {
        surface: 'telegram' as const,
        messageId: '7',
        sender: { id: '501', name: 'Rina' },
        ticket: 'ADU-7KQ9-M2XT',
        replyTo: 'ADU-7KQ9-M2XT',
        text: '/ambil',
        attachments: [],
        sentAt: 5,
      };
      await store.saveInbound(makeInbound({ channel: 'telegram', messageId: '7' }), 1);
      const first = await store.saveInbound(staff, 2);
      expect(first.duplicate).toBe(false);
      expect(await store.saveInbound(staff, 3)).toEqual({ id: first.id, duplicate: true, handled: false });
      expect((await store.listUnhandledInbound(10)).find((i) => i.id === first.id)?.message).toEqual(staff);
    });

    it('keeps the same message id from two channels apart', async () => {
      await store.saveInbound(makeInbound({ channel: 'telegram', messageId: '7' }), 1);
      const other = await store.saveInbound(makeInbound({ channel: 'whatsapp', messageId: '7' }), 1);
      expect(other.duplicate).toBe(false);
    });

    it('marks an inbound message handled in the same commit as its replies', async () => {
      const { id } = await store.saveInbound(makeInbound(), 1);
      await store.commit({
        inboundHandled: id,
        outbox: [{ channel: 'telegram', chatId: '1001', text: 'Terima kasih' }],
      });
      expect(await store.listUnhandledInbound(10)).toEqual([]);
      expect(await store.countOutbox('pending')).toBe(1);
    });

    it('inserts and reads back a case with its events in order', async () => {
      const c = makeCase();
      await store.commit({
        cases: [{ record: c, expectedVersion: null }],
        events: [
          { ticket: c.ticket, at: 1, actor: { kind: 'system', id: 'bot' }, action: 'received', toStage: 'received' },
          {
            ticket: c.ticket,
            at: 2,
            actor: { kind: 'system', id: 'bot' },
            action: 'recorded',
            fromStage: 'received',
            toStage: 'recorded',
          },
        ],
      });
      const back = await store.getCase(c.ticket);
      expect(back).toEqual({ ...c, version: 1 });
      expect((await store.getEvents(c.ticket)).map((e) => e.action)).toEqual(['received', 'recorded']);
      expect(await store.getCase('ADU-0000-0000')).toBeNull();
    });

    it('reads a case stored with the old single PTP object as PTP round 1', async () => {
      const c = makeCase();
      const old = { ...c, ptp: { rootCause: 'lama', owner: 'Kasi', verifications: [] } } as unknown as typeof c;
      await store.commit({ cases: [{ record: old, expectedVersion: null }] });
      const expected = [{ openedAt: c.createdAt, rootCause: 'lama', owner: 'Kasi', verifications: [] }];
      expect((await store.getCase(c.ticket))?.ptp).toEqual(expected);
      expect((await store.listCases({ citizenKey: 'telegram:1001' }))[0]?.ptp).toEqual(expected);
    });

    it('refuses a stale case update and changes nothing, including the other parts of the commit', async () => {
      const c = makeCase();
      await store.commit({ cases: [{ record: c, expectedVersion: null }] });
      await store.commit({ cases: [{ record: { ...c, stage: 'forwarded' }, expectedVersion: 1 }] });
      const stale = store.commit({
        cases: [{ record: { ...c, stage: 'closed' }, expectedVersion: 1 }],
        events: [{ ticket: c.ticket, at: 3, actor: { kind: 'staff', id: 's' }, action: 'close' }],
        outbox: [{ channel: 'telegram', chatId: '1001', text: 'should not be sent' }],
      });
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      const back = await store.getCase(c.ticket);
      expect(back?.stage).toBe('forwarded');
      expect(back?.version).toBe(2);
      expect(await store.getEvents(c.ticket)).toEqual([]);
      expect(await store.countOutbox('pending')).toBe(0);
    });

    it('undoes the writes a commit already made when a later part of it conflicts (one transaction)', async () => {
      const old = makeCase();
      await store.commit({ cases: [{ record: old, expectedVersion: null }] });
      await store.commit({ cases: [{ record: { ...old, stage: 'forwarded' }, expectedVersion: 1 }] });
      const { id } = await store.saveInbound(makeInbound({ messageId: 'rollback' }), 1);
      const fresh = makeCase();
      const note = { key: 'telegram:88', channel: 'telegram', userId: '88', chatId: '88', wroteAt: 9 } as const;
      // Every kind of write comes before the stale case, which is the last thing the commit checks.
      const commit = store.commit({
        inboundHandled: id,
        conversations: [{ key: 'telegram:88', state: { step: 'intake' }, expectedVersion: null }],
        contacts: [note],
        cases: [
          { record: fresh, expectedVersion: null },
          { record: { ...old, stage: 'closed' }, expectedVersion: 1 },
        ],
      });
      await expect(commit).rejects.toBeInstanceOf(ConflictError);
      expect((await store.listUnhandledInbound(10)).map((i) => i.id)).toEqual([id]);
      expect(await store.getConversation('telegram:88')).toBeNull();
      expect(await store.getContact('telegram:88')).toBeNull();
      expect(await store.getCase(fresh.ticket)).toBeNull();
      expect((await store.getCase(old.ticket))?.stage).toBe('forwarded');
    });

    it('inserts many new cases in one commit, and none of them when one ticket exists already', async () => {
      const batch = Array.from({ length: 5 }, () => makeCase());
      await store.commit({
        cases: batch.map((record) => ({ record, expectedVersion: null })),
        events: batch.map((c) => ({
          ticket: c.ticket,
          at: 1,
          actor: { kind: 'system', id: 'seed' },
          action: 'recorded',
        })),
      });
      for (const c of batch) {
        expect((await store.getCase(c.ticket))?.version).toBe(1);
        expect((await store.getEvents(c.ticket)).map((e) => e.action)).toEqual(['recorded']);
      }
      const fresh = makeCase();
      const again = store.commit({
        cases: [fresh, batch[2]!].map((record) => ({ record, expectedVersion: null })),
      });
      await expect(again).rejects.toBeInstanceOf(ConflictError);
      expect(await store.getCase(fresh.ticket)).toBeNull();
    });

    it('refuses to insert a ticket that already exists', async () => {
      const c = makeCase();
      await store.commit({ cases: [{ record: c, expectedVersion: null }] });
      await expect(store.commit({ cases: [{ record: c, expectedVersion: null }] })).rejects.toBeInstanceOf(
        ConflictError,
      );
    });

    it('keeps conversation state versioned and refuses a stale write', async () => {
      await store.commit({
        conversations: [{ key: 'telegram:1', state: { v: 1, step: 'idle' }, expectedVersion: null }],
      });
      const first = await store.getConversation('telegram:1');
      expect(first?.version).toBe(1);
      await store.commit({
        conversations: [{ key: 'telegram:1', state: { v: 1, step: 'intake' }, expectedVersion: 1 }],
      });
      await expect(
        store.commit({ conversations: [{ key: 'telegram:1', state: { v: 1, step: 'x' }, expectedVersion: 1 }] }),
      ).rejects.toBeInstanceOf(ConflictError);
      const back = await store.getConversation('telegram:1');
      expect(back?.state).toEqual({ v: 1, step: 'intake' });
      expect(back?.version).toBe(2);
    });

    it('records that a citizen cannot be reached, and forgets it when they write again', async () => {
      await store.markUnreachable('telegram:9', 5, 'bot blocked by the user');
      expect(await store.getContact('telegram:9')).toEqual({
        key: 'telegram:9',
        channel: 'telegram',
        userId: '9',
        chatId: '9',
        unreachableAt: 5,
        unreachableReason: 'bot blocked by the user',
      });
      expect(await store.getConversation('telegram:9')).toBeNull();
      const note = { key: 'telegram:9', channel: 'telegram', userId: '9', chatId: '9', wroteAt: 8 } as const;
      await store.commit({ contacts: [note] });
      expect(await store.getContact('telegram:9')).toMatchObject({ firstWroteAt: 8, lastWroteAt: 8 });
      expect((await store.getContact('telegram:9'))?.unreachableAt).toBeUndefined();
    });

    it('keeps one contact per citizen per channel: first and last time they wrote, name and language', async () => {
      expect(await store.getContact('whatsapp:62812@c.us')).toBeNull();
      const base = { key: 'whatsapp:62812@c.us', channel: 'whatsapp', userId: '62812@c.us', chatId: '62812@c.us' };
      await store.commit({
        contacts: [{ ...base, channel: 'whatsapp', displayName: 'Siti', language: 'id', wroteAt: 10 }],
      });
      await store.commit({ contacts: [{ ...base, channel: 'whatsapp', language: 'en', wroteAt: 30 }] });
      await store.commit({ contacts: [{ ...base, channel: 'whatsapp', wroteAt: 20 }] });
      expect(await store.getContact(base.key)).toEqual({
        ...base,
        displayName: 'Siti',
        language: 'en',
        firstWroteAt: 10,
        lastWroteAt: 30,
      });
      // A contact note is part of its commit: a refused commit writes none of it.
      const stale = store.commit({
        contacts: [{ ...base, channel: 'whatsapp', key: 'telegram:77', userId: '77', chatId: '77', wroteAt: 40 }],
        conversations: [{ key: 'telegram:77', state: {}, expectedVersion: 3 }],
      });
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      expect(await store.getContact('telegram:77')).toBeNull();
    });

    it('keeps where each case lives in the staff inbox, finds a case by its topic or by a message of its thread', async () => {
      expect(await store.getCaseThread('ADU-AAAA-0001')).toBeNull();
      await store.setCaseThread('ADU-AAAA-0001', { kind: 'topic', id: 501 });
      expect(await store.getCaseThread('ADU-AAAA-0001')).toEqual({ ticket: 'ADU-AAAA-0001', kind: 'topic', id: 501 });
      expect(await store.ticketOfThread({ topicId: 501 })).toBe('ADU-AAAA-0001');
      // A deleted topic is replaced by a new one; the old id no longer names the case.
      await store.setCaseThread('ADU-AAAA-0001', { kind: 'topic', id: 502 });
      expect(await store.ticketOfThread({ topicId: 501 })).toBeNull();
      expect(await store.ticketOfThread({ topicId: 502 })).toBe('ADU-AAAA-0001');
      await store.setCaseThread('ADU-AAAA-0001', null);
      expect(await store.getCaseThread('ADU-AAAA-0001')).toBeNull();
      // Without topics: the card is the thread, and every later bot message about the case counts as well.
      await store.setCaseThread('ADU-AAAA-0002', { kind: 'message', id: 90 });
      await store.noteThreadMessage(95, 'ADU-AAAA-0002');
      expect(await store.ticketOfThread({ messageId: 90 })).toBe('ADU-AAAA-0002');
      expect(await store.ticketOfThread({ messageId: 95 })).toBe('ADU-AAAA-0002');
      expect(await store.ticketOfThread({ messageId: 96 })).toBeNull();
      expect(await store.ticketOfThread({ topicId: 90 })).toBeNull();
    });

    it('keeps each case thread in its group: the same topic or message id in two groups names two cases', async () => {
      // Telegram numbers topics and messages per chat: group A's topic 501 is not group B's topic 501.
      await store.setCaseThread('ADU-AAAA-0011', { kind: 'topic', id: 501, chat: '-100111' });
      await store.setCaseThread('ADU-AAAA-0012', { kind: 'topic', id: 501, chat: '-100222' });
      await store.setCaseThread('ADU-AAAA-0013', { kind: 'topic', id: 501 });
      expect(await store.getCaseThread('ADU-AAAA-0011')).toEqual({
        ticket: 'ADU-AAAA-0011',
        kind: 'topic',
        id: 501,
        chat: '-100111',
      });
      expect(await store.ticketOfThread({ topicId: 501, chat: '-100111' })).toBe('ADU-AAAA-0011');
      expect(await store.ticketOfThread({ topicId: 501, chat: '-100222' })).toBe('ADU-AAAA-0012');
      // No chat: the general group, as records written before groups existed.
      expect(await store.ticketOfThread({ topicId: 501 })).toBe('ADU-AAAA-0013');
      expect(await store.getCaseThread('ADU-AAAA-0013')).toEqual({ ticket: 'ADU-AAAA-0013', kind: 'topic', id: 501 });
      expect(await store.ticketOfThread({ topicId: 501, chat: '-100333' })).toBeNull();
      // A case moved to another group leaves nothing behind in the first.
      await store.setCaseThread('ADU-AAAA-0011', { kind: 'topic', id: 777, chat: '-100222' });
      expect(await store.ticketOfThread({ topicId: 501, chat: '-100111' })).toBeNull();
      expect(await store.ticketOfThread({ topicId: 777, chat: '-100222' })).toBe('ADU-AAAA-0011');
      expect(await store.ticketOfThread({ topicId: 501, chat: '-100222' })).toBe('ADU-AAAA-0012');
      // Groups without topics: message ids are per chat too.
      await store.setCaseThread('ADU-AAAA-0014', { kind: 'message', id: 90, chat: '-100111' });
      await store.noteThreadMessage(95, 'ADU-AAAA-0014', '-100111');
      await store.noteThreadMessage(95, 'ADU-AAAA-0015', '-100222');
      expect(await store.ticketOfThread({ messageId: 95, chat: '-100111' })).toBe('ADU-AAAA-0014');
      expect(await store.ticketOfThread({ messageId: 95, chat: '-100222' })).toBe('ADU-AAAA-0015');
      expect(await store.ticketOfThread({ messageId: 90, chat: '-100111' })).toBe('ADU-AAAA-0014');
      expect(await store.ticketOfThread({ messageId: 90 })).toBeNull();
      expect(await store.ticketOfThread({ messageId: 95 })).toBeNull();
    });

    it('purges handled inbound messages older than the retention, never unhandled ones', async () => {
      const old = await store.saveInbound(makeInbound({ messageId: 'old' }), 100);
      const oldUnhandled = await store.saveInbound(makeInbound({ messageId: 'old-unhandled' }), 100);
      await store.commit({ inboundHandled: old.id });
      const recent = await store.saveInbound(makeInbound({ messageId: 'recent' }), Date.now());
      await store.commit({ inboundHandled: recent.id });
      expect(await store.purgeHandledInbound(Date.now() - 60_000, 100)).toBe(1);
      // The purged key has expired: the same id is new again; the others are still known.
      expect((await store.saveInbound(makeInbound({ messageId: 'old' }), 200)).duplicate).toBe(false);
      expect((await store.saveInbound(makeInbound({ messageId: 'recent' }), 200)).duplicate).toBe(true);
      expect((await store.listUnhandledInbound(10)).map((i) => i.id)).toContain(oldUnhandled.id);
    });

    it('lists cases by stage, citizen, kind, openness and search words', async () => {
      const a = makeCase({ createdAt: 1000, stage: 'forwarded', text: 'Antrian panjang sekali di loket' });
      const b = makeCase({
        createdAt: 2000,
        stage: 'closed',
        citizen: { channel: 'whatsapp', userId: '62812', chatId: '62812@c.us', language: 'id' },
      });
      const p = makeCase({ createdAt: 3000, kind: 'praise', text: 'Pelayanan cepat, mantap' });
      for (const c of [a, b, p]) await store.commit({ cases: [{ record: c, expectedVersion: null }] });
      expect((await store.listCases({ stage: 'forwarded' })).map((c) => c.ticket)).toEqual([a.ticket]);
      expect((await store.listCases({ citizenKey: 'whatsapp:62812' })).map((c) => c.ticket)).toEqual([b.ticket]);
      expect((await store.listCases({ kind: 'praise' })).map((c) => c.ticket)).toEqual([p.ticket]);
      expect((await store.listCases({ open: true, kind: 'complaint' })).map((c) => c.ticket)).toEqual([a.ticket]);
      expect((await store.listCases({ search: 'LOKET antrian' })).map((c) => c.ticket)).toEqual([a.ticket]);
      expect((await store.listCases({ search: '100%_' })).length).toBe(0);
      expect((await store.listCases({ order: 'oldest', limit: 2 })).map((c) => c.ticket)).toEqual([a.ticket, b.ticket]);
    });

    it('walks every complaint in batches for the repeat index', async () => {
      for (let i = 0; i < 7; i++) {
        await store.commit({ cases: [{ record: makeCase({ text: `aduan ${i}` }), expectedVersion: null }] });
      }
      await store.commit({ cases: [{ record: makeCase({ kind: 'praise' }), expectedVersion: null }] });
      const seen: string[] = [];
      const sizes: number[] = [];
      await store.forEachComplaint(3, (batch) => {
        sizes.push(batch.length);
        seen.push(...batch.map((b) => b.text));
      });
      expect(sizes).toEqual([3, 3, 1]);
      expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `aduan ${i}`));
    });

    it('gives the repeat index the same text a complaint was indexed by when recorded (text and "what happened")', async () => {
      const short = makeCase({ text: 'PBB error', details: { what: 'Tagihan muncul dua kali di aplikasi' } });
      await store.commit({ cases: [{ record: short, expectedVersion: null }] });
      const seen: string[] = [];
      await store.forEachComplaint(10, (batch) => seen.push(...batch.map((b) => b.text)));
      expect(seen).toEqual([complaintText(short)]);
      expect(seen[0]).toContain('dua kali');
    });

    it('lists staff corrections of the classifier', async () => {
      const c = makeCase({ text: 'mantul min', correction: { label: 'praise', by: 'staff:1', at: 5 } });
      await store.commit({
        cases: [
          { record: c, expectedVersion: null },
          { record: makeCase(), expectedVersion: null },
        ],
      });
      expect(await store.listCorrections()).toEqual([{ text: 'mantul min', label: 'praise' }]);
    });

    it('hands out only the oldest pending outbox item of each chat, so each chat stays in order', async () => {
      await store.commit({
        outbox: [
          { channel: 'telegram', chatId: 'A', text: 'a1' },
          { channel: 'telegram', chatId: 'A', text: 'a2' },
          { channel: 'whatsapp', chatId: 'B', text: 'b1' },
        ],
      });
      const first = await store.claimOutbox('me', 100, 10, 30_000);
      expect(first.map((i) => i.message.text).sort()).toEqual(['a1', 'b1']);
      // Claimed items are not handed out again while the claim lasts.
      expect(await store.claimOutbox('other', 101, 10, 30_000)).toEqual([]);
      const a1 = first.find((i) => i.message.text === 'a1');
      await store.markDelivered(a1!.id, 102);
      const second = await store.claimOutbox('me', 103, 10, 30_000);
      expect(second.map((i) => i.message.text)).toEqual(['a2']);
      expect(await store.countOutbox('delivered')).toBe(1);
      // An expired claim is handed out again (the instance that held it died).
      const again = await store.claimOutbox('other', 200_000, 10, 30_000);
      expect(again.map((i) => i.message.text).sort()).toEqual(['a2', 'b1']);
    });

    it('claims per destination: each its own number of chats, leaving the chats told to wait', async () => {
      await store.commit({
        outbox: [
          ...['S1', 'S2', 'S3'].map((t) => ({ channel: 'staff' as const, chatId: t, text: `card ${t}` })),
          { channel: 'telegram', chatId: 'A', text: 'a1' },
          { channel: 'telegram', chatId: 'B', text: 'b1' },
          { channel: 'whatsapp', chatId: 'W', text: 'w1' },
        ],
      });
      const items = await store.claimOutbox('me', 100, 50, 30_000, {
        channels: [
          { channel: 'staff', limit: 1 },
          { channel: 'telegram', limit: 10, skip: ['telegram:B'] },
        ],
      });
      expect(items.map((i) => i.message.text).sort()).toEqual(['a1', 'card S1']);
      // Nothing is handed out for a destination that was not asked for; `only` keeps just the chats named.
      const only = await store.claimOutbox('me', 101, 50, 30_000, {
        channels: [{ channel: 'telegram', limit: 10, only: ['telegram:B', 'telegram:Z'] }],
      });
      expect(only.map((i) => i.message.text)).toEqual(['b1']);
      expect(await store.countOutbox('pending')).toBe(6);
    });

    it('lets chats take turns: a chat just served waits behind the chats already waiting', async () => {
      await store.commit({
        outbox: [
          { channel: 'telegram', chatId: 'busy', text: 'busy 1' },
          { channel: 'telegram', chatId: 'busy', text: 'busy 2' },
          { channel: 'telegram', chatId: 'busy', text: 'busy 3' },
        ],
      });
      const [first] = await store.claimOutbox('me', 100, 1, 30_000);
      expect(first?.message.text).toBe('busy 1');
      await store.commit({ outbox: [{ channel: 'telegram', chatId: 'quiet', text: 'quiet 1' }] });
      await store.markDelivered(first!.id, 101);
      // The busy chat's next item is older than the quiet chat's, yet the quiet chat goes first.
      const [second] = await store.claimOutbox('me', 102, 1, 30_000);
      expect(second?.message.text).toBe('quiet 1');
      const [third] = await store.claimOutbox('me', 103, 1, 30_000);
      expect(third?.message.text).toBe('busy 2');
    });

    it('hands out deferrable messages (new case cards) after those stored for at once, whatever their age', async () => {
      await store.commit({
        outbox: [1, 2, 3].map((i) => ({
          channel: 'staff' as const,
          chatId: `ADU-000${i}-AAAA`,
          kind: 'case-card' as const,
          text: `card ${i}`,
          deferrable: true,
        })),
      });
      await store.commit({ outbox: [{ channel: 'staff', chatId: 'ADU-0009-AAAA', kind: 'case-update', text: 'ack' }] });
      const claimed = await store.claimOutbox('me', 100, 2, 30_000);
      expect(claimed.map((i) => i.message.text)).toEqual(['ack', 'card 1']);
      // A message for "at once" in a chat with a deferred one ahead of it hurries that chat, in its order.
      await store.commit({
        outbox: [{ channel: 'staff', chatId: 'ADU-0003-AAAA', kind: 'case-update', text: 'ack 3' }],
      });
      const next = await store.claimOutbox('me', 101, 1, 30_000);
      expect(next.map((i) => i.message.text)).toEqual(['card 3']);
      // A chat's next message after one delivered takes its turn, yet still before the deferred cards.
      await store.commit({ outbox: [{ channel: 'staff', chatId: 'ADU-0009-AAAA', kind: 'notice', text: 'ack 2' }] });
      await store.markDelivered(claimed[0]!.id, 5_000);
      const after = await store.claimOutbox('me', 6_000, 1, 30_000);
      expect(after.map((i) => i.message.text)).toEqual(['ack 2']);
    });

    it('retries an outbox item later and fails it for good', async () => {
      await store.commit({ outbox: [{ channel: 'telegram', chatId: 'A', text: 'x' }] });
      const [item] = await store.claimOutbox('me', 10, 10, 1000);
      await store.retryOutbox(item!.id, 5000, 'HTTP 502', true);
      expect(await store.claimOutbox('me', 4999, 10, 1000)).toEqual([]);
      const [again] = await store.claimOutbox('me', 5000, 10, 1000);
      expect(again?.attempts).toBe(1);
      await store.retryOutbox(again!.id, 6000, null, false);
      const [third] = await store.claimOutbox('me', 6000, 10, 1000);
      expect(third?.attempts).toBe(1);
      await store.markFailed(third!.id, 6001, 'HTTP 403: blocked');
      expect(await store.countOutbox('failed')).toBe(1);
      expect(await store.claimOutbox('me', 99_999, 10, 1000)).toEqual([]);
    });

    it('keeps small values by key', async () => {
      expect(await store.getValue('thread:ADU-1')).toBeNull();
      await store.setValue('thread:ADU-1', '42');
      await store.setValue('thread:ADU-1', '43');
      expect(await store.getValue('thread:ADU-1')).toBe('43');
    });

    it('gives a lease to one owner at a time until it expires', async () => {
      expect(await store.tryLease('digest:daily', 'a', 0, 100)).toBe(true);
      expect(await store.tryLease('digest:daily', 'b', 50, 150)).toBe(false);
      expect(await store.tryLease('digest:daily', 'a', 60, 160)).toBe(true);
      expect(await store.tryLease('digest:daily', 'b', 161, 300)).toBe(true);
      expect(await store.tryLease('digest:daily', 'a', 170, 300)).toBe(false);
    });
  });
}
