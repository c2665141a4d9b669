// The embedded default store: one SQLite file under DATA_DIR, WAL, versioned migrations. better-sqlite3 is
// synchronous; each method does its work in one statement or one transaction.
import type Database from 'better-sqlite3';
import type { CaseEvent, CaseRecord } from '../../domain/case.js';
import { citizenKey, complaintText } from '../../domain/case.js';
import { normaliseCase } from '../../domain/ptp.js';
import { chatKeyOf, dedupeKey, type AnyInbound } from '../../domain/messages.js';
import { OPEN_STAGES } from '../../domain/stages.js';
import type { MessageLabel } from '../../../nlp/types.js';
import {
  AlreadyHandledError,
  ConflictError,
  type CaseQuery,
  type Commit,
  type Conversation,
  type OutboxClaim,
  type OutboxItem,
  type OutboxStatus,
  type Store,
  type StoredInbound,
} from '../port.js';
import { migrate } from './migrations.js';
import { outboxClaims, type OutboxClaims } from './outbox-claims.js';
import { caseSearchText } from '../search-text.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { SqliteRecords } from './records.js';
import { sqliteErasure, type SqliteErasure } from './erasure.js';
import type { Contact } from '../../domain/contact.js';
import type { CaseThread, ThreadRef } from '../../domain/case-thread.js';
import { GroupCommitter, type GroupCommitStats } from './group-commit.js';
import { openDatabase, withoutSync, WAL_SIZE_LIMIT_BYTES, type SqliteOptions } from './connection.js';

