// The citizens' web channel: the complaint form and the private tracking page on the service's HTTP server, and the
// 'web' sender that keeps what the flows send a web citizen in their conversation. `serve` always runs it (it needs
// no account); the composition root (src/cli/channels.ts) lists it.
import type { App } from '../../src/app.js';
import type { ChannelEntry, RunningChannel } from '../../src/ports/channel.js';
import type { HttpHandler, HttpRoutes } from '../../src/ports/http.js';
import { localUploads } from '../../src/store/uploads.js';
import { ReplyWaiters, webSender } from './sender.js';

/** Starts the web channel on `http`: the sender registered with the dispatcher, the pages mounted at "/". */
export function startWebChannel(app: App, http: HttpRoutes): RunningChannel {
  const waiters = new ReplyWaiters();
  app.dispatcher.register(webSender(app, { publicUrl: http.publicUrl, waiters }));
  const secure = (info: { secure: boolean }) => info.secure || http.publicUrl.startsWith('https:');
  const uploads = localUploads(app.config.dataDir);
  // The pages (Hono and their templates) are loaded at the first request, not while the service starts.
  let pages: Promise<HttpHandler> | null = null;
  const loadPages = async (): Promise<HttpHandler> => {
    const { citizenPages } = await import('./routes.js');
    const built = citizenPages({ app, uploads, waiters }, { publicUrl: http.publicUrl, secure });
    return (req, info) => built.fetch(req, { info });
  };
  http.mount('/', async (req, info) => (await (pages ??= loadPages()))(req, info));
  app.health.set('web', { state: 'serving', since: app.now(), detail: http.publicUrl });
  return {
    name: 'web',
    async stop() {
      http.unmount('/');
      app.dispatcher.unregister('web');
    },
  };
}

export const webChannel: ChannelEntry = {
  name: 'web',
  enabled: () => true,
  async start(app, env) {
    if (!env?.http) throw new Error('the web channel needs the HTTP server (HTTP_PORT), which `serve` opens');
    return startWebChannel(app, env.http);
  },
};
