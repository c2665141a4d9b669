// Starts the WhatsApp channel: checks the browser, then wires the receiver, the connection supervisor and the
// outbox sender together. `startWhatsApp` takes the driver and timers as arguments so tests run it on a fake.
import type { App } from '../../src/app.js';
import type { RunningChannel } from '../../src/ports/channel.js';
import type { ChannelSender } from '../../src/services/dispatcher.js';
import { ensurePrivateDir } from '../../src/config/private-files.js';
import { assertChromium } from './chromium.js';
import type { WhatsAppDriver } from './client-port.js';
import { WhatsAppConnection, type Backoff } from './connection.js';
import { qrDisplay } from './qr.js';
import { loadRealDriver } from './real-driver.js';
import { WhatsAppReceiver } from './receiver.js';
import { createWhatsAppSender } from './sender.js';
import { loadWhatsAppSettings, type WhatsAppSettings } from './settings.js';
import { realTimers, type Timers } from './timers.js';

export interface WhatsAppRuntime {
  driver: WhatsAppDriver;
  settings: WhatsAppSettings;
  timers?: Timers;
  onQr?: (qr: string) => Promise<void>;
  onAuthenticated?: () => Promise<void>;
  backoff?: Backoff;
  watchdogMs?: number;
}

export interface RunningWhatsApp extends RunningChannel {
  connection: WhatsAppConnection;
  receiver: WhatsAppReceiver;
  sender: ChannelSender;
  /** Resolves when every message and background task in hand is done (tests, shutdown). */
  idle(): Promise<void>;
}

/** Wires and starts the channel on `app` with the given driver. */
export function startWhatsApp(app: App, rt: WhatsAppRuntime): RunningWhatsApp {
  const log = app.log.child({ part: 'whatsapp' });
  const core = { ...app, log };
  const receiver = new WhatsAppReceiver(core);
  const connection = new WhatsAppConnection({
    app: core,
    driver: rt.driver,
    receiver,
    timers: rt.timers ?? realTimers,
    onQr: rt.onQr ?? (async () => log.warn('WhatsApp login needed: a QR code was issued')),
    ...(rt.onAuthenticated ? { onAuthenticated: rt.onAuthenticated } : {}),
    ...(rt.backoff ? { backoff: rt.backoff } : {}),
    ...(rt.watchdogMs !== undefined ? { watchdogMs: rt.watchdogMs } : {}),
  });
  const sender = createWhatsAppSender({
    store: app.store,
    log,
    settings: rt.settings,
    defaultLanguage: app.config.DEFAULT_LANGUAGE,
    connection,
    media: (mime, data, name) => rt.driver.media(mime, data, name),
    files: app.files,
  });
  app.dispatcher.register(sender);
  connection.start();
  return {
    name: 'whatsapp',
    connection,
    receiver,
    sender,
    idle: () => connection.idle(),
    async stop() {
      app.dispatcher.unregister('whatsapp');
      await connection.stop();
    },
  };
}

/**
 * Starts WhatsApp as `aduan serve` configures it (WHATSAPP_ENABLED=true): the settings, the browser, the session
 * folder, the QR display. A missing Chromium throws (serve logs it, keeps the rest). Called by the light entry in
 * entry.ts, so nothing of whatsapp-web.js or the QR libraries loads where WhatsApp is off.
 */
export async function startConfiguredWhatsApp(app: App): Promise<RunningWhatsApp> {
  const settings = loadWhatsAppSettings(process.env, app.config);
  try {
    assertChromium(settings.chromiumPath);
  } catch (err) {
    app.health.set('whatsapp', { state: 'failed', since: app.now(), detail: (err as Error).message });
    throw err;
  }
  // The session gives access to the agency's account: its folder (and the page cache) are the service's alone.
  ensurePrivateDir(settings.sessionDir, 'WHATSAPP_SESSION_DIR');
  ensurePrivateDir(settings.webCacheDir, 'DATA_DIR');
  const driver = await loadRealDriver(settings);
  const qr = qrDisplay(settings.qrPngPath, app.log.child({ part: 'whatsapp' }));
  return startWhatsApp(app, { driver, settings, onQr: qr.show, onAuthenticated: qr.clear });
}
