// Webhook mode as `aduan serve` runs it (TELEGRAM_WEBHOOK_URL, _SECRET, on the HTTP server of HTTP_PORT): both real
// bots register their address with the fake Bot API, and the test posts updates to the local listener the way
// Telegram would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import type { RunningChannel } from '../../src/ports/channel.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { telegramChannels } from '../../bots/telegram/index.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { fakeNlp, testAgency } from '../support/fake-nlp.js';
import { FakeTelegram } from '../support/fake-telegram/server.js';
import { groupMessage, privateMessage } from '../support/fake-telegram/updates.js';
import { CITIZEN_TOKEN, GROUP, STAFF, STAFF_TOKEN, SUPERVISOR } from './world.js';

const PUBLIC_URL = 'https://aduan.example.go.id/tg';
const SECRET = 'rahasia_webhook-0123456789';

/** A loopback port nobody listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface Hooked {
  fake: FakeTelegram;
  app: App;
  port: number;
  running: RunningChannel[];
  /** Listeners for what the app logs (parsed JSON lines). */
  logs: Set<(entry: { msg: string; update?: number }) => void>;
  close(): Promise<void>;
  closeHttp(): Promise<void>;
}

/** The core and both bots started through `telegramChannels`, with the webhook settings in the configuration. */
async function startHooked(port: number, fake?: FakeTelegram): Promise<Hooked> {
  const ownFake = !fake;
  const f = fake ?? (await FakeTelegram.start());
  if (ownFake) {
    f.addBot(CITIZEN_TOKEN, 111, 'AduanWargaBot');
    f.addBot(STAFF_TOKEN, 222, 'AduanStafBot');
    f.setForum(GROUP, true);
  }
  const dir = mkdtempSync(join(tmpdir(), 'aduan-tg-hook-'));
  writeFileSync(join(dir, 'agency.json'), JSON.stringify(testAgency));
  const config = loadConfig({
    DATA_DIR: dir,
    AGENCY_CONFIG: join(dir, 'agency.json'),
    TELEGRAM_BOT_TOKEN: CITIZEN_TOKEN,
    TELEGRAM_STAFF_BOT_TOKEN: STAFF_TOKEN,
    TELEGRAM_STAFF_CHAT_ID: String(GROUP),
    STAFF_TELEGRAM_IDS: String(STAFF.id),
    SUPERVISOR_TELEGRAM_IDS: String(SUPERVISOR.id),
    TELEGRAM_API_ROOT: f.apiRoot,
    TELEGRAM_WEBHOOK_URL: PUBLIC_URL,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    HTTP_PORT: String(port),
  });
  const logs = new Set<(entry: { msg: string; update?: number }) => void>();
  const log = createLogger({
    level: 'debug',
    format: 'json',
    write: (line) => {
      for (const listen of logs) listen(JSON.parse(line) as { msg: string; update?: number });
    },
  });
  const app = await createApp(config, { log, nlp: fakeNlp() });
  const running: RunningChannel[] = [];
  let http: HttpServer | null = null;
  const close = async () => {
    for (const r of running.splice(0).reverse()) await r.stop();
    await http?.close();
    await app.close();
    if (ownFake) await f.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    http = await startHttpServer(app, {
      port: config.httpPort,
      host: '127.0.0.1',
      publicUrl: config.publicUrl,
      trustProxy: false,
    });
    for (const entry of telegramChannels) running.push(await entry.start(app, { http: http.routes }));
  } catch (err) {
    await close();
    throw err;
  }
  return { fake: f, app, port, running, logs, close, closeHttp: () => http?.close() ?? Promise.resolve() };
}

let nextUpdateId = 70_000;

