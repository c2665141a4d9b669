// The SQLite store's typed records beside cases: contacts (one row per citizen per channel) and where cases live in
// the staff inbox. Statements are prepared once; writes that belong to a commit run inside its transaction.
import type Database from 'better-sqlite3';
import type { CaseThread, ThreadRef } from '../../domain/case-thread.js';
import type { Contact, ContactNote } from '../../domain/contact.js';
import type { ChannelName } from '../../domain/messages.js';
import type { Language } from '../../domain/case.js';

interface ContactRow {
  key: string;
  channel: string;
  user_id: string;
  chat_id: string;
  display_name: string | null;
  language: string | null;
  first_wrote_at: number | null;
  last_wrote_at: number | null;
  unreachable_at: number | null;
  unreachable_reason: string | null;
}

export class SqliteRecords {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      getContact: db.prepare('SELECT * FROM contacts WHERE key = ?'),
      noteContact: db.prepare(
        `INSERT INTO contacts (key, channel, user_id, chat_id, display_name, language, first_wrote_at, last_wrote_at)
         VALUES (@key, @channel, @userId, @chatId, @displayName, @language, @wroteAt, @wroteAt)
         ON CONFLICT(key) DO UPDATE SET chat_id = excluded.chat_id,
           display_name = COALESCE(excluded.display_name, display_name), language = COALESCE(excluded.language, language),
           first_wrote_at = COALESCE(first_wrote_at, excluded.first_wrote_at),
           last_wrote_at = MAX(COALESCE(last_wrote_at, 0), excluded.last_wrote_at),
           unreachable_at = NULL, unreachable_reason = NULL`,
      ),
      markUnreachable: db.prepare(
        `INSERT INTO contacts (key, channel, user_id, chat_id, unreachable_at, unreachable_reason)
         VALUES (@key, @channel, @userId, @userId, @at, @reason)
         ON CONFLICT(key) DO UPDATE SET unreachable_at = excluded.unreachable_at,
           unreachable_reason = excluded.unreachable_reason`,
      ),
      getThread: db.prepare('SELECT kind, thread_id, chat FROM case_threads WHERE ticket = ?'),
      deleteThread: db.prepare('DELETE FROM case_threads WHERE ticket = ?'),
      // A topic id is the thread of one case in its group: a new case given a reused id takes it over.
      deleteThreadById: db.prepare('DELETE FROM case_threads WHERE chat = ? AND kind = ? AND thread_id = ?'),
      insertThread: db.prepare('INSERT INTO case_threads (ticket, kind, thread_id, chat) VALUES (?, ?, ?, ?)'),
      ticketOfTopic: db.prepare("SELECT ticket FROM case_threads WHERE chat = ? AND kind = 'topic' AND thread_id = ?"),
      ticketOfMessage: db.prepare(
        `SELECT ticket FROM case_thread_messages WHERE chat = @chat AND message_id = @id
         UNION ALL SELECT ticket FROM case_threads WHERE chat = @chat AND kind = 'message' AND thread_id = @id LIMIT 1`,
      ),
      noteMessage: db.prepare(
        `INSERT INTO case_thread_messages (chat, message_id, ticket) VALUES (?, ?, ?)
         ON CONFLICT(chat, message_id) DO UPDATE SET ticket = excluded.ticket`,
      ),
    };
    this.setThreadTx = db.transaction((ticket: string, thread: Omit<CaseThread, 'ticket'> | null) => {
      this.stmt.deleteThread.run(ticket);
      if (!thread) return;
      this.stmt.deleteThreadById.run(thread.chat ?? '', thread.kind, thread.id);
      this.stmt.insertThread.run(ticket, thread.kind, thread.id, thread.chat ?? '');
    });
  }

  private readonly setThreadTx: (ticket: string, thread: Omit<CaseThread, 'ticket'> | null) => void;

  getContact(key: string): Contact | null {
    const r = this.stmt.getContact.get(key) as ContactRow | undefined;
    if (!r) return null;
    return {
      key: r.key,
      channel: r.channel as ChannelName,
      userId: r.user_id,
      chatId: r.chat_id,
      ...(r.display_name !== null ? { displayName: r.display_name } : {}),
      ...(r.language !== null ? { language: r.language as Language } : {}),
      ...(r.first_wrote_at !== null ? { firstWroteAt: r.first_wrote_at } : {}),
      ...(r.last_wrote_at !== null ? { lastWroteAt: r.last_wrote_at } : {}),
      ...(r.unreachable_at !== null ? { unreachableAt: r.unreachable_at } : {}),
      ...(r.unreachable_reason !== null ? { unreachableReason: r.unreachable_reason } : {}),
    };
  }

  /** Inside a commit's transaction. */
  noteContact(n: ContactNote): void {
    this.stmt.noteContact.run({
      key: n.key,
      channel: n.channel,
      userId: n.userId,
      chatId: n.chatId,
      displayName: n.displayName ?? null,
      language: n.language ?? null,
      wroteAt: n.wroteAt,
    });
  }

  markUnreachable(key: string, at: number, reason: string): void {
    const i = key.indexOf(':');
    this.stmt.markUnreachable.run({ key, channel: key.slice(0, i), userId: key.slice(i + 1), at, reason });
  }

  getCaseThread(ticket: string): CaseThread | null {
    const r = this.stmt.getThread.get(ticket) as
      { kind: CaseThread['kind']; thread_id: number; chat: string } | undefined;
    return r ? { ticket, kind: r.kind, id: r.thread_id, ...(r.chat ? { chat: r.chat } : {}) } : null;
  }

  setCaseThread(ticket: string, thread: Omit<CaseThread, 'ticket'> | null): void {
    this.setThreadTx(ticket, thread);
  }

  noteThreadMessage(messageId: number, ticket: string, chat = ''): void {
    this.stmt.noteMessage.run(chat, messageId, ticket);
  }

  ticketOfThread(ref: ThreadRef): string | null {
    const r = (
      'topicId' in ref
        ? this.stmt.ticketOfTopic.get(ref.chat ?? '', ref.topicId)
        : this.stmt.ticketOfMessage.get({ chat: ref.chat ?? '', id: ref.messageId })
    ) as { ticket: string } | undefined;
    return r?.ticket ?? null;
  }
}
