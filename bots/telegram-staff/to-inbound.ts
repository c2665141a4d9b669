// A staff group update read into the one StaffMessage every staff surface produces: the message id (its dedupe
// key), the sender as Telegram knows them, the case of the topic (or of the card it replies to) and where replies go.
// Who may act and what it means is the core's to decide; this only drops what is not for the inbox at all.
import type { StaffMessage } from '../../src/domain/staff.js';
import type { ThreadStore } from '../../src/store/port.js';
import type { StaffButton, StaffMessage as TgStaffMessage } from './read-update.js';
import type { GroupBook } from './groups.js';

export type StaffRead =
  | { kind: 'message'; msg: StaffMessage }
  | { kind: 'button'; msg: StaffMessage; callbackId: string }
  /** Not for the inbox; a button press still gets its spinner answered (with `toast` when there is one). */
  | { kind: 'ignore'; why: string; callbackId?: string; toast?: string };

export interface ReadContext {
  /** The general group and every division group. */
  groups: Pick<GroupBook, 'serves' | 'stored' | 'general'>;
  botUsername: string;
  store: ThreadStore;
}

const COMMAND = /^\/([A-Za-z_]{1,32})@(\w+)/;

/** A message in the staff group (or a private chat with the bot) as a StaffMessage, or why it is not one. */
export async function readStaffMessage(m: TgStaffMessage, ctx: ReadContext): Promise<StaffRead> {
  const inGroup = ctx.groups.serves(String(m.chatId));
  const isPrivate = m.chatType === 'private';
  if (!inGroup && !isPrivate) return { kind: 'ignore', why: 'message from another chat' };
  const anonymous = m.senderChat || m.fromChannel || !m.from;
  if (!anonymous && m.from?.isBot) return { kind: 'ignore', why: 'message from a bot' };
  const addressed = COMMAND.exec(m.text.trim());
  if (addressed && addressed[2]?.toLowerCase() !== ctx.botUsername.toLowerCase()) {
    return { kind: 'ignore', why: 'a command for another bot in the group' };
  }
  const text = addressed ? m.text.trim().replace(`@${addressed[2]}`, '') : m.text;
  // Topic and message ids are numbered per chat: the case is found by (group, topic), never by the topic alone.
  const group = ctx.groups.stored(String(m.chatId));
  const ticket = inGroup ? await ticketOf(ctx.store, group, m.topicId, m.replyToMessageId) : null;
  const sender: StaffMessage['sender'] = anonymous
    ? { anonymous: m.fromChannel || m.senderChat?.type === 'channel' ? 'channel' : 'admin' }
    : { id: String(m.from?.id), ...(m.from?.name ? { name: m.from.name } : {}) };
  return {
    kind: 'message',
    msg: {
      surface: 'telegram',
      // Telegram numbers messages per chat, so the chat is part of the id; each edit is a message of its own.
      messageId: `${m.chatId}:${m.messageId}${m.editDate !== undefined ? `:edit:${m.editDate}` : ''}`,
      ...(m.editDate !== undefined ? { edits: `${m.chatId}:${m.messageId}` } : {}),
      sender,
      ...(ticket ? { ticket } : {}),
      replyTo: ticket ?? (isPrivate && m.from ? `dm:${m.from.id}` : group ? `group:${group}` : 'general'),
      text,
      // Photos and documents by the staff bot's file id (sent on to the citizen); other media only as "there was one".
      attachments: m.file
        ? [
            {
              kind: m.file.kind,
              fileId: m.file.fileId,
              ...(m.file.name ? { name: m.file.name } : {}),
              ...(m.file.mime ? { mime: m.file.mime } : {}),
              ...(m.file.size !== undefined ? { size: m.file.size } : {}),
            },
          ]
        : m.hasMedia
          ? [{ kind: 'video' }]
          : [],
      sentAt: Date.now(),
    },
  };
}

/** A button press as a StaffMessage carrying the button's data, or an answer for a press outside the group. */
export async function readStaffButton(b: StaffButton, ctx: ReadContext): Promise<StaffRead> {
  if (b.chatId === undefined || !ctx.groups.serves(String(b.chatId))) {
    return {
      kind: 'ignore',
      why: 'button outside the staff group',
      callbackId: b.callbackId,
      toast: 'Tombol ini hanya berlaku di grup petugas.',
    };
  }
  // The case of the message the button sits on: its topic, or (no topics) the card message itself.
  const group = ctx.groups.stored(String(b.chatId));
  const ticket = await ticketOf(ctx.store, group, b.topicId, b.topicId === undefined ? b.messageId : undefined);
  return {
    kind: 'button',
    callbackId: b.callbackId,
    msg: {
      surface: 'telegram',
      messageId: `cb:${b.callbackId}`,
      sender: { id: String(b.from.id), name: b.from.name },
      ...(ticket ? { ticket } : {}),
      replyTo: ticket ?? (group ? `group:${group}` : 'general'),
      text: '',
      choice: b.data,
      attachments: [],
      sentAt: Date.now(),
    },
  };
}

async function ticketOf(
  store: ThreadStore,
  chat: string | undefined,
  topicId?: number,
  messageId?: number,
): Promise<string | null> {
  const where = chat ? { chat } : {};
  if (topicId !== undefined) return store.ticketOfThread({ topicId, ...where });
  if (messageId !== undefined) return store.ticketOfThread({ messageId, ...where });
  return null;
}
