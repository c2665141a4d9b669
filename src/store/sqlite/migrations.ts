// Versioned schema migrations for the SQLite store. Append new steps; never edit a step that has shipped.
import type Database from 'better-sqlite3';
import { WEB_TABLES } from './web-records.js';
import { REPEAT_TABLES } from './repeat-storage.js';

const STEPS: string[] = [
  // 1: the first schema.
  `
  CREATE TABLE inbound (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key TEXT NOT NULL UNIQUE,
    payload TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    handled_at INTEGER
  );
  CREATE INDEX inbound_unhandled ON inbound(id) WHERE handled_at IS NULL;

  CREATE TABLE conversations (
    key TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    unreachable_at INTEGER,
    unreachable_reason TEXT
  );

  CREATE TABLE cases (
    ticket TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    stage TEXT NOT NULL,
    citizen_key TEXT NOT NULL,
    division TEXT NOT NULL,
    corrected_label TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    due_at INTEGER,
    version INTEGER NOT NULL,
    search_text TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX cases_stage ON cases(stage, created_at);
  CREATE INDEX cases_citizen ON cases(citizen_key, created_at);
  CREATE INDEX cases_kind ON cases(kind, created_at);
  CREATE INDEX cases_created ON cases(created_at);
  CREATE INDEX cases_corrected ON cases(corrected_label) WHERE corrected_label IS NOT NULL;

  CREATE TABLE case_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket TEXT NOT NULL,
    at INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX case_events_ticket ON case_events(ticket, seq);

  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    claimed_by TEXT,
    claim_until INTEGER,
    delivered_at INTEGER,
    last_error TEXT
  );
  CREATE INDEX outbox_pending ON outbox(chat_key, id) WHERE status = 'pending';

  CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, until INTEGER NOT NULL);
  `,
  // 2: the indexes of the digest and clock reports (sqlite-reports.ts). Built here, at start-up, rather than on the
  // first report: on a large file that takes tens of seconds, and must not stall channels that are already running.
  // IF NOT EXISTS: files from before this step may have them already (they were once made on first use).
  `
CREATE INDEX IF NOT EXISTS report_cases_stage_kind_due ON cases(stage, kind, due_at);
CREATE INDEX IF NOT EXISTS report_cases_stage_kind_created ON cases(stage, kind, created_at);
CREATE INDEX IF NOT EXISTS report_cases_created_cover ON cases(created_at, kind, division, citizen_key);
CREATE INDEX IF NOT EXISTS report_cases_topic ON cases(kind, created_at, json_extract(doc, '$.topic'), json_extract(doc, '$.repeatOf.ticket'));
CREATE INDEX IF NOT EXISTS report_cases_closed_at ON cases(json_extract(doc, '$.closedAt')) WHERE json_extract(doc, '$.closedAt') IS NOT NULL;
CREATE INDEX IF NOT EXISTS report_events_action_at ON case_events(json_extract(doc, '$.action'), at);
CREATE INDEX IF NOT EXISTS report_conversations_mode ON conversations(json_extract(state, '$.mode'), json_extract(state, '$.lastActivityAt'));
  `,
  // 3: typed records instead of key-value rows (issue 10): contacts (who wrote first, language, reachability),
  // case threads in the staff inbox and their messages; handled inbound messages can be purged by age. Existing rows
  // are moved over; the staff bot's per-update markers, claims and pending questions are dropped (staff updates now
  // take the inbound pipeline, and pending questions are the staff flow's state).
  `
CREATE TABLE contacts (
  key TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  user_id TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  display_name TEXT,
  language TEXT,
  first_wrote_at INTEGER,
  last_wrote_at INTEGER,
  unreachable_at INTEGER,
  unreachable_reason TEXT
);
INSERT INTO contacts (key, channel, user_id, chat_id, language, first_wrote_at, last_wrote_at, unreachable_at,
    unreachable_reason)
  SELECT key, substr(key, 1, instr(key, ':') - 1), substr(key, instr(key, ':') + 1), substr(key, instr(key, ':') + 1),
    CASE WHEN state <> 'null' THEN json_extract(state, '$.language') END,
    CASE WHEN state <> 'null' THEN updated_at END, CASE WHEN state <> 'null' THEN updated_at END,
    unreachable_at, unreachable_reason
  FROM conversations WHERE instr(key, ':') > 1 AND key NOT LIKE 'staff:%';
INSERT INTO contacts (key, channel, user_id, chat_id, first_wrote_at, last_wrote_at)
  SELECT 'whatsapp:' || substr(key, 16), 'whatsapp', substr(key, 16), substr(key, 16), CAST(value AS INTEGER),
    CAST(value AS INTEGER)
  FROM kv WHERE key LIKE 'whatsapp:wrote:%' AND value <> ''
  ON CONFLICT(key) DO UPDATE SET first_wrote_at = MIN(COALESCE(first_wrote_at, excluded.first_wrote_at),
    excluded.first_wrote_at), last_wrote_at = MAX(COALESCE(last_wrote_at, 0), excluded.last_wrote_at);
DELETE FROM conversations WHERE state = 'null';
ALTER TABLE conversations DROP COLUMN unreachable_at;
ALTER TABLE conversations DROP COLUMN unreachable_reason;

CREATE TABLE case_threads (
  ticket TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('topic', 'message')),
  thread_id INTEGER NOT NULL
);
CREATE UNIQUE INDEX case_threads_by_id ON case_threads(kind, thread_id);
INSERT OR IGNORE INTO case_threads (ticket, kind, thread_id)
  SELECT substr(key, 14), CASE WHEN value LIKE 'topic:%' THEN 'topic' ELSE 'message' END,
    CAST(substr(value, instr(value, ':') + 1) AS INTEGER)
  FROM kv WHERE key LIKE 'staff-thread:%' AND (value LIKE 'topic:%' OR value LIKE 'msg:%');
CREATE TABLE case_thread_messages (message_id INTEGER PRIMARY KEY, ticket TEXT NOT NULL);
INSERT OR IGNORE INTO case_thread_messages (message_id, ticket)
  SELECT CAST(substr(key, 11) AS INTEGER), value FROM kv WHERE key LIKE 'staff-msg:%' AND value <> '';

DELETE FROM kv WHERE key LIKE 'whatsapp:wrote:%' OR key LIKE 'staff-thread:%' OR key LIKE 'staff-topic:%'
  OR key LIKE 'staff-msg:%' OR key LIKE 'staff-update:%' OR key LIKE 'staff-pending:%';
DELETE FROM leases WHERE name LIKE 'claim:staff-update:%';
CREATE INDEX inbound_handled_by_age ON inbound(received_at) WHERE handled_at IS NOT NULL;
  `,
  // 4: records and one truth for supervisors (src/store/sqlite/sqlite-reports.ts): exports page through cases in
  // (created_at, ticket) order; archiving reads closed cases by closure; the digest counts stages over their standard
  // time by each clocked stage's due time; recurring subjects group by division and topic.
  `
CREATE INDEX IF NOT EXISTS report_cases_created_ticket ON cases(created_at, ticket);
CREATE INDEX IF NOT EXISTS report_cases_closed_ticket ON cases(json_extract(doc, '$.closedAt'), ticket) WHERE stage = 'closed';
CREATE INDEX IF NOT EXISTS report_cases_division_topic ON cases(kind, created_at, division, json_extract(doc, '$.topic'));
${stageDueIndexes(['received', 'recorded', 'forwarded', 'in_review', 'root_cause', 'action_planned', 'in_progress', 'verifying'])}
  `,
  // 5: the web (issue 12): web citizens (tracking token hashes, contact), their conversation as the tracking page
  // shows it, staff sign-in links and sessions (hashes).
  WEB_TABLES,
  // 6: the repeat index kept in the store (repeat-storage.ts), so start-up no longer reads every complaint. Filled
  // by the first start after this step (the complaints already stored are indexed once, then only new ones).
  REPEAT_TABLES,
  // 7: a staff group per division (issue 10): a case's thread and its messages name their group, since Telegram
  // numbers topics and messages per chat. '' is the general staff group (TELEGRAM_STAFF_CHAT_ID): older rows.
  `
ALTER TABLE case_threads ADD COLUMN chat TEXT NOT NULL DEFAULT '';
DROP INDEX case_threads_by_id;
CREATE UNIQUE INDEX case_threads_by_id ON case_threads(chat, kind, thread_id);
CREATE TABLE case_thread_messages_v7 (
  chat TEXT NOT NULL DEFAULT '',
  message_id INTEGER NOT NULL,
  ticket TEXT NOT NULL,
  PRIMARY KEY (chat, message_id)
);
INSERT INTO case_thread_messages_v7 (chat, message_id, ticket) SELECT '', message_id, ticket FROM case_thread_messages;
DROP TABLE case_thread_messages;
ALTER TABLE case_thread_messages_v7 RENAME TO case_thread_messages;
  `,
];

