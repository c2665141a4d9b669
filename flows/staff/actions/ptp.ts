// SOP steps 8-10: the corrective action, its owner and due date, written into the current PTP round. The citizen
// hears, in plain words, that the fix is planned: never the internal action text.
import { currentRound, withCurrentRound } from '../../../src/domain/ptp.js';
import { move, said, toCitizen } from './common.js';
import { ActionError, requireText, type Planner } from './types.js';

type Ptp = { type: 'ptp'; correctiveAction: string; owner: string; dueAt: number };

export const planPtp: Planner<Ptp> = (c, a, ctx) => {
  const correctiveAction = requireText(a.correctiveAction, 'tindakan perbaikan');
  const owner = requireText(a.owner, 'penanggung jawab');
  if (!currentRound(c).rootCause) throw new ActionError('catat akar masalah putaran ini dulu (/akar) sebelum PTP');
  if (!Number.isFinite(a.dueAt) || a.dueAt <= ctx.now) throw new ActionError('target waktu PTP harus di masa depan');
  const { next, event } = move(c, 'action_planned', 'ptp', ctx, correctiveAction);
  const record = { ...next, ptp: withCurrentRound(next, { correctiveAction, owner, dueAt: a.dueAt }) };
  const text = said(c, {
    id: `Kabar aduan ${c.ticket}: penyebab masalahnya sudah kami temukan dan perbaikannya sudah dijadwalkan. Kami kabari lagi setelah selesai.`,
    en: `Update on ${c.ticket}: we have found the cause of the problem and planned the fix. We will let you know once it is done.`,
  });
  return { record, events: [event], outbox: [toCitizen(c, text)], message: `${c.ticket}: PTP dicatat.` };
};
