// GET /health: the service's health report (src/services/health.ts decides what it holds) as JSON, 200 when it says
// ok and 503 otherwise, for load balancers, container health checks and monitoring.
import type { Hono } from 'hono';
import type { App } from '../app.js';
import { healthReport } from '../services/health.js';

export function healthRoute(hono: Hono, app: App, startedAt: number): void {
  hono.get('/health', async (c) => {
    const report = await healthReport(app, startedAt);
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
}