/**
 * One index per clocked stage (domain/standard-time.ts, listed literally so the step never changes) on its due time and
 * departure, for the "over the standard time" counts.
 */
function stageDueIndexes(stages: readonly string[]): string {
  return stages
    .map((s) => {
      const due = `json_extract(doc, '$.stageTimes.${s}.dueAt')`;
      const left = `json_extract(doc, '$.stageTimes.${s}.leftAt')`;
      return `CREATE INDEX IF NOT EXISTS report_stage_due_${s} ON cases(${due}, ${left}, kind) WHERE ${due} IS NOT NULL;`;
    })
    .join('\n');
}

/**
 * Brings the database to the newest schema version (or `target`, for tests of a step), every pending step in one
 * transaction (one fsync on a new store instead of one per step; a step that fails leaves the version it found).
 * The transaction starts as a write (BEGIN IMMEDIATE) and reads the version inside it, so two processes starting on
 * one file never run a step twice.
 */
export function migrate(db: Database.Database, target = STEPS.length): number {
  const newerThanUs = (current: number) =>
    new Error(
      `The database schema (version ${current}) is newer than this program knows (${STEPS.length}). Upgrade Aduan.`,
    );
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > STEPS.length) throw newerThanUs(current);
  if (current >= target) return STEPS.length;
  db.transaction(() => {
    const now = db.pragma('user_version', { simple: true }) as number;
    if (now > STEPS.length) throw newerThanUs(now);
    // Steps another process ran meanwhile are skipped.
    for (let v = now; v < target; v++) {
      db.exec(STEPS[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
  return STEPS.length;
}
