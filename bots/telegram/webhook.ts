// Optional webhook mode (several instances behind a load balancer): one small HTTP server for both bots, each on
// its own path under TELEGRAM_WEBHOOK_URL. Every request must carry the secret token Telegram was given; an
// update is answered 200 only after it was handled, so Telegram sends it again if we fail or stop first.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../src/log/logger.js';
import type { RawUpdate } from './polling.js';

export interface WebhookServer {
  /** Serves `<url>/<name>` and tells Telegram about it through `register`. */
  mount(
    name: string,
    handle: (update: never) => Promise<void>,
    register: (url: string, secret: string) => Promise<void>,
  ): Promise<void>;
  /** Stops taking updates for `name` and waits for the ones in hand. */
  unmount(name: string): Promise<void>;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY = 1_048_576;

export async function startWebhookServer(opts: {
  url: string;
  secret: string;
  port: number;
  host?: string;
  log: Logger;
}): Promise<WebhookServer> {
  const base = new URL(opts.url);
  const basePath = base.pathname.replace(/\/+$/, '');
  const handlers = new Map<string, (u: RawUpdate) => Promise<void>>();
  const inFlight = new Map<string, Set<Promise<unknown>>>();
  const secret = Buffer.from(opts.secret);

  const server: Server = createServer((req, res) => {
    const name = (req.url ?? '').split('?')[0]?.slice(basePath.length + 1) ?? '';
    const handle = req.url?.startsWith(`${basePath}/`) ? handlers.get(name) : undefined;
    if (req.method !== 'POST' || !handle) {
      res.writeHead(404).end();
      req.resume();
      return;
    }
    const given = Buffer.from(String(req.headers['x-telegram-bot-api-secret-token'] ?? ''));
    if (given.length !== secret.length || !timingSafeEqual(given, secret)) {
      opts.log.warn('webhook request without the right secret refused', { bot: name });
      res.writeHead(401).end();
      req.resume();
      return;
    }
    const work = readBody(req)
      .then(async (body) => {
        const update = JSON.parse(body) as RawUpdate;
        if (!update || typeof update !== 'object' || !Number.isSafeInteger(update.update_id)) throw new BadRequest();
        await handle(update);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      })
      .catch((err: Error) => {
        const bad = err instanceof BadRequest || err instanceof SyntaxError;
        if (!bad) opts.log.error('webhook update failed; Telegram will send it again', { bot: name, error: err });
        // A malformed body is answered 200 so Telegram does not resend it forever.
        res.writeHead(bad ? 200 : 500).end();
      });
    const set = inFlight.get(name) ?? new Set();
    inFlight.set(name, set);
    set.add(work);
    void work.finally(() => set.delete(work));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;

  return {
    port,
    async mount(name, handle, register) {
      handlers.set(name, handle as (u: RawUpdate) => Promise<void>);
      await register(`${base.origin}${basePath}/${name}`, opts.secret);
    },
    async unmount(name) {
      handlers.delete(name);
      await Promise.allSettled([...(inFlight.get(name) ?? [])]);
    },
    async close() {
      await Promise.allSettled([...inFlight.values()].flatMap((s) => [...s]));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

class BadRequest extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BadRequest('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
