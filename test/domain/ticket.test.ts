import { describe, expect, it } from 'vitest';
import { findTicketInText, newTicket, parseTicket, TICKET_PATTERN } from '../../src/domain/ticket.js';

describe('tickets', () => {
  it('are ADU- plus two groups of four Crockford base32 symbols', () => {
    for (let i = 0; i < 200; i++) expect(newTicket()).toMatch(TICKET_PATTERN);
  });

  it('carry 40 random bits: every one of 5 random bytes changes the ticket', () => {
    const zero = newTicket(() => new Uint8Array(5));
    expect(zero).toBe('ADU-0000-0000');
    const ones = newTicket(() => new Uint8Array([255, 255, 255, 255, 255]));
    expect(ones).toBe('ADU-ZZZZ-ZZZZ');
    for (let byte = 0; byte < 5; byte++) {
      const bytes = new Uint8Array(5);
      bytes[byte] = 1;
      expect(newTicket(() => bytes)).not.toBe(zero);
    }
  });

  it('do not repeat in 20,000 draws', () => {
    const seen = new Set(Array.from({ length: 20_000 }, () => newTicket()));
    expect(seen.size).toBe(20_000);
  });

  it('are read back however a citizen types them', () => {
    expect(parseTicket('adu-7kq9-m2xt')).toBe('ADU-7KQ9-M2XT');
    expect(parseTicket('ADU 7KQ9 M2XT')).toBe('ADU-7KQ9-M2XT');
    expect(parseTicket('7kq9m2xt')).toBe('ADU-7KQ9-M2XT');
    expect(parseTicket('ADU-7KQ9-M2XO')).toBe('ADU-7KQ9-M2X0');
    expect(parseTicket('ADU-1LI1-0000')).toBe('ADU-1111-0000');
  });

  it('refuse what cannot be a ticket', () => {
    for (const s of ['', 'ADU', 'ADU-7KQ9', 'ADU-7KQ9-M2XT-9', 'ADU-7KQ9-M2X!', '12345678901234', 'ADU-UUUU-UUUU']) {
      expect(parseTicket(s)).toBeNull();
    }
  });

  it('are found inside a sentence', () => {
    expect(findTicketInText('min, status ADU-7KQ9-M2XT gimana?')).toBe('ADU-7KQ9-M2XT');
    expect(findTicketInText('tidak ada tiket di sini')).toBeNull();
  });
});
