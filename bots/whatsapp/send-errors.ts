// What a failed WhatsApp send means. A dead browser ("Session closed", "Target closed", "Protocol error") is
// temporary: the message stays in the outbox and the client is rebuilt. A number that is not on WhatsApp is
// permanent and marks the recipient unreachable. Anything else is retried with the dispatcher's backoff.

const BROWSER_CRASH =
  /Session closed|Protocol error|Target closed|Execution context was destroyed|Browser (has )?disconnected|Connection closed|detached Frame/i;
const NOT_ON_WHATSAPP = /not (a )?registered|invalid wid|wid error|No LID for user|Lid is missing/i;

export type SendFailure = 'browser-crash' | 'not-on-whatsapp' | 'other';

/** Sorts a thrown send error. */
export function classifySendError(err: unknown): { kind: SendFailure; message: string } {
  const message = err instanceof Error ? err.message : String(err);
  if (BROWSER_CRASH.test(message)) return { kind: 'browser-crash', message };
  if (NOT_ON_WHATSAPP.test(message)) return { kind: 'not-on-whatsapp', message };
  return { kind: 'other', message };
}
