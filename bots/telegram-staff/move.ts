// A case forwarded to a division that has another staff group (or whose division got a group of its own since, or
// whose group is no longer configured) leaves its old thread: the new group gets a new topic
// with the live card (sender.ts), and the old thread is told where the case went, its buttons are taken away and the
// topic is closed, so nobody keeps working a card that no longer moves. Each step is best effort: the case already
// lives in its new thread, and a group that refuses (the bot removed from it) must not hold the case back.
import type { Telegram } from 'telegraf';
import type { App } from '../../src/app.js';
import type { LiveState } from './live.js';
import type { Thread } from './threads.js';
import type { GroupRef } from './trouble.js';

/** Tells the old thread where the case went, removes its keyboards and closes it; returns the calls made. */
export async function leaveThread(
  deps: { app: App; telegram: Telegram },
  ticket: string,
  old: Thread,
  oldChat: string,
  oldLive: LiveState,
  to: GroupRef,
): Promise<number> {
  const { app, telegram } = deps;
  const where = to.chat ? to.name : 'grup petugas umum';
  const text =
    `📦 ${ticket} dipindahkan ke ${where}, grup bidang yang menanganinya sekarang. Kartu kasus dan tindakan ` +
    'selanjutnya ada di topik baru di grup itu; topik ini ditutup.';
  const place =
    old.kind === 'topic'
      ? { message_thread_id: old.id }
      : { reply_parameters: { message_id: old.id, allow_sending_without_reply: true } };
  const steps: Array<[string, () => Promise<unknown>]> = [['told', () => telegram.sendMessage(oldChat, text, place)]];
  for (const id of new Set([oldLive.card, oldLive.ask].filter((x): x is number => x !== undefined)))
    steps.push([
      'keyboard removed',
      () => telegram.editMessageReplyMarkup(oldChat, id, undefined, { inline_keyboard: [] }),
    ]);
  if (old.kind === 'topic' && !oldLive.closed) steps.push(['closed', () => telegram.closeForumTopic(oldChat, old.id)]);
  for (const [what, step] of steps) {
    await step().catch((err: Error) =>
      app.log.warn(`old staff thread of a moved case not ${what}`, { ticket, group: oldChat, error: err }),
    );
  }
  app.log.info('case moved to another staff group', { ticket, from: oldChat, to: to.chat ?? 'general' });
  return steps.length;
}
