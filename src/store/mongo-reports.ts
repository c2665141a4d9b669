// Reports over the MongoDB store (collections cases, case_events, conversations as src/store/mongo/schemas.ts
// writes them: indexed copies beside the whole record in `doc`). Every fact is one indexed count, find or
// aggregation; ensureReportIndexes() creates the indexes they need. Runs only where a MongoDB is (CI).
// Wired at start-up by src/store/mongo/bundle.ts.
import type { Connection } from 'mongoose';
import type { CaseEvent, CaseRecord } from '../domain/case.js';
import { normaliseCase } from '../domain/ptp.js';
import { CLOCKED_STAGES } from '../domain/standard-time.js';
import { OPEN_STAGES, type Stage } from '../domain/stages.js';
import type { MessageLabel } from '../../nlp/types.js';
import type { CaseQuery, Conversation } from './port.js';
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
} from './reports.js';
import { escapeRegExp } from './mongo/records.js';

interface CaseRow {
  ticket: string;
  stage: Stage;
  division: string;
  createdAt: number;
  dueAt?: number;
  doc: CaseRecord;
}

const BRIEF_FIELDS = {
  _id: 0,
  ticket: 1,
  stage: 1,
  division: 1,
  createdAt: 1,
  dueAt: 1,
  'doc.topic': 1,
  'doc.text': 1,
};

function brief(r: CaseRow): CaseBrief {
  return {
    ticket: r.ticket,
    stage: r.stage,
    division: r.division,
    topic: r.doc?.topic ?? '',
    text: r.doc?.text ?? '',
    createdAt: r.createdAt,
    ...(typeof r.dueAt === 'number' ? { dueAt: r.dueAt } : {}),
  };
}

/** Creates the indexes the report queries use (idempotent). */
export async function ensureReportIndexes(conn: Connection): Promise<void> {
  const db = database(conn);
  await db.collection('cases').createIndexes([
    { key: { stage: 1, kind: 1, dueAt: 1 }, name: 'report_stage_kind_due' },
    { key: { stage: 1, kind: 1, createdAt: 1 }, name: 'report_stage_kind_created' },
    { key: { createdAt: 1, kind: 1, division: 1, citizenKey: 1 }, name: 'report_created_cover' },
    { key: { kind: 1, createdAt: 1, 'doc.topic': 1 }, name: 'report_topic' },
    {
      key: { 'doc.closedAt': 1 },
      name: 'report_closed_at',
      partialFilterExpression: { 'doc.closedAt': { $exists: true } },
    },
    { key: { createdAt: 1, ticket: 1 }, name: 'report_created_ticket' },
    { key: { stage: 1, 'doc.closedAt': 1, ticket: 1 }, name: 'report_stage_closed_ticket' },
    { key: { kind: 1, createdAt: 1, division: 1, 'doc.topic': 1 }, name: 'report_division_topic' },
    // "Over the standard time", view (a): one index per clocked stage on its due time and departure.
    ...CLOCKED_STAGES.map((stage) => ({
      key: { [`doc.stageTimes.${stage}.dueAt`]: 1, [`doc.stageTimes.${stage}.leftAt`]: 1, kind: 1 },
      name: `report_stage_due_${stage}`,
      partialFilterExpression: { [`doc.stageTimes.${stage}.dueAt`]: { $exists: true } },
    })),
  ]);
  await db.collection('case_events').createIndex({ ticket: 1, seq: 1 }, { name: 'report_ticket_seq' });
  await db.collection('case_events').createIndex({ 'doc.action': 1, at: 1 }, { name: 'report_action_at' });
  await db
    .collection('conversations')
    .createIndex({ 'state.mode': 1, 'state.lastActivityAt': 1 }, { name: 'report_mode' });
}

function database(conn: Connection) {
  const db = conn.db;
  if (!db) throw new Error('MongoDB reports need an open connection.');
  return db;
}

