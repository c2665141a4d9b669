// SOP step 13: the citizen is told the result, in the words staff wrote for them (sent as written, kept in the
// round), and asked whether they are satisfied. Only after the head of division approved the current round.
import { approvedThisRound, withCurrentRound } from '../../../src/domain/ptp.js';
import { closureChoices } from '../../closure.js';
import { closureAsked } from '../../staff-effects.js';
import { t } from '../../texts.js';
import { move, toCitizen } from './common.js';
import { ActionError, requireText, type Planner } from './types.js';

export const planInform: Planner<{ type: 'inform'; message: string }> = (c, a, ctx) => {
  const message = requireText(a.message, 'pesan untuk warga');
  if (c.stage !== 'verifying' || !approvedThisRound(c)) {
    throw new ActionError('hasil putaran ini belum diverifikasi (disetujui) supervisor');
  }
  const moved = move(c, 'awaiting_confirmation', 'inform', ctx, message);
  const record = { ...moved.next, ptp: withCurrentRound(moved.next, { citizenMessage: message, informedAt: ctx.now }) };
  const lang = c.citizen.language;
  const offered = closureChoices(lang);
  const question = toCitizen(c, t(lang, 'closureQuestion', { ticket: c.ticket, result: message }), {
    choices: offered,
  });
  return {
    record,
    events: [moved.event],
    outbox: [question],
    citizen: (s) => closureAsked(s, c.ticket, offered, ctx.now),
    message: `${c.ticket}: hasil disampaikan ke warga; menunggu jawaban puas / belum puas.`,
  };
};
