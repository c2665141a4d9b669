// Moves domain data that older versions kept in the key-value collection into typed records (the same move as
// SQLite migration step 3): contacts (who wrote first, reachability), case threads and their messages. Every step
// is idempotent, so a start interrupted half-way finishes it at the next start; a marker makes later starts skip
// the scan of conversations.
import mongoose from 'mongoose';
import type { Models } from './schemas.js';

const { trusted } = mongoose;
const DONE_KEY = 'schema:typed-records';
const BATCH = 1000;

/** Runs the move once per database (a marker in the key-value collection says it is done). */
export async function migrateToTypedRecords(m: Models): Promise<void> {
  if (await m.kv.exists({ key: DONE_KEY })) return;
  await moveWroteFirst(m);
  await moveThreads(m);
  await contactsFromConversations(m);
  await m.kv.deleteMany({ key: trusted({ $regex: '^(staff-topic|staff-update|staff-pending):' }) });
  await m.leases.deleteMany({ name: trusted({ $regex: '^claim:staff-update:' }) });
  await m.kv.updateOne({ key: DONE_KEY }, { $set: { value: String(Date.now()) } }, { upsert: true });
}

async function moveWroteFirst(m: Models): Promise<void> {
  for (const row of await m.kv.find({ key: trusted({ $regex: '^whatsapp:wrote:' }) }).lean()) {
    const chatId = row.key.slice('whatsapp:wrote:'.length);
    const at = Number(row.value);
    if (chatId && Number.isFinite(at) && at > 0) {
      await m.contacts.updateOne(
        { key: `whatsapp:${chatId}` },
        {
          $setOnInsert: { channel: 'whatsapp', userId: chatId, chatId },
          $min: { firstWroteAt: at },
          $max: { lastWroteAt: at },
        },
        { upsert: true },
      );
    }
    await m.kv.deleteOne({ _id: row._id });
  }
}

async function moveThreads(m: Models): Promise<void> {
  for (const row of await m.kv.find({ key: trusted({ $regex: '^staff-thread:' }) }).lean()) {
    const ticket = row.key.slice('staff-thread:'.length);
    const v = /^(topic|msg):(\d{1,15})$/.exec(row.value ?? '');
    if (v) {
      const kind = v[1] === 'topic' ? 'topic' : 'message';
      const threadId = Number(v[2]);
      if (!(await m.caseThreads.exists({ kind, threadId }))) {
        await m.caseThreads.updateOne({ ticket }, { $set: { kind, threadId } }, { upsert: true });
      }
    }
    await m.kv.deleteOne({ _id: row._id });
  }
  for (const row of await m.kv.find({ key: trusted({ $regex: '^staff-msg:' }) }).lean()) {
    const messageId = Number(row.key.slice('staff-msg:'.length));
    if (Number.isSafeInteger(messageId) && row.value) {
      await m.threadMessages.updateOne({ messageId }, { $set: { ticket: row.value } }, { upsert: true });
    }
    await m.kv.deleteOne({ _id: row._id });
  }
}

/** Every citizen with a conversation wrote to us; the conversation's reachability marks move to the contact. */
async function contactsFromConversations(m: Models): Promise<void> {
  const raw = m.conversations.collection;
  const cursor = raw.find({ key: { $not: /^staff:/ } }).batchSize(BATCH);
  let ops: Parameters<typeof m.contacts.bulkWrite>[0] = [];
  const flush = async () => {
    if (ops.length) await m.contacts.bulkWrite(ops, { ordered: false });
    ops = [];
  };
  for await (const c of cursor) {
    const key = String(c.key ?? '');
    const i = key.indexOf(':');
    if (i <= 0) continue;
    const wrote = c.state !== null && c.state !== undefined;
    const state = (c.state ?? {}) as { language?: unknown };
    ops.push({
      updateOne: {
        filter: { key },
        update: {
          $setOnInsert: { channel: key.slice(0, i), userId: key.slice(i + 1), chatId: key.slice(i + 1) },
          $set: {
            ...(typeof c.unreachableAt === 'number'
              ? { unreachableAt: c.unreachableAt, unreachableReason: String(c.unreachableReason ?? '') }
              : {}),
            ...(wrote && (state.language === 'id' || state.language === 'en') ? { language: state.language } : {}),
          },
          ...(wrote ? { $min: { firstWroteAt: Number(c.updatedAt) }, $max: { lastWroteAt: Number(c.updatedAt) } } : {}),
        },
        upsert: true,
      },
    });
    if (ops.length >= BATCH) await flush();
  }
  await flush();
  await raw.deleteMany({ state: null });
  await raw.updateMany({}, { $unset: { unreachableAt: '', unreachableReason: '' } });
}
