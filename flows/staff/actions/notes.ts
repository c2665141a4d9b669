// Private notes (never sent to the citizen) and messages relayed to the citizen on their own channel, signed with
// the agency's name. After a relay, the citizen's next words go to the case's thread.
import { noteEvent } from '../../../src/domain/lifecycle.js';
import { threadOpened } from '../../staff-effects.js';
import { t } from '../../texts.js';
import { formatTime } from '../../../src/domain/case-card.js';
import { unreachableWords } from '../../../src/domain/contact.js';
import type { OutboundFile } from '../../../src/domain/messages.js';
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

/** The log's line for a relay: its words and what was attached. */
function withFiles(text: string, files: OutboundFile[]): string {
  if (!files.length) return text;
  const what = files.map((f) => (f.kind === 'photo' ? 'foto' : `dokumen${f.name ? ` ${f.name}` : ''}`)).join(', ');
  return `${text}${text ? ' ' : ''}[lampiran: ${what}]`;
}

export const planReply: Planner<{ type: 'reply'; text: string; files?: OutboundFile[] }> = (c, a, ctx) => {
  const files = a.files ?? [];
  // A photo or document may come without words; its caption is then the agency's signature alone.
  const text = files.length && !a.text.trim() ? '' : requireText(a.text, 'pesan');
  if (c.stage === 'archived') throw new ActionError('kasus sudah diarsipkan');
  const lang = c.citizen.language;
  const relay = t(lang, 'staffReply', { ticket: c.ticket, text, signature: ctx.agency.signature });
  return {
    record: { ...c, updatedAt: ctx.now },
    events: [noteEvent(c, ctx.now, ctx.actor, 'reply to citizen', withFiles(text, files))],
    outbox: [{ ...toCitizen(c, relay, { kind: 'relay' }), ...(files.length ? { files } : {}) }],
    citizen: (s) => threadOpened(s, c.ticket),
    message: ctx.citizenUnreachable
      ? `⚠ ${c.ticket}: warga tidak dapat dihubungi sejak ${formatTime(ctx.citizenUnreachable.at)} ` +
        `(${unreachableWords(ctx.citizenUnreachable.reason)}); pesan dicoba dikirim, tetapi kemungkinan besar tidak sampai.`
      : `${c.ticket}: pesan dikirim ke warga.`,
  };
};
