// whatsapp-web.js drives a real browser. We never download one (see .puppeteerrc.cjs): a system Chromium must be
// at CHROMIUM_PATH. Checked before launching, so a missing browser gives a message a person can act on.
import { accessSync, constants, statSync } from 'node:fs';

export class ChromiumMissingError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(
      `WhatsApp cannot start: no usable Chromium at CHROMIUM_PATH=${path} (${reason}). ` +
        'Install one (Debian/Ubuntu: apt-get install -y chromium) and set CHROMIUM_PATH to its executable, ' +
        'or set WHATSAPP_ENABLED=false. The other channels keep running.',
    );
    this.name = 'ChromiumMissingError';
  }
}

/** Throws ChromiumMissingError unless `path` is an executable file. */
export function assertChromium(path: string): void {
  if (path.trim() === '') throw new ChromiumMissingError(path, 'the setting is empty');
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new ChromiumMissingError(path, 'the file does not exist');
  }
  if (!isFile) throw new ChromiumMissingError(path, 'it is not a file');
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new ChromiumMissingError(path, 'the file is not executable');
  }
}
