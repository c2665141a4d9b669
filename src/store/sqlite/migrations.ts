// Versioned schema migrations for the SQLite store. Append new steps; never edit a step that has shipped.
import type Database from 'better-sqlite3';

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
];

/** Brings the database to the newest schema version, one transaction per step. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > STEPS.length) {
    throw new Error(
      `The database schema (version ${current}) is newer than this program knows (${STEPS.length}). Upgrade Aduan.`,
    );
  }
  for (let v = current; v < STEPS.length; v++) {
    const step = STEPS[v] ?? '';
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return STEPS.length;
}