/** The ReportStore over a mongoose connection (call ensureReportIndexes once at start-up). */
export function mongoReports(conn: Connection): ReportStore {
  const cases = () => database(conn).collection<CaseRow>('cases');
  const events = () => database(conn).collection('case_events');
  const conversations = () => database(conn).collection('conversations');

  /** View (a) of src/domain/standard-time.ts: complaints whose `stage` passed its due time in [from, to). */
  async function passedDue(stage: Stage, from: number, to: number, now: number): Promise<number> {
    const due = `doc.stageTimes.${stage}.dueAt`;
    return cases().countDocuments({
      [due]: { $gte: from, $lt: to },
      kind: 'complaint',
      $expr: { $gte: [{ $ifNull: [`$doc.stageTimes.${stage}.leftAt`, now] }, `$${due}`] },
    });
  }

  return {
    async digestFacts(q: DigestQuery): Promise<DigestFacts> {
      const range = { $gte: q.from, $lt: q.to };
      const newRows = await cases()
        .aggregate<{ _id: { kind: MessageLabel; division: string; channel: string }; n: number }>([
          { $match: { createdAt: range } },
          {
            $group: {
              _id: {
                kind: '$kind',
                division: '$division',
                channel: { $arrayElemAt: [{ $split: ['$citizenKey', ':'] }, 0] },
              },
              n: { $sum: 1 },
            },
          },
        ])
        .toArray();
      const newByKind: Record<MessageLabel, number> = { complaint: 0, praise: 0, statement: 0 };
      const channels = new Map<string, number>();
      const divisions = new Map<string, { division: string; complaint: number; praise: number; statement: number }>();
      for (const { _id, n } of newRows) {
        if (!(_id.kind in newByKind)) continue;
        newByKind[_id.kind] += n;
        channels.set(_id.channel, (channels.get(_id.channel) ?? 0) + n);
        const d = divisions.get(_id.division) ?? { division: _id.division, complaint: 0, praise: 0, statement: 0 };
        d[_id.kind] += n;
        divisions.set(_id.division, d);
      }

      const openRows = await cases()
        .aggregate<{ _id: Stage; n: number }>([
          { $match: { kind: 'complaint', stage: { $in: [...OPEN_STAGES] } } },
          { $group: { _id: '$stage', n: { $sum: 1 } } },
        ])
        .toArray();
      const openByStage = OPEN_STAGES.map((stage) => ({
        stage,
        count: openRows.find((r) => r._id === stage)?.n ?? 0,
      })).filter((r) => r.count > 0);

      const openByStageNow: StageCount[] = [];
      let worst: CaseBrief[] = [];
      for (const stage of q.clockedStages) {
        const filter = { stage, kind: 'complaint', dueAt: { $lte: q.now } };
        const n = await cases().countDocuments(filter);
        if (n === 0) continue;
        openByStageNow.push({ stage, count: n });
        const rows = await cases()
          .find(filter, { projection: BRIEF_FIELDS })
          .sort({ dueAt: 1, ticket: 1 })
          .limit(q.listLimit)
          .toArray();
        worst.push(...rows.map((r) => brief(r as CaseRow)));
      }
      worst = worst.sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0) || cmp(a.ticket, b.ticket)).slice(0, q.listLimit);
      const passedByStage: StageCount[] = [];
      for (const stage of q.clockedStages) {
        const count = await passedDue(stage, q.from, q.to, q.now);
        if (count > 0) passedByStage.push({ stage, count });
      }

      const complaintsInRange = { kind: 'complaint', createdAt: range };
      const topics = await cases()
        .aggregate<{ _id: { division: string; topic: string | null }; n: number }>([
          { $match: complaintsInRange },
          { $group: { _id: { division: '$division', topic: '$doc.topic' }, n: { $sum: 1 } } },
          { $sort: { n: -1, '_id.division': 1, '_id.topic': 1 } },
          { $limit: q.topicLimit },
        ])
        .toArray();
      const repeats = await cases()
        .aggregate<{ _id: string; n: number }>([
          { $match: { ...complaintsInRange, 'doc.repeatOf.ticket': { $exists: true } } },
          { $group: { _id: '$doc.repeatOf.ticket', n: { $sum: 1 } } },
          { $sort: { n: -1, _id: 1 } },
        ])
        .toArray();

      const counted = [A.satisfied, A.notSatisfied, A.cameBack, A.stillSolved, A.rated, A.noResponse];
      const actionRows = await events()
        .aggregate<{ _id: string; n: number; s: number }>([
          { $match: { 'doc.action': { $in: counted }, at: range } },
          {
            $group: {
              _id: '$doc.action',
              n: { $sum: 1 },
              s: {
                $sum: {
                  $cond: [
                    { $eq: ['$doc.action', A.rated] },
                    {
                      $convert: {
                        input: { $arrayElemAt: [{ $split: [{ $ifNull: ['$doc.detail', '0'] }, '/'] }, 0] },
                        to: 'int',
                        onError: 0,
                        onNull: 0,
                      },
                    },
                    0,
                  ],
                },
              },
            },
          },
        ])
        .toArray();
      const actions = new Map(actionRows.map((r) => [r._id, r]));
      const count = (a: string) => actions.get(a)?.n ?? 0;
      const reopenedRows = await events()
        .aggregate<{ _id: string }>([
          { $match: { 'doc.action': { $in: [A.notSatisfied, A.cameBack] }, at: range } },
          { $group: { _id: '$ticket' } },
          { $sort: { _id: 1 } },
          { $limit: q.listLimit },
        ])
        .toArray();

      let oldestOpen: CaseBrief[] = [];
      for (const stage of OPEN_STAGES) {
        const rows = await cases()
          .find({ stage, kind: 'complaint' }, { projection: BRIEF_FIELDS })
          .sort({ createdAt: 1, ticket: 1 })
          .limit(q.listLimit)
          .toArray();
        oldestOpen.push(...rows.map((r) => brief(r as CaseRow)));
      }
      oldestOpen = oldestOpen
        .sort((a, b) => a.createdAt - b.createdAt || cmp(a.ticket, b.ticket))
        .slice(0, q.listLimit);

      let series: BucketCounts[] | undefined;
      if (q.seriesEdges) {
        series = [];
        for (let i = 0; i + 1 < q.seriesEdges.length; i++) {
          const from = q.seriesEdges[i] as number;
          const to = q.seriesEdges[i + 1] as number;
          let overStandard = 0;
          for (const stage of q.clockedStages) overStandard += await passedDue(stage, from, to, q.now);
          series.push({
            from,
            to,
            newComplaints: await cases().countDocuments({ kind: 'complaint', createdAt: { $gte: from, $lt: to } }),
            closed: await cases().countDocuments({ 'doc.closedAt': { $gte: from, $lt: to } }),
            overStandard,
          });
        }
      }

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
          count: repeats.reduce((s, r) => s + r.n, 0),
          earlier: repeats.slice(0, q.listLimit).map((r) => ({ ticket: r._id, count: r.n })),
        },
        topics: topics.map((r) => ({ division: r._id.division, topic: r._id.topic ?? '', count: r.n })),
        reopened: { count: count(A.notSatisfied) + count(A.cameBack), tickets: reopenedRows.map((r) => r._id) },
        satisfaction: {
          satisfied: count(A.satisfied),
          notSatisfied: count(A.notSatisfied),
          ratings: count(A.rated),
          ratingSum: actions.get(A.rated)?.s ?? 0,
          noResponse: count(A.noResponse),
          stillSolved: count(A.stillSolved),
          cameBack: count(A.cameBack),
        },
        closed: await cases().countDocuments({ 'doc.closedAt': range }),
        oldestOpen,
        ...(series ? { series } : {}),
      };
    },

    async conversationsWaiting(mode: string, before: number, limit: number): Promise<Conversation[]> {
      const rows = await conversations()
        .find({ 'state.mode': mode, 'state.lastActivityAt': { $lt: before } })
        .sort({ 'state.lastActivityAt': 1, key: 1 })
        .limit(limit)
        .toArray();
      return rows.map((r) => ({
        key: String(r.key),
        state: r.state as unknown,
        version: Number(r.version),
        updatedAt: Number(r.updatedAt),
        ...(typeof r.unreachableAt === 'number' ? { unreachableAt: r.unreachableAt } : {}),
        ...(typeof r.unreachableReason === 'string' ? { unreachableReason: r.unreachableReason } : {}),
      }));
    },

    async casesAtStageSince(stage: Stage, before: number, limit: number): Promise<CaseRecord[]> {
      const rows = await cases()
        .find(
          { stage, kind: 'complaint', [`doc.stageTimes.${stage}.enteredAt`]: { $lt: before } },
          { projection: { doc: 1 } },
        )
        .sort({ createdAt: 1, ticket: 1 })
        .limit(limit)
        .toArray();
      return rows.map((r) => normaliseCase(r.doc));
    },

    async overdueCases(now: number, stages: readonly Stage[], limit: number): Promise<CaseRecord[]> {
      const out: CaseRecord[] = [];
      for (const stage of stages) {
        const rows = await cases()
          .find({ stage, kind: 'complaint', dueAt: { $lte: now } }, { projection: { doc: 1 } })
          .sort({ dueAt: -1, ticket: 1 })
          .limit(limit)
          .toArray();
        out.push(...rows.map((r) => normaliseCase(r.doc)));
      }
      return out.sort((a, b) => (b.dueAt ?? 0) - (a.dueAt ?? 0) || cmp(a.ticket, b.ticket)).slice(0, limit);
    },

    async closedBetween(from: number, to: number, limit: number): Promise<CaseRecord[]> {
      const rows = await cases()
        .find({ kind: 'complaint', 'doc.closedAt': { $gte: from, $lt: to } }, { projection: { doc: 1 } })
        .sort({ 'doc.closedAt': 1, ticket: 1 })
        .limit(limit)
        .toArray();
      return rows.map((r) => normaliseCase(r.doc));
    },

    async casesCreated(filter: CaseFilter, after: CreatedCursor | null, limit: number): Promise<CaseRecord[]> {
      const page = after
        ? {
            $or: [
              { createdAt: { $gt: after.createdAt } },
              { createdAt: after.createdAt, ticket: { $gt: after.ticket } },
            ],
          }
        : {};
      const rows = await cases()
        .find(
          {
            createdAt: { $gte: Math.max(filter.from, after?.createdAt ?? filter.from), $lt: filter.to },
            ...page,
            ...(filter.stage ? { stage: filter.stage } : {}),
            ...(filter.division ? { division: filter.division } : {}),
          },
          { projection: { doc: 1 } },
        )
        .sort({ createdAt: 1, ticket: 1 })
        .limit(Math.max(1, limit))
        .toArray();
      return rows.map((r) => normaliseCase(r.doc));
    },

    async eventsOf(tickets: readonly string[]): Promise<CaseEvent[]> {
      if (tickets.length === 0) return [];
      const rows = await events()
        .find({ ticket: { $in: [...tickets] } }, { projection: { doc: 1, ticket: 1, seq: 1 } })
        .sort({ ticket: 1, seq: 1, _id: 1 })
        .toArray();
      return rows.map((r) => r.doc as CaseEvent);
    },

    async closedBefore(before: number, after: ClosedCursor | null, limit: number): Promise<CaseRecord[]> {
      const page = after
        ? {
            $or: [
              { 'doc.closedAt': { $gt: after.closedAt, $lt: before } },
              { 'doc.closedAt': after.closedAt, ticket: { $gt: after.ticket } },
            ],
          }
        : { 'doc.closedAt': { $lt: before } };
      const rows = await cases()
        .find({ stage: 'closed', ...page }, { projection: { doc: 1 } })
        .sort({ 'doc.closedAt': 1, ticket: 1 })
        .limit(Math.max(1, limit))
        .toArray();
      return rows.map((r) => normaliseCase(r.doc));
    },

    async countCases(q: CaseQuery): Promise<number> {
      const and: Array<Record<string, unknown>> = [];
      if (q.stage) and.push({ stage: q.stage });
      if (q.open) and.push({ stage: { $in: [...OPEN_STAGES] } });
      if (q.kind) and.push({ kind: q.kind });
      if (q.citizenKey) and.push({ citizenKey: q.citizenKey });
      if (q.division) and.push({ division: q.division });
      for (const word of (q.search ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
        and.push({ searchText: { $regex: escapeRegExp(word) } });
      }
      return cases().countDocuments(and.length > 0 ? { $and: and } : {});
    },
  };
}

function sum(rows: StageCount[]): number {
  return rows.reduce((s, r) => s + r.count, 0);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
