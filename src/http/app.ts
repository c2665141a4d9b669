// The service's one web application (Hono): the health report, the stylesheet, the staff dashboard under /staf, and
// whatever adapters mount while it runs (the Telegram webhooks, the citizens' pages at /), behind the security
// headers and a same-origin check on every form post. Built without a listener so tests run it in-process
// (`hono.request(...)`); server.ts puts it on a port.
import { Hono } from 'hono';
import type { App } from '../app.js';
import type { WorkClock } from '../domain/work-time.js';
import { healthRoute } from './health-route.js';
import { h } from './pages/html.js';
import { page } from './pages/layout.js';
import { SITE_CSS } from './pages/site-css.js';
import { routeTable, type RouteTable } from './routes.js';
import { requestInfo, sameOrigin, securityHeaders } from './security.js';
import { staffDashboard } from './staff/index.js';

export interface HttpOptions {
  publicUrl: string;
  /** The agency's zone, for the digest page's days (AGENCY_TIMEZONE). */
  timeZone?: string;
  /** How the export counts stage times (office minutes, from the scheduler's calendar). */
  clock?: WorkClock;
  /** The route table adapters mount on (the server makes it before the application is built); default a new one. */
  routes?: RouteTable;
}

export interface HttpApp {
  hono: Hono;
  routes: RouteTable;
}

/** The application with its own routes; adapters mount theirs on `routes`. */
export function buildHttpApp(app: App, opts: HttpOptions): HttpApp {
  const routes = opts.routes ?? routeTable(opts.publicUrl);
  const hono = new Hono();
  const secure = (info: { secure: boolean }) => info.secure || opts.publicUrl.startsWith('https:');
  hono.use('*', securityHeaders({ secure }));
  healthRoute(hono, app, app.now());
  hono.get('/static/site.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(SITE_CSS, 200, { 'content-type': 'text/css; charset=utf-8' });
  });
  // No icon: an empty answer instead of a 404 every browser would log.
  hono.get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(null, 204);
  });
  hono.use('/staf/*', sameOrigin(opts.publicUrl));
  hono.route(
    '/staf',
    staffDashboard(app, {
      publicUrl: opts.publicUrl,
      secure,
      ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
      ...(opts.clock ? { clock: opts.clock } : {}),
    }),
  );
  hono.all('*', async (c) => {
    const handler = routes.find(c.req.path);
    if (!handler) return c.notFound();
    return handler(c.req.raw, requestInfo(c.env));
  });
  hono.notFound((c) => c.html(notFoundPage(app), 404));
  hono.onError((err, c) => {
    app.log.error('web request failed', { path: c.req.path, error: err });
    return c.html(errorPage(app), 500);
  });
  return { hono, routes };
}

function notFoundPage(app: App) {
  return page({
    title: 'Halaman tidak ditemukan',
    lang: 'id',
    agency: app.agency,
    home: '/',
    service: 'Layanan Pengaduan',
    body: h`<h1>Halaman tidak ditemukan</h1><p>Alamat ini tidak ada. <a href="/">Kembali ke halaman utama</a>.</p>
<p lang="en" class="muted">Page not found.</p>`,
  });
}

function errorPage(app: App) {
  return page({
    title: 'Terjadi kesalahan',
    lang: 'id',
    agency: app.agency,
    home: '/',
    service: 'Layanan Pengaduan',
    body: h`<h1>Maaf, terjadi kesalahan</h1><p>Permintaan Anda belum dapat diproses. Silakan coba lagi sebentar lagi.</p>
<p lang="en" class="muted">Sorry, something went wrong. Please try again shortly.</p>`,
  });
}
