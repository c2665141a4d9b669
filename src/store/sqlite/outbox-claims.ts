// Handing out the outbox fairly (claimOutbox) and closing items (delivered, failed) on SQLite.
//
// A claim takes, per channel the dispatcher asks for, the due head (oldest pending item) of up to that channel's
// limit of chats, leaving out chats the dispatcher says must wait (their pacing) or keeping only the ones it can
// serve. Heads go out in round-robin order: when an item is closed, the chat's next item is stamped with that time
// (next_attempt_at), so it queues behind every chat that was already waiting instead of jumping ahead by its age.
// Deferred messages (next_attempt_at 1: new case cards, which may wait) keep that mark and go after every other
// head, so an answer to staff never queues behind a burst of new cards; a message for "at once" in the same chat
// clears the mark (the chat's order is kept).
import type Database from 'better-sqlite3';
import type { OutboxClaim, OutboxItem } from '../port.js';

interface Row {
  id: number;
  chat_key: string;
  payload: string;
  attempts: number;
  created_at: number;
  next_attempt_at: number;
}

export interface OutboxClaims {
  claim(owner: string, now: number, limit: number, leaseMs: number, filter?: OutboxClaim): OutboxItem[];
  delivered(id: number, at: number): void;
  failed(id: number, at: number, error: string): void;
}

/** Prepares the statements once; every method runs in the caller's transaction or its own statement. */
export function outboxClaims(db: Database.Database): OutboxClaims {
  const heads = db.prepare(
    `SELECT o.* FROM outbox o
     JOIN (SELECT chat_key, MIN(id) AS id FROM outbox
           WHERE status = 'pending' AND chat_key >= @lo AND chat_key < @hi GROUP BY chat_key) h ON h.id = o.id
     WHERE o.next_attempt_at <= @now AND (o.claim_until IS NULL OR o.claim_until < @now)
       AND (@only IS NULL OR o.chat_key IN (SELECT value FROM json_each(@only)))
       AND o.chat_key NOT IN (SELECT value FROM json_each(@skip))
     ORDER BY o.next_attempt_at = 1, o.next_attempt_at, o.id LIMIT @limit`,
  );
  const take = db.prepare('UPDATE outbox SET claimed_by = ?, claim_until = ? WHERE id = ?');
  const close = db.prepare(
    `UPDATE outbox SET status = @status, delivered_at = @at, last_error = COALESCE(@error, last_error),
       claimed_by = NULL, claim_until = NULL WHERE id = @id`,
  );
  // The chat's next item takes its turn after the chats already waiting (see above).
  const requeueNext = db.prepare(
    `UPDATE outbox SET next_attempt_at = @at
     WHERE id = (SELECT n.id FROM outbox n JOIN outbox d ON d.id = @id
                 WHERE n.status = 'pending' AND n.chat_key = d.chat_key AND n.id > d.id ORDER BY n.id LIMIT 1)
       AND next_attempt_at < @at AND next_attempt_at <> 1`,
  );

  const toItem = (r: Row): OutboxItem => ({
    id: String(r.id),
    chatKey: r.chat_key,
    message: JSON.parse(r.payload) as OutboxItem['message'],
    attempts: r.attempts,
    createdAt: r.created_at,
    nextAttemptAt: r.next_attempt_at,
  });

  const finish = (id: number, at: number, status: 'delivered' | 'failed', error: string | null) => {
    close.run({ id, at, status, error });
    requeueNext.run({ id, at });
  };

  return {
    claim(owner, now, limit, leaseMs, filter) {
      const wanted = filter?.channels ?? [{ channel: null, limit }];
      const rows: Row[] = [];
      for (const w of wanted) {
        const left = Math.min(Math.floor(w.limit), limit - rows.length);
        if (left < 1) continue;
        // Chat keys are "<channel>:<chat id>": a channel's chats are the keys between "<channel>:" and "<channel>;".
        const [lo, hi] = w.channel === null ? ['', '\u{10FFFF}'] : [`${w.channel}:`, `${w.channel};`];
        const only = 'only' in w && w.only ? JSON.stringify(w.only) : null;
        const skip = JSON.stringify('skip' in w && w.skip ? w.skip : []);
        rows.push(...(heads.all({ now, lo, hi, only, skip, limit: left }) as Row[]));
      }
      for (const r of rows) take.run(owner, now + leaseMs, r.id);
      return rows.map(toItem);
    },
    delivered: (id, at) => finish(id, at, 'delivered', null),
    failed: (id, at, error) => finish(id, at, 'failed', error),
  };
}
