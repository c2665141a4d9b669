// A staff group per division (issue 10; SQLite migration step 7), MongoDB migration step 3: case threads and their
// messages name their group, since Telegram numbers topics and messages per chat. Older documents are the general
// group (chat ''); the unique indexes on the id alone would refuse a second group's topic with the same number, so
// they are replaced by indexes per group. Idempotent, like every step: a start that dies half-way runs it again.
import type { Connection } from 'mongoose';

type Db = NonNullable<Connection['db']>;

/** Gives older thread documents chat '' and makes thread ids unique per group instead of overall. */
export async function migrateThreadChats(db: Db): Promise<void> {
  for (const name of ['case_threads', 'case_thread_messages'])
    await db.collection(name).updateMany({ chat: { $exists: false } }, { $set: { chat: '' } });
  await db.collection('case_threads').createIndex({ chat: 1, kind: 1, threadId: 1 }, { unique: true });
  await db.collection('case_thread_messages').createIndex({ chat: 1, messageId: 1 }, { unique: true });
  for (const [name, index] of [
    ['case_threads', 'kind_1_threadId_1'],
    ['case_thread_messages', 'messageId_1'],
  ] as const) {
    const indexes = await db.collection(name).indexes();
    if (indexes.some((i) => i.name === index)) await db.collection(name).dropIndex(index);
  }
}
