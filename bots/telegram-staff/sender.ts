// Delivers the outbox's staff messages to the staff groups (Telegraf). chatId is a ticket (the case's forum topic,
// opened on first use in the group of the case's division; or, in a group without topics, a thread of replies under
// the card), "general" (the general group's main thread), "group:<chat id>" (a division group's main thread) or
// "dm:<userId>" (a private message, e.g. a supervisor's digest). Cards and case updates carry the buttons allowed for
// the case at the moment they are sent. A case forwarded to a division with another group moves there (move.ts).
import { TelegramError, type Telegram } from 'telegraf';
import type { App } from '../../src/app.js';
import type { OutboundMessage } from '../../src/domain/messages.js';
import { TICKET_PATTERN } from '../../src/domain/ticket.js';
import { DeliveryError, type ChannelSender, type Pacing } from '../../src/services/dispatcher.js';
import type { BackoffPolicy } from '../../src/services/backoff.js';
import { caseCardText } from '../../src/domain/case-card.js';
import { isThreadGone, toDeliveryError, type ApiFailure } from '../telegram/delivery-errors.js';
import { groupOfCase, hasDivisionGroups } from '../../src/domain/staff-groups.js';
import { GROUP_ADDRESS } from '../../src/services/staff-lanes.js';
import { knownNotForum, markNotForum, readThread, type Thread } from './threads.js';
import { STAFF_RETRY, StaffTroubles, troubleOf } from './trouble.js';
import { postInCaseThread, type PostFn } from './case-thread.js';
import { readLive, topicTitle, writeLive } from './live.js';
import type { GroupBook } from './groups.js';
import { leaveThread } from './move.js';
import { plan, progressKey } from './steps.js';

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
  /** The group as thread records name it (a division group's id; absent: the general group). */
  chat?: string;
  ticket?: string;
  thread?: Thread | null;
  /** A forum topic was created to reach it (a call the group's rate counts). */
  opened?: boolean;
  /** The case's thread in another group it has left (forwarded to another division): moved before posting. */
  movedFrom?: Thread;
}

/**
 * The staff inbox's sender: one for every group, registered once per destination (the general 'staff' and each
 * division group's lane), so the dispatcher paces each group on its own budget.
 */
