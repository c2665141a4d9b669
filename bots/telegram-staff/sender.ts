// Delivers the outbox's 'staff' messages to the staff group (Telegraf). chatId is a ticket (the case's forum
// topic, opened on first use; or, in a group without topics, a thread of replies under the card), "general" (the
// group's main thread) or "dm:<userId>" (a private message, e.g. a supervisor's digest). Cards and case updates
// carry the buttons allowed for the case at the moment they are sent.
import { TelegramError, type Telegram } from 'telegraf';
import type { App } from '../../src/app.js';
import type { OutboundMessage } from '../../src/domain/messages.js';
import { TICKET_PATTERN } from '../../src/domain/ticket.js';
import { DeliveryError, type ChannelSender, type Pacing } from '../../src/services/dispatcher.js';
import type { BackoffPolicy } from '../../src/services/backoff.js';
import { caseCardText } from '../../src/domain/case-card.js';
import { splitText } from '../telegram/split-text.js';
import { isThreadGone, toDeliveryError, type ApiFailure } from '../telegram/delivery-errors.js';
import { caseChoices } from '../../flows/staff/index.js';
import { knownNotForum, markNotForum, readThread, type Thread } from './threads.js';
import { STAFF_RETRY, StaffTroubles, troubleOf } from './trouble.js';
import { postInCaseThread, type PostFn } from './case-thread.js';
import { readLive, topicTitle, writeLive } from './live.js';

/** Telegram's limit for a photo's caption; a longer text follows the photo as its own message. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

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
  /** A forum topic was created to reach it (a call the group's rate counts). */
  opened?: boolean;
}

