// Ticket numbers citizens read aloud and type: "ADU-7KQ9-M2XT". Crockford base32 (no I, L, O, U), 8 symbols
// = 40 random bits from the CSPRNG, so tickets cannot be guessed or enumerated.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TICKET_PATTERN = /^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A fresh random ticket number. */
export function newTicket(random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let symbols = '';
  for (let i = 0; i < 8; i++) {
    symbols = (ALPHABET[Number(bits & 31n)] ?? '0') + symbols;
    bits >>= 5n;
  }
  return `ADU-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/**
 * Reads a ticket as a citizen might type it ("adu 7kq9 m2xt", "ADU7KQ9M2XT", "7KQ9-M2XT", with O for 0 or
 * I/L for 1, as Crockford allows). Returns the canonical form, or null when it cannot be a ticket.
 */
export function parseTicket(input: string): string | null {
  let s = input.toUpperCase().replace(/[\s\-_.]/g, '');
  if (s.startsWith('ADU')) s = s.slice(3);
  s = s.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(s)) return null;
  return `ADU-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Finds a ticket-looking token inside free text ("status ADU-7KQ9-M2XT ya min"). */
export function findTicketInText(text: string): string | null {
  const m = /\bADU[\s-]?[0-9A-Z]{4}[\s-]?[0-9A-Z]{4}\b/i.exec(text);
  return m ? parseTicket(m[0]) : null;
}
