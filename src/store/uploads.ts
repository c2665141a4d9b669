// Files citizens upload with the web form: kept under DATA_DIR/uploads (folder 0700, files 0600, named by a random
// id), their type taken from their first bytes (never from the name or the browser's word), and served only to
// signed-in staff. Only photos and PDFs are taken.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SniffedType {
  mime: string;
  kind: 'photo' | 'document';
}

/** What the bytes are, from their signature; null for anything but JPEG, PNG, GIF, WebP, HEIC or PDF. */
export function sniffType(b: Uint8Array): SniffedType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { mime: 'image/jpeg', kind: 'photo' };
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return { mime: 'image/png', kind: 'photo' };
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return { mime: 'image/gif', kind: 'photo' };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { mime: 'image/webp', kind: 'photo' };
  if (ascii(4, 8) === 'ftyp' && /^(heic|heix|mif1|msf1|hevc)$/.test(ascii(8, 12)))
    return { mime: 'image/heic', kind: 'photo' };
  if (ascii(0, 5) === '%PDF-') return { mime: 'application/pdf', kind: 'document' };
  return null;
}

export interface UploadStore {
  /** Keeps the bytes; returns the file's id (an attachment's fileId is "web:<id>"). */
  save(bytes: Uint8Array): Promise<string>;
  /** The bytes of a kept file, or null when there is no such file. */
  read(id: string): Promise<Buffer | null>;
}

const ID = /^[a-f0-9]{32}$/;

export function localUploads(dataDir: string): UploadStore {
  const dir = join(dataDir, 'uploads');
  let made = false;
  const ensure = () => {
    if (!made) mkdirSync(dir, { recursive: true, mode: 0o700 });
    made = true;
  };
  return {
    async save(bytes) {
      ensure();
      const id = randomBytes(16).toString('hex');
      await writeFile(join(dir, id), bytes, { mode: 0o600, flag: 'wx' });
      return id;
    },
    async read(id) {
      if (!ID.test(id)) return null;
      try {
        return await readFile(join(dir, id));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
