// The outbound side: numbered choices, digests with images for supervisors, and pacing that keeps the number
// safe (about one message per second per chat, a global per-minute cap).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWhatsAppText } from '../../bots/whatsapp/render.js';
import { MAX_CAPTION } from '../../bots/whatsapp/sender.js';
import { CITIZEN, startWaTest, SUPERVISOR, SUPERVISOR_NUMBER, type WaTest } from './setup.js';
import { waMessage } from './fake-client.js';

describe('numbered choices', () => {
  it('renders offered choices as numbered lines with a hint in the citizen’s language', () => {
    const m = {
      text: 'Apakah Anda puas?',
      choices: [
        { id: 'satisfied', label: 'Puas' },
        { id: 'not_satisfied', label: 'Belum puas' },
      ],
    };
    expect(renderWhatsAppText(m, 'id')).toBe('Apakah Anda puas?\n\n1. Puas\n2. Belum puas\nBalas dengan angka (1-2).');
    expect(renderWhatsAppText(m, 'en')).toMatch(/Reply with the number \(1-2\)\.$/);
  });

  it('leaves a message without choices as it is', () => {
    expect(renderWhatsAppText({ text: 'Halo' }, 'id')).toBe('Halo');
    expect(renderWhatsAppText({ text: 'Halo', choices: [] }, 'id')).toBe('Halo');
  });
});

describe('the WhatsApp sender', () => {
  let t: WaTest;
  beforeEach(async () => {
    t = await startWaTest();
    await t.connect();
  });
  afterEach(async () => {
    await t.close();
  });
  const restartWith = async (env: Record<string, string>) => {
    await t.close();
    const next = await startWaTest({}, env);
    await next.connect();
    return next;
  };

  it('sends no more than the global cap allows at once, across chats', async () => {
    const chats = ['6281200000011@c.us', '6281200000012@c.us', '6281200000013@c.us'];
    for (const from of chats) await t.receive(waMessage({ from, body: 'Mantap pelayanannya, terima kasih' }));
    const sent = () => t.client().sent.length;
    const start = sent();
    // One reply per chat is due now, but at 20 a minute only one may go; the next waits 3 s.
    await t.h.app.dispatcher.drainOnce();
    expect(sent() - start).toBe(1);
    t.h.clock.now += 2_999;
    await t.h.app.dispatcher.drainOnce();
    expect(sent() - start).toBe(1);
    t.h.clock.now += 1;
    await t.h.app.dispatcher.drainOnce();
    expect(sent() - start).toBe(2);
  });

  it('waits at least a second between two messages to one chat', async () => {
    t = await restartWith({ WHATSAPP_MAX_PER_MINUTE: '120' });
    // The first contact gets a greeting and a thank-you: two messages for one chat.
    await t.receive(waMessage({ body: 'Mantap pelayanannya, terima kasih' }));
    const sent = () => t.client().textsTo(CITIZEN).length;
    await t.h.app.dispatcher.drainOnce();
    expect(sent()).toBe(1);
    t.h.clock.now += 999;
    await t.h.app.dispatcher.drainOnce();
    expect(sent()).toBe(1);
    t.h.clock.now += 1;
    await t.h.app.dispatcher.drainOnce();
    expect(sent()).toBe(2);
  });

  it('sends a supervisor digest with its chart as an image, though the supervisor never wrote', async () => {
    await t.h.app.store.commit({
      outbox: [
        {
          channel: 'whatsapp',
          chatId: SUPERVISOR,
          text: 'Ringkasan harian: 3 aduan baru',
          kind: 'digest',
          imagePngBase64: 'iVBORw0KGgo=',
        },
      ],
    });
    await t.flush();
    const [sent] = t.client().sent.filter((s) => s.chatId === SUPERVISOR);
    expect(sent?.content).toEqual({ mimetype: 'image/png', data: 'iVBORw0KGgo=', filename: 'ringkasan.png' });
    expect(sent?.options?.caption).toBe('Ringkasan harian: 3 aduan baru');
  });

  it('still checks that a supervisor is on WhatsApp after the number was marked unreachable', async () => {
    await t.h.app.store.markUnreachable(`whatsapp:${SUPERVISOR}`, t.h.clock.now, 'number is not on WhatsApp');
    t.client().notOnWhatsApp.add(SUPERVISOR);
    await t.h.app.store.commit({
      outbox: [{ channel: 'whatsapp', chatId: SUPERVISOR, text: 'Ringkasan harian', kind: 'digest' }],
    });
    await t.flush();
    expect(t.client().sent.filter((s) => s.chatId === SUPERVISOR)).toEqual([]);
    expect(await t.h.app.store.countOutbox('failed')).toBe(1);
  });

  it('accepts a supervisor addressed by bare number and sends a long digest as image then text', async () => {
    const long = `Ringkasan mingguan\n${'x'.repeat(MAX_CAPTION + 10)}`;
    await t.h.app.store.commit({
      outbox: [
        {
          channel: 'whatsapp',
          chatId: `+${SUPERVISOR_NUMBER}`,
          text: long,
          kind: 'digest',
          imagePngBase64: 'iVBORw0KGgo=',
        },
      ],
    });
    await t.flush();
    const sent = t.client().sent.filter((s) => s.chatId === SUPERVISOR);
    expect(sent).toHaveLength(2);
    expect(typeof sent[0]?.content).toBe('object');
    expect(sent[0]?.options?.caption).toBeUndefined();
    expect(sent[1]?.content).toBe(long);
  });

  it('reads a supervisor digest addressed to a national number ("08…@c.us") as the same supervisor', async () => {
    await t.h.app.store.commit({
      outbox: [
        { channel: 'whatsapp', chatId: `0${SUPERVISOR_NUMBER.slice(2)}@c.us`, text: 'Ringkasan', kind: 'digest' },
      ],
    });
    await t.flush();
    expect(t.client().textsTo(SUPERVISOR)).toEqual(['Ringkasan']);
  });

  it('is not ready while disconnected, so the dispatcher keeps messages without counting attempts', async () => {
    t.client().fire('disconnected', 'NAVIGATION');
    await t.wa.idle();
    expect(t.wa.sender.ready?.()).toBe(false);
    await t.h.app.store.commit({ outbox: [{ channel: 'whatsapp', chatId: CITIZEN, text: 'Halo', kind: 'reply' }] });
    await t.h.app.dispatcher.drainOnce();
    expect(await t.h.app.store.countOutbox('pending')).toBe(1);
  });

  it('retries other send errors without rebuilding the client', async () => {
    await t.receive(waMessage({ body: 'Mantap pelayanannya, terima kasih' }));
    t.client().sendFailures.push(new Error('Evaluation failed: rate-overlimit'));
    await t.flush();
    expect(t.driver.clients).toHaveLength(1);
    expect(await t.h.app.store.countOutbox('failed')).toBe(0);
    expect(
      t
        .client()
        .textsTo(CITIZEN)
        .some((s) => /apresiasinya/.test(s)),
    ).toBe(true);
  });
});
