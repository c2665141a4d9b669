// `aduan serve` (what `npm start` runs): every configured channel; the console chat when none is configured.
// SIGTERM / SIGINT finish the message in hand, then stop. Channels start side by side; one that cannot start for a
// reason only a person can fix (a rejected token, a port in use) stops start-up with one line naming the setting,
// while one that merely cannot reach its service yet starts in the background.
import type { Io } from '../main.js';
import { configFromEnv, parseFlags, startCore } from '../bootstrap.js';
import { loadChannels, runConsoleChat, type RunningChannel } from '../channels.js';
import { serveHealth } from '../../services/health.js';
import { StartupError } from '../../config/startup-error.js';

export const usage = `Usage: aduan serve
  Runs every configured channel (Telegram, WhatsApp), the scheduler and, with HEALTH_PORT, the health report.
  With no channel configured, runs the console chat in this terminal. Stops cleanly on SIGTERM or Ctrl+C.
`;

export default async function serve(argv: string[], io: Io): Promise<number> {
  parseFlags(argv, {}, usage);
  const config = configFromEnv();
  const { channels, services } = await loadChannels();
  const enabled = channels.filter((c) => c.enabled(config));
  const app = await startCore({ quiet: enabled.length === 0 });
  const running: RunningChannel[] = [];
  const stopAll = async () => {
    for (const r of running.reverse()) {
      await r.stop().catch((err) => app.log.error('stop failed', { channel: r.name, error: err as Error }));
    }
    await app.close();
  };
  try {
    const recovered = await app.inbound.recover();
    if (recovered) app.log.info('handled messages stored before the last stop', { count: recovered });
    for (const service of services) running.push(await service.start(app));
    if (enabled.length === 0) {
      app.log.info('no channel configured: starting the console chat', { store: app.store.kind });
      await runConsoleChat(app, { input: io.stdin, output: io.stdout });
      await stopAll();
      return 0;
    }
    if (app.config.HEALTH_PORT) {
      const port = app.config.HEALTH_PORT;
      const server = await serveHealth(app, port).catch((err: NodeJS.ErrnoException) => {
        throw new StartupError(
          `HEALTH_PORT ${port} cannot be used: ${err.code === 'EADDRINUSE' ? 'another program (or another Aduan) already listens on it' : err.message}. Choose another port or stop the other program.`,
          'HEALTH_PORT',
        );
      });
      running.push({ name: 'health', stop: () => new Promise((r) => server.close(() => r())) });
      app.log.info('health report served', { url: `http://0.0.0.0:${port}/health` });
    }
    const started = await Promise.allSettled(enabled.map((entry) => entry.start(app)));
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
