// `aduan serve` (what `npm start` runs): every configured channel; the console chat when none is configured.
// SIGTERM / SIGINT finish the message in hand, then stop.
import type { Io } from '../main.js';
import { configFromEnv, startCore } from '../bootstrap.js';
import { loadChannels, runConsoleChat, type RunningChannel } from '../channels.js';
import { serveHealth } from '../../services/health.js';

export default async function serve(_argv: string[], io: Io): Promise<number> {
  const config = configFromEnv();
  const { channels, services } = await loadChannels();
  const enabled = channels.filter((c) => c.enabled(config));
  const app = await startCore({ quiet: enabled.length === 0 });
  const recovered = await app.inbound.recover();
  if (recovered) app.log.info('handled messages stored before the last stop', { count: recovered });
  const running: RunningChannel[] = [];
  const stopAll = async () => {
    for (const r of running.reverse()) {
      await r.stop().catch((err) => app.log.error('stop failed', { channel: r.name, error: err as Error }));
    }
    await app.close();
  };
  for (const service of services) running.push(await service.start(app));
  if (enabled.length === 0) {
    app.log.info('no channel configured: starting the console chat', { store: app.store.kind });
    try {
      await runConsoleChat(app, { input: io.stdin, output: io.stdout });
    } finally {
      await stopAll();
    }
    return 0;
  }
  if (app.config.HEALTH_PORT) {
    const server = await serveHealth(app, app.config.HEALTH_PORT);
    running.push({ name: 'health', stop: () => new Promise((r) => server.close(() => r())) });
    app.log.info('health report served', { url: `http://0.0.0.0:${app.config.HEALTH_PORT}/health` });
  }
  for (const entry of enabled) {
    try {
      running.push(await entry.start(app));
      app.log.info('channel started', { channel: entry.name });
    } catch (err) {
      // One channel failing (e.g. WhatsApp without a browser) does not stop the others.
      app.log.error('channel could not start', { channel: entry.name, error: err as Error });
    }
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