interface CaseRow {
  doc: string;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly checkpointer: Checkpointer | null;
  private readonly durable: boolean;
  private readonly outbox: OutboxClaims;
  /** Durable writes of callers running side by side share one transaction and one fsync (group-commit.ts). */
  private readonly group: GroupCommitter;
  private readonly records: SqliteRecords;
  /** Erasure and retention (erasure.ts), applied inside a commit or on their own. */
  readonly erasure: SqliteErasure;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly path: string,
    options: SqliteOptions = {},
  ) {
    // Durable commits, a busy timeout, a bounded log: see connection.ts.
    this.db = openDatabase(path, options);
    this.durable = options.durable !== false;
    migrate(this.db);
    this.outbox = outboxClaims(this.db);
    // Checkpoints run on a worker thread (see checkpointer.ts), not in the middle of handling a message.
    this.checkpointer =
      path === ':memory:'
        ? null
        : startCheckpointer(path, { truncateAboveBytes: options.walLimitBytes ?? WAL_SIZE_LIMIT_BYTES });
    if (this.checkpointer) this.db.pragma('wal_autocheckpoint = 0');
    const db = this.db;
    this.records = new SqliteRecords(db);
    this.erasure = sqliteErasure(db);
    // Every write transaction starts as a write (BEGIN IMMEDIATE), so it waits for the lock instead of failing.
    this.group = new GroupCommitter(db, () => this.helpCheckpoint());
    this.stmt = {
      insertInbound: db.prepare(
        'INSERT INTO inbound (dedupe_key, payload, received_at) VALUES (?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING',
      ),
      inboundIdByKey: db.prepare('SELECT id, handled_at FROM inbound WHERE dedupe_key = ?'),
      unhandled: db.prepare(
        'SELECT id, payload, received_at FROM inbound WHERE handled_at IS NULL ORDER BY id LIMIT ?',
      ),
      purgeHandled: db.prepare(
        `DELETE FROM inbound WHERE id IN (SELECT id FROM inbound WHERE handled_at IS NOT NULL AND received_at < ?
         LIMIT ?)`,
      ),
      markHandled: db.prepare('UPDATE inbound SET handled_at = ? WHERE id = ? AND handled_at IS NULL'),
      getConversation: db.prepare('SELECT * FROM conversations WHERE key = ?'),
      insertConversation: db.prepare(
        'INSERT INTO conversations (key, state, version, updated_at) VALUES (?, ?, 1, ?) ON CONFLICT(key) DO NOTHING',
      ),
      updateConversation: db.prepare(
        'UPDATE conversations SET state = ?, version = version + 1, updated_at = ? WHERE key = ? AND version = ?',
      ),
      getCase: db.prepare('SELECT doc FROM cases WHERE ticket = ?'),
      insertCase: db.prepare(
        `INSERT INTO cases (ticket, kind, stage, citizen_key, division, corrected_label, created_at, updated_at, due_at,
          version, search_text, doc) VALUES (@ticket, @kind, @stage, @citizenKey, @division, @correctedLabel,
          @createdAt, @updatedAt, @dueAt, @version, @searchText, @doc) ON CONFLICT(ticket) DO NOTHING`,
      ),
      updateCase: db.prepare(
        `UPDATE cases SET kind = @kind, stage = @stage, citizen_key = @citizenKey, division = @division,
          corrected_label = @correctedLabel, updated_at = @updatedAt, due_at = @dueAt, version = @version,
          search_text = @searchText, doc = @doc WHERE ticket = @ticket AND version = @expectedVersion`,
      ),
      insertEvent: db.prepare('INSERT INTO case_events (ticket, at, doc) VALUES (?, ?, ?)'),
      events: db.prepare('SELECT doc FROM case_events WHERE ticket = ? ORDER BY seq'),
      complaintsAfter: db.prepare(
        `SELECT rowid, ticket, citizen_key, json_extract(doc, '$.text') AS text,
           json_extract(doc, '$.details.what') AS what FROM cases
         WHERE kind = 'complaint' AND rowid > ? ORDER BY rowid LIMIT ?`,
      ),
      corrections: db.prepare(
        `SELECT json_extract(doc, '$.text') AS text, corrected_label AS label FROM cases WHERE corrected_label IS NOT NULL`,
      ),
      insertOutbox: db.prepare(
        'INSERT INTO outbox (chat_key, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?)',
      ),
      // A chat given a message for "at once" is served at once: its deferred messages (ahead of it) stop waiting.
      hurryChat: db.prepare(
        "UPDATE outbox SET next_attempt_at = 0 WHERE chat_key = ? AND status = 'pending' AND next_attempt_at = 1",
      ),
      retry: db.prepare(
        `UPDATE outbox SET next_attempt_at = ?, last_error = COALESCE(?, last_error), attempts = attempts + ?,
         claimed_by = NULL, claim_until = NULL WHERE id = ? AND status = 'pending'`,
      ),
      countOutbox: db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE status = ?'),
      getValue: db.prepare('SELECT value FROM kv WHERE key = ?'),
      setValue: db.prepare(
        'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      lease: db.prepare(
        `INSERT INTO leases (name, owner, until) VALUES (@name, @owner, @until)
         ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, until = excluded.until
         WHERE leases.until < @now OR leases.owner = excluded.owner`,
      ),
    };
  }

  /** Restarts an oversized log here when the checkpointer could never find the writer lock free (checkpointer.ts). */
  private helpCheckpoint(): void {
    if (!this.checkpointer?.needsHelp()) return;
    this.checkpointer.helped();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** A statement built from `sql` once (listCases builds its SQL from the query's fields: a few dozen shapes). */
  private prepared(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.statements.size < 500) this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Runs `fn` without its own fsync (see withoutSync in connection.ts). */
  private lazily<T>(fn: () => T): T {
    return withoutSync(this.db, this.durable, fn);
  }

  /** Runs `fn` in a transaction that starts as a write (BEGIN IMMEDIATE). */
  private immediate<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** The raw database, for adapters in this folder (reports, benchmarks). */
  get database(): Database.Database {
    return this.db;
  }

  async saveInbound(
    message: AnyInbound,
    receivedAt: number,
  ): Promise<{ id: string; duplicate: boolean; handled: boolean }> {
    const key = dedupeKey(message);
    // Not synced on its own: the channel confirms the message only after the commit that handles it, which is.
    const r = this.lazily(() => this.stmt.insertInbound.run(key, JSON.stringify(message), receivedAt));
    if (r.changes === 1) return { id: String(r.lastInsertRowid), duplicate: false, handled: false };
    const row = this.stmt.inboundIdByKey.get(key) as { id: number; handled_at: number | null };
    return { id: String(row.id), duplicate: true, handled: row.handled_at !== null };
  }

  async listUnhandledInbound(limit: number): Promise<StoredInbound[]> {
    const rows = this.stmt.unhandled.all(limit) as Array<{ id: number; payload: string; received_at: number }>;
    return rows.map((r) => ({
      id: String(r.id),
      message: JSON.parse(r.payload) as AnyInbound,
      receivedAt: r.received_at,
    }));
  }

  async purgeHandledInbound(before: number, limit: number): Promise<number> {
    return this.stmt.purgeHandled.run(before, Math.max(0, limit)).changes;
  }

  async getConversation(key: string): Promise<Conversation | null> {
    const r = this.stmt.getConversation.get(key) as
      { key: string; state: string; version: number; updated_at: number } | undefined;
    if (!r) return null;
    return { key: r.key, state: JSON.parse(r.state) as unknown, version: r.version, updatedAt: r.updated_at };
  }

  async getContact(key: string): Promise<Contact | null> {
    return this.records.getContact(key);
  }

  async markUnreachable(key: string, at: number, reason: string): Promise<void> {
    this.records.markUnreachable(key, at, reason);
  }

  async getCaseThread(ticket: string): Promise<CaseThread | null> {
    return this.records.getCaseThread(ticket);
  }

  async setCaseThread(ticket: string, thread: Omit<CaseThread, 'ticket'> | null): Promise<void> {
    this.records.setCaseThread(ticket, thread);
  }

  async noteThreadMessage(messageId: number, ticket: string, chat?: string): Promise<void> {
    this.records.noteThreadMessage(messageId, ticket, chat);
  }

  async ticketOfThread(ref: ThreadRef): Promise<string | null> {
    return this.records.ticketOfThread(ref);
  }

  async getCase(ticket: string): Promise<CaseRecord | null> {
    const r = this.stmt.getCase.get(ticket) as CaseRow | undefined;
    return r ? normaliseCase(JSON.parse(r.doc) as CaseRecord) : null;
  }

  async listCases(q: CaseQuery): Promise<CaseRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.stage) {
      where.push('stage = ?');
      params.push(q.stage);
    }
    if (q.open) where.push(`stage IN (${OPEN_STAGES.map((s) => `'${s}'`).join(',')})`);
    if (q.kind) {
      where.push('kind = ?');
      params.push(q.kind);
    }
    if (q.citizenKey) {
      where.push('citizen_key = ?');
      params.push(q.citizenKey);
    }
    if (q.division) {
      where.push('division = ?');
      params.push(q.division);
    }
    for (const word of (q.search ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
      where.push("search_text LIKE ? ESCAPE '\\'");
      params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const sql = `SELECT doc FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY created_at ${q.order === 'oldest' ? 'ASC' : 'DESC'}, ticket LIMIT ?`;
    params.push(Math.max(1, Math.min(q.limit ?? 50, 1000)));
    return (this.prepared(sql).all(...params) as CaseRow[]).map((r) => normaliseCase(JSON.parse(r.doc) as CaseRecord));
  }

  async getEvents(ticket: string): Promise<CaseEvent[]> {
    return (this.stmt.events.all(ticket) as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as CaseEvent);
  }

  async forEachComplaint(
    batchSize: number,
    fn: (batch: Array<{ ticket: string; citizenKey: string; text: string }>) => void,
  ): Promise<void> {
    let after = 0;
    for (;;) {
      const rows = this.stmt.complaintsAfter.all(after, batchSize) as Array<{
        rowid: number;
        ticket: string;
        citizen_key: string;
        text: string;
        what: string | null;
      }>;
      if (rows.length === 0) return;
      fn(
        rows.map((r) => ({
          ticket: r.ticket,
          citizenKey: r.citizen_key,
          text: complaintText({ text: r.text, details: r.what ? { what: r.what } : {} }),
        })),
      );
      after = rows[rows.length - 1]?.rowid ?? after;
    }
  }

  async listCorrections(): Promise<Array<{ text: string; label: MessageLabel }>> {
    return this.stmt.corrections.all() as Array<{ text: string; label: MessageLabel }>;
  }

  /** Applies the change in the next group transaction; resolves once it is committed and synced. */
  commit(change: Commit): Promise<void> {
    return this.group.run(() => this.applyCommit(change));
  }

  /** How many durable transactions held how many writes (benchmarks). */
  get groupCommits(): GroupCommitStats {
    return this.group.stats;
  }

  private applyCommit(change: Commit): void {
    const now = Date.now();
    if (change.inboundHandled !== undefined) {
      const r = this.stmt.markHandled.run(now, Number(change.inboundHandled));
      if (r.changes !== 1) throw new AlreadyHandledError(change.inboundHandled);
    }
    for (const { key, state, expectedVersion } of change.conversations ?? []) {
      const json = JSON.stringify(state);
      const r =
        expectedVersion === null
          ? this.stmt.insertConversation.run(key, json, now)
          : this.stmt.updateConversation.run(json, now, key, expectedVersion);
      if (r.changes !== 1) throw new ConflictError(`conversation ${key}`);
    }
    for (const note of change.contacts ?? []) this.records.noteContact(note);
    for (const { record, expectedVersion } of change.cases ?? []) {
      const row = caseRow({ ...record, version: nextVersion(expectedVersion) }, expectedVersion);
      const r = expectedVersion === null ? this.stmt.insertCase.run(row) : this.stmt.updateCase.run(row);
      if (r.changes !== 1) throw new ConflictError(`case ${record.ticket}`);
    }
    for (const e of change.events ?? []) this.stmt.insertEvent.run(e.ticket, e.at, JSON.stringify(e));
    // Heads are handed out by next_attempt_at: a deferrable message (a new case card) is stored at 1, behind every message
    // stored for "at once" (0), so answers to staff go first within the group's budget.
    for (const m of change.outbox ?? []) {
      if (!m.deferrable) this.stmt.hurryChat.run(chatKeyOf(m));
      this.stmt.insertOutbox.run(chatKeyOf(m), JSON.stringify(m), now, m.deferrable ? 1 : 0);
    }
    if (change.erase) this.erasure.apply(change.erase);
  }

  async claimOutbox(
    owner: string,
    now: number,
    limit: number,
    leaseMs: number,
    filter?: OutboxClaim,
  ): Promise<OutboxItem[]> {
    return this.lazily(() => this.immediate(() => this.outbox.claim(owner, now, limit, leaseMs, filter)));
  }

  /**
   * Frees outbox claims held by owners that `isGone` says are dead (a crashed process on this host), so their
   * items are sent at once after a restart instead of when the claim would have expired.
   */
  releaseClaimsOfGoneOwners(isGone: (owner: string) => boolean): number {
    const owners = this.db
      .prepare("SELECT DISTINCT claimed_by AS owner FROM outbox WHERE status = 'pending' AND claimed_by IS NOT NULL")
      .all() as Array<{ owner: string }>;
    const release = this.db.prepare(
      "UPDATE outbox SET claimed_by = NULL, claim_until = NULL WHERE status = 'pending' AND claimed_by = ?",
    );
    let released = 0;
    for (const { owner } of owners) if (isGone(owner)) released += release.run(owner).changes;
    return released;
  }

  markDelivered(id: string, at: number): Promise<void> {
    return this.group.run(() => this.outbox.delivered(Number(id), at));
  }

  async retryOutbox(id: string, nextAttemptAt: number, error: string | null, countAttempt: boolean): Promise<void> {
    this.lazily(() => this.stmt.retry.run(nextAttemptAt, error, countAttempt ? 1 : 0, Number(id)));
  }

  markFailed(id: string, at: number, error: string): Promise<void> {
    return this.group.run(() => this.outbox.failed(Number(id), at, error));
  }

  async countOutbox(status: OutboxStatus): Promise<number> {
    return (this.stmt.countOutbox.get(status) as { n: number }).n;
  }

  async getValue(key: string): Promise<string | null> {
    const r = this.stmt.getValue.get(key) as { value: string } | undefined;
    return r ? r.value : null;
  }

  async setValue(key: string, value: string): Promise<void> {
    this.helpCheckpoint();
    this.stmt.setValue.run(key, value);
  }

  async setValues(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    this.helpCheckpoint();
    this.immediate(() => {
      for (const [key, value] of entries) this.stmt.setValue.run(key, value);
    });
  }

  async tryLease(name: string, owner: string, now: number, until: number): Promise<boolean> {
    return this.stmt.lease.run({ name, owner, until, now }).changes === 1;
  }

  async close(): Promise<void> {
    if (this.db.open) this.group.flush();
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}

function nextVersion(expected: number | null): number {
  return expected === null ? 1 : expected + 1;
}

function caseRow(c: CaseRecord, expectedVersion: number | null): Record<string, unknown> {
  return {
    ticket: c.ticket,
    kind: c.kind,
    stage: c.stage,
    citizenKey: citizenKey(c.citizen),
    division: c.division,
    correctedLabel: c.correction?.label ?? null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    dueAt: c.dueAt ?? null,
    version: c.version,
    expectedVersion,
    searchText: caseSearchText(c),
    doc: JSON.stringify(c),
  };
}
