// The SQLite store's web records (src/store/web-port.ts): web citizens, their conversation as the tracking page
// shows it, staff sign-in links and sessions. Tokens and session ids are stored only as hashes.
import type Database from 'better-sqlite3';
import type { StaffLoginLink, StaffSession, WebCitizen, WebContactKind, WebMessage, WebStore } from '../web-port.js';

/** Migration step creating the tables (src/store/sqlite/migrations.ts lists it). */
export const WEB_TABLES = `
CREATE TABLE web_citizens (
  key TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  contact_kind TEXT,
  contact_value TEXT,
  anonymous INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE web_messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  citizen_key TEXT NOT NULL,
  message_id TEXT,
  at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX web_messages_citizen ON web_messages(citizen_key, seq);
CREATE UNIQUE INDEX web_messages_once ON web_messages(citizen_key, message_id) WHERE message_id IS NOT NULL;
CREATE TABLE staff_login_links (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL,
  name TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE staff_sessions (
  id_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL,
  name TEXT NOT NULL,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
`;

interface CitizenRow {
  key: string;
  token_hash: string;
  contact_kind: string | null;
  contact_value: string | null;
  anonymous: number;
  created_at: number;
}

export class SqliteWebRecords implements WebStore {
  private readonly stmt;
  private readonly useLinkTx: (tokenHash: string, now: number) => StaffLoginLink | null;

  constructor(db: Database.Database) {
    this.stmt = {
      insertCitizen: db.prepare(
        `INSERT INTO web_citizens (key, token_hash, contact_kind, contact_value, anonymous, created_at)
         VALUES (@key, @tokenHash, @contactKind, @contactValue, @anonymous, @createdAt)`,
      ),
      citizenByKey: db.prepare('SELECT * FROM web_citizens WHERE key = ?'),
      citizenByToken: db.prepare('SELECT * FROM web_citizens WHERE token_hash = ?'),
      setToken: db.prepare('UPDATE web_citizens SET token_hash = ? WHERE key = ?'),
      insertMessage: db.prepare(
        'INSERT INTO web_messages (citizen_key, message_id, at, doc) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      lastMessages: db.prepare(
        'SELECT doc FROM (SELECT seq, doc FROM web_messages WHERE citizen_key = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq',
      ),
      insertLink: db.prepare(
        'INSERT INTO staff_login_links (token_hash, staff_id, name, expires_at) VALUES (@tokenHash, @staffId, @name, @expiresAt)',
      ),
      getLink: db.prepare('SELECT * FROM staff_login_links WHERE token_hash = ?'),
      deleteLink: db.prepare('DELETE FROM staff_login_links WHERE token_hash = ?'),
      insertSession: db.prepare(
        `INSERT INTO staff_sessions (id_hash, staff_id, name, csrf, created_at, expires_at)
         VALUES (@idHash, @staffId, @name, @csrf, @createdAt, @expiresAt)`,
      ),
      getSession: db.prepare('SELECT * FROM staff_sessions WHERE id_hash = ? AND expires_at > ?'),
      deleteSession: db.prepare('DELETE FROM staff_sessions WHERE id_hash = ?'),
      purgeLinks: db.prepare('DELETE FROM staff_login_links WHERE expires_at <= ?'),
      purgeSessions: db.prepare('DELETE FROM staff_sessions WHERE expires_at <= ?'),
    };
    // Read and delete in one write transaction: two requests with the same link can never both sign in.
    this.useLinkTx = db.transaction((tokenHash: string, now: number) => {
      const row = this.stmt.getLink.get(tokenHash) as
        { token_hash: string; staff_id: string; name: string; expires_at: number } | undefined;
      if (!row) return null;
      this.stmt.deleteLink.run(tokenHash);
      if (row.expires_at <= now) return null;
      return { tokenHash: row.token_hash, staffId: row.staff_id, name: row.name, expiresAt: row.expires_at };
    }).immediate;
  }

  async saveWebCitizen(c: WebCitizen): Promise<void> {
    this.stmt.insertCitizen.run({
      key: c.key,
      tokenHash: c.tokenHash,
      contactKind: c.contact?.kind ?? null,
      contactValue: c.contact?.value ?? null,
      anonymous: c.anonymous ? 1 : 0,
      createdAt: c.createdAt,
    });
  }

  async getWebCitizen(key: string): Promise<WebCitizen | null> {
    return citizen(this.stmt.citizenByKey.get(key) as CitizenRow | undefined);
  }

  async webCitizenByToken(tokenHash: string): Promise<WebCitizen | null> {
    return citizen(this.stmt.citizenByToken.get(tokenHash) as CitizenRow | undefined);
  }

  async setWebToken(key: string, tokenHash: string): Promise<void> {
    this.stmt.setToken.run(tokenHash, key);
  }

  async addWebMessage(m: WebMessage): Promise<boolean> {
    return this.stmt.insertMessage.run(m.citizenKey, m.id ?? null, m.at, JSON.stringify(m)).changes === 1;
  }

  async listWebMessages(citizenKey: string, limit: number): Promise<WebMessage[]> {
    const rows = this.stmt.lastMessages.all(citizenKey, limit) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as WebMessage);
  }

  async saveLoginLink(link: StaffLoginLink): Promise<void> {
    this.stmt.insertLink.run(link);
  }

  async useLoginLink(tokenHash: string, now: number): Promise<StaffLoginLink | null> {
    return this.useLinkTx(tokenHash, now);
  }

  async saveSession(s: StaffSession): Promise<void> {
    this.stmt.insertSession.run(s);
  }

  async getSession(idHash: string, now: number): Promise<StaffSession | null> {
    const r = this.stmt.getSession.get(idHash, now) as
      | { id_hash: string; staff_id: string; name: string; csrf: string; created_at: number; expires_at: number }
      | undefined;
    return r
      ? {
          idHash: r.id_hash,
          staffId: r.staff_id,
          name: r.name,
          csrf: r.csrf,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
        }
      : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.stmt.deleteSession.run(idHash);
  }

  async purgeExpiredWeb(now: number): Promise<number> {
    return this.stmt.purgeLinks.run(now).changes + this.stmt.purgeSessions.run(now).changes;
  }
}

function citizen(r: CitizenRow | undefined): WebCitizen | null {
  if (!r) return null;
  return {
    key: r.key,
    tokenHash: r.token_hash,
    ...(r.contact_kind && r.contact_value
      ? { contact: { kind: r.contact_kind as WebContactKind, value: r.contact_value } }
      : {}),
    anonymous: r.anonymous === 1,
    createdAt: r.created_at,
  };
}
