// Reads a staff group update from its raw JSON into the few facts the inbox acts on. Read defensively from
// `unknown`: a field of the wrong type is treated as absent, so a malformed update can never crash the bot.

export interface StaffMessage {
  kind: 'message';
  updateId: number;
  chatId: number;
  chatType: string;
  messageId: number;
  from?: { id: number; isBot: boolean; name: string };
  /** Set when the message was sent on behalf of a chat (anonymous admin, linked channel). */
  senderChat?: { id: number; type: string };
  /** Forwarded from a channel, or an automatic forward of a channel post. */
  fromChannel: boolean;
  /** The forum topic's thread id, only for messages inside a topic. */
  topicId?: number;
  replyToMessageId?: number;
  text: string;
  hasMedia: boolean;
  /** A photo (its largest size) or a document, by the staff bot's file id. */
  file?: { kind: 'photo' | 'document'; fileId: string; name?: string; mime?: string; size?: number };
  /** Set for an edited message: when it was edited (unix seconds). */
  editDate?: number;
}

export interface StaffButton {
  kind: 'button';
  updateId: number;
  callbackId: string;
  from: { id: number; isBot: boolean; name: string };
  data: string;
  chatId?: number;
  messageId?: number;
  topicId?: number;
}

export type StaffUpdate = StaffMessage | StaffButton | { kind: 'ignore'; updateId: number; why: string };

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function user(v: unknown): StaffButton['from'] | undefined {
  const u = obj(v);
  const id = int(u?.id);
  if (!u || id === undefined) return undefined;
  const name = [str(u.first_name), str(u.last_name)].filter(Boolean).join(' ').trim() || str(u.username) || String(id);
  return { id, isBot: u.is_bot === true, name: name.slice(0, 64) };
}

/** Reads one update of any shape. */
export function readStaffUpdate(raw: unknown): StaffUpdate {
  const u = obj(raw);
  const updateId = int(u?.update_id) ?? -1;
  if (!u) return { kind: 'ignore', updateId, why: 'not an object' };
  if (u.message !== undefined) return readMessage(updateId, u.message);
  const q = obj(u.callback_query);
  if (q) {
    const from = user(q.from);
    const callbackId = str(q.id);
    if (!from || !callbackId) return { kind: 'ignore', updateId, why: 'button without sender' };
    const m = obj(q.message);
    const chatId = int(obj(m?.chat)?.id);
    const messageId = int(m?.message_id);
    const topicId = m?.is_topic_message === true ? int(m.message_thread_id) : undefined;
    return {
      kind: 'button',
      updateId,
      callbackId,
      from,
      data: str(q.data) ?? '',
      ...(chatId !== undefined ? { chatId } : {}),
      ...(messageId !== undefined ? { messageId } : {}),
      ...(topicId !== undefined ? { topicId } : {}),
    };
  }
  if (u.edited_message !== undefined) {
    // An edit of a message relayed to the citizen is sent to them as a correction (the staff flow decides).
    const read = readMessage(updateId, u.edited_message);
    const editDate = int(obj(u.edited_message)?.edit_date);
    return read.kind === 'message' ? { ...read, editDate: editDate ?? 0 } : read;
  }
  return { kind: 'ignore', updateId, why: 'update type not used' };
}

function readMessage(updateId: number, raw: unknown): StaffUpdate {
  const m = obj(raw);
  const chat = obj(m?.chat);
  const chatId = int(chat?.id);
  const messageId = int(m?.message_id);
  if (!m || chatId === undefined || messageId === undefined)
    return { kind: 'ignore', updateId, why: 'message without chat' };
  const from = user(m.from);
  const sc = obj(m.sender_chat);
  const scId = int(sc?.id);
  const origin = obj(m.forward_origin);
  const fromChannel =
    str(origin?.type) === 'channel' ||
    str(obj(m.forward_from_chat)?.type) === 'channel' ||
    m.is_automatic_forward === true;
  const text = str(m.text) ?? str(m.caption) ?? '';
  const topicId = m.is_topic_message === true ? int(m.message_thread_id) : undefined;
  const replyTo = int(obj(m.reply_to_message)?.message_id);
  const hasMedia = [
    'photo',
    'document',
    'voice',
    'video',
    'audio',
    'sticker',
    'location',
    'video_note',
    'animation',
  ].some((k) => m[k] !== undefined);
  const file = fileOf(m);
  return {
    kind: 'message',
    updateId,
    chatId,
    ...(file ? { file } : {}),
    chatType: str(chat?.type) ?? 'unknown',
    messageId,
    ...(from ? { from } : {}),
    ...(scId !== undefined ? { senderChat: { id: scId, type: str(sc?.type) ?? 'unknown' } } : {}),
    fromChannel,
    ...(topicId !== undefined ? { topicId } : {}),
    ...(replyTo !== undefined ? { replyToMessageId: replyTo } : {}),
    text,
    hasMedia,
  };
}

/** The photo (largest size) or document of a message, if it has one with a file id. */
function fileOf(m: Record<string, unknown>): StaffMessage['file'] | undefined {
  if (Array.isArray(m.photo)) {
    const sizes = m.photo.map(obj).filter((p): p is Record<string, unknown> => !!p && typeof p.file_id === 'string');
    const best = sizes.sort((a, b) => (int(b.file_size) ?? 0) - (int(a.file_size) ?? 0))[0];
    const size = int(best?.file_size);
    if (best) return { kind: 'photo', fileId: String(best.file_id), ...(size !== undefined ? { size } : {}) };
  }
  const d = obj(m.document);
  const id = str(d?.file_id);
  if (!d || !id) return undefined;
  const name = str(d.file_name);
  const mime = str(d.mime_type);
  const size = int(d.file_size);
  return {
    kind: 'document',
    fileId: id,
    ...(name ? { name: name.slice(0, 120) } : {}),
    ...(mime ? { mime } : {}),
    ...(size !== undefined ? { size } : {}),
  };
}
