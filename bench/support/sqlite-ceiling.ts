// The bare-SQLite ceiling of the pipeline benchmark: the rows a run wrote (inbound messages, conversation states,
// cases, case events, outbox items, their claims and delivered marks), written again with prepared statements and
// nothing else (no text understanding, no flows, no JSON building) into a copy of the same stored history, with
// the same durability (synchronous=FULL) and the same number of fsyncs per message as the run had.
import Database from 'better-sqlite3';

export interface WrittenRows {
  inbound: Array<{ key: string; payload: string }>;
  conversations: Array<{ key: string; state: string }>;
  cases: Array<Record<string, unknown>>;
  events: Array<{ ticket: string; at: number; doc: string }>;
  outbox: Array<{ chatKey: string; payload: string }>;
}

/** The rows written after the given row ids (taken before the measured messages) in the file at `path`. */
export function readWrittenRows(
  path: string,
  after: { inbound: number; cases: number; events: number; outbox: number },
): WrittenRows {
  const db = new Database(path, { readonly: true });
  try {
    return {
      inbound: db
        .prepare('SELECT dedupe_key AS key, payload FROM inbound WHERE id > ? ORDER BY id')
        .all(after.inbound) as WrittenRows['inbound'],
      conversations: db.prepare('SELECT key, state FROM conversations').all() as WrittenRows['conversations'],
      cases: db.prepare('SELECT * FROM cases WHERE rowid > ? ORDER BY rowid').all(after.cases) as WrittenRows['cases'],
      events: db
        .prepare('SELECT ticket, at, doc FROM case_events WHERE seq > ? ORDER BY seq')
        .all(after.events) as WrittenRows['events'],
      outbox: db
        .prepare('SELECT chat_key AS chatKey, payload FROM outbox WHERE id > ? ORDER BY id')
        .all(after.outbox) as WrittenRows['outbox'],
    };
  } finally {
    db.close();
  }
}

/** The highest row ids now (so that a later readWrittenRows sees only what came after). */
export function rowMarks(db: Database.Database): { inbound: number; cases: number; events: number; outbox: number } {
  const max = (sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
  return {
    inbound: max('SELECT MAX(id) AS n FROM inbound'),
    cases: max('SELECT MAX(rowid) AS n FROM cases'),
    events: max('SELECT MAX(seq) AS n FROM case_events'),
    outbox: max('SELECT MAX(id) AS n FROM outbox'),
  };
}

/**
 * Writes `rows` into the SQLite file at `path` (a copy of the stored history, schema included), `perFsync` messages
 * per durable transaction, and returns messages per second. Per message, as the product does: the inbound row on
 * its own without a sync; in the group's durable transaction the handled mark, the conversation, its share of the
 * cases, events and outbox items, and the delivered marks of the previous group's items; the claims of the group's
 * items in one transaction without a sync.
 */
export function ceilingRate(path: string, rows: WrittenRows, perFsync: number): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insertInbound = db.prepare('INSERT INTO inbound (dedupe_key, payload, received_at) VALUES (?, ?, ?)');
  const handled = db.prepare('UPDATE inbound SET handled_at = ? WHERE id = ? AND handled_at IS NULL');
  const upsertConversation = db.prepare(
    `INSERT INTO conversations (key, state, version, updated_at) VALUES (?, ?, 1, ?)
     ON CONFLICT(key) DO UPDATE SET state = excluded.state, version = version + 1, updated_at = excluded.updated_at`,
  );
  const columns = Object.keys(rows.cases[0] ?? {}).filter((c) => c !== 'rowid');
  const insertCase = columns.length
    ? db.prepare(`INSERT INTO cases (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
    : null;
  const insertEvent = db.prepare('INSERT INTO case_events (ticket, at, doc) VALUES (?, ?, ?)');
  const insertOutbox = db.prepare(
    'INSERT INTO outbox (chat_key, payload, created_at, next_attempt_at) VALUES (?, ?, ?, 0)',
  );
  const claim = db.prepare('UPDATE outbox SET claimed_by = ?, claim_until = ? WHERE id = ?');
  const delivered = db.prepare(
    `UPDATE outbox SET status = 'delivered', delivered_at = ?, claimed_by = NULL, claim_until = NULL WHERE id = ?`,
  );
  const n = rows.inbound.length;
  // Row r of a kind belongs to message floor(r * n / total): each message gets its share, in order.
  const share = <T>(list: T[], from: number, to: number): T[] =>
    list.slice(Math.floor((from * list.length) / n), Math.floor((to * list.length) / n));
  let previous: number[] = [];
  const began = performance.now();
  for (let from = 0; from < n; from += perFsync) {
    const to = Math.min(n, from + perFsync);
    const now = Date.now();
    db.pragma('synchronous = NORMAL');
    const inboundIds = rows.inbound
      .slice(from, to)
      .map((m) => Number(insertInbound.run(`ceiling:${m.key}`, m.payload, now).lastInsertRowid));
    db.pragma('synchronous = FULL');
    const outboxIds: number[] = [];
    db.transaction(() => {
      for (const id of previous) delivered.run(now, id);
      inboundIds.forEach((id, k) => {
        handled.run(now, id);
        const c = rows.conversations[(from + k) % Math.max(1, rows.conversations.length)];
        if (c) upsertConversation.run(c.key, c.state, now);
      });
      for (const c of share(rows.cases, from, to)) insertCase?.run(c);
      for (const e of share(rows.events, from, to)) insertEvent.run(e.ticket, e.at, e.doc);
      for (const o of share(rows.outbox, from, to))
        outboxIds.push(Number(insertOutbox.run(o.chatKey, o.payload, now).lastInsertRowid));
    }).immediate();
    db.pragma('synchronous = NORMAL');
    db.transaction(() => {
      for (const id of outboxIds) claim.run('ceiling', now + 60_000, id);
    }).immediate();
    db.pragma('synchronous = FULL');
    previous = outboxIds;
  }
  // The last group's delivered marks, as the product's last transaction.
  db.transaction(() => {
    for (const id of previous) delivered.run(Date.now(), id);
  }).immediate();
  const seconds = (performance.now() - began) / 1000;
  db.close();
  return n / seconds;
}
