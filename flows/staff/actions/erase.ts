// Erasing the citizen's personal data (UU 27/2022 PDP) once staff confirmed their request: the erasure itself is the
// store's, in the same commit (src/services/erasure.ts builds it); this plans what the case records. A request to
// erase is closed as answered; the citizen is not written to afterwards (their chat is among what is erased).
import { citizenKey } from '../../../src/domain/case.js';
import { move } from './common.js';
import { ActionError, type Planner } from './types.js';

export const planErase: Planner<{ type: 'erase' }> = (c, _a, ctx) => {
  if (c.anonymised) throw new ActionError('data pribadi warga kasus ini sudah dihapus');
  const detail = 'confirmed by staff on the citizen\u2019s request';
  const open = c.request === 'erasure' && c.stage === 'recorded';
  const { next, event } = open
    ? move(c, 'closed', 'erase', ctx, detail, 'answered')
    : { next: c, event: { ticket: c.ticket, at: ctx.now, actor: ctx.actor, action: 'erase', detail } };
  return {
    record: next,
    events: [event],
    outbox: [],
    eraseCitizen: citizenKey(c.citizen),
    message:
      `${c.ticket}: data pribadi warga dihapus dari semua kasusnya (isi pesan, kontak, percakapan, lampiran web); ` +
      'tahap, tanggal, bidang dan label tetap untuk statistik. Warga tidak dapat dihubungi lagi lewat kasus ini.',
  };
};
