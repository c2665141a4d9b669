// The one HTTP server `serve` opens on HTTP_PORT (bound to HTTP_HOST, 127.0.0.1 unless set): the Hono application
// of app.ts on @hono/node-server. The two hand-made servers (health, webhooks) are gone; adapters mount their
// routes on `routes` (the HttpRoutes port).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../app.js';
import type { WorkClock } from '../domain/work-time.js';
import type { HttpRoutes } from '../ports/http.js';
import { routeTable } from './routes.js';
import { readRequestInfo } from './security.js';
import { StartupError } from '../config/startup-error.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface HttpServerOptions {
  port: number;
  host: string;
  /** The base of links we send (PUBLIC_URL); absent: the address the server listens on (e.g. with port 0). */
  publicUrl?: string;
  trustProxy: boolean;
  timeZone?: string;
  clock?: WorkClock;
}

export interface HttpServer {
  routes: HttpRoutes;
  /** The address it listens on, e.g. http://127.0.0.1:8080 (the local one, not PUBLIC_URL). */
  localUrl: string;
  port: number;
  /** Stops taking connections and waits for the requests in hand (a few seconds at most). */
  close(): Promise<void>;
}

/** Opens the server; rejects with a message naming HTTP_PORT when the port cannot be had. */
export async function startHttpServer(app: App, opts: HttpServerOptions): Promise<HttpServer> {
  // The port is taken at once; the web application (Hono, the pages, the dashboard) is loaded and built at the
  // first request, so a start-up answers its first chat message without loading what no request has asked for yet.
  // Its links need the port when PUBLIC_URL is not set, so a request arriving before the port is known waits for it.
  let routes: ReturnType<typeof routeTable> | null = null;
  let markListening!: () => void;
  const listening = new Promise<void>((resolve) => (markListening = resolve));
  let listener: Promise<Listener> | null = null;
  const loadListener = async (): Promise<Listener> => {
    const [{ getRequestListener }, { buildHttpApp }] = await Promise.all([
      import('@hono/node-server'),
      import('./app.js'),
    ]);
    await listening;
    const built = buildHttpApp(app, {
      publicUrl: routes!.publicUrl,
      routes: routes!,
      ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
      ...(opts.clock ? { clock: opts.clock } : {}),
    });
    return getRequestListener((req, env) => {
      const socket = (env as { incoming?: { socket?: { remoteAddress?: string; encrypted?: boolean } } }).incoming
        ?.socket;
      return built.hono.fetch(req, { info: readRequestInfo(req.headers, socket ?? {}, opts.trustProxy) });
    });
  };
  const server = createServer((req, res) => {
    listener ??= loadListener();
    listener.then(
      (serve) => serve(req, res),
      (err: unknown) => {
        app.log.error('web application could not be loaded', { error: err as Error });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Internal Server Error');
      },
    );
  });
  // Slow clients may not hold a connection open for ever (slowloris); uploads still get minutes.
  server.headersTimeout = 20_000;
  server.requestTimeout = 300_000;
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          `HTTP_PORT ${opts.port} cannot be used on ${opts.host} (HTTP_HOST): ${err.code === 'EADDRINUSE' ? 'another program (or another Aduan) already listens on it' : err.message}. Choose another port or stop the other program.`,
          'HTTP_PORT',
        ),
      );
    server.once('error', onError);
    server.listen(opts.port, opts.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host === '0.0.0.0' ? '127.0.0.1' : opts.host;
  const localUrl = `http://${host}:${port}`;
  routes = routeTable(opts.publicUrl ?? localUrl);
  markListening();
  return {
    routes,
    port,
    localUrl,
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 5000);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
