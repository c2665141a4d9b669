// Reports over the SQLite store: each fact is one indexed query (covering indexes and indexes on JSON expressions,
// created by migration step 2 in migrations.ts), so a digest over a million cases takes well under a second. Reads only; the Store adapter stays the only writer.
import type Database from 'better-sqlite3';
import type { CaseEvent, CaseRecord } from '../../domain/case.js';
import { normaliseCase } from '../../domain/ptp.js';
import { OPEN_STAGES, type Stage } from '../../domain/stages.js';
import type { MessageLabel } from '../../../nlp/types.js';
import type { CaseQuery, Conversation } from '../port.js';
import {
  REPORT_ACTIONS as A,
  type BucketCounts,
  type CaseBrief,
  type CaseFilter,
  type ClosedCursor,
  type CreatedCursor,
  type DigestFacts,
  type DigestQuery,
  type ReportStore,
  type StageCount,
} from '../reports.js';
import { casesWhere } from './case-filter.js';
import { StageDueCounts } from './stage-due.js';
const BRIEF = `ticket, stage, division, json_extract(doc, '$.topic') AS topic, json_extract(doc, '$.text') AS text,
  created_at, due_at`;

interface BriefRow {
  ticket: string;
  stage: Stage;
  division: string;
  topic: string | null;
  text: string | null;
  created_at: number;
  due_at: number | null;
}

function brief(r: BriefRow): CaseBrief {
  return {
    ticket: r.ticket,
    stage: r.stage,
    division: r.division,
    topic: r.topic ?? '',
    text: r.text ?? '',
    createdAt: r.created_at,
    ...(r.due_at !== null ? { dueAt: r.due_at } : {}),
  };
}

