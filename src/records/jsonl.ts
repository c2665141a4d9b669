// The export as JSON lines: one case per line with its PTP rounds, stage times and event log, for other systems and
// for auditors' own tools. Instants are ISO 8601 in the agency's zone (with its offset); personal data as in the view.
import type { CaseView } from './case-view.js';
import { isoLocal } from './time.js';

/** The JSON record of one case (every instant as ISO 8601 with the zone's offset). */
export function jsonlRecord(v: CaseView, timeZone: string, unit: 'office' | 'plain'): Record<string, unknown> {
  const t = (ms: number | undefined) => (ms === undefined ? undefined : isoLocal(ms, timeZone));
  return {
    ticket: v.ticket,
    kind: v.kind,
    request: v.request,
    channel: v.channel,
    contact: v.contact,
    name: v.name,
    createdAt: t(v.createdAt),
    stage: v.stage,
    stageLabel: v.stageLabel,
    dueAt: t(v.dueAt),
    openPastDue: v.openPastDue,
    division: v.division,
    divisionName: v.divisionName,
    text: v.text,
    details: { what: v.what, where: v.where, since: v.since },
    attachments: v.attachments ? v.attachments.split(', ') : [],
    classification: { label: v.label, confidence: v.confidence, modelVersion: v.modelVersion },
    correction: v.correction,
    topic: v.topic,
    integrity: v.integrity,
    repeatOf: v.repeatOf === undefined ? undefined : { ticket: v.repeatOf, similarity: v.repeatSimilarity },
    assignee: v.assignee,
    reviewNotes: v.reviewNotes || undefined,
    reopenCount: v.reopenCount,
    satisfaction: v.satisfaction,
    rating: v.rating,
    resolution: v.resolution,
    resolutionNote: v.resolutionNote,
    closedAt: t(v.closedAt),
    ptp: v.rounds.map((r) => ({
      ...r,
      openedAt: t(r.openedAt),
      dueAt: t(r.dueAt),
      verifications: r.verifications.map((x) => ({ ...x, at: t(x.at) })),
      informedAt: t(r.informedAt),
      answeredAt: t(r.answeredAt),
      cameBackAt: t(r.cameBackAt),
    })),
    stageTimes: {
      unit: unit === 'office' ? 'office minutes' : 'minutes',
      stages: v.stages.map((s) => ({ ...s, enteredAt: t(s.enteredAt), leftAt: t(s.leftAt), dueAt: t(s.dueAt) })),
    },
    events: v.events.map((e) => ({ ...e, at: t(e.at) })),
  };
}

/** One line (JSON.stringify drops the undefined fields). */
export function jsonlLine(v: CaseView, timeZone: string, unit: 'office' | 'plain'): string {
  return `${JSON.stringify(jsonlRecord(v, timeZone, unit))}\n`;
}
