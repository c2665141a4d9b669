// The only file that loads whatsapp-web.js at run time (lazily, so tests and other channels never load puppeteer).
// Sessions are kept with LocalAuth under DATA_DIR, so a restart does not ask for a new QR code; the browser is
// the system Chromium at CHROMIUM_PATH, headless.
import type { WhatsAppDriver } from './client-port.js';
import type { WhatsAppSettings } from './settings.js';

/** Chromium flags for a headless server: no sandbox (containers), no GPU, nothing running in the background. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
];

/** The real driver: a new Client per connection attempt, on the same LocalAuth session folder. */
export async function loadRealDriver(
  settings: Pick<WhatsAppSettings, 'sessionDir' | 'webCacheDir' | 'chromiumPath'>,
): Promise<WhatsAppDriver> {
  const lib = (await import('whatsapp-web.js')).default;
  return {
    createClient: () =>
      new lib.Client({
        authStrategy: new lib.LocalAuth({ dataPath: settings.sessionDir }),
        puppeteer: { executablePath: settings.chromiumPath, headless: true, args: CHROMIUM_ARGS },
        webVersionCache: { type: 'local', path: settings.webCacheDir },
      }),
    media: (mimetype, base64, filename) => new lib.MessageMedia(mimetype, base64, filename),
  };
}