export class SqliteReports implements ReportStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      newRows: db.prepare(
        `SELECT kind, division, substr(citizen_key, 1, instr(citizen_key, ':') - 1) AS channel, COUNT(*) AS n
         FROM cases WHERE created_at >= @from AND created_at < @to GROUP BY kind, division, channel`,
      ),
      openByStage: db.prepare(
        `SELECT stage, COUNT(*) AS n FROM cases WHERE stage IN (${OPEN_STAGES.map((s) => `'${s}'`).join(',')})
         AND kind = 'complaint' GROUP BY stage`,
      ),
      // View (b) of domain/standard-time.ts: open complaints whose current stage is past its due time now.
      overdueCount: db.prepare(
        `SELECT COUNT(*) AS n FROM cases WHERE stage = ? AND kind = 'complaint' AND due_at <= ?`,
      ),
      overdueBriefs: db.prepare(
        `SELECT ${BRIEF} FROM cases WHERE stage = ? AND kind = 'complaint' AND due_at <= ? ORDER BY due_at, ticket LIMIT ?`,
      ),
      overdueDocs: db.prepare(
        `SELECT doc FROM cases WHERE stage = ? AND kind = 'complaint' AND due_at <= ? ORDER BY due_at DESC, ticket LIMIT ?`,
      ),
      oldest: db.prepare(
        `SELECT ${BRIEF} FROM cases WHERE stage = ? AND kind = 'complaint' ORDER BY created_at, ticket LIMIT ?`,
      ),
      topics: db.prepare(
        `SELECT division, json_extract(doc, '$.topic') AS topic, COUNT(*) AS n
         FROM cases INDEXED BY report_cases_division_topic WHERE kind = 'complaint' AND created_at >= @from AND created_at < @to
         GROUP BY 1, 2 ORDER BY n DESC, division, topic LIMIT @limit`,
      ),
      repeats: db.prepare(
        `SELECT json_extract(doc, '$.repeatOf.ticket') AS earlier, COUNT(*) AS n FROM cases
         WHERE kind = 'complaint' AND created_at >= @from AND created_at < @to
           AND json_extract(doc, '$.repeatOf.ticket') IS NOT NULL
         GROUP BY 1 ORDER BY n DESC, earlier`,
      ),
      actions: db.prepare(
        `SELECT json_extract(doc, '$.action') AS action, COUNT(*) AS n,
           SUM(CASE WHEN json_extract(doc, '$.action') = '${A.rated}' THEN CAST(json_extract(doc, '$.detail') AS INTEGER) END) AS s
         FROM case_events
         WHERE json_extract(doc, '$.action') IN ('${A.satisfied}', '${A.notSatisfied}', '${A.cameBack}', '${A.stillSolved}',
           '${A.rated}', '${A.noResponse}') AND at >= @from AND at < @to
         GROUP BY 1`,
      ),
      reopened: db.prepare(
        `SELECT DISTINCT ticket FROM case_events
         WHERE json_extract(doc, '$.action') IN ('${A.notSatisfied}', '${A.cameBack}') AND at >= @from AND at < @to
         ORDER BY ticket LIMIT @limit`,
      ),
      closedCount: db.prepare(
        `SELECT COUNT(*) AS n FROM cases WHERE json_extract(doc, '$.closedAt') >= @from AND json_extract(doc, '$.closedAt') < @to`,
      ),
      // Per-day counts are one range count per day: each is answered from a covering index alone.
      dayNew: db.prepare(
        `SELECT COUNT(*) AS n FROM cases WHERE kind = 'complaint' AND created_at >= ? AND created_at < ?`,
      ),
      dayClosed: db.prepare(
        `SELECT COUNT(*) AS n FROM cases WHERE json_extract(doc, '$.closedAt') >= ? AND json_extract(doc, '$.closedAt') < ?`,
      ),
      waiting: db.prepare(
        `SELECT * FROM conversations WHERE json_extract(state, '$.mode') = ?
         AND json_extract(state, '$.lastActivityAt') < ? ORDER BY json_extract(state, '$.lastActivityAt'), key LIMIT ?`,
      ),
      atStage: db.prepare(
        `SELECT doc FROM cases WHERE stage = ? AND kind = 'complaint' AND json_extract(doc, ?) < ?
         ORDER BY created_at, ticket LIMIT ?`,
      ),
      closedBetween: db.prepare(
        `SELECT doc FROM cases WHERE json_extract(doc, '$.closedAt') >= ? AND json_extract(doc, '$.closedAt') < ?
         AND kind = 'complaint' ORDER BY json_extract(doc, '$.closedAt'), ticket LIMIT ?`,
      ),
      closedBefore: db.prepare(
        `SELECT doc FROM cases INDEXED BY report_cases_closed_ticket
         WHERE stage = 'closed' AND json_extract(doc, '$.closedAt') < @before
           AND json_extract(doc, '$.closedAt') >= @afterAt AND (json_extract(doc, '$.closedAt'), ticket) > (@afterAt, @afterTicket)
         ORDER BY json_extract(doc, '$.closedAt'), ticket LIMIT @limit`,
      ),
      eventsOf: db.prepare(
        `SELECT doc FROM case_events WHERE ticket IN (SELECT value FROM json_each(?)) ORDER BY ticket, seq`,
      ),
    };
    this.stageDue = new StageDueCounts(db);
  }

  private readonly stageDue: StageDueCounts;

  async digestFacts(q: DigestQuery): Promise<DigestFacts> {
    const range = { from: q.from, to: q.to };
    const newByKind: Record<MessageLabel, number> = { complaint: 0, praise: 0, statement: 0 };
    const channels = new Map<string, number>();
    const divisions = new Map<string, { division: string; complaint: number; praise: number; statement: number }>();
    for (const r of this.q.newRows.all(range) as Array<{
      kind: MessageLabel;
      division: string;
      channel: string;
      n: number;
    }>) {
      newByKind[r.kind] = (newByKind[r.kind] ?? 0) + r.n;
      channels.set(r.channel, (channels.get(r.channel) ?? 0) + r.n);
      const d = divisions.get(r.division) ?? { division: r.division, complaint: 0, praise: 0, statement: 0 };
      d[r.kind] += r.n;
      divisions.set(r.division, d);
    }

    const openRows = this.q.openByStage.all() as Array<{ stage: Stage; n: number }>;
    const openByStage = OPEN_STAGES.map((stage) => ({
      stage,
      count: openRows.find((r) => r.stage === stage)?.n ?? 0,
    })).filter((r) => r.count > 0);

    const openByStageNow: StageCount[] = [];
    let worst: CaseBrief[] = [];
    for (const stage of q.clockedStages) {
      const n = (this.q.overdueCount.get(stage, q.now) as { n: number }).n;
      if (n === 0) continue;
      openByStageNow.push({ stage, count: n });
      worst.push(...(this.q.overdueBriefs.all(stage, q.now, q.listLimit) as BriefRow[]).map(brief));
    }
    worst = worst.sort(byDueThenTicket).slice(0, q.listLimit);
    const passedByStage = q.clockedStages
      .map((stage) => ({ stage, count: this.stageDue.count(stage, q.from, q.to, q.now) }))
      .filter((r) => r.count > 0);

    const repeatRows = this.q.repeats.all(range) as Array<{ earlier: string; n: number }>;
    const actions = new Map(
      (this.q.actions.all(range) as Array<{ action: string; n: number; s: number | null }>).map((r) => [r.action, r]),
    );
    const count = (a: string) => actions.get(a)?.n ?? 0;
    const reopenedTickets = (this.q.reopened.all({ ...range, limit: q.listLimit }) as Array<{ ticket: string }>).map(
      (r) => r.ticket,
    );

    let oldestOpen: CaseBrief[] = [];
    for (const stage of OPEN_STAGES)
      oldestOpen.push(...(this.q.oldest.all(stage, q.listLimit) as BriefRow[]).map(brief));
    oldestOpen = oldestOpen.sort((a, b) => a.createdAt - b.createdAt || cmp(a.ticket, b.ticket)).slice(0, q.listLimit);

    return {
      newByKind,
      newByChannel: [...channels]
        .map(([channel, c]) => ({ channel, count: c }))
        .sort((a, b) => b.count - a.count || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0)),
      newByDivision: [...divisions.values()].sort(
        (a, b) =>
          b.complaint + b.praise + b.statement - (a.complaint + a.praise + a.statement) ||
          (a.division < b.division ? -1 : a.division > b.division ? 1 : 0),
      ),
      openByStage,
      overStandard: {
        passed: { total: sum(passedByStage), byStage: passedByStage },
        openNow: { total: sum(openByStageNow), byStage: openByStageNow, worst },
      },
      repeats: {
        count: repeatRows.reduce((s, r) => s + r.n, 0),
        earlier: repeatRows.slice(0, q.listLimit).map((r) => ({ ticket: r.earlier, count: r.n })),
      },
      topics: (
        this.q.topics.all({ ...range, limit: q.topicLimit }) as Array<{
          division: string;
          topic: string | null;
          n: number;
        }>
      ).map((r) => ({ division: r.division, topic: r.topic ?? '', count: r.n })),
      reopened: { count: count(A.notSatisfied) + count(A.cameBack), tickets: reopenedTickets },
      satisfaction: {
        satisfied: count(A.satisfied),
        notSatisfied: count(A.notSatisfied),
        ratings: count(A.rated),
        ratingSum: actions.get(A.rated)?.s ?? 0,
        noResponse: count(A.noResponse),
        stillSolved: count(A.stillSolved),
        cameBack: count(A.cameBack),
      },
      closed: (this.q.closedCount.get(range) as { n: number }).n,
      oldestOpen,
      ...(q.seriesEdges ? { series: this.series(q.seriesEdges, q.clockedStages, q.now) } : {}),
    };
  }

  private series(edges: readonly number[], stages: readonly Stage[], now: number): BucketCounts[] {
    const out: BucketCounts[] = [];
    const count = (stmt: Database.Statement, a: number, b: number) => (stmt.get(a, b) as { n: number }).n;
    for (let i = 0; i + 1 < edges.length; i++) {
      const from = edges[i] as number;
      const to = edges[i + 1] as number;
      out.push({
        from,
        to,
        newComplaints: count(this.q.dayNew, from, to),
        closed: count(this.q.dayClosed, from, to),
        overStandard: stages.reduce((s, stage) => s + this.stageDue.count(stage, from, to, now), 0),
      });
    }
    return out;
  }

  async conversationsWaiting(mode: string, before: number, limit: number): Promise<Conversation[]> {
    const rows = this.q.waiting.all(mode, before, limit) as Array<{
      key: string;
      state: string;
      version: number;
      updated_at: number;
      unreachable_at: number | null;
      unreachable_reason: string | null;
    }>;
    return rows.map((r) => ({
      key: r.key,
      state: JSON.parse(r.state) as unknown,
      version: r.version,
      updatedAt: r.updated_at,
      ...(r.unreachable_at !== null ? { unreachableAt: r.unreachable_at } : {}),
      ...(r.unreachable_reason !== null ? { unreachableReason: r.unreachable_reason } : {}),
    }));
  }

  async casesAtStageSince(stage: Stage, before: number, limit: number): Promise<CaseRecord[]> {
    return docs(this.q.atStage.all(stage, `$.stageTimes.${stage}.enteredAt`, before, limit));
  }

  async overdueCases(now: number, stages: readonly Stage[], limit: number): Promise<CaseRecord[]> {
    const out: CaseRecord[] = [];
    for (const stage of stages) out.push(...docs(this.q.overdueDocs.all(stage, now, limit)));
    return out.sort((a, b) => (b.dueAt ?? 0) - (a.dueAt ?? 0) || cmp(a.ticket, b.ticket)).slice(0, limit);
  }

  async closedBetween(from: number, to: number, limit: number): Promise<CaseRecord[]> {
    return docs(this.q.closedBetween.all(from, to, limit));
  }

  async casesCreated(filter: CaseFilter, after: CreatedCursor | null, limit: number): Promise<CaseRecord[]> {
    // The page starts where the last one ended (an index seek), so reading n cases costs n, not n² / page.
    const where = ['created_at >= @lower', 'created_at < @to', '(created_at, ticket) > (@afterAt, @afterTicket)'];
    if (filter.stage) where.push('stage = @stage');
    if (filter.division) where.push('division = @division');
    const sql = `SELECT doc FROM cases INDEXED BY report_cases_created_ticket WHERE ${where.join(' AND ')}
      ORDER BY created_at, ticket LIMIT @limit`;
    return docs(
      this.db.prepare(sql).all({
        lower: Math.max(filter.from, after?.createdAt ?? filter.from),
        to: filter.to,
        afterAt: after?.createdAt ?? Number.MIN_SAFE_INTEGER,
        afterTicket: after?.ticket ?? '',
        stage: filter.stage ?? null,
        division: filter.division ?? null,
        limit: Math.max(1, limit),
      }),
    );
  }

  async eventsOf(tickets: readonly string[]): Promise<CaseEvent[]> {
    if (tickets.length === 0) return [];
    return (this.q.eventsOf.all(JSON.stringify(tickets)) as Array<{ doc: string }>).map(
      (r) => JSON.parse(r.doc) as CaseEvent,
    );
  }

  async closedBefore(before: number, after: ClosedCursor | null, limit: number): Promise<CaseRecord[]> {
    return docs(
      this.q.closedBefore.all({
        before,
        afterAt: after?.closedAt ?? Number.MIN_SAFE_INTEGER,
        afterTicket: after?.ticket ?? '',
        limit: Math.max(1, limit),
      }),
    );
  }

  async countCases(q: CaseQuery): Promise<number> {
    const { where, params } = casesWhere(q);
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM cases ${where}`).get(...params) as { n: number };
    return row.n;
  }
}

function sum(rows: StageCount[]): number {
  return rows.reduce((s, r) => s + r.count, 0);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byDueThenTicket(a: CaseBrief, b: CaseBrief): number {
  return (a.dueAt ?? 0) - (b.dueAt ?? 0) || cmp(a.ticket, b.ticket);
}

function docs(rows: unknown[]): CaseRecord[] {
  return (rows as Array<{ doc: string }>).map((r) => normaliseCase(JSON.parse(r.doc) as CaseRecord));
}
