// The table behind the HttpRoutes port: adapters mount handlers under path prefixes while the server runs (a bot's
// webhook when it starts, the citizens' pages), and the server asks it which handler takes a path.
import type { HttpHandler, HttpRoutes } from '../ports/http.js';

export interface RouteTable extends HttpRoutes {
  /** The handler of the longest mounted prefix that `path` is or is under; null when none. */
  find(path: string): HttpHandler | null;
}

export function routeTable(publicUrl: string): RouteTable {
  const mounted = new Map<string, HttpHandler>();
  const norm = (prefix: string) => (prefix === '/' ? '/' : prefix.replace(/\/+$/, '') || '/');
  return {
    publicUrl,
    mount(prefix, handler) {
      mounted.set(norm(prefix), handler);
    },
    unmount(prefix) {
      mounted.delete(norm(prefix));
    },
    find(path) {
      let best: string | null = null;
      for (const prefix of mounted.keys()) {
        const under = prefix === '/' || path === prefix || path.startsWith(`${prefix}/`);
        if (under && (best === null || prefix.length > best.length)) best = prefix;
      }
      return best === null ? null : (mounted.get(best) ?? null);
    },
  };
}
