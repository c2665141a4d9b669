// Delivery to Telegram through the outbox: a 429 waits for its retry_after without holding other chats and loses
// nothing; 5xx is retried; 403 (blocked) is a permanent failure recorded on the citizen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITIZEN_TOKEN, startWorld, type World } from './world.js';

describe('Telegram delivery through the outbox', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  const toChat = (id: number) => (p: Record<string, unknown>) => Number(p.chat_id) === id;

  it('a 429 with retry_after delays that chat only, and every reply arrives exactly once', async () => {
    const slow = { id: 7101, first_name: 'Ani' };
    const other = { id: 7102, first_name: 'Dedi' };
    w.fake.fail(CITIZEN_TOKEN, 'sendMessage', { code: 429, retryAfter: 2 }, 1, toChat(slow.id));
    const from = w.fake.calls.length;
    await w.citizenSays(slow, '/bantuan', { until: (c) => String(c.params.text).includes('Cara memakai') });
    const calls = w.fake.calls
      .slice(from)
      .filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === slow.id);
    const limited = calls.find((c) => c.status === 429)!;
    const delivered = calls.filter((c) => c.status === 200);
    expect(limited).toBeDefined();
    // The refused message is the one delivered later (how long it waits is the dispatcher's test, with a controlled
    // clock: test/services/dispatcher.test.ts; the 429 → retry_after mapping is in units.test.ts).
    expect(delivered[0]!.params.text).toBe(limited.params.text);
    expect(w.fake.calls.indexOf(delivered[0]!)).toBeGreaterThan(w.fake.calls.indexOf(limited));
    // Nothing lost and nothing twice: the greeting and the help, once each.
    expect(delivered.map((c) => String(c.params.text).slice(0, 20))).toEqual([
      String(limited.params.text).slice(0, 20),
      'Cara memakai layanan',
    ]);

    // Meanwhile another chat is not held back.
    w.fake.fail(CITIZEN_TOKEN, 'sendMessage', { code: 429, retryAfter: 3 }, 1, toChat(slow.id));
    const mark = w.fake.calls.length;
    w.fake.push(CITIZEN_TOKEN, {
      message: {
        message_id: 90001,
        date: 0,
        chat: { id: slow.id, type: 'private' },
        from: { id: slow.id, is_bot: false, first_name: 'Ani' },
        text: '/kasus',
      },
    });
    const limitedAgain = await w.fake.waitFor((c) => c.status === 429 && toChat(slow.id)(c.params), {
      from: mark,
      what: 'the second 429',
    });
    const otherReply = await w.citizenSays(other, '/bantuan', {
      until: (c) => String(c.params.text).includes('Cara memakai'),
    });
    const slowDelivered = await w.fake.waitFor(
      (c) => c.status === 200 && c.method === 'sendMessage' && toChat(slow.id)(c.params),
      { from: mark, what: 'the delayed reply' },
    );
    // Order of arrival at the fake server, not clock readings: the other chat went first.
    expect(w.fake.calls.indexOf(otherReply.at(-1)!)).toBeLessThan(w.fake.calls.indexOf(slowDelivered));
    expect(w.fake.calls.indexOf(slowDelivered)).toBeGreaterThan(w.fake.calls.indexOf(limitedAgain));
  });

  it('a 5xx answer is retried until it goes through', async () => {
    const user = { id: 7103, first_name: 'Eko' };
    w.fake.fail(CITIZEN_TOKEN, 'sendMessage', { code: 502 }, 1, toChat(user.id));
    const from = w.fake.calls.length;
    await w.citizenSays(user, '/help', {
      until: (c) => String(c.params.text).includes('Cara memakai') || String(c.params.text).includes('How to use'),
    });
    const calls = w.fake.calls.slice(from).filter((c) => c.method === 'sendMessage' && toChat(user.id)(c.params));
    expect(calls[0]!.status).toBe(502);
    expect(calls.filter((c) => c.status === 200 && c.params.text === calls[0]!.params.text)).toHaveLength(1);
  });

  it('a 403 (the citizen blocked the bot) is not retried and is recorded on the citizen', async () => {
    const user = { id: 7104, first_name: 'Fitri' };
    w.fake.fail(CITIZEN_TOKEN, 'sendMessage', { code: 403 }, 100, toChat(user.id));
    w.fake.push(CITIZEN_TOKEN, {
      message: {
        message_id: 5,
        date: 0,
        chat: { id: user.id, type: 'private' },
        from: { id: user.id, is_bot: false, first_name: 'Fitri' },
        text: '/bantuan',
      },
    });
    const conv = await w.until(async () => {
      const c = await w.app.store.getContact(`telegram:${user.id}`);
      return c?.unreachableAt ? c : null;
    }, 'the citizen marked unreachable');
    expect(conv.unreachableReason).toMatch(/403/);
    const attempts = w.fake.calls.filter((c) => c.method === 'sendMessage' && toChat(user.id)(c.params));
    expect(attempts.every((c) => c.status === 403)).toBe(true);
    // Two replies were queued (greeting, help); each is tried once and given up.
    expect(attempts.length).toBeLessThanOrEqual(2);
  });
});
