// Erasure and retention in the SQLite store (src/store/port.ts Erasure, PrivacyData): the rows a citizen's erasure
// or an old case's anonymisation touches, rewritten by the core's rules or deleted, inside one transaction.
import type Database from 'better-sqlite3';
import type { CaseEvent, CaseRecord } from '../../domain/case.js';
import { citizenKey } from '../../domain/case.js';
import type { Erasure, ErasureCounts, PrivacyData } from '../port.js';
import { caseSearchText } from '../search-text.js';
import { scrubMessage } from '../scrub-message.js';
import { sqliteRepeatStorage } from './repeat-storage.js';

export interface SqliteErasure {
  /** Applies `e` (call inside a write transaction). */
  apply(e: Erasure): ErasureCounts;
}

const json = (v: unknown) => JSON.stringify(v);

interface OutboxRow {
  id: number;
  payload: string;
  status: string;
}

export function sqliteErasure(db: Database.Database): SqliteErasure {
  // The repeat index kept in this file: the erased complaints leave it in the same transaction.
  const repeat = sqliteRepeatStorage(db, true);
  const s = {
    ticketsOf: db.prepare('SELECT ticket FROM cases WHERE citizen_key = ?'),
    caseDoc: db.prepare('SELECT doc FROM cases WHERE ticket = ?'),
    rewriteCase: db.prepare(
      `UPDATE cases SET citizen_key = @citizenKey, search_text = @searchText, doc = @doc, version = version + 1
       WHERE ticket = @ticket`,
    ),
    eventsOf: db.prepare('SELECT seq, doc FROM case_events WHERE ticket IN (SELECT value FROM json_each(?))'),
    rewriteEvent: db.prepare('UPDATE case_events SET doc = ? WHERE seq = ?'),
    dropInbound: db.prepare(
      `DELETE FROM inbound WHERE json_extract(payload, '$.surface') IS NULL
         AND json_extract(payload, '$.channel') || ':' || json_extract(payload, '$.senderId') = ?`,
    ),
    inboundAbout: db.prepare(
      `SELECT id, payload FROM inbound WHERE json_extract(payload, '$.ticket') IN (SELECT value FROM json_each(?))`,
    ),
    inboundWith: db.prepare('SELECT id, payload FROM inbound WHERE instr(payload, ?) > 0'),
    rewriteInbound: db.prepare('UPDATE inbound SET payload = ? WHERE id = ?'),
    dropOutbox: db.prepare('DELETE FROM outbox WHERE chat_key IN (SELECT value FROM json_each(?))'),
    outboxAbout: db.prepare(
      `SELECT id, payload, status FROM outbox WHERE json_extract(payload, '$.ticket') IN (SELECT value FROM json_each(?))
         OR chat_key IN (SELECT 'staff:' || value FROM json_each(?))`,
    ),
    outboxWith: db.prepare(
      'SELECT id, payload, status FROM outbox WHERE instr(payload, ?) > 0 OR instr(last_error, ?) > 0',
    ),
    dropSent: db.prepare('DELETE FROM outbox WHERE id = ?'),
    rewriteOutbox: db.prepare('UPDATE outbox SET payload = ?, last_error = NULL WHERE id = ?'),
    dropConversation: db.prepare('DELETE FROM conversations WHERE key = ?'),
    dropContact: db.prepare('DELETE FROM contacts WHERE key = ?'),
    dropWebMessages: db.prepare('DELETE FROM web_messages WHERE citizen_key = ?'),
    dropWebCitizen: db.prepare('DELETE FROM web_citizens WHERE key = ?'),
    dropKv: db.prepare('DELETE FROM kv WHERE instr(key, ?) > 0 OR instr(value, ?) > 0'),
  };

  const rewriteRows = (
    rows: Array<{ id: number; payload: string }>,
    scrub: (t: string) => string,
    write: Database.Statement,
  ): number => {
    let n = 0;
    for (const r of rows) {
      const next = json(scrubMessage(JSON.parse(r.payload) as unknown, scrub));
      if (next !== r.payload) n += write.run(next, r.id).changes;
    }
    return n;
  };
  const unique = <T extends { id: number }>(rows: T[]) => [...new Map(rows.map((r) => [r.id, r])).values()];

  return {
    apply(e) {
      const counts: ErasureCounts = {
        cases: 0,
        events: 0,
        inbound: 0,
        outbox: 0,
        contacts: 0,
        conversations: 0,
        webRecords: 0,
      };
      const own = e.citizenKey ? (s.ticketsOf.all(e.citizenKey) as Array<{ ticket: string }>).map((r) => r.ticket) : [];
      const tickets = [...new Set([...own, ...e.tickets])];
      for (const ticket of tickets) {
        const row = s.caseDoc.get(ticket) as { doc: string } | undefined;
        if (!row) continue;
        const c = e.anonymiseCase(JSON.parse(row.doc) as CaseRecord);
        s.rewriteCase.run({ ticket, citizenKey: citizenKey(c.citizen), searchText: caseSearchText(c), doc: json(c) });
        counts.cases++;
        repeat.removeDoc(ticket);
      }
      // The case logs of their cases only: a log is never searched whole (it grows for ever; inbound and outbox are
      // kept RETENTION_INBOUND_DAYS, so those are searched for the identifiers below).
      for (const r of s.eventsOf.all(json(tickets)) as Array<{ seq: number; doc: string }>) {
        const next = e.anonymiseEvent(JSON.parse(r.doc) as CaseEvent);
        counts.events += s.rewriteEvent.run(json(next), r.seq).changes;
      }
      if (e.citizenKey) counts.inbound += s.dropInbound.run(e.citizenKey).changes;
      const inbound = unique([
        ...(s.inboundAbout.all(json(tickets)) as Array<{ id: number; payload: string }>),
        ...e.identifiers.flatMap((id) => s.inboundWith.all(id) as Array<{ id: number; payload: string }>),
      ]);
      counts.inbound += rewriteRows(inbound, e.scrub, s.rewriteInbound);
      counts.outbox += s.dropOutbox.run(json(e.chatKeys)).changes;
      // Messages already sent (or given up) about the case are only history: gone. Waiting ones are scrubbed.
      const outbox = unique([
        ...(s.outboxAbout.all(json(tickets), json(tickets)) as OutboxRow[]),
        ...e.identifiers.flatMap((id) => s.outboxWith.all(id, id) as OutboxRow[]),
      ]);
      for (const r of outbox.filter((x) => x.status !== 'pending')) counts.outbox += s.dropSent.run(r.id).changes;
      counts.outbox += rewriteRows(
        outbox.filter((x) => x.status === 'pending'),
        e.scrub,
        s.rewriteOutbox,
      );
      if (e.citizenKey) {
        counts.conversations += s.dropConversation.run(e.citizenKey).changes;
        counts.contacts += s.dropContact.run(e.citizenKey).changes;
        counts.webRecords += s.dropWebMessages.run(e.citizenKey).changes + s.dropWebCitizen.run(e.citizenKey).changes;
        for (const id of e.identifiers) s.dropKv.run(id, id);
      }
      return counts;
    },
  };
}

