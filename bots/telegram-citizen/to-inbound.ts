// A Telegram update from a citizen's private chat, read into the one InboundMessage every channel produces.
// Anything that is not a citizen talking to us (groups, channels, bots, edits, reactions, stickers, service
// messages) is named as something to ignore or to leave, never half-read.
import type { Message, Update } from 'grammy/types';
import type { Attachment, InboundMessage } from '../../src/domain/messages.js';

export type CitizenUpdate =
  | { kind: 'message'; inbound: InboundMessage }
  | { kind: 'button'; inbound: InboundMessage; callbackId: string; chatId: number; messageId: number }
  | { kind: 'group'; chatId: number }
  | { kind: 'blocked'; userId: number }
  | { kind: 'bad-button'; callbackId: string }
  | { kind: 'ignore'; why: string };

/** Callback data we ourselves put on citizens' buttons: a choice id, short and plain. */
const CHOICE_DATA = /^[A-Za-z0-9_:.-]{1,64}$/;

/** Reads one update. Pure: no I/O, so every odd update can be tested directly. */
export function readCitizenUpdate(update: Update): CitizenUpdate {
  if (update.message) return readMessage(update.message);
  if (update.callback_query) {
    const q = update.callback_query;
    const chat = q.message?.chat;
    if (!chat || chat.type !== 'private' || q.from.is_bot) return { kind: 'bad-button', callbackId: q.id };
    if (typeof q.data !== 'string' || !CHOICE_DATA.test(q.data) || !q.message)
      return { kind: 'bad-button', callbackId: q.id };
    return {
      kind: 'button',
      callbackId: q.id,
      chatId: chat.id,
      messageId: q.message.message_id,
      inbound: {
        channel: 'telegram',
        messageId: `cb:${q.id}`,
        senderId: String(q.from.id),
        chatId: String(chat.id),
        ...nameOf(q.from),
        text: '',
        attachments: [],
        choice: q.data,
        sentAt: (q.message.date ?? 0) * 1000,
      },
    };
  }
  if (update.my_chat_member) {
    const m = update.my_chat_member;
    const status = m.new_chat_member.status;
    if (m.chat.type !== 'private' && (status === 'member' || status === 'administrator'))
      return { kind: 'group', chatId: m.chat.id };
    if (m.chat.type === 'private' && status === 'kicked') return { kind: 'blocked', userId: m.from.id };
    return { kind: 'ignore', why: 'membership change' };
  }
  if (update.edited_message) return { kind: 'ignore', why: 'edited message' };
  if (update.channel_post || update.edited_channel_post) return { kind: 'ignore', why: 'channel post' };
  return { kind: 'ignore', why: 'update type not used' };
}

function readMessage(m: Message): CitizenUpdate {
  if (m.chat.type === 'group' || m.chat.type === 'supergroup') return { kind: 'group', chatId: m.chat.id };
  if (m.chat.type !== 'private') return { kind: 'ignore', why: 'not a private chat' };
  if (!m.from || m.from.is_bot) return { kind: 'ignore', why: 'no human sender' };
  if (m.sticker) return { kind: 'ignore', why: 'sticker' };
  const text = typeof m.text === 'string' ? m.text : typeof m.caption === 'string' ? m.caption : '';
  const attachments = attachmentsOf(m);
  if (text === '' && attachments.length === 0)
    return { kind: 'ignore', why: 'nothing we read (service message, poll, dice…)' };
  return {
    kind: 'message',
    inbound: {
      channel: 'telegram',
      // Telegram numbers messages per chat, so the chat is part of the id (the dedupe key must be unique).
      messageId: `${m.chat.id}:${m.message_id}`,
      senderId: String(m.from.id),
      chatId: String(m.chat.id),
      ...nameOf(m.from),
      text,
      attachments,
      sentAt: m.date * 1000,
    },
  };
}

function nameOf(from: { first_name?: string; last_name?: string }): { senderName?: string } {
  const name = [from.first_name, from.last_name]
    .filter((s) => typeof s === 'string' && s.trim())
    .join(' ')
    .trim();
  return name ? { senderName: name.slice(0, 128) } : {};
}

/** Evidence by file id, type and size; nothing is downloaded. */
export function attachmentsOf(m: Message): Attachment[] {
  const out: Attachment[] = [];
  const file = (
    kind: Attachment['kind'],
    f: { file_id: string; file_size?: number; mime_type?: string; file_name?: string },
  ) => {
    if (typeof f.file_id !== 'string' || !f.file_id) return;
    out.push({
      kind,
      fileId: f.file_id,
      ...(typeof f.file_size === 'number' ? { size: f.file_size } : {}),
      ...(typeof f.mime_type === 'string' ? { mime: f.mime_type } : {}),
      ...(typeof f.file_name === 'string' ? { name: f.file_name.slice(0, 200) } : {}),
    });
  };
  if (Array.isArray(m.photo) && m.photo.length) {
    // Telegram lists the sizes of one photo, smallest first: the largest is the evidence.
    const largest = m.photo.reduce((a, b) =>
      (b.file_size ?? b.width * b.height) >= (a.file_size ?? a.width * a.height) ? b : a,
    );
    file('photo', { ...largest, mime_type: 'image/jpeg' });
  }
  if (m.document) file('document', m.document);
  if (m.audio) file('document', m.audio);
  if (m.voice) file('voice', m.voice);
  if (m.video) file('video', m.video);
  if (m.video_note) file('video', m.video_note);
  const loc = m.location ?? m.venue?.location;
  if (loc && Number.isFinite(loc.latitude) && Number.isFinite(loc.longitude)) {
    out.push({ kind: 'location', latitude: loc.latitude, longitude: loc.longitude });
  }
  return out;
}
