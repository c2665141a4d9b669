// "Send me my link again": a citizen who filed on the web and gave a WhatsApp number asks for a new private link,
// which goes to that WhatsApp chat (the old link stops working). Aduan never writes first on WhatsApp, so the number
// must have written to the agency's WhatsApp before. The page answers the same whatever was typed, so it tells
// nobody whether a ticket or a number exists.
import type { App } from '../../src/app.js';
import type { Language } from '../../src/domain/case.js';
import { parseTicket } from '../../src/domain/ticket.js';
import { hashToken, newToken } from '../../src/http/tokens.js';
import { normaliseContact } from './form-input.js';

/** Sends a new link when the ticket and the number match a web filing; returns whether one was sent (for logs). */
export async function relink(
  app: App,
  publicUrl: string,
  given: { ticket: string; whatsapp: string },
): Promise<boolean> {
  const ticket = parseTicket(given.ticket);
  const number = normaliseContact('whatsapp', given.whatsapp);
  if (!ticket || !number) return false;
  const c = await app.store.getCase(ticket);
  if (!c || c.citizen.channel !== 'web') return false;
  const key = `web:${c.citizen.userId}`;
  const citizen = await app.web.getWebCitizen(key);
  if (citizen?.contact?.kind !== 'whatsapp' || citizen.contact.value !== number) return false;
  const chat = await app.store.getContact(`whatsapp:${number}@c.us`);
  if (!chat?.firstWroteAt || chat.unreachableAt) return false;
  const token = newToken();
  await app.web.setWebToken(key, hashToken(token));
  const lang: Language = chat.language ?? c.citizen.language;
  const text =
    lang === 'en'
      ? `Your new private link for complaint ${ticket}: ${publicUrl}/lacak/${token}\nThe earlier link no longer works. Do not share this link.`
      : `Tautan pribadi baru untuk pengaduan ${ticket}: ${publicUrl}/lacak/${token}\nTautan lama tidak berlaku lagi. Jangan bagikan tautan ini.`;
  await app.store.commit({ outbox: [{ channel: 'whatsapp', chatId: `${number}@c.us`, text, kind: 'notice', ticket }] });
  app.dispatcher.kick();
  app.log.info('a web citizen asked for their link again; sent on WhatsApp', { ticket });
  return true;
}