export function staffSender(deps: {
  app: App;
  telegram: Telegram;
  groupId: string;
  pacing?: Pacing;
  retry?: BackoffPolicy;
}): ChannelSender {
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
    const known = await readThread(app.store, m.chatId);
    if (known) return { chatId: groupId, ticket: m.chatId, thread: known };
    const thread = await openThread(m.chatId);
    return { chatId: groupId, ticket: m.chatId, thread, opened: thread?.kind === 'topic' };
  };

  /** The case's thread; a new forum topic when it has none and the group has topics. */
  const openThread = async (ticket: string): Promise<Thread | null> => {
    const known = await readThread(app.store, ticket);
    if (known) return known;
    if (await knownNotForum(app.store, app.now())) return null;
    try {
      const c = await app.store.getCase(ticket);
      const name = c ? topicTitle(c) : ticket;
      const topic = await telegram.createForumTopic(groupId, name);
      await app.store.setCaseThread(ticket, { kind: 'topic', id: topic.message_thread_id });
      await writeLive(app.store, ticket, { thread: topic.message_thread_id, name });
      return { kind: 'topic', id: topic.message_thread_id };
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
      throw err;
    }
  };

  const troubles = new StaffTroubles(app);

  const post: PostFn = async (m, t) => {
    const r = await deliver(m, t);
    return { id: r.id, calls: r.calls };
  };

  /** Delivers `m`; a case's message goes through its thread's rules (case-thread.ts). Returns the calls made. */
  const route = async (m: OutboundMessage, t: Target): Promise<number> => {
    if (!t.ticket) return (await deliver(m, t)).calls;
    return postInCaseThread({ app, telegram, groupId, post }, m, {
      chatId: t.chatId,
      ticket: t.ticket,
      thread: t.thread ?? null,
    });
  };

  /** Delivers `m`, opening (or re-opening) the case's topic when needed; returns the calls it made. */
  const sendOnce = async (m: OutboundMessage): Promise<number> => {
    const t = await target(m);
    let calls = t.opened ? 1 : 0;
    try {
      return calls + (await route(m, t));
    } catch (err) {
      const f = telegrafFailure(err);
      if (t.ticket && t.thread?.kind === 'topic' && /TOPIC_CLOSED/i.test(f.description ?? '')) {
        // Closed by someone while the case still talks: open it again and post.
        await telegram.reopenForumTopic(groupId, t.thread.id);
        const live = await readLive(app.store, t.ticket, t.thread.id);
        await writeLive(app.store, t.ticket, { ...live, closed: false });
        return calls + 1 + (await route(m, t));
      }
      if (!t.ticket || !isThreadGone(f)) throw err;
      // The case's topic (or card) was deleted: open a new one, post the case's card there, then the message, once.
      await app.store.setCaseThread(t.ticket, null);
      progress.delete(progressKey(m));
      app.log.info('staff thread of a case was gone; opening a new one with its card', { ticket: t.ticket });
      const again: Target = { ...t, thread: await openThread(t.ticket) };
      if (again.thread?.kind === 'topic') calls += 1;
      if (m.kind !== 'case-card') {
        const c = await app.store.getCase(t.ticket);
        if (c) {
          const card: OutboundMessage = {
            channel: 'staff',
            chatId: t.ticket,
            ticket: t.ticket,
            kind: 'case-card',
            text: caseCardText(c, app.agency, app.now()),
          };
          calls += await route(card, again);
        }
      }
      return calls + (await route(m, again));
    }
  };

  return {
    channel: 'staff',
    pacing: deps.pacing ?? STAFF_PACING,
    retry: deps.retry ?? STAFF_RETRY,
    async send(m) {
      const key = progressKey(m);
      // A message for the group (a case's thread or the general thread), as opposed to a private chat.
      const forGroup = m.chatId === 'general' || TICKET_PATTERN.test(m.chatId);
      try {
        const calls = await sendOnce(m);
        if (forGroup) await troubles.delivered(key);
        return { extraCalls: Math.max(0, calls - 1) };
      } catch (err) {
        if (err instanceof DeliveryError) throw err;
        const f = telegrafFailure(err);
        const trouble = forGroup ? troubleOf(f) : null;
        if (forGroup) await troubles.failed(key, m.ticket, f, trouble);
        // A setup problem of the group is fixed by its admins, not by the message: keep it and try again.
        if (trouble || isThreadGone(f))
          throw new DeliveryError(`Telegram ${f.code ?? ''}: ${f.description ?? ''}`, 'retry');
        throw toDeliveryError(f);
      }
    },
  };

  /** Sends the message's steps from where an earlier attempt stopped; throws what Telegram answered. */
  async function deliver(m: OutboundMessage, t: Target): Promise<{ id: number; calls: number }> {
    const key = progressKey(m);
    const steps = await plan(m, t);
    let id = 0;
    let calls = 0;
    for (let i = progress.get(key) ?? 0; i < steps.length; i++) {
      try {
        id = await (steps[i] as () => Promise<number>)();
        calls += 1;
      } catch (err) {
        progress.set(key, i);
        throw err;
      }
      if (t.ticket && t.thread?.kind !== 'topic') {
        if (!t.thread) {
          // No topics: the first message about the case becomes its thread.
          await app.store.setCaseThread(t.ticket, { kind: 'message', id });
          t.thread = { kind: 'message', id };
        }
        await app.store.noteThreadMessage(id, t.ticket);
      }
    }
    progress.delete(key);
    return { id, calls };
  }

  /**
   * The calls that deliver a message: text split into parts, the buttons on the last. A chart goes out as a photo
   * with the text as its caption, or (text longer than a caption allows) as a photo followed by the text.
   */
  async function plan(m: OutboundMessage, t: Target): Promise<Array<() => Promise<number>>> {
    const keyboard = await keyboardFor(m);
    const markup = keyboard?.length ? { reply_markup: { inline_keyboard: keyboard } } : {};
    const steps: Array<() => Promise<number>> = [];
    const text = m.text.trim() ? m.text : '';
    if (m.imagePngBase64) {
      const photo = { source: Buffer.from(m.imagePngBase64, 'base64'), filename: 'chart.png' };
      const captioned = text.length > 0 && text.length <= TELEGRAM_CAPTION_LIMIT;
      const extra = { ...threadExtra(t), ...(captioned ? { caption: text, ...markup } : {}) };
      steps.push(async () => (await telegram.sendPhoto(t.chatId, photo, extra)).message_id);
      if (captioned || !text) return steps;
    }
    const parts = splitText(m.text);
    parts.forEach((part, i) => {
      const last = i === parts.length - 1 ? markup : {};
      steps.push(
        async () =>
          (
            await telegram.sendMessage(t.chatId, part || '…', {
              ...threadExtra(t),
              ...last,
              link_preview_options: { is_disabled: true },
            })
          ).message_id,
      );
    });
    return steps;
  }

  /** Offered choices one a row; a case card's live actions (computed now, from the case as it is) two a row. */
  async function keyboardFor(m: OutboundMessage): Promise<Button[][] | null> {
    if (m.choices?.length) return m.choices.map((c) => [button(c)]);
    if ((m.kind === 'case-card' || m.kind === 'case-update') && TICKET_PATTERN.test(m.chatId)) {
      const c = await app.store.getCase(m.chatId);
      return c ? rows(caseChoices(c).map(button), 2) : null;
    }
    return null;
  }
}

interface Button {
  text: string;
  callback_data: string;
}

function button(c: { id: string; label: string }): Button {
  return { text: c.label.slice(0, 64), callback_data: c.id };
}

function rows<T>(items: T[], per: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += per) out.push(items.slice(i, i + per));
  return out;
}

/** Parts of a split message already delivered are keyed by the message, so a retry does not repeat them. */
function progressKey(m: OutboundMessage): string {
  return `${m.chatId}\u0000${m.kind ?? ''}\u0000${m.text}`;
}

function threadExtra(t: Target): Record<string, unknown> {
  if (!t.thread) return {};
  if (t.thread.kind === 'topic') return { message_thread_id: t.thread.id };
  return { reply_parameters: { message_id: t.thread.id, allow_sending_without_reply: true } };
}
