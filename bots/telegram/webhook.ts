// Optional webhook mode (several instances behind a load balancer): each bot's path under TELEGRAM_WEBHOOK_URL,
// served by the service's one HTTP server (src/http, port HTTP_PORT). Every request must carry the secret token
// Telegram was given; an update is answered 200 only after it was handled, so Telegram sends it again if we fail or
// stop first. A copy of an update that arrives while the first is still being handled waits for it instead of being
// handled beside it.
//
// Each bot's own update handler (grammY's and Telegraf's handleUpdate, through `handle`) does the work; the
// libraries' webhook adapters are not used around it: Telegraf's answers 200 before a failure surfaces (the update
// would be lost), grammY's answers a malformed body with 500 (Telegram would resend it for ever), and neither joins
// a copy of an update in hand.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../src/log/logger.js';
import type { HttpRoutes } from '../../src/ports/http.js';
import type { RawUpdate } from './polling.js';

export interface WebhookServer {
  /** Serves `<url>/<name>` on the HTTP server and tells Telegram about it through `register`. */
  mount(
    name: string,
    handle: (update: never) => Promise<void>,
    register: (url: string, secret: string) => Promise<void>,
  ): Promise<void>;
  /** Stops taking updates for `name` and waits for the ones in hand. */
  unmount(name: string): Promise<void>;
  /** Waits for every update in hand. */
  close(): Promise<void>;
}

const MAX_BODY = 1_048_576;

/** The bots' webhook paths on the service's HTTP server. */
export function webhookRoutes(opts: {
  url: string;
  secret: string;
  http: HttpRoutes;
  log: Logger;
  /** False while the store cannot write: updates are refused with 503, so Telegram keeps them and retries. */
  intakeOpen?: () => boolean;
}): WebhookServer {
  const base = new URL(opts.url);
  const basePath = base.pathname.replace(/\/+$/, '');
  const inFlight = new Map<string, Set<Promise<unknown>>>();
  /**
   * The updates being handled, by bot and a hash of the body, so a copy Telegram sends meanwhile (byte for byte the
   * same) shares the first one's fate. Not by update_id alone: Telegram may number updates from lower again.
   */
  const handling = new Map<string, Promise<void>>();
  const secret = Buffer.from(opts.secret);

  const serve = (name: string, handle: (u: RawUpdate) => Promise<void>) => async (req: Request) => {
    if (req.method !== 'POST') return new Response(null, { status: 404 });
    const given = Buffer.from(req.headers.get('x-telegram-bot-api-secret-token') ?? '');
    if (given.length !== secret.length || !timingSafeEqual(given, secret)) {
      opts.log.warn('webhook request without the right secret refused', { bot: name });
      return new Response(null, { status: 401 });
    }
    if (opts.intakeOpen && !opts.intakeOpen())
      return new Response(null, { status: 503, headers: { 'retry-after': '30' } });
    const work = (async () => {
      try {
        const body = await readBody(req);
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
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      } catch (err) {
        // A malformed body will not get better on a retry; Telegram gives up on a refused request after a few tries.
        const bad = err instanceof BadRequest || err instanceof SyntaxError;
        if (bad) opts.log.warn('malformed webhook request refused', { bot: name });
        else opts.log.error('webhook update failed; Telegram will send it again', { bot: name, error: err as Error });
        return new Response(null, { status: bad ? 400 : 500 });
      }
    })();
    const set = inFlight.get(name) ?? new Set();
    inFlight.set(name, set);
    set.add(work);
    void work.finally(() => set.delete(work));
    return work;
  };

  return {
    async mount(name, handle, register) {
      const path = `${basePath}/${name}`;
      opts.http.mount(path, serve(name, handle as (u: RawUpdate) => Promise<void>));
      try {
        await register(`${base.origin}${path}`, opts.secret);
      } catch (err) {
        opts.http.unmount(path);
        throw err;
      }
    },
    async unmount(name) {
      opts.http.unmount(`${basePath}/${name}`);
      await Promise.allSettled([...(inFlight.get(name) ?? [])]);
    },
    async close() {
      await Promise.allSettled([...inFlight.values()].flatMap((s) => [...s]));
    },
  };
}

class BadRequest extends Error {}

/** The body as text, refused past MAX_BODY bytes (counted as it arrives, whatever Content-Length says). */
async function readBody(req: Request): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY) {
      await reader.cancel().catch(() => {});
      throw new BadRequest('body too large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
