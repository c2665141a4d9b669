// Where a case lives in the staff group, kept as typed records in the store (src/domain/case-thread.ts) so every
// instance and every restart agrees: a forum topic per ticket, or (in a group without topics) the card message that
// replies hang on. Whether the group has topics at all is this adapter's own note, in the key-value settings.
import type { CaseThread } from '../../src/domain/case-thread.js';
import type { LeaseStore, ThreadStore } from '../../src/store/port.js';

export type Thread = Pick<CaseThread, 'kind' | 'id'>;

const NOT_FORUM_KEY = 'staff-forum';
/** How long "this group has no topics" is believed before createForumTopic is tried again. */
const NOT_FORUM_TTL_MS = 60 * 60_000;

/** The case's thread in the group, or null when it has none yet (or it was deleted). */
export async function readThread(store: ThreadStore, ticket: string): Promise<Thread | null> {
  const t = await store.getCaseThread(ticket);
  return t ? { kind: t.kind, id: t.id } : null;
}

/** Whether the group was found to have no topics within the last hour (createForumTopic is not tried then). */
export async function knownNotForum(store: LeaseStore, now: number): Promise<boolean> {
  const at = Number(await store.getValue(NOT_FORUM_KEY));
  return Number.isFinite(at) && at > 0 && now - at < NOT_FORUM_TTL_MS;
}

/** Notes that createForumTopic said the group has no topics. */
export async function markNotForum(store: LeaseStore, now: number): Promise<void> {
  await store.setValue(NOT_FORUM_KEY, String(now));
}
