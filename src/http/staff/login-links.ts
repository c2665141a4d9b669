// Passwordless sign-in for the staff dashboard: a one-time link for a listed staff member, valid 15 minutes, that
// the staff bot sends in a private chat (`/web`) or `aduan staff login-link --as <id>` prints on the server. Only the
// link's hash is stored; opening the link asks for one press before it is used, so a chat app's link preview cannot
// use it up.
import type { App } from '../../app.js';
import { hashToken, newToken } from '../tokens.js';

export const LOGIN_LINK_MINUTES = 15;

/** A new sign-in link for `staffId` (as listed: a Telegram user id or an operator id), or null when not listed. */
export async function issueLoginLink(
  app: Pick<App, 'web' | 'staff' | 'now'>,
  publicUrl: string,
  staffId: string,
  name?: string,
): Promise<{ url: string; expiresAt: number; name: string } | null> {
  const actor = app.staff.actorFor('web', { id: staffId, ...(name ? { name } : {}) });
  if (!actor) return null;
  const token = newToken();
  const expiresAt = app.now() + LOGIN_LINK_MINUTES * 60_000;
  await app.web.purgeExpiredWeb(app.now());
  await app.web.saveLoginLink({ tokenHash: hashToken(token), staffId: staffId.trim(), name: actor.name, expiresAt });
  return { url: `${publicUrl}/staf/masuk/${token}`, expiresAt, name: actor.name };
}
