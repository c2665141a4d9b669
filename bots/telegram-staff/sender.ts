// Delivers the outbox's 'staff' messages to the staff group (Telegraf). chatId is a ticket (the case's forum
// topic, opened on first use; or, in a group without topics, a thread of replies under the card), "general" (the
// group's main thread) or "dm:<userId>" (a private message, e.g. a supervisor's digest). Cards and case updates
// carry the buttons allowed for the case at the moment they are sent.
import { TelegramError, type Telegram } from 'telegraf';
import type { App } from '../../src/app.js';
import type { OutboundMessage } from '../../src/domain/messages.js';
import { TICKET_PATTERN } from '../../src/domain/ticket.js';
import type { ChannelSender, Pacing } from '../../src/services/dispatcher.js';
import { splitText } from '../telegram/split-text.js';
import { isThreadGone, toDeliveryError, type ApiFailure } from '../telegram/delivery-errors.js';
import { caseButtons, type Button } from './buttons.js';
import {
  forgetThread,
  knownNotForum,
  markNotForum,
  readThread,
  rememberMessage,
  saveRootMessage,
  saveTopic,
  type Thread,
} from './threads.js';

/** About 20 messages a minute into the group (Telegram's limit for groups); DMs share the budget. */
export const STAFF_PACING: Pacing = { globalPerSecond: 1 / 3 };

export function telegrafFailure(err: unknown): ApiFailure {
  if (err instanceof TelegramError) {
    const retry = err.parameters?.retry_after;
    return { code: err.code, description: err.description, ...(retry !== undefined ? { retryAfterSec: retry } : {}) };
  }
  return { description: (err as Error)?.message ?? String(err) };
}

interface Target {
  chatId: string;
  ticket?: string;
  thread?: Thread | null;
}

export function staffSender(deps: { app: App; telegram: Telegram; groupId: string; pacing?: Pacing }): ChannelSender {
  const { app, telegram, groupId } = deps;
  const progress = new Map<string, number>();

  const target = async (m: OutboundMessage): Promise<Target> => {
    if (m.chatId === 'general') return { chatId: groupId };
    const dm = /^dm:(\d{1,20})$/.exec(m.chatId);
    if (dm) return { chatId: dm[1] ?? '' };
    if (!TICKET_PATTERN.test(m.chatId))
      throw toDeliveryError({
        code: 400,
        description: `Bad Request: unknown staff address "${m.chatId.slice(0, 40)}"`,
      });
    return { chatId: groupId, ticket: m.chatId, thread: await openThread(m.chatId) };
  };

  /** The case's thread; a new forum topic when it has none and the group has topics. */
  const openThread = async (ticket: string): Promise<Thread | null> => {
    const known = await readThread(app.store, ticket);
    if (known) return known;
    if (await knownNotForum(app.store, app.now())) return null;
    try {
      const c = await app.store.getCase(ticket);
      const name = `${ticket}${c?.topic ? ` · ${c.topic}` : ''}`.slice(0, 128);
      const topic = await telegram.createForumTopic(groupId, name);
      await saveTopic(app.store, ticket, topic.message_thread_id);
      return { mode: 'topic', id: topic.message_thread_id };
    } catch (err) {
      const f = telegrafFailure(err);
      if (
        f.code === 400 &&
        /not a forum|forum.*(disabled|not enabled)|CHAT_NOT_FORUM|method is available only for (forum|supergroup)/i.test(
          f.description ?? '',
        )
      ) {
        await markNotForum(app.store, app.now());
        app.log.info('staff group has no topics: cards are messages and replies to them are the case thread');
        return null;
      }
      throw toDeliveryError(f);
    }
  };

  return {
    channel: 'staff',
    pacing: deps.pacing ?? STAFF_PACING,
    async send(m) {
      const t = await target(m);
      const keyboard = await keyboardFor(m);
      const parts = splitText(m.text);
      const key = `${m.chatId}\u0000${m.kind ?? ''}\u0000${m.text}`;
      const start = progress.get(key) ?? 0;
      const steps: Array<() => Promise<number>> = [];
      if (m.imagePngBase64) {
        const png = Buffer.from(m.imagePngBase64, 'base64');
        steps.push(
          async () =>
            (await telegram.sendPhoto(t.chatId, { source: png, filename: 'chart.png' }, threadExtra(t))).message_id,
        );
      }
      parts.forEach((part, i) => {
        const markup =
          i === parts.length - 1 && keyboard?.length ? { reply_markup: { inline_keyboard: keyboard } } : {};
        steps.push(
          async () =>
            (
              await telegram.sendMessage(t.chatId, part || '…', {
                ...threadExtra(t),
                ...markup,
                link_preview_options: { is_disabled: true },
              })
            ).message_id,
        );
      });
      for (let i = start; i < steps.length; i++) {
        let id: number;
        try {
          id = await (steps[i] as () => Promise<number>)();
        } catch (err) {
          progress.set(key, i);
          const f = telegrafFailure(err);
          if (t.ticket && isThreadGone(f)) {
            // The topic (or card) was deleted: open a new one on the next attempt, from the first part again.
            await forgetThread(app.store, t.ticket);
            progress.delete(key);
            throw toDeliveryError({ description: f.description ?? 'thread gone' });
          }
          throw toDeliveryError(f);
        }
        if (t.ticket && t.thread?.mode !== 'topic') {
          if (!t.thread) {
            // No topics: the first message about the case becomes its thread.
            await saveRootMessage(app.store, t.ticket, id);
            t.thread = { mode: 'message', id };
          }
          await rememberMessage(app.store, id, t.ticket);
        }
      }
      progress.delete(key);
    },
  };

  async function keyboardFor(m: OutboundMessage): Promise<Button[][] | null> {
    if (m.choices?.length) return m.choices.map((c) => [{ text: c.label.slice(0, 64), callback_data: c.id }]);
    if ((m.kind === 'case-card' || m.kind === 'case-update') && TICKET_PATTERN.test(m.chatId)) {
      const c = await app.store.getCase(m.chatId);
      return c ? caseButtons(c, app.cases) : null;
    }
    return null;
  }
}

function threadExtra(t: Target): Record<string, unknown> {
  if (!t.thread) return {};
  if (t.thread.mode === 'topic') return { message_thread_id: t.thread.id };
  return { reply_parameters: { message_id: t.thread.id, allow_sending_without_reply: true } };
}
