// Everything the staff bot says goes through the outbox like any other message (paced, retried, never lost).
import type { App } from '../../src/app.js';
import type { Choice, OutboundMessage } from '../../src/domain/messages.js';
import { TICKET_PATTERN } from '../../src/domain/ticket.js';

/** Where an answer goes: a ticket (its thread), "general", or "dm:<userId>". */
export type Place = string;

export async function say(
  app: App,
  place: Place,
  text: string,
  opts: { kind?: OutboundMessage['kind']; choices?: Choice[] } = {},
): Promise<void> {
  const msg: OutboundMessage = {
    channel: 'staff',
    chatId: place,
    text,
    kind: opts.kind ?? 'notice',
    ...(TICKET_PATTERN.test(place) ? { ticket: place } : {}),
    ...(opts.choices?.length ? { choices: opts.choices } : {}),
  };
  await app.store.commit({ outbox: [msg] });
  app.dispatcher.kick();
}
