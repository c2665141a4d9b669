// A web citizen's turn: what they wrote is kept in their conversation (once, by the form's id), given to the one
// inbound pipeline as a message of the 'web' channel, and the page waits (briefly) for the replies it caused, which
// the web sender keeps in the same conversation. The first filing also makes the citizen: a random id and a
// private tracking token (only its hash is stored), derived from the form so a form sent twice is one filing.
import { createHash } from 'node:crypto';
import type { App } from '../../src/app.js';
import type { Attachment, InboundMessage } from '../../src/domain/messages.js';
import type { UploadStore } from '../../src/store/uploads.js';
import type { WebContactKind } from '../../src/store/web-port.js';
import { hashToken, newToken } from '../../src/http/tokens.js';
import type { Upload } from './form-input.js';
import type { ReplyWaiters } from './sender.js';

export interface WebDeps {
  app: App;
  uploads: UploadStore;
  waiters: ReplyWaiters;
}

/** How long a page waits for the replies of a message before it shows "processing" and reloads itself. */
export const REPLY_WAIT_MS = 4000;

export interface Turn {
  /** The form's id: a form sent twice is handled once. */
  formId: string;
  text: string;
  /** What the conversation shows the citizen said (a pressed choice's label, or the text). */
  shown?: string;
  choice?: string;
  uploads?: Upload[];
  details?: InboundMessage['details'];
}

/** The citizen id a form's id gives (hex): the same form sent again is the same citizen. */
export function citizenIdOf(formId: string): string {
  return createHash('sha256').update(`web-citizen:${formId}`).digest('hex').slice(0, 32);
}

/**
 * Makes (or, for a form sent again, finds) the web citizen of a new filing, with a new tracking token. Returns the
 * id and the token. (The conversation's language is the flows' to read from the citizen's words, as on the chat.)
 */
export async function openCitizen(
  deps: WebDeps,
  formId: string,
  o: { contact?: { kind: WebContactKind; value: string }; anonymous: boolean },
): Promise<{ id: string; token: string; again: boolean }> {
  const { app } = deps;
  const id = citizenIdOf(formId);
  const key = `web:${id}`;
  const token = newToken();
  const existing = await app.web.getWebCitizen(key);
  if (existing) {
    await app.web.setWebToken(key, hashToken(token));
    return { id, token, again: true };
  }
  await app.web.saveWebCitizen({
    key,
    tokenHash: hashToken(token),
    ...(o.contact ? { contact: o.contact } : {}),
    anonymous: o.anonymous,
    createdAt: app.now(),
  });
  return { id, token, again: false };
}

/** One turn of the citizen `id`; resolves true when every reply arrived in time (false: the page reloads). */
export async function say(deps: WebDeps, id: string, turn: Turn): Promise<boolean> {
  const { app } = deps;
  const attachments: Attachment[] = [];
  for (const u of turn.uploads ?? []) {
    const fileId = await deps.uploads.save(u.bytes);
    attachments.push({
      kind: u.type.kind,
      fileId: `web:${fileId}`,
      mime: u.type.mime,
      size: u.bytes.byteLength,
      name: u.name,
    });
  }
  const added = await app.web.addWebMessage({
    citizenKey: `web:${id}`,
    id: turn.formId,
    at: app.now(),
    from: 'citizen',
    text: turn.shown ?? turn.text,
    ...(attachments.length ? { attachments: attachments.map((a) => ({ kind: a.kind, name: a.name })) } : {}),
  });
  // The same form again (a double click, the back button): the first one is handled, or being handled.
  if (!added) return true;
  const waiting = deps.waiters.watch(id);
  let received;
  try {
    received = await app.inbound.receive({
      channel: 'web',
      messageId: turn.formId,
      senderId: id,
      chatId: id,
      text: turn.text,
      attachments,
      ...(turn.choice ? { choice: turn.choice } : {}),
      ...(turn.details && (turn.details.where || turn.details.since) ? { details: turn.details } : {}),
      sentAt: app.now(),
    });
  } catch (err) {
    await waiting.until(0, 0);
    throw err;
  }
  return waiting.until(received.replies ?? 0, REPLY_WAIT_MS);
}
