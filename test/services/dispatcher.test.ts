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

  it('keeps messages for a channel that is not running until it is', async () => {
    await store.commit({ outbox: [{ channel: 'whatsapp', chatId: '62812@c.us', text: 'x' }] });
    const d = dispatcher();
    await drain(d, 2);
    expect(await store.countOutbox('pending')).toBe(1);
    clock.now += 61_000;
    const sent: string[] = [];
    d.register({ channel: 'whatsapp', send: async (m) => void sent.push(m.text) });
    await drain(d, 2);
    expect(sent).toEqual(['x']);
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
