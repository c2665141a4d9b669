// Where a case lives in the staff group, kept as typed records in the store (src/domain/case-thread.ts) so every
// instance and every restart agrees: a forum topic per ticket, or (in a group without topics) the card message that
// replies hang on; with a staff group per division, in which group. Whether a group has topics at all is this
// adapter's own note, in the key-value settings.
import type { CaseThread } from '../../src/domain/case-thread.js';
import type { LeaseStore, ThreadStore } from '../../src/store/port.js';

export type Thread = Pick<CaseThread, 'kind' | 'id' | 'chat'>;

const NOT_FORUM_KEY = 'staff-forum';
/** How long "this group has no topics" is believed before createForumTopic is tried again. */
const NOT_FORUM_TTL_MS = 60 * 60_000;

/** The case's thread in the group, or null when it has none yet (or it was deleted). */
export async function readThread(store: ThreadStore, ticket: string): Promise<Thread | null> {
  const t = await store.getCaseThread(ticket);
  return t ? { kind: t.kind, id: t.id, ...(t.chat ? { chat: t.chat } : {}) } : null;
}

/** The note's key per group: the general group keeps the key it always had. */
const notForumKey = (chat?: string) => (chat ? `${NOT_FORUM_KEY}:${chat}` : NOT_FORUM_KEY);

/**
 * Whether the group (`chat`: a division group; absent: the general one) was found to have no topics within the last
 * hour (createForumTopic is not tried then).
 */
export async function knownNotForum(store: LeaseStore, now: number, chat?: string): Promise<boolean> {
  const at = Number(await store.getValue(notForumKey(chat)));
  return Number.isFinite(at) && at > 0 && now - at < NOT_FORUM_TTL_MS;
}

/** Notes that createForumTopic said the group has no topics. */
export async function markNotForum(store: LeaseStore, now: number, chat?: string): Promise<void> {
  await store.setValue(notForumKey(chat), String(now));
}
