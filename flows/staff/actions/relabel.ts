// SOP step 3 corrected by staff: the label the classifier gave was wrong. A complaint re-labelled as praise or a
// statement is closed; praise or a statement re-labelled as a complaint enters the SOP at "forwarded". The
// correction is kept for retraining.
import type { CaseRecord } from '../../../src/domain/case.js';
import { moveCase, noteEvent } from '../../../src/domain/lifecycle.js';
import type { MessageLabel } from '../../../nlp/types.js';
import { move } from './common.js';
import { ActionError, type Planner } from './types.js';
import { KIND_ID } from '../../../src/domain/labels-id.js';

export const planRelabel: Planner<{ type: 'relabel'; label: MessageLabel; note?: string }> = (c, a, ctx) => {
  if (a.label === c.kind) throw new ActionError(`sudah berlabel ${KIND_ID[c.kind]}`);
  if (c.stage === 'archived') throw new ActionError('kasus sudah diarsipkan');
  const correction = { label: a.label, by: ctx.actor.name, at: ctx.now, ...(a.note ? { note: a.note } : {}) };
  const detail = `${c.kind} → ${a.label}${a.note ? `: ${a.note}` : ''}`;
  const name = KIND_ID[a.label];
  if (a.label === 'complaint') {
    const asComplaint: CaseRecord = { ...c, kind: 'complaint', correction };
    const { next, event } = moveCase(asComplaint, 'forwarded', {
      now: ctx.now,
      actor: ctx.actor,
      action: 'relabel',
      policy: ctx.duePolicy,
      detail,
    });
    return {
      record: next,
      events: [event],
      outbox: [],
      message: `${c.ticket}: dilabel ulang sebagai ADUAN.`,
      withCard: true,
    };
  }
  if (c.kind === 'complaint' && c.stage !== 'closed') {
    const { next, event } = move(c, 'closed', 'relabel', ctx, detail, 'relabelled');
    return {
      record: { ...next, kind: a.label, correction },
      events: [event],
      outbox: [],
      message: `${c.ticket}: dilabel ulang sebagai ${name}; kasus ditutup.`,
    };
  }
  return {
    record: { ...c, kind: a.label, correction, updatedAt: ctx.now },
    events: [noteEvent(c, ctx.now, ctx.actor, 'relabel', detail)],
    outbox: [],
    message: `${c.ticket}: dilabel ulang sebagai ${name}.`,
  };
};
