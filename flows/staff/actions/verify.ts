// SOP step 12: the head of division verifies the result of the current round. Approval lets staff tell the citizen;
// a rejection sends the work back with a recommendation. Only supervisors verify (the flow checks the role).
import { noteEvent } from '../../../src/domain/lifecycle.js';
import { approvedThisRound, withVerification } from '../../../src/domain/ptp.js';
import { move } from './common.js';
import { ActionError, requireText, type Planner } from './types.js';

export const planApprove: Planner<{ type: 'approve'; notes?: string }> = (c, a, ctx) => {
  if (c.stage !== 'verifying') throw new ActionError('verifikasi hanya setelah pekerjaan selesai (/selesai)');
  if (approvedThisRound(c)) throw new ActionError('hasil putaran ini sudah disetujui');
  const record = {
    ...c,
    updatedAt: ctx.now,
    ptp: withVerification(c, { result: 'approved', by: ctx.actor.name, at: ctx.now, notes: a.notes ?? '' }),
  };
  return {
    record,
    events: [noteEvent(c, ctx.now, ctx.actor, 'verification approved', a.notes)],
    outbox: [],
    message: `${c.ticket}: hasil disetujui. Sampaikan hasilnya ke warga dengan /sampaikan.`,
  };
};

export const planReject: Planner<{ type: 'reject'; recommendation: string }> = (c, a, ctx) => {
  const recommendation = requireText(a.recommendation, 'rekomendasi');
  if (c.stage === 'verifying' && approvedThisRound(c)) throw new ActionError('hasil putaran ini sudah disetujui');
  const { next, event } = move(c, 'in_progress', 'reject', ctx, recommendation);
  const record = {
    ...next,
    ptp: withVerification(next, { result: 'rejected', by: ctx.actor.name, at: ctx.now, notes: recommendation }),
  };
  return {
    record,
    events: [event],
    outbox: [],
    message: `${c.ticket}: verifikasi DITOLAK, kembali ke pengerjaan. Rekomendasi: ${recommendation}`,
    withCard: true,
  };
};
