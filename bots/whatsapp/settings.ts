// The WhatsApp channel's settings. Their values are validated with the rest of the configuration at start-up
// (src/config/whatsapp-fields.ts: a wrong value stops start-up, naming the setting); this turns them into paths and
// chat ids for the channel.
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { Config } from '../../src/config/config.js';
import { whatsappFields } from '../../src/config/whatsapp-fields.js';
import { toChatId } from './addresses.js';

const schema = z.object(whatsappFields);

export interface WhatsAppSettings {
  /** Most messages per minute over the whole number (ban safety). */
  maxPerMinute: number;
  /** Random extra delay, up to this many ms, before each message. */
  jitterMs: number;
  /** Where LocalAuth keeps the session, so a restart needs no new QR code. */
  sessionDir: string;
  /** Where whatsapp-web.js caches the WhatsApp Web page (kept with our data, not in the working directory). */
  webCacheDir: string;
  /** Where the first-login QR code is written as a PNG. */
  qrPngPath: string;
  chromiumPath: string;
  /** Supervisors' chat ids ("62812…@c.us"): they may be messaged without writing first. */
  supervisorChatIds: string[];
}

export class WhatsAppSettingsError extends Error {
  constructor(problems: string[]) {
    super(`WhatsApp settings are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'WhatsAppSettingsError';
  }
}

/** A supervisor's number as a WhatsApp chat id; a national "08…" number becomes "628…". */
export function phoneToChatId(number: string): string {
  return toChatId(number.replace(/[\s-]/g, ''));
}

/** Reads the WhatsApp settings from the environment, with the core config for the shared ones. */
export function loadWhatsAppSettings(env: Record<string, string | undefined>, config: Config): WhatsAppSettings {
  const r = schema.safeParse(env);
  if (!r.success) throw new WhatsAppSettingsError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const dir = r.data.WHATSAPP_SESSION_DIR;
  return {
    maxPerMinute: r.data.WHATSAPP_MAX_PER_MINUTE,
    jitterMs: r.data.WHATSAPP_JITTER_MS,
    sessionDir: dir ? (isAbsolute(dir) ? dir : resolve(dir)) : join(config.dataDir, 'whatsapp-session'),
    webCacheDir: join(config.dataDir, 'whatsapp-web-cache'),
    qrPngPath: join(config.dataDir, 'whatsapp-qr.png'),
    chromiumPath: config.CHROMIUM_PATH,
    supervisorChatIds: config.SUPERVISOR_WHATSAPP_NUMBERS.map(phoneToChatId),
  };
}
