// Erasure and retention: every store adapter must pass this same suite (SQLite here; MongoDB when MONGODB_URI is set).
// Reads go through the port only, so the suite says what the core may rely on, whatever the adapter keeps.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { StoreBundle } from '../../src/store/port.js';
import { citizenErasure, retentionErasure } from '../../src/services/erasure.js';
import { makeCase, makeInbound } from '../support/fixtures.js';

export interface BundleHarness {
  open(): Promise<StoreBundle>;
  cleanup?(): Promise<void>;
}

const PHONE = '081398765432';
const NIK = '3171044509880003';
const DAY = 86_400_000;

export function privacyContract(name: string, harness: BundleHarness): void {
  describe(`privacy contract: ${name}`, () => {
    let b: StoreBundle;
    beforeEach(async () => {
      b = await harness.open();
      return async () => {
        await b.store.close();
      };
    });
    afterAll(async () => {
      await harness.cleanup?.();
    });

    /** A citizen (telegram 7712345601) with two cases, messages both ways, a contact and a conversation. */
    async function citizenWithHistory() {
      const citizen = {
        channel: 'telegram' as const,
        userId: '7712345601',
        chatId: '7712345601',
        displayName: 'Sulastri Wibowo',
        language: 'id' as const,
      };
      const open = makeCase({ citizen, text: `Tagihan salah, NIK ${NIK}, hp ${PHONE}` });
      const closed = makeCase({ citizen, stage: 'closed', closedAt: 1_000, text: 'Antrian lama' });
      const other = makeCase({ text: 'Antrian loket lama, hp 081311112222' });
      const inbound = await b.store.saveInbound(
        makeInbound({ senderId: citizen.userId, chatId: citizen.chatId, text: `hp ${PHONE}` }),
        1,
      );
      const staffMsg = {
        surface: 'terminal' as const,
        messageId: 's-1',
        sender: { id: 'rina', name: 'Rina' },
        ticket: open.ticket,
        text: `Bu Sulastri, kami telepon ke ${PHONE}`,
        attachments: [],
        sentAt: 2,
      };
      const staffIn = await b.store.saveInbound(staffMsg, 2);
      await b.store.commit({
        inboundHandled: inbound.id,
        cases: [open, closed, other].map((record) => ({ record, expectedVersion: null })),
        events: [
          {
            ticket: open.ticket,
            at: 1,
            actor: { kind: 'citizen', id: 'telegram:7712345601' },
            action: 'received',
            detail: `hp ${PHONE}`,
          },
          { ticket: open.ticket, at: 2, actor: { kind: 'staff', id: 'rina' }, action: 'note', detail: `NIK ${NIK}` },
        ],
        contacts: [
          {
            key: 'telegram:7712345601',
            channel: 'telegram',
            userId: citizen.userId,
            chatId: citizen.chatId,
            wroteAt: 1,
          },
        ],
        conversations: [{ key: 'telegram:7712345601', state: { mode: 'idle' }, expectedVersion: null }],
        outbox: [
          { channel: 'telegram', chatId: citizen.chatId, text: 'Aduan Anda kami catat' },
          { channel: 'staff', chatId: open.ticket, ticket: open.ticket, text: `Kontak ${PHONE}`, kind: 'case-card' },
          { channel: 'telegram', chatId: '1001', text: 'Aduan lain kami catat' },
        ],
      });
      await b.store.commit({ inboundHandled: staffIn.id });
      return { open, closed, other };
    }

    it('counts what erasing a citizen touches, then erases it in one commit, leaving other citizens alone', async () => {
      const { open, closed, other } = await citizenWithHistory();
      const key = 'telegram:7712345601';
      const preview = await b.privacy.countCitizen(key, ['telegram:7712345601']);
      expect(preview).toEqual({
        cases: 2,
        events: 2,
        inbound: 1,
        outbox: 1,
        contacts: 1,
        conversations: 1,
        webRecords: 0,
      });
      await b.store.commit({ erase: await citizenErasure(b, key, 50) });

      for (const t of [open.ticket, closed.ticket]) {
        const c = (await b.store.getCase(t))!;
        expect(c.text).toBe('[dihapus]');
        expect(c.citizen.userId).toMatch(/^dihapus-/);
        expect(c.citizen.displayName).toBeUndefined();
        expect(c.anonymised).toEqual({ at: 50, why: 'erasure' });
        expect(c).toMatchObject({ stage: t === open.ticket ? 'recorded' : 'closed', division: 'pbb-p2' });
      }
      const events = await b.store.getEvents(open.ticket);
      expect(events.map((e) => e.actor.id)).not.toContain(key);
      expect(JSON.stringify(events)).not.toMatch(new RegExp(`${PHONE}|${NIK}`));
      expect(await b.store.getContact(key)).toBeNull();
      expect(await b.store.getConversation(key)).toBeNull();
      expect(await b.privacy.countCitizen(key, [key])).toEqual({
        cases: 0,
        events: 0,
        inbound: 0,
        outbox: 0,
        contacts: 0,
        conversations: 0,
        webRecords: 0,
      });
      // What waits for staff is still sent, without the number; the other citizen's reply is still waiting.
      const waiting = await b.store.claimOutbox('t', 100, 10, 1000, {
        channels: [
          { channel: 'staff', limit: 10 },
          { channel: 'telegram', limit: 10 },
        ],
      });
      expect(waiting.map((w) => w.message.text).sort()).toEqual(['Aduan lain kami catat', 'Kontak [dihapus]']);
      expect((await b.store.getCase(other.ticket))!.text).toContain('081311112222');
    });

    it('lists closed cases past retention once, and anonymises them while the citizen keeps their contact', async () => {
      const { open, closed } = await citizenWithHistory();
      const old = makeCase({ stage: 'archived', closedAt: 500 });
      await b.store.commit({ cases: [{ record: old, expectedVersion: null }] });
      expect((await b.privacy.casesToAnonymise(2_000, 10)).sort()).toEqual([closed.ticket, old.ticket].sort());
      expect(await b.privacy.casesToAnonymise(800, 10)).toEqual([old.ticket]);
      const counts = await b.privacy.erase(await retentionErasure(b.store, [closed.ticket, old.ticket], 60 * DAY));
      expect(counts.cases).toBe(2);
      expect((await b.store.getCase(closed.ticket))!.anonymised).toEqual({ at: 60 * DAY, why: 'retention' });
      expect(await b.privacy.casesToAnonymise(2_000, 10)).toEqual([]);
      expect((await b.store.getCase(open.ticket))!.text).toContain(NIK);
      expect(await b.store.getContact('telegram:7712345601')).not.toBeNull();
    });

    it('purges sent outbox messages older than a date and keeps what still waits', async () => {
      await b.store.commit({
        outbox: [
          { channel: 'telegram', chatId: '1', text: 'sent' },
          { channel: 'telegram', chatId: '2', text: 'waiting' },
        ],
      });
      const claimed = await b.store.claimOutbox('t', Date.now(), 10, 1000);
      const sent = claimed.find((c) => c.message.text === 'sent')!;
      await b.store.markDelivered(sent.id, Date.now());
      expect(await b.privacy.purgeSentOutbox(Date.now() + DAY, 100)).toBe(1);
      expect(await b.store.countOutbox('delivered')).toBe(0);
      expect(await b.store.countOutbox('pending')).toBe(1);
      expect(await b.privacy.purgeSentOutbox(Date.now() + DAY, 100)).toBe(0);
    });
  });
}
