// The one HTTP server `serve` opens on HTTP_PORT (bound to HTTP_HOST, 127.0.0.1 unless set): the Hono application
// of app.ts on @hono/node-server. The two hand-made servers (health, webhooks) are gone; adapters mount their
// routes on `routes` (the HttpRoutes port).
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../app.js';
import type { WorkClock } from '../domain/work-time.js';
import type { HttpRoutes } from '../ports/http.js';
import { buildHttpApp, type HttpApp } from './app.js';
import { readRequestInfo } from './security.js';
import { StartupError } from '../config/startup-error.js';

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
  // The application is built once the port is known (its links need it when PUBLIC_URL is not set); a request
  // arriving in between waits for it.
  let built: HttpApp | null = null;
  let markBuilt!: () => void;
  const ready = new Promise<void>((resolve) => (markBuilt = resolve));
  const server = createAdaptorServer({
    fetch: async (req, env) => {
      if (!built) await ready;
      const socket = (env as { incoming?: { socket?: { remoteAddress?: string; encrypted?: boolean } } }).incoming
        ?.socket;
      return built!.hono.fetch(req, { info: readRequestInfo(req.headers, socket ?? {}, opts.trustProxy) });
    },
  }) as Server;
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
  built = buildHttpApp(app, {
    publicUrl: opts.publicUrl ?? localUrl,
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  markBuilt();
  return {
    routes: built.routes,
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
