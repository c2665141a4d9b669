// The web channel's side of the outbox: a message the flows send a web citizen is delivered by keeping it in the
// citizen's conversation, which the tracking page shows. A request from the staff flow for a dashboard sign-in link
// ("login:<actor id>", `/web`) is delivered by issuing the link and sending it to the member's private chat with the
// staff bot.
import type { App } from '../../src/app.js';
import type { OutboundMessage } from '../../src/domain/messages.js';
import type { ChannelSender } from '../../src/services/dispatcher.js';
import { issueLoginLink, LOGIN_LINK_MINUTES } from '../../src/http/staff/login-links.js';

/** Counts deliveries per chat, so a page can wait for the replies its message caused before it is shown. */
export class ReplyWaiters {
  private readonly watching = new Map<string, Set<{ seen: number; wake: () => void }>>();

  /** Starts counting deliveries to `chatId` (call before the message is handled). */
  watch(chatId: string): { until(count: number, timeoutMs: number): Promise<boolean> } {
    const w = { seen: 0, wake: () => {} };
    const set = this.watching.get(chatId) ?? new Set();
    this.watching.set(chatId, set);
    set.add(w);
    const done = () => {
      set.delete(w);
      if (set.size === 0 && this.watching.get(chatId) === set) this.watching.delete(chatId);
    };
    return {
      until: (count, timeoutMs) =>
        new Promise<boolean>((resolve) => {
          if (w.seen >= count) {
            done();
            resolve(true);
            return;
          }
          const timer = setTimeout(() => {
            done();
            resolve(false);
          }, timeoutMs);
          w.wake = () => {
            if (w.seen < count) return;
            clearTimeout(timer);
            done();
            resolve(true);
          };
        }),
    };
  }

  delivered(chatId: string): void {
    for (const w of this.watching.get(chatId) ?? []) {
      w.seen += 1;
      w.wake();
    }
  }
}

export function webSender(app: App, opts: { publicUrl: string; waiters: ReplyWaiters }): ChannelSender {
  return {
    channel: 'web',
    async send(m) {
      if (m.chatId.startsWith('login:')) return sendLoginLink(app, opts.publicUrl, m);
      await app.web.addWebMessage({
        citizenKey: `web:${m.chatId}`,
        at: app.now(),
        from: 'service',
        text: m.text,
        ...(m.ticket ? { ticket: m.ticket } : {}),
        ...(m.choices?.length ? { choices: m.choices } : {}),
        ...(m.kind ? { kind: m.kind } : {}),
      });
      opts.waiters.delivered(m.chatId);
    },
  };
}

/** "login:telegram:<user id>": a one-time link, sent to the member's private chat with the staff bot. */
async function sendLoginLink(app: App, publicUrl: string, m: OutboundMessage): Promise<void> {
  const who = /^login:telegram:(\d{1,20})$/.exec(m.chatId);
  if (!who?.[1]) {
    app.log.warn('a sign-in link was asked for a member who has no private chat with the staff bot', {
      chat: m.chatId.slice(0, 60),
    });
    return;
  }
  const link = await issueLoginLink(app, publicUrl, who[1], m.text.trim() || undefined);
  if (!link) {
    app.log.warn('a sign-in link was asked for someone no longer listed as staff', { chat: m.chatId.slice(0, 60) });
    return;
  }
  await app.store.commit({
    outbox: [
      {
        channel: 'staff',
        chatId: `dm:${who[1]}`,
        kind: 'notice',
        text:
          `Tautan masuk dasbor petugas untuk ${link.name} (sekali pakai, berlaku ${LOGIN_LINK_MINUTES} menit):\n${link.url}\n\n` +
          'Jangan teruskan tautan ini kepada siapa pun.',
      },
    ],
  });
  app.dispatcher.kick();
}
