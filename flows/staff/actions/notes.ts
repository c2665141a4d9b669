// Private notes (never sent to the citizen) and messages relayed to the citizen on their own channel, signed with
// the agency's name. After a relay, the citizen's next words go to the case's thread.
import { noteEvent } from '../../../src/domain/lifecycle.js';
import { threadOpened } from '../../staff-effects.js';
import { t } from '../../texts.js';
import { formatTime } from '../../../src/domain/case-card.js';
import { unreachableWords } from '../../../src/domain/contact.js';
import { toCitizen } from './common.js';
import { ActionError, requireText, type Planner } from './types.js';

export const planNote: Planner<{ type: 'note'; text: string }> = (c, a, ctx) => {
  const text = requireText(a.text, 'catatan');
  return {
    record: { ...c, updatedAt: ctx.now, privateNotes: [...c.privateNotes, { by: ctx.actor.name, at: ctx.now, text }] },
    events: [noteEvent(c, ctx.now, ctx.actor, 'private note', text)],
    outbox: [],
    message: `${c.ticket}: catatan internal disimpan (tidak dikirim ke warga).`,
  };
};

export const planReply: Planner<{ type: 'reply'; text: string }> = (c, a, ctx) => {
  const text = requireText(a.text, 'pesan');
  if (c.stage === 'archived') throw new ActionError('kasus sudah diarsipkan');
  const lang = c.citizen.language;
  const relay = t(lang, 'staffReply', { ticket: c.ticket, text, signature: ctx.agency.signature });
  return {
    record: { ...c, updatedAt: ctx.now },
    events: [noteEvent(c, ctx.now, ctx.actor, 'reply to citizen', text)],
    outbox: [toCitizen(c, relay, { kind: 'relay' })],
    citizen: (s) => threadOpened(s, c.ticket),
    message: ctx.citizenUnreachable
      ? `⚠ ${c.ticket}: warga tidak dapat dihubungi sejak ${formatTime(ctx.citizenUnreachable.at)} ` +
        `(${unreachableWords(ctx.citizenUnreachable.reason)}); pesan dicoba dikirim, tetapi kemungkinan besar tidak sampai.`
      : `${c.ticket}: pesan dikirim ke warga.`,
  };
};
