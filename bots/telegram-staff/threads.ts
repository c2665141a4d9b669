// Where a case lives in the staff group, kept in the store's key-value table so every instance and every restart
// agrees: a forum topic per ticket, or (in a group without topics) the card message that replies hang on.
import type { Store } from '../../src/store/port.js';

export type Thread = { mode: 'topic'; id: number } | { mode: 'message'; id: number };

export const threadKey = (ticket: string) => `staff-thread:${ticket}`;
const topicKey = (id: number) => `staff-topic:${id}`;
const messageKey = (id: number) => `staff-msg:${id}`;
const NOT_FORUM_KEY = 'staff-forum';
/** How long "this group has no topics" is believed before createForumTopic is tried again. */
const NOT_FORUM_TTL_MS = 60 * 60_000;

export async function readThread(store: Store, ticket: string): Promise<Thread | null> {
  const v = await store.getValue(threadKey(ticket));
  const m = /^(topic|msg):(\d{1,15})$/.exec(v ?? '');
  if (!m) return null;
  return { mode: m[1] === 'topic' ? 'topic' : 'message', id: Number(m[2]) };
}

export async function saveTopic(store: Store, ticket: string, topicId: number): Promise<void> {
  await store.setValue(topicKey(topicId), ticket);
  await store.setValue(threadKey(ticket), `topic:${topicId}`);
}

export async function saveRootMessage(store: Store, ticket: string, messageId: number): Promise<void> {
  await store.setValue(threadKey(ticket), `msg:${messageId}`);
}

/** Forgets a thread that Telegram says is gone (deleted topic or card); the next message opens a new one. */
export async function forgetThread(store: Store, ticket: string): Promise<void> {
  await store.setValue(threadKey(ticket), '');
}

/** In a group without topics every bot message about a case is remembered, so a reply to any of them counts. */
export async function rememberMessage(store: Store, messageId: number, ticket: string): Promise<void> {
  await store.setValue(messageKey(messageId), ticket);
}

export async function ticketOfTopic(store: Store, topicId: number): Promise<string | null> {
  return (await store.getValue(topicKey(topicId))) || null;
}

export async function ticketOfMessage(store: Store, messageId: number): Promise<string | null> {
  return (await store.getValue(messageKey(messageId))) || null;
}

export async function knownNotForum(store: Store, now: number): Promise<boolean> {
  const at = Number(await store.getValue(NOT_FORUM_KEY));
  return Number.isFinite(at) && at > 0 && now - at < NOT_FORUM_TTL_MS;
}

export async function markNotForum(store: Store, now: number): Promise<void> {
  await store.setValue(NOT_FORUM_KEY, String(now));
}