/** Erasure and retention on the SQLite file (each call one transaction that starts as a write). */
export function sqlitePrivacyData(db: Database.Database, erasure: SqliteErasure): PrivacyData {
  const count = {
    cases: db.prepare('SELECT COUNT(*) AS n FROM cases WHERE citizen_key = ?'),
    events: db.prepare(
      'SELECT COUNT(*) AS n FROM case_events WHERE ticket IN (SELECT ticket FROM cases WHERE citizen_key = ?)',
    ),
    inbound: db.prepare(
      `SELECT COUNT(*) AS n FROM inbound WHERE json_extract(payload, '$.surface') IS NULL
         AND json_extract(payload, '$.channel') || ':' || json_extract(payload, '$.senderId') = ?`,
    ),
    outbox: db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE chat_key IN (SELECT value FROM json_each(?))'),
    contacts: db.prepare('SELECT COUNT(*) AS n FROM contacts WHERE key = ?'),
    conversations: db.prepare('SELECT COUNT(*) AS n FROM conversations WHERE key = ?'),
    web: db.prepare(
      `SELECT (SELECT COUNT(*) FROM web_citizens WHERE key = @key) + (SELECT COUNT(*) FROM web_messages
         WHERE citizen_key = @key) AS n`,
    ),
  };
  const n = (st: Database.Statement, ...args: unknown[]) => (st.get(...args) as { n: number }).n;
  const toAnonymise = db.prepare(
    `SELECT ticket FROM cases WHERE stage IN ('closed', 'archived') AND json_extract(doc, '$.closedAt') < ?
       AND json_extract(doc, '$.anonymised') IS NULL ORDER BY json_extract(doc, '$.closedAt') LIMIT ?`,
  );
  const purgeSent = db.prepare(
    `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE status <> 'pending' AND delivered_at < ? LIMIT ?)`,
  );
  const apply = db.transaction((e: Erasure) => erasure.apply(e));
  return {
    async countCitizen(key, chatKeys) {
      return {
        cases: n(count.cases, key),
        events: n(count.events, key),
        inbound: n(count.inbound, key),
        outbox: n(count.outbox, json(chatKeys)),
        contacts: n(count.contacts, key),
        conversations: n(count.conversations, key),
        webRecords: n(count.web, { key }),
      };
    },
    async erase(e) {
      return apply.immediate(e);
    },
    async casesToAnonymise(before, limit) {
      return (toAnonymise.all(before, Math.max(0, limit)) as Array<{ ticket: string }>).map((r) => r.ticket);
    },
    async purgeSentOutbox(before, limit) {
      return purgeSent.run(before, Math.max(0, limit)).changes;
    },
  };
}
