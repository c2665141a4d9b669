// The WhatsApp adapter on an in-process core (real SQLite, controllable clock) with a fake client: helpers to
// talk as a citizen and to deliver the outbox through the adapter's own sender and pacing.
import { startHarness, type Harness } from '../support/harness.js';
import type { Logger } from '../../src/log/logger.js';
import { startWhatsApp, type RunningWhatsApp } from '../../bots/whatsapp/channel.js';
import { loadWhatsAppSettings } from '../../bots/whatsapp/settings.js';
import type { WaMessage } from '../../bots/whatsapp/client-port.js';
import { fakeDriver, waMessage, type FakeClient, type FakeDriver } from './fake-client.js';
import { manualTimers, type ManualTimers } from './manual-timers.js';

export const CITIZEN = '6281234567001@c.us';
export const SUPERVISOR_NUMBER = '6281100000001';
export const SUPERVISOR = `${SUPERVISOR_NUMBER}@c.us`;

export interface WaTest {
  h: Harness;
  wa: RunningWhatsApp;
  driver: FakeDriver;
  timers: ManualTimers;
  /** The client in use now. */
  client(): FakeClient;
  /** Connects the current client (emits `ready`) and waits for the catch-up. */
  connect(): Promise<void>;
  /** Emits an incoming message and waits until it is handled (not delivered). */
  receive(m: WaMessage): Promise<void>;
  /** A citizen's text message, handled and its replies delivered; returns the texts WhatsApp sent to that chat. */
  say(text: string, over?: Parameters<typeof waMessage>[0]): Promise<string[]>;
  /** Delivers everything deliverable in the outbox, moving the clock past pacing and backoff. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function startWaTest(
  env: Record<string, string> = {},
  waEnv: Record<string, string> = {},
  opts: { watchdogMs?: number; log?: Logger } = {},
): Promise<WaTest> {
  const h = await startHarness({
    env: { WHATSAPP_ENABLED: 'true', SUPERVISOR_WHATSAPP_NUMBERS: SUPERVISOR_NUMBER, ...env },
    ...(opts.log ? { log: opts.log } : {}),
  });
  const driver = fakeDriver();
  const timers = manualTimers();
  const settings = loadWhatsAppSettings({ WHATSAPP_JITTER_MS: '0', ...waEnv }, h.app.config);
  const wa = startWhatsApp(h.app, {
    driver,
    settings,
    timers,
    watchdogMs: opts.watchdogMs ?? 0,
    backoff: { initialMs: 1000, maxMs: 8000, jitter: 0 },
  });
  await wa.idle();
  const flush = async () => {
    for (let i = 0; i < 40; i++) {
      await wa.idle();
      await h.app.dispatcher.drainOnce();
      await wa.idle();
      if ((await h.app.store.countOutbox('pending')) === 0) return;
      h.clock.now += 10_000;
    }
  };
  const t: WaTest = {
    h,
    wa,
    driver,
    timers,
    client: () => driver.client,
    async connect() {
      driver.client.fire('ready');
      await wa.idle();
    },
    async receive(m) {
      driver.client.fire('message', m);
      await wa.idle();
    },
    async say(text, over = {}) {
      const chat = over.from ?? CITIZEN;
      const client = driver.client;
      const before = client.textsTo(chat).length;
      await t.receive(waMessage({ body: text, ...over }));
      await flush();
      return client.textsTo(chat).slice(before);
    },
    flush,
    async close() {
      await wa.stop();
      await h.close();
    },
  };
  return t;
}

export const joined = (texts: string[]) => texts.join('\n---\n');
export const ticketIn = (s: string) => /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(s)?.[0] ?? null;
