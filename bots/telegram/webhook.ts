// Optional webhook mode (several instances behind a load balancer): one small HTTP server for both bots, each on
// its own path under TELEGRAM_WEBHOOK_URL. Every request must carry the secret token Telegram was given; an
// update is answered 200 only after it was handled, so Telegram sends it again if we fail or stop first. A copy of
// an update that arrives while the first is still being handled waits for it instead of being handled beside it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../src/log/logger.js';
import type { RawUpdate } from './polling.js';
import { StartupError } from '../../src/config/startup-error.js';

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

/** Opens the listener (rejects when the port cannot be had); bots mount their paths on it afterwards. */
export async function startWebhookServer(opts: {
  url: string;
  secret: string;
  port: number;
  host?: string;
  log: Logger;
  /** False while the store cannot write: updates are refused with 503, so Telegram keeps them and retries. */
  intakeOpen?: () => boolean;
}): Promise<WebhookServer> {
  const base = new URL(opts.url);
  const basePath = base.pathname.replace(/\/+$/, '');
  const handlers = new Map<string, (u: RawUpdate) => Promise<void>>();
  const inFlight = new Map<string, Set<Promise<unknown>>>();
  /**
   * The updates being handled, by bot and a hash of the body, so a copy Telegram sends meanwhile (byte for byte the
   * same) shares the first one's fate. Not by update_id alone: Telegram may number updates from lower again (after
   * a week without updates the next id is random), and a new update must never be taken for an old one.
   */
  const handling = new Map<string, Promise<void>>();
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
    if (opts.intakeOpen && !opts.intakeOpen()) {
      res.writeHead(503, { 'retry-after': '30' }).end();
      req.resume();
      return;
    }
    const work = readBody(req)
      .then(async (body) => {
        const update = JSON.parse(body) as RawUpdate;
        if (!update || typeof update !== 'object' || !Number.isSafeInteger(update.update_id)) throw new BadRequest();
        const key = `${name}:${createHash('sha256').update(body).digest('base64')}`;
        let done = handling.get(key);
        if (done)
          opts.log.debug('a copy of an update in hand arrived; it gets the first one’s answer', {
            bot: name,
            update: update.update_id,
          });
        else {
          done = handle(update).finally(() => handling.delete(key));
          handling.set(key, done);
        }
        await done;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      })
      .catch((err: Error) => {
        // A malformed body will not get better on a retry; Telegram gives up on a refused request after a few tries.
        const bad = err instanceof BadRequest || err instanceof SyntaxError;
        if (bad) opts.log.warn('malformed webhook request refused', { bot: name });
        else opts.log.error('webhook update failed; Telegram will send it again', { bot: name, error: err });
        res.writeHead(bad ? 400 : 500).end();
      });
    const set = inFlight.get(name) ?? new Set();
    inFlight.set(name, set);
    set.add(work);
    void work.finally(() => set.delete(work));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          `Telegram webhook server cannot listen on port ${opts.port} (TELEGRAM_WEBHOOK_PORT): ${err.code === 'EADDRINUSE' ? 'the port is already in use' : err.message}.`,
          'TELEGRAM_WEBHOOK_PORT',
        ),
      ),
    );
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;

  return {
    port,
    async mount(name, handle, register) {
      handlers.set(name, handle as (u: RawUpdate) => Promise<void>);
      try {
        await register(`${base.origin}${basePath}/${name}`, opts.secret);
      } catch (err) {
        handlers.delete(name);
        throw err;
      }
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
