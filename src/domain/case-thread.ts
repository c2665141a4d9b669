// Where a case lives in the staff inbox, kept as a record so every instance and every restart agrees: a forum topic
// per case, or (in a group without topics) the card message that replies hang on, with every later bot message of
// the case remembered so a reply to any of them counts.
export interface CaseThread {
  ticket: string;
  kind: 'topic' | 'message';
  /** The topic's message_thread_id, or the card's message_id. */
  id: number;
}

/** How a staff message names the case it belongs to: its forum topic, or a bot message it replies to. */
export type ThreadRef = { topicId: number } | { messageId: number };
