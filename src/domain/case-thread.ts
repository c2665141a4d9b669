// Where a case lives in the staff inbox, kept as a record so every instance and every restart agrees: a forum topic
// per case, or (in a group without topics) the card message that replies hang on, with every later bot message of
// the case remembered so a reply to any of them counts. With a staff group per division the record also names the
// group: Telegram numbers topics and messages per chat, so a topic id alone names no case.
export interface CaseThread {
  ticket: string;
  kind: 'topic' | 'message';
  /** The topic's message_thread_id, or the card's message_id. */
  id: number;
  /** The division group's chat id; absent: the general staff group (TELEGRAM_STAFF_CHAT_ID), as in older records. */
  chat?: string;
}

/**
 * How a staff message names the case it belongs to: its forum topic, or a bot message it replies to, in the group
 * `chat` (absent: the general staff group).
 */
export type ThreadRef = ({ topicId: number } | { messageId: number }) & { chat?: string };
