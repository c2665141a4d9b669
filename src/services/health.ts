// The service's health report: each channel's state (e.g. WhatsApp connected / reconnecting), whether the store can
// write (checked with a real write on every report, at most once a second: a read-only or full store is degraded,
// not "ok"), and the outbox backlog. Served as JSON on HEALTH_PORT for load balancers and monitoring.
import { createServer, type Server } from 'node:http';
import type { App } from '../app.js';

export interface HealthReport {
  status: 'ok' | 'degraded';
  instance: string;
  store: string;
  /** Whether the store can write; when not, why (full, read-only, failing) and since when. */
  storage: { writable: boolean; state: string; since?: string; error?: string };
  uptimeSeconds: number;
  outbox: { pending: number; failed: number };
  channels: Record<string, { state: string; since: string; detail?: string }>;
}

/** States a channel reports while it cannot carry messages. */
const BAD_STATES = new Set(['failed', 'reconnecting', 'stopped', 'disconnected', 'waiting_for_qr', 'connecting']);

export async function healthReport(app: App, startedAt: number): Promise<HealthReport> {
  const channels: HealthReport['channels'] = {};
  for (const [name, h] of app.health) {
    channels[name] = {
      state: h.state,
      since: new Date(h.since).toISOString(),
      ...(h.detail ? { detail: h.detail } : {}),
    };
  }
  const s = await app.storage.check();
  const storage: HealthReport['storage'] =
    s.state === 'ok'
      ? { writable: true, state: 'ok' }
      : { writable: false, state: s.state, since: new Date(s.since).toISOString(), error: s.error };
  const [pending, failed] = await Promise.all([app.store.countOutbox('pending'), app.store.countOutbox('failed')]);
  const degraded = !storage.writable || Object.values(channels).some((c) => BAD_STATES.has(c.state));
  return {
    status: degraded ? 'degraded' : 'ok',
    instance: app.instanceId,
    store: app.store.kind,
    storage,
    uptimeSeconds: Math.round((app.now() - startedAt) / 1000),
    outbox: { pending, failed },
    channels,
  };
}

/** Serves GET /health (200 when ok, 503 when a channel is down or the store cannot write). */
export function serveHealth(app: App, port: number, host = '0.0.0.0'): Promise<Server> {
  const startedAt = app.now();
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/health') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    healthReport(app, startedAt).then(
      (r) =>
        res.writeHead(r.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(r)),
      (err: Error) =>
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: err.message })),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
