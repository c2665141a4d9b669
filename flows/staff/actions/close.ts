// Closing without the SOP's full path: a complaint that cannot be acted on (invalid, the citizen is told why), an
// information request staff answered, and archiving a closed case (SOP step 14).
import { move, said, toCitizen } from './common.js';
import { ActionError, requireText, type Planner } from './types.js';

export const planInvalid: Planner<{ type: 'invalid'; reason: string }> = (c, a, ctx) => {
  const reason = requireText(a.reason, 'alasan');
  const { next, event } = move(c, 'closed', 'invalid', ctx, reason, 'invalid');
  const text = said(c, {
    id: `Aduan ${c.ticket} kami tutup karena tidak dapat ditindaklanjuti: ${reason}. Jika ada informasi baru, silakan kirim aduan baru.`,
    en: `We have closed complaint ${c.ticket} because it cannot be acted on: ${reason}. If you have new information, please file a new complaint.`,
  });
  return {
    record: { ...next, resolutionNote: reason },
    events: [event],
    outbox: [toCitizen(c, text)],
    message: `${c.ticket}: ditutup sebagai tidak valid.`,
  };
};

export const planAnswered: Planner<{ type: 'answered'; note?: string }> = (c, a, ctx) => {
  if (c.request !== 'information') throw new ActionError('hanya permintaan informasi yang ditutup sebagai terjawab');
  const { next, event } = move(c, 'closed', 'answered', ctx, a.note, 'answered');
  return {
    record: a.note ? { ...next, resolutionNote: a.note } : next,
    events: [event],
    outbox: [],
    message: `${c.ticket}: permintaan informasi ditutup sebagai terjawab.`,
  };
};

export const planArchive: Planner<{ type: 'archive' }> = (c, _a, ctx) => {
  const { next, event } = move(c, 'archived', 'archive', ctx);
  return { record: next, events: [event], outbox: [], message: `${c.ticket}: diarsipkan.` };
};
