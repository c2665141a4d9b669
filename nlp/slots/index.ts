// Slots by meaning (issue 9): the facts a citizen's message gives, whatever was asked and whichever turn it is.
// Numbers are claimed in order of certainty (tickets, personal data, object numbers, amounts) so a phone number, NIK
// or amount is never read as a date or a place. Regular expressions over the raw text only: it runs on every turn.
import type { Slots } from '../types.js';
import { findPersonalData } from '../pii.js';
import { findAmounts } from './amounts.js';
import { findEvidence } from './evidence.js';
import { normaliseForSlots, type Span } from './normalise.js';
import { findObjectNumbers } from './object-numbers.js';
import { findPlace } from './place.js';
import { findTickets } from './tickets.js';
import { findTime } from './time.js';

export { normaliseForSlots } from './normalise.js';
export { formatNop } from './object-numbers.js';
export { parseNumberWords } from './amounts.js';
export { isVaguePlace } from './place.js';

// Personal data needs a run of at least 7 digits (or an e-mail); most messages have none, so the scan is skipped.
const LONG_DIGITS = /\d(?:[\s.\-/]?\d){6}|@/;

/** Place, time, tickets, object numbers, amounts and evidence found in one message. Never throws. */
export function extractSlots(raw: string): Slots {
  const text = normaliseForSlots(raw);
  const slots: Slots = { tickets: [], objectNumbers: [], amounts: [] };
  if (text.trim() === '') return slots;
  const taken: Span[] = [];
  const tickets = findTickets(text);
  slots.tickets = tickets.tickets;
  taken.push(...tickets.spans);
  const hasDigits = /\d/.test(text);
  if (hasDigits) {
    const objects = findObjectNumbers(text, taken);
    slots.objectNumbers = objects.numbers;
    taken.push(...objects.spans);
    if (LONG_DIGITS.test(text)) taken.push(...findPersonalData(text));
  }
  const amounts = findAmounts(text, taken);
  slots.amounts = amounts.amounts;
  taken.push(...amounts.spans);
  const place = findPlace(text, taken);
  if (place) slots.place = place;
  const time = findTime(text, taken, amounts.spans);
  if (time) slots.time = time;
  const evidence = findEvidence(text);
  if (evidence) slots.evidence = evidence;
  return slots;
}
