// The one HTTP server as adapters see it: a table of path prefixes, each served by a handler of standard fetch
// Request / Response (no web framework type crosses this line). `serve` opens the server (src/http) and hands this
// port to the channels it starts, so the Telegram webhooks and the citizens' web pages share the listener, the
// health report and the security headers.

/** What the server knows about a request that the Request object does not carry. */
export interface HttpRequestInfo {
  /** The client's address (the proxy's X-Forwarded-For entry when HTTP_TRUST_PROXY is set). */
  clientAddress: string;
  /** Whether the client reached us over https (directly, or through a trusted proxy). */
  secure: boolean;
}

export type HttpHandler = (request: Request, info: HttpRequestInfo) => Response | Promise<Response>;

export interface HttpRoutes {
  /**
   * Serves every request whose path is `prefix` or starts with `prefix/` (the longest mounted prefix wins; "/" takes
   * whatever no other prefix does). Mounting a prefix again replaces its handler.
   */
  mount(prefix: string, handler: HttpHandler): void;
  /** Stops serving `prefix` (requests get 404 from then on). */
  unmount(prefix: string): void;
  /** The base of every link the service sends (PUBLIC_URL), without a trailing slash. */
  readonly publicUrl: string;
}

/** What `serve` gives each channel it starts besides the core. */
export interface ChannelEnv {
  /** The HTTP server, when one runs (`serve` always opens it; tests may not). */
  http?: HttpRoutes;
}