export function staffSender(deps: {
  app: App;
  telegram: Telegram;
  groups: GroupBook;
  pacing?: Pacing;
  retry?: BackoffPolicy;
}): ChannelSender {
  const { app, telegram, groups } = deps;
  const progress = new Map<string, number>();

  /** The group a case's thread belongs in now (its division's, or the general group). */
  const groupOf = async (ticket: string, known?: Thread | null): Promise<string> => {
    // One group only: nothing to look up (the default install pays no extra read per message).
    if (!hasDivisionGroups(groups.groups)) return groups.general;
    const c = await app.store.getCase(ticket);
    return c ? groupOfCase(groups.groups, c) : groups.chatOf(known?.chat);
  };

  const target = async (m: OutboundMessage): Promise<Target> => {
    if (m.chatId === 'general') return { chatId: groups.general };
    const inGroup = GROUP_ADDRESS.exec(m.chatId)?.[1];
    if (inGroup !== undefined) return { chatId: groups.serves(inGroup) ? inGroup : groups.general };
    const dm = /^dm:(\d{1,20})$/.exec(m.chatId);
    if (dm) return { chatId: dm[1] ?? '' };
    if (!TICKET_PATTERN.test(m.chatId))
      throw toDeliveryError({
        code: 400,
        description: `Bad Request: unknown staff address "${m.chatId.slice(0, 40)}"`,
      });
    const known = await readThread(app.store, m.chatId);
    const want = await groupOf(m.chatId, known);
    const base = { chatId: want, ...(groups.stored(want) ? { chat: want } : {}), ticket: m.chatId };
    if (known && groups.chatOf(known.chat) === want) return { ...base, thread: known };
    if (known) return { ...base, thread: null, movedFrom: known };
    const thread = await openThread(m.chatId, want);
    return { ...base, thread, opened: thread?.kind === 'topic' };
  };

  /** A new thread for the case in group `chat`: a forum topic, or null when the group has no topics. */
  const openThread = async (ticket: string, chat: string): Promise<Thread | null> => {
    const stored = groups.stored(chat);
    if (await knownNotForum(app.store, app.now(), stored)) return null;
    try {
      const c = await app.store.getCase(ticket);
      const name = c ? topicTitle(c) : ticket;
      const topic = await telegram.createForumTopic(chat, name);
      const thread: Thread = { kind: 'topic', id: topic.message_thread_id, ...(stored ? { chat: stored } : {}) };
      await app.store.setCaseThread(ticket, thread);
      await writeLive(app.store, ticket, {
        thread: topic.message_thread_id,
        name,
        ...(stored ? { chat: stored } : {}),
      });
      return thread;
    } catch (err) {
      const f = telegrafFailure(err);
      if (
        f.code === 400 &&
        /not a forum|forum.*(disabled|not enabled)|CHAT_NOT_FORUM|method is available only for (forum|supergroup)/i.test(
          f.description ?? '',
        )
      ) {
        await markNotForum(app.store, app.now(), stored);
        app.log.info('staff group has no topics: cards are messages and replies to them are the case thread', {
          group: chat,
        });
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
    return postInCaseThread({ app, telegram, post }, m, {
      chatId: t.chatId,
      ...(t.chat ? { chat: t.chat } : {}),
      ticket: t.ticket,
      thread: t.thread ?? null,
    });
  };

  /** The case's live card as a message of its own (posted first in a new thread). */
  const cardOf = async (ticket: string): Promise<OutboundMessage | null> => {
    const c = await app.store.getCase(ticket);
    if (!c) return null;
    const text = caseCardText(c, app.agency, app.now());
    return { channel: 'staff', chatId: ticket, ticket, kind: 'case-card', text };
  };

  /** A new thread with the case's card for `t` (its old one gone or left behind); returns the calls made. */
  const reopenWithCard = async (m: OutboundMessage, t: Target): Promise<number> => {
    t.thread = await openThread(t.ticket ?? '', t.chatId);
    let calls = t.thread?.kind === 'topic' ? 1 : 0;
    const card = m.kind === 'case-card' ? null : await cardOf(t.ticket ?? '');
    if (card) calls += await route(card, t);
    return calls;
  };

  /** Delivers `m`, opening (or re-opening) the case's topic when needed; returns the calls it made. */
  const sendOnce = async (m: OutboundMessage, sent: { chat?: string }): Promise<number> => {
    const t = await target(m);
    sent.chat = t.chatId;
    let calls = t.opened ? 1 : 0;
    if (t.movedFrom && t.ticket) {
      // Forwarded to a division with another group: the live card moves there, the old thread is told and closed.
      const old = t.movedFrom;
      const oldLive = await readLive(app.store, t.ticket, old.id, old.chat);
      calls += await reopenWithCard(m, t);
      calls += await leaveThread(
        { app, telegram },
        t.ticket,
        old,
        groups.chatOf(old.chat),
        oldLive,
        groups.ref(t.chatId),
      );
    }
    try {
      return calls + (await route(m, t));
    } catch (err) {
      const f = telegrafFailure(err);
      if (t.ticket && t.thread?.kind === 'topic' && /TOPIC_CLOSED/i.test(f.description ?? '')) {
        // Closed by someone while the case still talks: open it again and post.
        await telegram.reopenForumTopic(t.chatId, t.thread.id);
        const live = await readLive(app.store, t.ticket, t.thread.id, t.thread.chat);
        await writeLive(app.store, t.ticket, { ...live, closed: false });
        return calls + 1 + (await route(m, t));
      }
      if (!t.ticket || !isThreadGone(f)) throw err;
      // The case's topic (or card) was deleted: open a new one, post the case's card there, then the message, once.
      await app.store.setCaseThread(t.ticket, null);
      progress.delete(progressKey(m));
      app.log.info('staff thread of a case was gone; opening a new one with its card', { ticket: t.ticket });
      const again: Target = { ...t };
      calls += await reopenWithCard(m, again);
      return calls + (await route(m, again));
    }
  };

  /** The group a failed message was for, as failure notices name it. */
  const refOf = async (m: OutboundMessage) => {
    const t = m.chatId === 'general' ? null : GROUP_ADDRESS.exec(m.chatId)?.[1];
    if (t === null) return groups.ref(groups.general);
    if (t !== undefined) return groups.ref(groups.serves(t) ? t : groups.general);
    return groups.ref(await groupOf(m.chatId, await readThread(app.store, m.chatId)));
  };

  return {
    channel: 'staff',
    pacing: deps.pacing ?? STAFF_PACING,
    retry: deps.retry ?? STAFF_RETRY,
    async send(m) {
      const key = progressKey(m);
      // A message for a group (a case's thread, a group's main thread), as opposed to a private chat.
      const forGroup = m.chatId === 'general' || GROUP_ADDRESS.test(m.chatId) || TICKET_PATTERN.test(m.chatId);
      try {
        const sent: { chat?: string } = {};
        const calls = await sendOnce(m, sent);
        if (forGroup) await troubles.delivered(key, groups.ref(sent.chat ?? groups.general));
        return { extraCalls: Math.max(0, calls - 1) };
      } catch (err) {
        if (err instanceof DeliveryError) throw err;
        const f = telegrafFailure(err);
        const ref = forGroup ? await refOf(m) : null;
        const trouble = ref ? troubleOf(f, ref) : null;
        if (ref) await troubles.failed(key, m.ticket, f, trouble, ref);
        // A setup problem of the group is fixed by its admins, not by the message: keep it and try again.
        if (trouble || isThreadGone(f))
          throw new DeliveryError(`Telegram ${f.code ?? ''}: ${f.description ?? ''}`, 'retry');
        const final = toDeliveryError(f);
        if (ref && final.kind === 'permanent') await troubles.lost(key, m.ticket, f, m.chatId === 'general');
        throw final;
      }
    },
  };

  /** Sends the message's steps from where an earlier attempt stopped; throws what Telegram answered. */
  async function deliver(m: OutboundMessage, t: Target): Promise<{ id: number; calls: number }> {
    const key = progressKey(m);
    const steps = await plan({ app, telegram }, m, t);
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
          t.thread = { kind: 'message', id, ...(t.chat ? { chat: t.chat } : {}) };
          await app.store.setCaseThread(t.ticket, t.thread);
        }
        await app.store.noteThreadMessage(id, t.ticket, t.chat);
      }
    }
    progress.delete(key);
    return { id, calls };
  }
}