describe('the bots in webhook mode', () => {
  let h: Hooked;
  beforeAll(async () => {
    h = await startHooked(await freePort());
  });
  afterAll(async () => {
    await h?.close();
  });

  /** POSTs a body to a bot's path on the local listener as Telegram would; resolves with the HTTP status. */
  const post = async (bot: 'citizen' | 'staff', body: unknown, secret: string | null = SECRET) => {
    const res = await fetch(`http://127.0.0.1:${h.port}/tg/${bot}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret !== null ? { 'x-telegram-bot-api-secret-token': secret } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  };
  const update = (u: Record<string, unknown>) => ({ ...u, update_id: nextUpdateId++ });
  const conversationOf = (id: number) => h.app.store.getConversation(`telegram:${id}`);
  const replyTo = (id: number, from: number) =>
    h.fake.waitFor(
      (c) =>
        c.token === CITIZEN_TOKEN && c.method === 'sendMessage' && c.status === 200 && Number(c.params.chat_id) === id,
      { from, what: `a reply to ${id}` },
    );
  /** Every message ever put in the outbox; an update is answered 200 only after its replies were committed. */
  const outboxSize = async () => {
    const counts = await Promise.all(
      (['pending', 'delivered', 'failed'] as const).map((s) => h.app.store.countOutbox(s)),
    );
    return counts.reduce((a, b) => a + b, 0);
  };

  it('registers <url>/citizen and <url>/staff with the secret, and does not poll', () => {
    const hooks = h.fake.callsOf('setWebhook');
    expect(hooks.map((c) => [c.token, c.params.url, c.params.secret_token, c.status])).toEqual(
      expect.arrayContaining([
        [CITIZEN_TOKEN, `${PUBLIC_URL}/citizen`, SECRET, 200],
        [STAFF_TOKEN, `${PUBLIC_URL}/staff`, SECRET, 200],
      ]),
    );
    expect(hooks).toHaveLength(2);
    expect(h.fake.callsOf('getUpdates')).toEqual([]);
    expect(h.fake.callsOf('deleteWebhook')).toEqual([]);
  });

  it("a citizen's update with the right secret is answered 200 once stored, and the reply goes out", async () => {
    const citizen = { id: 7501, first_name: 'Joko' };
    const from = h.fake.calls.length;
    expect(await post('citizen', update(privateMessage(citizen, '/bantuan')))).toBe(200);
    // Acknowledged only after it was stored and handled: the conversation is already there.
    expect(await conversationOf(citizen.id)).not.toBeNull();
    await replyTo(citizen.id, from);
  });

  it('an update with a wrong or missing secret is refused, and nothing of it is stored', async () => {
    const citizen = { id: 7502, first_name: 'Kiki' };
    const wrongSameLength = SECRET.replace(/.$/, 'X');
    for (const secret of [wrongSameLength, 'salah', `${SECRET}-lagi`, '', null]) {
      const status = await post('citizen', update(privateMessage(citizen, '/bantuan')), secret);
      expect([401, 403], `secret ${JSON.stringify(secret)}`).toContain(status);
    }
    expect(await post('staff', update(groupMessage(GROUP, STAFF, '/bantuan')), 'salah')).toBe(401);
    expect(await conversationOf(citizen.id)).toBeNull();
    // The listener still serves the right secret afterwards.
    const from = h.fake.calls.length;
    expect(await post('citizen', update(privateMessage(citizen, '/bantuan')))).toBe(200);
    await replyTo(citizen.id, from);
  });

  it('a malformed body is answered 400, and the listener keeps serving', async () => {
    for (const body of ['{not json', 'null', '[]', '"text"', '{"update_id":"12"}', '{"message":{}}', ''])
      expect(await post('citizen', body), `body ${JSON.stringify(body)}`).toBe(400);
    expect(await post('staff', '{not json')).toBe(400);
    const citizen = { id: 7503, first_name: 'Lia' };
    const from = h.fake.calls.length;
    expect(await post('citizen', update(privateMessage(citizen, '/bantuan')))).toBe(200);
    await replyTo(citizen.id, from);
  });

  it("the same citizen's update posted twice is handled once", async () => {
    const citizen = { id: 7504, first_name: 'Maya' };
    const u = update(privateMessage(citizen, 'Jalan depan kantor kelurahan berlubang besar'));
    expect(await post('citizen', u)).toBe(200);
    const version = (await conversationOf(citizen.id))?.version;
    const replies = await outboxSize();
    expect(version).toBeDefined();
    expect(await post('citizen', u)).toBe(200);
    expect((await conversationOf(citizen.id))?.version).toBe(version);
    expect(await outboxSize()).toBe(replies);
    // A different update from the same citizen does move the conversation on.
    expect(await post('citizen', update(privateMessage(citizen, '/batal')))).toBe(200);
    expect((await conversationOf(citizen.id))?.version).toBeGreaterThan(version!);
  });

  it('the same staff update posted twice in a row is handled once', async () => {
    const before = await outboxSize();
    const once = update(groupMessage(GROUP, STAFF, '/bantuan'));
    expect(await post('staff', once)).toBe(200);
    expect(await outboxSize()).toBe(before + 1);
    expect(await post('staff', once)).toBe(200);
    expect(await outboxSize()).toBe(before + 1);
  });

  it('a copy of a staff update that arrives while the first is still being handled is not handled beside it', async () => {
    const twin = update(groupMessage(GROUP, STAFF, '/bantuan'));
    const twinId = `${GROUP}:${((twin as Record<string, unknown>).message as { message_id: number }).message_id}`;
    // The first copy is held just after it was stored (before it is handled). It is let go when the second copy is
    // stored too (a duplicate, still unhandled: it may be handled beside the first) or when the server says it
    // joined the first (handled once).
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let stored!: () => void;
    const firstStored = new Promise<void>((resolve) => (stored = resolve));
    const store = h.app.store;
    const saveInbound = store.saveInbound.bind(store);
    let saves = 0;
    store.saveInbound = async (message, at) => {
      const r = await saveInbound(message, at);
      if ('surface' in message && message.messageId === twinId) {
        if (++saves === 1) {
          stored();
          await gate;
        } else release();
      }
      return r;
    };
    const joined = (e: { msg: string; update?: number }) => {
      if (e.update === twin.update_id && /copy of an update in hand/.test(e.msg)) release();
    };
    h.logs.add(joined);
    try {
      const before = await outboxSize();
      const first = post('staff', twin);
      await firstStored;
      const second = post('staff', twin);
      expect(await Promise.all([first, second])).toEqual([200, 200]);
      expect(await outboxSize()).toBe(before + 1);
    } finally {
      store.saveInbound = saveInbound;
      h.logs.delete(joined);
    }
  });

  it('an update the store could not take is answered 500, and the redelivered one is handled', async () => {
    const citizen = { id: 7505, first_name: 'Nina' };
    const store = h.app.store;
    const saveInbound = store.saveInbound.bind(store);
    store.saveInbound = () => Promise.reject(new Error('database is locked'));
    const u = update(privateMessage(citizen, '/bantuan'));
    try {
      expect(await post('citizen', u)).toBe(500);
    } finally {
      store.saveInbound = saveInbound;
    }
    expect(await conversationOf(citizen.id)).toBeNull();
    const from = h.fake.calls.length;
    expect(await post('citizen', u)).toBe(200);
    expect(await conversationOf(citizen.id)).not.toBeNull();
    await replyTo(citizen.id, from);
  });

  it('stopping a bot takes its path away; the other keeps serving', async () => {
    const [citizenBot, staffBot] = h.running;
    await citizenBot!.stop();
    expect(await post('citizen', update(privateMessage({ id: 7506, first_name: 'Oki' }, '/bantuan')))).toBe(404);
    const before = await outboxSize();
    expect(await post('staff', update(groupMessage(GROUP, STAFF, '/bantuan')))).toBe(200);
    expect(await outboxSize()).toBe(before + 1);
    await staffBot!.stop();
    h.running.length = 0;
    expect(await post('staff', update(groupMessage(GROUP, STAFF, '/bantuan')))).toBe(404);
    await h.closeHttp();
    await expect(post('staff', update(groupMessage(GROUP, STAFF, '/bantuan')))).rejects.toThrow();
  });
});

describe('an HTTP port that is taken', () => {
  let blocker: Server | null = null;
  afterAll(async () => {
    await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  });

  it('stops start-up with a message naming the setting, and a later start on the freed port works', async () => {
    const port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(port, '0.0.0.0', resolve));
    await expect(startHooked(port)).rejects.toThrow(/HTTP_PORT/);
    await new Promise<void>((resolve) => blocker!.close(() => resolve()));
    blocker = null;
    const h = await startHooked(port);
    try {
      const from = h.fake.calls.length;
      const res = await fetch(`http://127.0.0.1:${port}/tg/citizen`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify({ ...privateMessage({ id: 7507, first_name: 'Putri' }, '/bantuan'), update_id: 1 }),
      });
      expect(res.status).toBe(200);
      await h.fake.waitFor((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === 7507, {
        from,
        what: 'the reply',
      });
    } finally {
      await h.close();
    }
  });
});
