// SOP step 5: the case goes to the division that handles it. The citizen was told the first division at intake,
// so a move to another one is told too.
import { divisionName } from '../../../src/domain/case-card.js';
import { move, said, toCitizen } from './common.js';
import { ActionError, type Planner } from './types.js';

export const planForward: Planner<{ type: 'forward'; division: string }> = (c, a, ctx) => {
  if (!ctx.agency.divisions.some((d) => d.id === a.division))
    throw new ActionError(`bidang "${a.division}" tidak dikenal`);
  const { next, event } = move(c, 'forwarded', 'forward', ctx, a.division);
  const record = { ...next, division: a.division };
  const name = divisionName(ctx.agency, a.division);
  const outbox =
    a.division === c.division
      ? []
      : [
          toCitizen(
            c,
            said(c, {
              id: `Kabar aduan ${c.ticket}: aduan Anda dialihkan ke ${name} yang berwenang menanganinya.`,
              en: `Update on ${c.ticket}: your complaint has been passed to ${name}, which handles such matters.`,
            }),
          ),
        ];
  return { record, events: [event], outbox, message: `${c.ticket} diteruskan ke ${name}.`, withCard: true };
};
