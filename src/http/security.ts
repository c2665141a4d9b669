// The safety of pages anyone can open: standard headers on every response (a content security policy with no
// inline script or style and nothing from elsewhere, no framing, no referrer, no sniffing, no caching of pages),
// the client's address for rate limits, and a same-origin check on every form post (with SameSite cookies and the
// forms' own tokens, a second line against cross-site requests).
import type { MiddlewareHandler } from 'hono';
import type { HttpRequestInfo } from '../ports/http.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Sets the headers on every response, unless the handler chose its own cache rule (static files). */
export function securityHeaders(opts: { secure: (info: HttpRequestInfo) => boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const hd = c.res.headers;
    hd.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    hd.set('X-Content-Type-Options', 'nosniff');
    hd.set('Referrer-Policy', 'no-referrer');
    hd.set('X-Frame-Options', 'DENY');
    hd.set('Cross-Origin-Opener-Policy', 'same-origin');
    hd.set('Cross-Origin-Resource-Policy', 'same-origin');
    hd.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (!hd.has('Cache-Control')) hd.set('Cache-Control', 'no-store');
    if (opts.secure(requestInfo(c.env))) hd.set('Strict-Transport-Security', 'max-age=31536000');
  };
}

/** Where the server's adapter left the request's info (src/http/server.ts); a placeholder in in-process tests. */
export function requestInfo(env: unknown): HttpRequestInfo {
  const info = (env as { info?: HttpRequestInfo } | undefined)?.info;
  return info ?? { clientAddress: 'unknown', secure: false };
}

/**
 * The client's address and scheme. Behind a proxy (HTTP_TRUST_PROXY) the last X-Forwarded-For entry is the address
 * the proxy saw; without one, those headers are anyone's to forge and are ignored.
 */
export function readRequestInfo(
  headers: Headers,
  socket: { remoteAddress?: string | undefined; encrypted?: boolean },
  trustProxy: boolean,
): HttpRequestInfo {
  const direct = socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return { clientAddress: direct, secure: Boolean(socket.encrypted) };
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const proto = (headers.get('x-forwarded-proto') ?? '').split(',')[0]?.trim().toLowerCase();
  return { clientAddress: forwarded.at(-1) ?? direct, secure: proto === 'https' || Boolean(socket.encrypted) };
}

/**
 * Refuses a state-changing request whose Origin (or, without one, Referer) names another site. Browsers send
 * Origin with every form post; a request with neither (a script, curl) is let through to the form's own token.
 */
export function sameOrigin(publicUrl: string): MiddlewareHandler {
  const ours = new URL(publicUrl).origin;
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const origin = c.req.header('origin') ?? refererOrigin(c.req.header('referer'));
    if (origin && origin !== 'null') {
      const host = c.req.header('host');
      const proto = new URL(c.req.url).protocol;
      const own = host ? `${proto}//${host}` : null;
      if (origin !== ours && origin !== own) return c.text('Cross-site request refused.', 403);
    }
    return next();
  };
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
