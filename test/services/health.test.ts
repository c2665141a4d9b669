// GET /health on the service's HTTP server (src/http), run in-process: what the health report holds, and its status.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildHttpApp, type HttpApp } from '../../src/http/app.js';
import { startHarness, type Harness } from '../support/harness.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

let h: Harness;
let web: HttpApp;
beforeEach(async () => {
  h = await startHarness();
  web = buildHttpApp(h.app, { publicUrl: 'http://127.0.0.1:8080' });
});
afterEach(async () => {
  await h.close();
});

describe('the health report', () => {
  it('says ok with the store, the outbox backlog and every channel state', async () => {
    h.app.health.set('whatsapp', { state: 'connected', since: h.clock.now });
    await h.app.store.commit({ outbox: [{ channel: 'telegram', chatId: '1', text: 'x' }] });
    const res = await web.hono.request('/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      store: 'sqlite',
      outbox: { pending: 1, failed: 0 },
      channels: { whatsapp: { state: 'connected' } },
    });
  });

  it('answers 503 when a channel is down, naming it', async () => {
    h.app.health.set('whatsapp', { state: 'reconnecting', since: h.clock.now, detail: 'disconnected: NAVIGATION' });
    const res = await web.hono.request('/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', channels: { whatsapp: { state: 'reconnecting' } } });
  });

  it('says the store cannot write when it became read-only, and ok again once it can', async () => {
    const db = (h.app.store as SqliteStore).database;
    db.pragma('query_only = ON'); // every write now fails with "attempt to write a readonly database"
    const res = await web.hono.request('/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      status: 'degraded',
      storage: { writable: false, state: 'read-only', error: 'attempt to write a readonly database' },
    });
    // New work waits meanwhile: the dispatcher claims nothing.
    await h.app.store.commit({ outbox: [] }).catch(() => {});
    expect(await h.app.dispatcher.drainOnce()).toBe(0);
    db.pragma('query_only = OFF');
    await h.app.storage.whenWritable();
    const after = await web.hono.request('/health');
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ storage: { writable: true, state: 'ok' } });
  });

  it('answers 404 to anything else', async () => {
    expect((await web.hono.request('/admin')).status).toBe(404);
  });
});
