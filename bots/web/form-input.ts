// What a citizen sent with the complaint form or the reply box, checked before anything is stored: the message and
// its length, the place and time, the contact they chose (a WhatsApp number, a Telegram username, an e-mail
// address), the anonymity option where the agency allows it, and up to 3 files whose type is read from their bytes.
// Every problem is named back to the citizen in their language; nothing of a refused form is kept.
import type { Language } from '../../src/domain/case.js';
import { sniffType, type SniffedType } from '../../src/store/uploads.js';
import type { WebContactKind } from '../../src/store/web-port.js';

export const MAX_FILES = 3;
export const MAX_PLACE = 200;
export const MAX_TIME = 100;

export interface ComplaintValues {
  message: string;
  place: string;
  time: string;
  contactKind: 'none' | WebContactKind;
  contactValue: string;
  anonymous: boolean;
}

export interface Upload {
  bytes: Uint8Array;
  type: SniffedType;
  name: string;
}

type Body = Record<string, string | File | Array<string | File>>;

const say = (lang: Language, id: string, en: string) => (lang === 'en' ? en : id);

function text(body: Body, key: string): string {
  const v = body[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.replace(/\r\n?/g, '\n').trim() : '';
}

/** The files of a multipart body under `key` (empty file inputs left out). */
export function filesOf(body: Body, key: string): File[] {
  const v = body[key];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && f.size > 0);
}

/** Reads and checks the complaint form's fields (not its files). */
export function readComplaint(
  body: Body,
  lang: Language,
  limits: { maxChars: number; allowAnonymous: boolean },
): { values: ComplaintValues; errors: string[] } {
  const kind = text(body, 'kontak');
  const values: ComplaintValues = {
    message: text(body, 'pesan'),
    place: text(body, 'lokasi').replace(/\s+/g, ' '),
    time: text(body, 'waktu').replace(/\s+/g, ' '),
    contactKind: kind === 'whatsapp' || kind === 'telegram' || kind === 'email' ? kind : 'none',
    contactValue: text(body, 'kontak_isi').replace(/\s+/g, ' '),
    anonymous: limits.allowAnonymous && text(body, 'anonim') === '1',
  };
  const errors: string[] = [];
  if (!/\p{L}{2,}/u.test(values.message))
    errors.push(say(lang, 'Isi pengaduan belum ditulis.', 'Please write your message.'));
  if (values.message.length > limits.maxChars)
    errors.push(
      say(
        lang,
        `Isi pengaduan terlalu panjang (${values.message.length} karakter; paling banyak ${limits.maxChars}).`,
        `Your message is too long (${values.message.length} characters; at most ${limits.maxChars}).`,
      ),
    );
  if (values.place.length > MAX_PLACE)
    errors.push(say(lang, `Lokasi paling panjang ${MAX_PLACE} karakter.`, `Place: at most ${MAX_PLACE} characters.`));
  if (values.time.length > MAX_TIME)
    errors.push(say(lang, `Waktu paling panjang ${MAX_TIME} karakter.`, `Time: at most ${MAX_TIME} characters.`));
  if (values.contactKind !== 'none') {
    const normal = normaliseContact(values.contactKind, values.contactValue);
    if (normal === null) errors.push(contactProblem(values.contactKind, lang));
    else values.contactValue = normal;
  } else values.contactValue = '';
  return { values, errors };
}

/** A contact in one form: WhatsApp as international digits (62…), a Telegram username without @, e-mail lowercase. */
export function normaliseContact(kind: WebContactKind, value: string): string | null {
  const v = value.trim();
  if (kind === 'whatsapp') {
    const digits = v.replace(/[\s().-]/g, '');
    if (!/^\+?\d{8,15}$/.test(digits)) return null;
    return digits.replace(/^\+/, '').replace(/^0/, '62');
  }
  if (kind === 'telegram') {
    const name = v.replace(/^@/, '').replace(/^https?:\/\/t\.me\//i, '');
    return /^[A-Za-z][A-Za-z0-9_]{4,31}$/.test(name) ? name : null;
  }
  return v.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v) ? v.toLowerCase() : null;
}

function contactProblem(kind: WebContactKind, lang: Language): string {
  switch (kind) {
    case 'whatsapp':
      return say(
        lang,
        'Nomor WhatsApp tidak terbaca (contoh: 0812 3456 7890).',
        'The WhatsApp number is not valid (e.g. 0812 3456 7890).',
      );
    case 'telegram':
      return say(
        lang,
        'Username Telegram tidak terbaca (contoh: @nama_anda).',
        'The Telegram username is not valid (e.g. @your_name).',
      );
    case 'email':
      return say(
        lang,
        'Alamat e-mail tidak terbaca (contoh: nama@contoh.id).',
        'The e-mail address is not valid (e.g. name@example.com).',
      );
  }
}

/** Reads the uploaded files: at most MAX_FILES, each at most `maxBytes`, photos and PDFs only (by their bytes). */
export async function readFiles(
  files: File[],
  lang: Language,
  maxBytes: number,
): Promise<{ uploads: Upload[]; errors: string[] }> {
  const errors: string[] = [];
  if (files.length > MAX_FILES)
    return {
      uploads: [],
      errors: [say(lang, `Paling banyak ${MAX_FILES} berkas.`, `At most ${MAX_FILES} files.`)],
    };
  const uploads: Upload[] = [];
  for (const f of files) {
    const name = cleanName(f.name);
    if (f.size > maxBytes) {
      const mb = Math.round(maxBytes / 1_048_576);
      errors.push(say(lang, `${name}: lebih besar dari ${mb} MB.`, `${name}: larger than ${mb} MB.`));
      continue;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const type = sniffType(bytes);
    if (!type) {
      errors.push(
        say(
          lang,
          `${name}: hanya foto (JPG, PNG, WebP, HEIC) atau PDF.`,
          `${name}: only photos (JPG, PNG, WebP, HEIC) or PDF.`,
        ),
      );
      continue;
    }
    uploads.push({ bytes, type, name });
  }
  return { uploads, errors };
}

/** A file name to show and to offer on download: no path, no control characters, at most 100 characters. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'berkas').slice(0, 100);
}
