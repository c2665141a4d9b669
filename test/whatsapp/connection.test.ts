// Connection supervision: a lost connection or a crashed browser loses nothing, the client is rebuilt with
// backoff, the staff group hears about it, the health report follows, and what arrived meanwhile is picked up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CITIZEN, joined, startWaTest, ticketIn, type WaTest } from './setup.js';
import { fakeChat, waMessage } from './fake-client.js';

let t: WaTest;
beforeEach(async () => {
  t = await startWaTest();
});
afterEach(async () => {
  await t.close();
});

const notices = () =>
  t.h.sent.filter((m) => m.channel === 'staff' && m.chatId === 'general' && m.kind === 'notice').map((m) => m.text);

async function openCase(): Promise<string> {
  await t.say('/lapor Tagihan PBB ganda di kantor Bapenda sejak bulan lalu');
  const ticket = ticketIn(joined(await t.say('lewati')));
  if (!ticket) throw new Error('no ticket');
  return ticket;
}

/** Fires the reconnect timer and waits for the new client's start. */
async function reconnect(): Promise<void> {
  expect(t.timers.fireAll()).toBeGreaterThan(0);
  await t.wa.idle();
}

describe('WhatsApp connection supervision', () => {
  it('reports its state to the health map from start to connected', async () => {
    expect(t.h.app.health.get('whatsapp')?.state).toBe('starting');
    t.client().fire('qr', 'qr-data');
    await t.wa.idle();
    expect(t.h.app.health.get('whatsapp')?.state).toBe('waiting_for_qr');
    t.client().fire('authenticated');
    expect(t.h.app.health.get('whatsapp')?.state).toBe('authenticated');
    await t.connect();
    expect(t.h.app.health.get('whatsapp')).toEqual({ state: 'connected', since: t.h.clock.now });
  });

  it('keeps replies queued while disconnected and delivers each once after the reconnect', async () => {
    await t.connect();
    const ticket = await openCase();
    const first = t.client();
    first.fire('disconnected', 'NAVIGATION');
    await t.wa.idle();
    expect(t.h.app.health.get('whatsapp')).toMatchObject({ state: 'reconnecting', detail: 'disconnected: NAVIGATION' });
    expect(first.destroyed).toBe(1);

    await t.h.staff('rina', ticket, 'Balasan pertama');
    await t.h.staff('rina', ticket, 'Balasan kedua');
    await t.flush();
    expect(first.textsTo(CITIZEN).join('\n')).not.toMatch(/Balasan/);
    expect(await t.h.app.store.countOutbox('pending')).toBe(2);

    await reconnect();
    expect(t.driver.clients).toHaveLength(2);
    const second = t.client();
    expect(second.initialized).toBe(1);
    await t.connect();
    await t.flush();
    const got = second.textsTo(CITIZEN).filter((s) => /Balasan/.test(s));
    expect(got).toHaveLength(2);
    expect(got[0]).toContain('Balasan pertama');
    expect(got[1]).toContain('Balasan kedua');
    expect(await t.h.app.store.countOutbox('pending')).toBe(0);
    expect(await t.h.app.store.countOutbox('failed')).toBe(0);
    const said = notices();
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/WhatsApp terputus/);
    expect(said[1]).toMatch(/WhatsApp tersambung kembali/);
  });

  it('picks up messages that arrived while down after `ready`, each once, then marks the chat read', async () => {
    await t.connect();
    const handled = waMessage({ body: 'Mantap pelayanannya, terima kasih' });
    await t.receive(handled);
    t.client().fire('disconnected', 'TIMEOUT');
    await t.wa.idle();
    // While down, the citizen wrote two more messages; WhatsApp keeps them unread. The chat also still shows the
    // message already handled (it came back in the history fetch) and one of our own replies.
    const missedA = waMessage({ body: 'Jam buka kantor kapan ya?' });
    const missedB = waMessage({ body: 'Mantap, cepat sekali responnya' });
    const ours = waMessage({ body: 'balasan kami', fromMe: true, from: CITIZEN });
    const chat = fakeChat(CITIZEN, [handled, ours, missedA, missedB], 3);
    const group = fakeChat('120363000000000000@g.us', [
      waMessage({ body: 'rapat', from: '120363000000000000@g.us', author: CITIZEN }),
    ]);
    t.driver.prepare = (c) => (c.chats = [group, chat]);
    await reconnect();
    await t.connect();
    await t.flush();
    expect(await t.h.app.store.listCases({ kind: 'statement' })).toHaveLength(1);
    expect(await t.h.app.store.listCases({ kind: 'praise' })).toHaveLength(2);
    expect(chat.seenCount).toBe(1);
    expect(group.seenCount).toBe(0);
    const faq = t
      .client()
      .textsTo(CITIZEN)
      .filter((s) => /07.30-16.00/.test(s));
    expect(faq).toHaveLength(1);
  });

  it('handles a live message that arrives during the catch-up after the missed ones', async () => {
    const missed = waMessage({ body: '/lapor' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const chat = fakeChat(CITIZEN, [missed]);
    const fetch = chat.fetchMessages;
    chat.fetchMessages = async (o) => {
      await gate;
      return fetch(o);
    };
    t.client().chats = [chat];
    t.client().fire('ready');
    // While the catch-up waits on WhatsApp, the citizen's next message arrives live.
    t.client().fire('message', waMessage({ body: 'Lampu jalan di depan kantor Bapenda mati sejak kemarin' }));
    release();
    await t.wa.idle();
    await t.flush();
    // "/lapor" was handled first (the report prompt), then the live message as the complaint (the photo question).
    const texts = joined(t.client().textsTo(CITIZEN));
    expect(texts.indexOf('ceritakan keluhan')).toBeGreaterThanOrEqual(0);
    expect(texts.indexOf('ceritakan keluhan')).toBeLessThan(texts.indexOf('foto'));
  });

  it('loses nothing when a send finds the browser crashed ("Session closed"), and rebuilds the client', async () => {
    await t.connect();
    const ticket = await openCase();
    t.client().sendFailures.push(
      new Error('Protocol error (Runtime.callFunctionOn): Session closed. Most likely the page has been closed.'),
    );
    await t.h.staff('rina', ticket, 'Kami sedang memeriksa');
    await t.flush();
    expect(t.h.app.health.get('whatsapp')?.state).toBe('reconnecting');
    expect(t.h.app.health.get('whatsapp')?.detail).toMatch(/Session closed/);
    expect(await t.h.app.store.countOutbox('pending')).toBe(1);
    await reconnect();
    await t.connect();
    await t.flush();
    expect(
      t
        .client()
        .textsTo(CITIZEN)
        .filter((s) => /Kami sedang memeriksa/.test(s)),
    ).toHaveLength(1);
    expect(t.driver.clients[0]?.textsTo(CITIZEN).filter((s) => /Kami sedang memeriksa/.test(s))).toHaveLength(0);
    expect(await t.h.app.store.countOutbox('pending')).toBe(0);
    expect(await t.h.app.store.countOutbox('failed')).toBe(0);
  });

  for (const state of ['CONFLICT', 'UNPAIRED', 'UNLAUNCHED', 'TIMEOUT']) {
    it(`rebuilds the client when the state changes to ${state}`, async () => {
      await t.connect();
      t.client().fire('change_state', state);
      await t.wa.idle();
      expect(t.h.app.health.get('whatsapp')).toMatchObject({ state: 'reconnecting', detail: `state ${state}` });
      await reconnect();
      expect(t.driver.clients).toHaveLength(2);
    });
  }

  it('ignores harmless state changes', async () => {
    await t.connect();
    t.client().fire('change_state', 'OPENING');
    t.client().fire('change_state', 'CONNECTED');
    await t.wa.idle();
    expect(t.h.app.health.get('whatsapp')?.state).toBe('connected');
    expect(t.timers.pendingDelays()).toEqual([]);
  });

  it('backs off exponentially while reconnecting fails, and starts over after a success', async () => {
    t.client().fire('auth_failure', 'session expired');
    await t.wa.idle();
    expect(t.h.app.health.get('whatsapp')?.detail).toBe('authentication failed: session expired');
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      delays.push(...t.timers.pendingDelays());
      t.client().initializeError = null;
      t.driver.createError = null;
      await reconnect();
      // The new browser fails to start.
      t.client().fire('disconnected', 'UNLAUNCHED');
      await t.wa.idle();
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000]);
    await reconnect();
    await t.connect();
    t.client().fire('disconnected', 'LOGOUT');
    await t.wa.idle();
    expect(t.timers.pendingDelays()).toEqual([1000]);
    await t.flush();
    // One outage, one notice; the second outage is told again.
    expect(notices().filter((n) => /terputus/.test(n))).toHaveLength(2);
  });

  it('retries when the browser cannot start or the client cannot be built', async () => {
    t.client().initializeError = new Error('Failed to launch the browser process!');
    // The first client already started fine; make the rebuilt one fail in both ways.
    t.client().fire('disconnected', 'CONFLICT');
    await t.wa.idle();
    t.driver.createError = new Error('Browser was not found at the configured executablePath');
    await reconnect();
    expect(t.h.app.health.get('whatsapp')?.detail).toMatch(/client could not be built/);
    t.driver.createError = null;
    await reconnect();
    expect(t.driver.clients).toHaveLength(2);
    await t.connect();
    expect(t.h.app.health.get('whatsapp')?.state).toBe('connected');
  });

  it('ignores events from a client it already replaced', async () => {
    await t.connect();
    const old = t.client();
    old.fire('disconnected', 'NAVIGATION');
    await t.wa.idle();
    await reconnect();
    old.fire('ready');
    old.fire('message', waMessage({ body: 'Mantap, terima kasih' }));
    await t.wa.idle();
    expect(t.h.app.health.get('whatsapp')?.state).toBe('starting');
    expect(await t.h.app.store.listCases({})).toHaveLength(0);
  });

  it('stops cleanly: no reconnect, the browser closed, the sender gone', async () => {
    await t.connect();
    const c = t.client();
    await t.wa.stop();
    expect(c.destroyed).toBe(1);
    expect(t.h.app.health.get('whatsapp')?.state).toBe('stopped');
    c.fire('disconnected', 'NAVIGATION');
    await t.wa.idle();
    expect(t.timers.pendingDelays()).toEqual([]);
    expect(t.wa.connection.readyClient()).toBeNull();
  });

  it('tells the staff group to scan a new QR code when the session was logged out', async () => {
    await t.connect();
    t.client().fire('disconnected', 'LOGOUT');
    await t.wa.idle();
    await t.flush();
    expect(notices().at(-1)).toMatch(/memindai ulang kode QR/);
  });
});

describe('the watchdog', () => {
  let w: WaTest;
  beforeEach(async () => {
    w = await startWaTest({}, {}, { watchdogMs: 60_000 });
    await w.connect();
  });
  afterEach(async () => {
    await w.close();
  });

  it('asks a connected client for its state and keeps asking while it answers CONNECTED', async () => {
    expect(w.timers.pendingDelays()).toEqual([60_000]);
    w.timers.fireAll();
    await w.wa.idle();
    expect(w.timers.pendingDelays()).toEqual([60_000]);
    expect(w.driver.clients).toHaveLength(1);
  });

  it('rebuilds the client when the browser stopped answering, even with nothing to send', async () => {
    w.client().getState = async () => {
      throw new Error('Protocol error (Runtime.callFunctionOn): Target closed.');
    };
    w.timers.fireAll();
    await w.wa.idle();
    expect(w.h.app.health.get('whatsapp')).toMatchObject({ state: 'reconnecting' });
    expect(w.h.app.health.get('whatsapp')?.detail).toMatch(/Target closed/);
    w.timers.fireAll();
    await w.wa.idle();
    expect(w.driver.clients).toHaveLength(2);
  });
});
