// Staff sessions on the dashboard: an httpOnly, SameSite=Strict cookie (Secure behind https) holding a random id
// whose hash is stored with an expiry (WEB_SESSION_HOURS) and the token every form of the session must carry.
// Each request checks the member is still listed, so taking someone off the lists signs them out at once.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { App } from '../../app.js';
import type { StaffActor } from '../../domain/staff.js';
import type { StaffSession } from '../../store/web-port.js';
import { requestInfo } from '../security.js';
import { hashToken, isTokenShaped, newToken, sameSecret } from '../tokens.js';

export interface SignedIn {
  session: StaffSession;
  actor: StaffActor;
}

export type StaffEnv = { Variables: { staff: SignedIn } };

const NAME = 'aduan_staf';
/** With https the cookie gets the __Host- prefix: the browser then refuses it unless Secure, on /, for this host. */
const cookieName = (secure: boolean) => (secure ? `__Host-${NAME}` : NAME);

export interface SessionOptions {
  secure: (info: { secure: boolean }) => boolean;
  hours: number;
}

/** Starts a session for a listed member and sets its cookie. */
export async function startSession(
  c: Context,
  app: App,
  opts: SessionOptions,
  who: { staffId: string; name: string },
): Promise<void> {
  const id = newToken();
  const now = app.now();
  const expiresAt = now + opts.hours * 3_600_000;
  await app.web.saveSession({
    idHash: hashToken(id),
    staffId: who.staffId,
    name: who.name,
    csrf: newToken(18),
    createdAt: now,
    expiresAt,
  });
  const secure = opts.secure(requestInfo(c.env));
  setCookie(c, cookieName(secure), id, {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/',
    maxAge: opts.hours * 3600,
  });
}

/** Ends the session of this request (sign-out) and clears the cookie. */
export async function endSession(c: Context, app: App, opts: SessionOptions): Promise<void> {
  const secure = opts.secure(requestInfo(c.env));
  const id = getCookie(c, cookieName(secure));
  if (id && isTokenShaped(id)) await app.web.deleteSession(hashToken(id));
  deleteCookie(c, cookieName(secure), { path: '/', secure });
}

/**
 * Lets signed-in, listed staff through (the session and actor in `c.get('staff')`); others are sent to the sign-in
 * page. Every request that changes something must carry the session's form token.
 */
export function requireStaff(app: App, opts: SessionOptions): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const secure = opts.secure(requestInfo(c.env));
    const id = getCookie(c, cookieName(secure));
    const session = id && isTokenShaped(id) ? await app.web.getSession(hashToken(id), app.now()) : null;
    const actor = session ? app.staff.actorFor('web', { id: session.staffId, name: session.name }) : null;
    if (!session || !actor) {
      if (session) await app.web.deleteSession(session.idHash);
      if (c.req.method !== 'GET') return c.text('Sesi berakhir. Masuk lagi lewat tautan baru.', 401);
      return c.redirect('/staf/masuk', 303);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const form = await c.req.parseBody();
      const token = typeof form._csrf === 'string' ? form._csrf : '';
      if (!sameSecret(token, session.csrf))
        return c.text('Formulir kedaluwarsa. Muat ulang halaman dan coba lagi.', 403);
    }
    c.set('staff', { session, actor });
    return next();
  };
}
