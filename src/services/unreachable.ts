// A citizen the channel cannot reach (blocked the bot, not on WhatsApp, chat gone): their contact is marked, and
// when the failed message belonged to a case, the case's log and its staff thread say it did not arrive, so staff
// never believe a message reached someone it did not.
import type { CaseEvent } from '../domain/case.js';
import { isStaffDestination, type OutboundMessage } from '../domain/messages.js';
import type { Store } from '../store/port.js';
import { unreachableWords } from '../domain/contact.js';
import { maskPersonalData } from '../../nlp/pii.js';

/** Marks the citizen unreachable and, for a case's message, logs it and tells the case's staff thread. */
export async function recordUnreachable(
  store: Store,
  msg: OutboundMessage,
  reason: string,
  now: number,
): Promise<boolean> {
  if (isStaffDestination(msg.channel)) return false;
  await store.markUnreachable(`${msg.channel}:${msg.chatId}`, now, reason);
  if (!msg.ticket) return false;
  const why = unreachableWords(reason);
  const event: CaseEvent = {
    ticket: msg.ticket,
    at: now,
    actor: { kind: 'system', id: 'outbox' },
    action: 'message to citizen not delivered',
    detail: `${why} (${reason.slice(0, 120)})`,
  };
  const text = maskPersonalData(msg.text);
  const excerpt = text.length > 120 ? `${text.slice(0, 117)}…` : text;
  const notice: OutboundMessage = {
    channel: 'staff',
    chatId: msg.ticket,
    ticket: msg.ticket,
    kind: 'case-update',
    text:
      `⚠ ${msg.ticket}: pesan ke warga TIDAK sampai (${why}).\n` +
      `Pesan: "${excerpt.replace(/\s+/g, ' ')}"\n` +
      'Warga ditandai tidak dapat dihubungi pada kartu sampai ia menulis lagi; hubungi lewat kanal lain bila ada.',
  };
  await store.commit({ events: [event], outbox: [notice] });
  return true;
}
