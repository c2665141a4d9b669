// The service's health report: each channel's state (e.g. WhatsApp connected / reconnecting), whether the store can
// write (checked with a real write on every report, at most once a second: a read-only or full store is degraded,
// not "ok"), and the outbox backlog. Served as JSON at GET /health of the HTTP server (src/http/health-route.ts) for
// load balancers and monitoring.
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
  /** What the service refused or noticed since it started (e.g. ticket_lookup_refused: wrong-ticket guesses). */
  metrics: Record<string, number>;
}

/** States a channel reports while it cannot carry messages. */
const BAD_STATES = new Set([
  'failed',
  'failing',
  'reconnecting',
  'stopped',
  'disconnected',
  'waiting_for_qr',
  'connecting',
]);

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
    metrics: app.counters.snapshot(),
  };
}
