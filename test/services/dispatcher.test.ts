import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/domain/messages.js';
import { silentLogger } from '../../src/log/logger.js';
import { DeliveryError, Dispatcher, type ChannelSender } from '../../src/services/dispatcher.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

let dir: string;
let store: SqliteStore;
let clock: { now: number };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aduan-dispatch-'));
  store = new SqliteStore(join(dir, 'd.sqlite'));
  clock = { now: 1_000_000 };
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function dispatcher(extra: Partial<ConstructorParameters<typeof Dispatcher>[0]> = {}) {
  return new Dispatcher({ store, log: silentLogger, now: () => clock.now, ...extra });
}

const msg = (chatId: string, text: string): OutboundMessage => ({ channel: 'telegram', chatId, text });

function recorder(fail?: (m: OutboundMessage, n: number) => Error | null): ChannelSender & { sent: string[] } {
  const sent: string[] = [];
  let n = 0;
  return {
    channel: 'telegram',
    sent,
    async send(m) {
      const err = fail?.(m, ++n);
      if (err) throw err;
      sent.push(`${m.chatId}:${m.text}`);
    },
  };
}

async function drain(d: Dispatcher, rounds = 20) {
  for (let i = 0; i < rounds; i++) await d.drainOnce();
}

describe('the outbox dispatcher', () => {
  it('delivers each chat in order, chats side by side', async () => {
    await store.commit({ outbox: [msg('A', '1'), msg('B', '1'), msg('A', '2'), msg('A', '3'), msg('B', '2')] });
    const d = dispatcher();
    const r = recorder();
    d.register(r);
    await drain(d);
    expect(r.sent.filter((s) => s.startsWith('A'))).toEqual(['A:1', 'A:2', 'A:3']);
    expect(r.sent.filter((s) => s.startsWith('B'))).toEqual(['B:1', 'B:2']);
    expect(await store.countOutbox('delivered')).toBe(5);
  });

  it('waits out a rate limit in one chat without holding back the others, and loses nothing', async () => {
    await store.commit({ outbox: [msg('A', '1'), msg('A', '2'), msg('B', '1')] });
    const d = dispatcher();
    const r = recorder((m, n) =>
      m.chatId === 'A' && n === 1 ? new DeliveryError('429 Too Many Requests', 'retry', 7000) : null,
    );
    d.register(r);
    await drain(d);
    expect(r.sent).toEqual(['B:1']);
    clock.now += 6999;
    await drain(d);
    expect(r.sent).toEqual(['B:1']);
    clock.now += 1;
    await drain(d);
    expect(r.sent).toEqual(['B:1', 'A:1', 'A:2']);
  });

  it("keeps retrying with the sender's own policy (no give-up) where the sender has one", async () => {
    await store.commit({ outbox: [msg('A', '1')] });
    const d = dispatcher({ retry: { initialMs: 1000, maxMs: 1000, maxAttempts: 2, jitter: 0 } });
    let failures = 0;
    const r = recorder(() => (failures++ < 6 ? new Error('Bad Request: not enough rights') : null));
    d.register({ ...r, retry: { initialMs: 500, maxMs: 2000, jitter: 0 } });
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      await d.drainOnce();
      const item = store.database.prepare('SELECT next_attempt_at AS at FROM outbox').get() as { at: number };
      waits.push(item.at - clock.now);
      clock.now = item.at;
    }
    expect(waits).toEqual([500, 1000, 2000, 2000, 2000, 2000]);
    expect(await store.countOutbox('failed')).toBe(0);
    await d.drainOnce();
    expect(r.sent).toEqual(['A:1']);
  });

  it("charges a sender's extra calls (a topic created for a card) to its destination's pace", async () => {
    await store.commit({ outbox: [msg('A', '1'), msg('B', '1'), msg('C', '1')] });
    const d = dispatcher();
    const sent: string[] = [];
    d.register({
      channel: 'telegram',
      pacing: { globalPerSecond: 1 },
      async send(m) {
        sent.push(m.chatId);
        return { extraCalls: m.chatId === 'A' ? 1 : 0 };
      },
    });
    await d.drainOnce();
    expect(sent).toEqual(['A']);
    clock.now += 1000;
    await d.drainOnce();
    expect(sent).toEqual(['A']); // the second call of A's delivery used this second's message
    clock.now += 1000;
    await d.drainOnce();
    expect(sent).toEqual(['A', 'B']);
  });

  it('retries a transient failure after growing waits and gives up after the last attempt', async () => {
    await store.commit({ outbox: [msg('A', '1')] });
    const d = dispatcher({ retry: { initialMs: 2000, maxMs: 8000, maxAttempts: 5, jitter: 0.5 }, random: () => 0 });
    const r = recorder(() => new Error('ECONNRESET'));
    d.register(r);
    const row = () =>
      store.database.prepare('SELECT status, attempts, next_attempt_at AS next FROM outbox').get() as {
        status: string;
        attempts: number;
        next: number;
      };
    const waits: number[] = [];
    for (let pass = 0; pass < 10 && row().status === 'pending'; pass++) {
      await d.drainOnce();
      const now = row();
      if (now.status !== 'pending') break;
      waits.push(now.next - clock.now);
      clock.now = now.next;
    }
    expect(waits).toEqual([2000, 4000, 8000, 8000]);
    expect(row()).toMatchObject({ status: 'failed' });
    expect(r.sent).toEqual([]);
  });

  it('delivers once a transient failure clears', async () => {
    await store.commit({ outbox: [msg('A', '1')] });
    const d = dispatcher({ random: () => 0 });
    const r = recorder((_m, n) => (n <= 2 ? new Error('ECONNRESET') : null));
    d.register(r);
    await d.drainOnce();
    clock.now += 2000;
    await d.drainOnce();
    expect(r.sent).toEqual([]);
    clock.now += 4000;
    await d.drainOnce();
    expect(r.sent).toEqual(['A:1']);
    expect(await store.countOutbox('delivered')).toBe(1);
  });

  it('records a permanent failure on the recipient and does not retry it', async () => {
    await store.commit({ outbox: [msg('A', '1'), msg('A', '2')] });
    const unreachable: string[] = [];
    const d = dispatcher({ onUnreachable: async (m, reason) => void unreachable.push(`${m.chatId}:${reason}`) });
    const r = recorder((m) =>
      m.text === '1'
        ? new DeliveryError('403 Forbidden: bot was blocked by the user', 'permanent', undefined, true)
        : null,
    );
    d.register(r);
    await drain(d);
    expect(unreachable).toEqual(['A:403 Forbidden: bot was blocked by the user']);
    expect(await store.countOutbox('failed')).toBe(1);
    expect(r.sent).toEqual(['A:2']);
  });

  it('leaves messages for a channel that is not running unclaimed, and sends them on the first pass after it registers', async () => {
    await store.commit({ outbox: [{ channel: 'whatsapp', chatId: '62812@c.us', text: 'x' }] });
    const d = dispatcher();
    await drain(d, 3);
    const row = () =>
      store.database.prepare('SELECT status, claimed_by AS owner FROM outbox').get() as { status: string; owner: null };
    expect(row()).toEqual({ status: 'pending', owner: null });
    const sent: string[] = [];
    d.register({ channel: 'whatsapp', send: async (m) => void sent.push(m.text) });
    expect(await d.drainOnce()).toBe(1);
    expect(sent).toEqual(['x']);
  });

  it('leaves the messages of a channel that is not ready unclaimed until it is', async () => {
    await store.commit({ outbox: [{ channel: 'whatsapp', chatId: '62812@c.us', text: 'x' }] });
    let ready = false;
    const sent: string[] = [];
    const d = dispatcher();
    d.register({ channel: 'whatsapp', ready: () => ready, send: async (m) => void sent.push(m.text) });
    await drain(d, 3);
    expect(sent).toEqual([]);
    ready = true;
    expect(await d.drainOnce()).toBe(1);
  });

  it('answers a citizen on the first pass while 400 staff cards wait for the pacing of the group', async () => {
    const cards = Array.from({ length: 400 }, (_, i): OutboundMessage => ({
      channel: 'staff',
      chatId: `ADU-0000-${String(i).padStart(4, '0')}`,
      text: `card ${i}`,
    }));
    await store.commit({ outbox: cards });
    await store.commit({ outbox: [msg('citizen', 'status of my case')] });
    const d = dispatcher();
    const staff: string[] = [];
    const citizens = recorder();
    d.register({ channel: 'staff', pacing: { globalPerSecond: 1 / 3 }, send: async (m) => void staff.push(m.text) });
    d.register({ ...citizens, pacing: { perChatIntervalMs: 1000, globalPerSecond: 30 } });
    await d.drainOnce();
    expect(citizens.sent).toEqual(['citizen:status of my case']);
    expect(staff).toEqual(['card 0']);
    // The group keeps its pace: nothing more within 3 s, the next card at 3 s, and no card was touched meanwhile.
    clock.now += 2999;
    await drain(d, 3);
    expect(staff).toHaveLength(1);
    clock.now += 1;
    await drain(d, 3);
    expect(staff).toEqual(['card 0', 'card 1']);
    const touched = store.database
      .prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending' AND (claimed_by IS NOT NULL OR attempts > 0)")
      .get() as { n: number };
    expect(touched.n).toBe(0);
  });

  it('hands a sender only the chats it can reach, leaving the others in the outbox', async () => {
    await store.commit({
      outbox: [
        { channel: 'console', chatId: 'ani', text: 'for Ani' },
        { channel: 'console', chatId: 'budi', text: 'for Budi' },
      ],
    });
    const d = dispatcher();
    const printed: string[] = [];
    d.register({ channel: 'console', reaches: () => ['budi'], send: async (m) => void printed.push(m.text) });
    await drain(d, 3);
    expect(printed).toEqual(['for Budi']);
    expect(await store.countOutbox('pending')).toBe(1);
  });

  it('takes chats in turns when the rate of the destination is the limit', async () => {
    const d = dispatcher();
    const r = { ...recorder(), pacing: { globalPerSecond: 4 } };
    d.register(r);
    await store.commit({ outbox: [msg('busy', '1'), msg('busy', '2'), msg('busy', '3')] });
    await d.drainOnce();
    await store.commit({ outbox: [msg('new', '1')] });
    clock.now += 250;
    await d.drainOnce();
    clock.now += 250;
    await d.drainOnce();
    expect(r.sent).toEqual(['busy:1', 'new:1', 'busy:2']);
  });

  it('paces one chat to its interval', async () => {
    await store.commit({ outbox: [msg('A', '1'), msg('A', '2')] });
    const d = dispatcher();
    const r = { ...recorder(), pacing: { perChatIntervalMs: 1000 } };
    d.register(r);
    await drain(d);
    expect(r.sent).toEqual(['A:1']);
    clock.now += 1000;
    await drain(d);
    expect(r.sent).toEqual(['A:1', 'A:2']);
  });

  it('hands an item claimed by a dispatcher that died to another after the claim expires', async () => {
    await store.commit({ outbox: [msg('A', '1')] });
    await store.claimOutbox('dead-instance', clock.now, 10, 60_000);
    const d = dispatcher();
    const r = recorder();
    d.register(r);
    await drain(d, 1);
    expect(r.sent).toEqual([]);
    clock.now += 60_001;
    await drain(d, 1);
    expect(r.sent).toEqual(['A:1']);
  });
});

describe('claims of a crashed process', () => {
  it('are freed at start-up when the owning process on this host is gone, and kept when it lives', async () => {
    const { isOwnerGone } = await import('../../src/services/dispatcher.js');
    const { hostname } = await import('node:os');
    await store.commit({ outbox: [msg('A', '1'), msg('B', '1')] });
    const dead = `${hostname()}:999999:x`;
    const alive = `${hostname()}:${process.ppid}:y`;
    const [a, b] = await store.claimOutbox('tmp', clock.now, 10, 60_000);
    // Re-claim each item under a chosen owner.
    await store.retryOutbox(a!.id, clock.now, null, false);
    await store.retryOutbox(b!.id, clock.now, null, false);
    await store.claimOutbox(dead, clock.now, 1, 60_000);
    await store.claimOutbox(alive, clock.now, 1, 60_000);
    expect(isOwnerGone(dead)).toBe(true);
    expect(isOwnerGone(alive)).toBe(false);
    expect(isOwnerGone('other-host:1:z')).toBe(false);
    expect(store.releaseClaimsOfGoneOwners(isOwnerGone)).toBe(1);
    const free = await store.claimOutbox('me', clock.now, 10, 60_000);
    expect(free).toHaveLength(1);
  });
});
