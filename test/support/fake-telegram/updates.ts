// Builders for the Telegram updates a test pushes into the fake Bot API.
export interface TgUser {
  id: number;
  first_name: string;
  is_bot?: boolean;
}

let messageSeq = 1;
let callbackSeq = 1;
const now = () => Math.floor(Date.now() / 1000);
const user = (u: TgUser) => ({ id: u.id, is_bot: u.is_bot ?? false, first_name: u.first_name });

/** A message from a citizen in their private chat with the bot. */
export function privateMessage(
  from: TgUser,
  text: string | undefined,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    message: {
      message_id: messageSeq++,
      date: now(),
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      from: user(from),
      ...(text !== undefined ? { text } : {}),
      ...extra,
    },
  };
}

/** A message in the staff group, optionally inside a forum topic or as a reply to a message. */
export function groupMessage(
  chatId: number,
  from: TgUser | undefined,
  text: string | undefined,
  opts: { topicId?: number; replyTo?: number; extra?: Record<string, unknown> } = {},
): Record<string, unknown> {
  return {
    message: {
      message_id: messageSeq++,
      date: now(),
      chat: { id: chatId, type: 'supergroup', title: 'Staf', is_forum: opts.topicId !== undefined },
      ...(from ? { from: user(from) } : {}),
      ...(text !== undefined ? { text } : {}),
      ...(opts.topicId !== undefined ? { message_thread_id: opts.topicId, is_topic_message: true } : {}),
      ...(opts.replyTo !== undefined
        ? { reply_to_message: { message_id: opts.replyTo, date: now(), chat: { id: chatId, type: 'supergroup' } } }
        : {}),
      ...opts.extra,
    },
  };
}

/** A button press on a message the bot sent (the message as the fake server returned it). */
export function buttonPress(from: TgUser, message: Record<string, unknown>, data: string): Record<string, unknown> {
  return {
    callback_query: { id: `cq-${callbackSeq++}-${Date.now()}`, from: user(from), chat_instance: 'ci', message, data },
  };
}

/** The callback data of every button on a sent message's inline keyboard. */
export function buttonsOf(params: Record<string, unknown>): Array<{ text: string; callback_data: string }> {
  const markup = params.reply_markup as
    { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}
