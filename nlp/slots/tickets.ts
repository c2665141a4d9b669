// Ticket numbers as citizens type them: "ADU-7KQ9-M2XT", "adu 7kq9 m2xt", "ADU7KQ9M2XT", "tiket 7KQ9-M2XT", with O for 0
// and I/L for 1 (Crockford). Normalised with the same rule as src/domain/ticket.ts parseTicket.
import { parseTicket } from '../../src/domain/ticket.js';
import type { Span } from './normalise.js';

// "ADU" then two groups of four, separators optional; "ADUAN saya" is not a ticket (the groups need 4 symbols each).
const PREFIXED = /\bADU[\s\-_.]{0,2}([0-9A-Z]{4})[\s\-_.]{0,2}([0-9A-Z]{4})\b/gi;
// Without "ADU", only right after a word that names a ticket, and with at least one digit (not "nomor ABCD EFGH").
const CUED =
  /\b(?:tiket|ticket|tiketnya|no\.?\s*aduan|nomor\s+aduan|no\.?\s*tiket|nomor\s+tiket|kode\s+aduan)\s*[:#]?\s*([0-9A-Z]{4})[\s\-_.]([0-9A-Z]{4})\b/gi;

/** Tickets named in the text (canonical form, first mention order, no duplicates) and where they are. */
export function findTickets(text: string): { tickets: string[]; spans: Span[] } {
  const found: Array<Span & { ticket: string }> = [];
  if (!/adu|tiket|ticket/i.test(text)) return { tickets: [], spans: [] };
  const take = (m: RegExpMatchArray, needDigit: boolean): void => {
    const body = `${m[1] ?? ''}${m[2] ?? ''}`;
    if (needDigit && !/\d/.test(body)) return;
    const ticket = parseTicket(body);
    if (ticket && m.index !== undefined) found.push({ start: m.index, end: m.index + m[0].length, ticket });
  };
  for (const m of text.matchAll(PREFIXED)) take(m, false);
  for (const m of text.matchAll(CUED)) take(m, true);
  found.sort((a, b) => a.start - b.start);
  return { tickets: [...new Set(found.map((f) => f.ticket))], spans: found };
}
