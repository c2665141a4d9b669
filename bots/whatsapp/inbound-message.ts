// Turns a WhatsApp message into the core's InboundMessage, or says why not: messages from groups, broadcasts,
// status updates and ourselves are ignored; stickers, contact cards and view-once media get a polite reply;
// media and locations become attachments (never downloaded here: the size comes from WhatsApp's metadata).
import type { Attachment, InboundMessage } from '../../src/domain/messages.js';
import { isPersonalChat } from './addresses.js';
import type { WaMessage } from './client-port.js';
import type { UnusableKind } from './texts.js';

export type Triage =
  | { action: 'ignore'; reason: string }
  | { action: 'reply'; kind: UnusableKind; message: InboundMessage }
  | { action: 'handle'; message: InboundMessage };

const MEDIA_KIND: Record<string, Attachment['kind']> = {
  image: 'photo',
  video: 'video',
  document: 'document',
  audio: 'voice',
  ptt: 'voice',
};

/** WhatsApp's own bookkeeping, not something a person wrote: ignored without a word. */
const SYSTEM_TYPES = new Set([
  'revoked',
  'reaction',
  'album',
  'ciphertext',
  'e2e_notification',
  'notification',
  'notification_template',
  'group_notification',
  'gp2',
  'protocol',
  'call_log',
  'broadcast_notification',
  'debug',
  'hsm',
  'unknown',
]);

/** Answers to buttons or lists sent by others: their body is the chosen text. */
const TEXT_LIKE = new Set(['chat', 'buttons_response', 'list_response', 'template_button_reply']);

function raw(m: WaMessage): Record<string, unknown> {
  return m.rawData && typeof m.rawData === 'object' ? (m.rawData as Record<string, unknown>) : {};
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

function mediaAttachment(m: WaMessage, kind: Attachment['kind']): Attachment {
  const r = raw(m);
  const mime = str(r.mimetype);
  const size = num(r.size);
  const name = str(r.filename);
  return {
    kind,
    fileId: m.id._serialized,
    ...(mime ? { mime } : {}),
    ...(size !== undefined ? { size } : {}),
    ...(name ? { name } : {}),
  };
}

function locationAttachment(m: WaMessage): Attachment | null {
  const loc = m.location;
  const latitude = num(loc?.latitude ?? raw(m).lat);
  const longitude = num(loc?.longitude ?? raw(m).lng);
  if (latitude === undefined || longitude === undefined || Math.abs(latitude) > 90 || Math.abs(longitude) > 180)
    return null;
  const name = str(loc?.description) ?? str(loc?.name) ?? str(loc?.address);
  return { kind: 'location', fileId: m.id._serialized, latitude, longitude, ...(name ? { name } : {}) };
}

/** Decides what to do with one WhatsApp message. Never throws on odd input. */
export function triage(m: WaMessage): Triage {
  const from = typeof m.from === 'string' ? m.from : '';
  const id = typeof m.id?._serialized === 'string' ? m.id._serialized : '';
  if (m.fromMe || m.id?.fromMe) return { action: 'ignore', reason: 'own message' };
  if (m.isStatus || from === 'status@broadcast') return { action: 'ignore', reason: 'status update' };
  if (m.broadcast || from.endsWith('@broadcast')) return { action: 'ignore', reason: 'broadcast' };
  if (from.endsWith('@g.us') || m.author) return { action: 'ignore', reason: 'group' };
  if (!isPersonalChat(from)) return { action: 'ignore', reason: 'not a personal chat' };
  if (id === '') return { action: 'ignore', reason: 'no message id' };
  const type = typeof m.type === 'string' ? m.type : 'unknown';
  if (SYSTEM_TYPES.has(type)) return { action: 'ignore', reason: `${type} message` };

  const r = raw(m);
  const notifyName = str(r.notifyName);
  const base: InboundMessage = {
    channel: 'whatsapp',
    messageId: id,
    senderId: from,
    chatId: from,
    text: '',
    attachments: [],
    sentAt: (num(m.timestamp) ?? 0) * 1000,
    ...(notifyName ? { senderName: notifyName } : {}),
  };
  const body = typeof m.body === 'string' ? m.body : '';

  if (TEXT_LIKE.has(type)) return { action: 'handle', message: { ...base, text: body } };
  const mediaKind = MEDIA_KIND[type];
  if (mediaKind) {
    if (r.isViewOnce === true) return { action: 'reply', kind: 'viewOnce', message: base };
    // A media message's body is its caption (possibly empty).
    return { action: 'handle', message: { ...base, text: body, attachments: [mediaAttachment(m, mediaKind)] } };
  }
  if (type === 'location') {
    const loc = locationAttachment(m);
    // The body of a location message is a thumbnail image, never text.
    return loc
      ? { action: 'handle', message: { ...base, attachments: [loc] } }
      : { action: 'reply', kind: 'unsupported', message: base };
  }
  if (type === 'sticker') return { action: 'reply', kind: 'sticker', message: base };
  if (type === 'vcard' || type === 'multi_vcard') return { action: 'reply', kind: 'contactCard', message: base };
  if (type === 'oversized') return { action: 'reply', kind: 'oversized', message: base };
  return { action: 'reply', kind: 'unsupported', message: base };
}
