// First login: the QR code is printed in the terminal and written as a PNG (for servers reached over SSH or a
// file share), and the PNG's path is logged. Once logged in the image is deleted: it is a key to the account
// while it is valid.
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import QRCode from 'qrcode';
import qrTerminal from 'qrcode-terminal';
import type { Logger } from '../../src/log/logger.js';

export interface QrDisplay {
  show(qr: string): Promise<void>;
  clear(): Promise<void>;
}

/** Shows QR codes on `print` (the terminal by default) and in `pngPath`. */
export function qrDisplay(
  pngPath: string,
  log: Logger,
  print: (text: string) => void = (s) => process.stdout.write(s),
): QrDisplay {
  return {
    async show(qr) {
      qrTerminal.generate(qr, { small: true }, (art) => print(`${art}\n`));
      await mkdir(dirname(pngPath), { recursive: true, mode: 0o700 });
      // A key to the account while it is valid: readable by the service's user only.
      const png = await QRCode.toBuffer(qr, { type: 'png', width: 360, margin: 2 });
      await writeFile(pngPath, png, { mode: 0o600 });
      await chmod(pngPath, 0o600);
      log.warn(
        'WhatsApp login needed: scan the QR code with the agency phone (WhatsApp > Linked devices > Link a device)',
        {
          qrPng: pngPath,
        },
      );
    },
    async clear() {
      await rm(pngPath, { force: true });
    },
  };
}
