// The first step of claimOutbox: which outbox items may be handed out now. Only the oldest pending item of each chat
// (later ones wait, so a chat stays in order), and only when it is due and nobody holds an unexpired claim on it.
import mongoose, { type Model, type Types } from 'mongoose';
import type { OutboxDoc } from './schemas.js';

/** The filter clause "no claim, or the claim expired before `now`" (a claim that ends at `now` still holds). */
export function claimFree(now: number): Array<Record<string, unknown>> {
  return [{ claimUntil: null }, { claimUntil: mongoose.trusted({ $lt: now }) }];
}

/**
 * Ids of the due, unclaimed heads of up to `limit` chats, in turn order (see OutboxStore.claimOutbox): chats that
 * waited longest first. With `only`/`skip` (chat keys), and `channel` (chat keys start with "<channel>:").
 * Reads only; the caller claims.
 */
export async function outboxHeadsDue(
  outbox: Model<OutboxDoc>,
  now: number,
  limit: number,
  filter: { channel?: string; only?: string[]; skip?: string[] } = {},
): Promise<Types.ObjectId[]> {
  const chats = Math.floor(limit);
  if (!(chats >= 1)) return [];
  const chatKey: Record<string, unknown> = {};
  if (filter.channel !== undefined) Object.assign(chatKey, { $gte: `${filter.channel}:`, $lt: `${filter.channel};` });
  if (filter.only) chatKey.$in = filter.only;
  if (filter.skip?.length) chatKey.$nin = filter.skip;
  const rows = await outbox.aggregate<{ id: Types.ObjectId }>([
    { $match: { status: 'pending', ...(Object.keys(chatKey).length ? { chatKey } : {}) } },
    { $sort: { chatKey: 1, seq: 1, _id: 1 } },
    {
      $group: {
        _id: '$chatKey',
        id: { $first: '$_id' },
        nextAttemptAt: { $first: '$nextAttemptAt' },
        claimUntil: { $first: '$claimUntil' },
      },
    },
    { $match: { nextAttemptAt: { $lte: now }, $or: [{ claimUntil: null }, { claimUntil: { $lt: now } }] } },
    // Deferred heads (nextAttemptAt 1: new case cards) after every other, whatever their turn.
    { $addFields: { deferred: { $eq: ['$nextAttemptAt', 1] } } },
    { $sort: { deferred: 1, nextAttemptAt: 1, id: 1 } },
    { $limit: chats },
  ]);
  return rows.map((r) => r.id);
}
