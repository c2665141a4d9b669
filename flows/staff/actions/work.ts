// SOP step 11: staff carry out the corrective action (start), and say when it is done (the result then waits for
// verification, step 12).
import { move, said, toCitizen } from './common.js';
import type { Planner } from './types.js';

export const planStart: Planner<{ type: 'start' }> = (c, _a, ctx) => {
  const { next, event } = move(c, 'in_progress', 'start', ctx);
  return { record: next, events: [event], outbox: [], message: `${c.ticket}: perbaikan dimulai.` };
};

export const planDone: Planner<{ type: 'done'; note?: string }> = (c, a, ctx) => {
  const { next, event } = move(c, 'verifying', 'done', ctx, a.note);
  const text = said(c, {
    id: `Kabar aduan ${c.ticket}: perbaikan sudah dikerjakan dan sedang diperiksa hasilnya.`,
    en: `Update on ${c.ticket}: the work is done and its result is being checked.`,
  });
  return {
    record: next,
    events: [event],
    outbox: [toCitizen(c, text)],
    message: `${c.ticket}: selesai dikerjakan, menunggu verifikasi supervisor.`,
  };
};
