// `aduan serve [--no-console]` (what `npm start` runs): the HTTP server on HTTP_PORT (health report, the citizens'
// web pages, the staff dashboard, Telegram webhooks), every configured channel and the scheduler; the console chat
// when no chat channel is configured (unless --no-console: a web-only service, which runs until stopped).
// SIGTERM / SIGINT finish the message in hand, then stop. Channels start side by side; one that cannot start for a
// reason only a person can fix (a rejected token, a port in use) stops start-up with one line naming the setting,
// while one that merely cannot reach its service yet starts in the background.
import type { Io } from '../main.js';
import { configFromEnv, parseFlags, startCore } from '../bootstrap.js';
import { loadChannels, runConsoleChat, type RunningChannel } from '../channels.js';
import { StartupError } from '../../config/startup-error.js';
import { officeClock } from '../../domain/work-time.js';
import { startHttpServer, type HttpServer } from '../../http/server.js';
import { loadSchedulerConfig } from '../../scheduler/settings.js';
import type { App } from '../../app.js';
import type { Config } from '../../config/config.js';

export const usage = `Usage: aduan serve [--no-console]
  Runs the HTTP server on HTTP_PORT (health report, complaint form and tracking pages, staff dashboard, Telegram
  webhooks), every configured channel (Telegram, WhatsApp) and the scheduler. With no channel configured it also
  runs the console chat in this terminal and stops when its input ends; --no-console runs without it (a web-only
  service). Stops cleanly on SIGTERM or Ctrl+C.
`;

export default async function serve(argv: string[], io: Io): Promise<number> {
  const { values } = parseFlags(argv, { 'no-console': { type: 'boolean' } }, usage);
  const config = configFromEnv();
  const { channels, services, web } = await loadChannels();
  const enabled = channels.filter((c) => c.enabled(config));
  const chat = enabled.length === 0 && values['no-console'] !== true;
  const app = await startCore({ quiet: chat });
  const running: RunningChannel[] = [];
  const stopAll = async () => {
    for (const r of running.reverse()) {
      await r.stop().catch((err) => app.log.error('stop failed', { channel: r.name, error: err as Error }));
    }
    await app.close();
  };
  try {
    for (const warning of config.deprecations) app.log.warn(warning);
    const recovered = await app.inbound.recover();
    if (recovered) app.log.info('handled messages stored before the last stop', { count: recovered });
    const http = await openHttp(app, config, chat);
    const env = http ? { http: http.routes } : {};
    if (http) {
      running.push({ name: 'http', stop: () => http.close() });
      running.push(await web.start(app, env));
      app.log.info('web pages served', { local: http.localUrl, public: http.routes.publicUrl });
    }
    for (const service of services) running.push(await service.start(app, env));
    if (chat) {
      app.log.info('no channel configured: starting the console chat', { store: app.store.kind });
      if (http) {
        const url = http.routes.publicUrl;
        io.stdout.write(
          `Halaman pengaduan / complaint pages: ${url}/  ·  dasbor petugas / staff dashboard: ${url}/staf\n`,
        );
      }
      await runConsoleChat(app, { input: io.stdin, output: io.stdout });
      await stopAll();
      return 0;
    }
    const started = await Promise.allSettled(enabled.map((entry) => entry.start(app, env)));
    let fatal: unknown = null;
    started.forEach((r, i) => {
      const name = enabled[i]?.name;
      if (r.status === 'fulfilled') {
        running.push(r.value);
        app.log.info('channel started', { channel: name });
      } else if (r.reason instanceof StartupError) fatal ??= r.reason;
      // Any other failure (e.g. WhatsApp without a browser) stops only that channel.
      else app.log.error('channel could not start', { channel: name, error: r.reason as Error });
    });
    if (fatal) throw fatal;
  } catch (err) {
    await stopAll();
    throw err;
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  app.log.info('shutting down');
  await stopAll();
  return 0;
}

/**
 * The HTTP server. A port that cannot be had stops start-up naming HTTP_PORT, except beside the console chat, which
 * is still useful without the pages (a warning says so).
 */
async function openHttp(app: App, config: Config, chat: boolean): Promise<HttpServer | null> {
  if (!config.PUBLIC_URL && !/^(127\.|localhost$|::1$)/.test(config.HTTP_HOST))
    app.log.warn('PUBLIC_URL is not set: tracking and sign-in links will name this machine, not the public address');
  const schedule = loadSchedulerConfig();
  try {
    return await startHttpServer(app, {
      port: config.httpPort,
      host: config.HTTP_HOST,
      ...(config.PUBLIC_URL ? { publicUrl: config.publicUrl } : {}),
      trustProxy: config.HTTP_TRUST_PROXY,
      timeZone: schedule.timeZone,
      clock: officeClock(schedule.calendar),
    });
  } catch (err) {
    if (!chat) throw err;
    app.log.warn('web pages not served', { error: err as Error });
    return null;
  }
}
