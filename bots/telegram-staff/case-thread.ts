// What goes into a case's thread, and how: one live card edited in place as the case moves (its buttons computed
// from the case as it is now, superseded keyboards removed), acknowledgements of staff actions shown on that card and
// as a reaction to the staff member's message instead of as new messages, everything else posted as a message, and
// the topic's title and open/closed state kept in step with the case. Each step is a Bot API call; the number of
// calls made is returned so the group's pace counts them all.
import type { Telegram } from 'telegraf';
import type { App } from '../../src/app.js';
import { citizenKey, type CaseRecord } from '../../src/domain/case.js';
import { caseCardText, earlierCasesLine } from '../../src/domain/case-card.js';
import type { OutboundMessage } from '../../src/domain/messages.js';
import { caseChoices } from '../../flows/staff/index.js';
import { otherCasesOf } from '../../src/services/other-cases.js';
import { readLive, topicTitle, writeLive, type LiveState } from './live.js';
import type { Thread } from './threads.js';

export interface ThreadTarget {
  /** The group's Telegram chat id (where every call of the thread goes). */
  chatId: string;
  /** The same group as thread records name it: a division group's id, absent for the general group. */
  chat?: string;
  ticket: string;
  thread: Thread | null;
}

/** Posts one message (split, with its buttons) in the thread; returns the last message id and the calls made. */
export type PostFn = (m: OutboundMessage, t: ThreadTarget) => Promise<{ id: number; calls: number }>;

interface Button {
  text: string;
  callback_data: string;
}

const NOT_MODIFIED = /message is not modified|TOPIC_NOT_MODIFIED/i;
const EDIT_GONE = /message to edit not found|message can't be edited|MESSAGE_ID_INVALID/i;
const CARD_LIMIT = 4096;

/** Delivers `m` into its case's thread; returns how many Bot API calls it took. */
export async function postInCaseThread(
  deps: { app: App; telegram: Telegram; post: PostFn },
  m: OutboundMessage,
  t: ThreadTarget,
): Promise<number> {
  const { app, telegram } = deps;
  const groupId = t.chatId;
  const c = await app.store.getCase(t.ticket);
  const threadId = t.thread?.id ?? 0;
  const live = await readLive(app.store, t.ticket, threadId, t.chat);
  let calls = 0;
  const topic = t.thread?.kind === 'topic' ? t.thread.id : undefined;
  const shut = c !== null && (c.stage === 'closed' || c.stage === 'archived');

  // A closed topic opens again before anything is posted in it (a reopened case, a late message).
  if (topic !== undefined && live.closed && !shut) {
    calls += await topicCall(() => telegram.reopenForumTopic(groupId, topic));
    live.closed = false;
  }
  // The earlier question's buttons are superseded by whatever comes next about the case.
  if (live.ask !== undefined) {
    const ask = live.ask;
    delete live.ask;
    calls += 1;
    await telegram
      .editMessageReplyMarkup(groupId, ask, undefined, { inline_keyboard: [] })
      .catch((err: Error) => app.log.debug('old question keyboard not removed', { error: err }));
  }
  // An acknowledgement (of a staff action, or a case change flagged ack) is shown on the card, not posted.
  const answersStaff = (m.answers !== undefined || m.ack === true) && (m.kind === 'case-update' || m.ack === true);
  const firstCard = m.kind === 'case-card' && live.card === undefined;
  if (c && (m.kind === 'case-update' || (m.kind === 'case-card' && !firstCard))) {
    const last = m.kind === 'case-update' ? lastLine(m.text, t.ticket) : undefined;
    calls += await showCard(deps, c, live, t, last);
  }
  if (firstCard || (!answersStaff && m.kind !== 'case-card')) {
    // A staff-facing update posted as a message carries no buttons: the live card holds the case's actions.
    let plain: OutboundMessage = m.kind === 'case-update' ? { ...m, kind: 'notice' } : m;
    // The first card, written when the case was recorded, learns the citizen's other complaints here.
    const others = firstCard && c ? earlierCasesLine(await otherCasesOf(app.store, c)) : '';
    if (others && plain.text.length + others.length < CARD_LIMIT)
      plain = { ...plain, text: `${plain.text}\n${others}` };
    const sent = await deps.post(plain, t);
    calls += sent.calls;
    if (firstCard) live.card = sent.id;
    if (m.choices?.length) live.ask = sent.id;
    // Without topics, the first message about the case became its thread (post() noted it on `t`).
    if (t.thread) live.thread = t.thread.id;
  }
  if (answersStaff && m.answers) calls += await react(deps, m.answers);
  if (topic !== undefined && c) {
    const name = topicTitle(c);
    if (live.name !== name) {
      calls += await topicCall(() => telegram.editForumTopic(groupId, topic, { name }));
      live.name = name;
    }
    if (shut && !live.closed) {
      calls += await topicCall(() => telegram.closeForumTopic(groupId, topic));
      live.closed = true;
    }
  }
  await writeLive(app.store, t.ticket, live);
  return calls;
}

/** The live card: edited in place, or posted (and remembered) when there is none or it was deleted. */
async function showCard(
  deps: { app: App; telegram: Telegram; post: PostFn },
  c: CaseRecord,
  live: LiveState,
  t: ThreadTarget,
  last?: string,
): Promise<number> {
  const { app, telegram } = deps;
  const groupId = t.chatId;
  const contact = await app.store.getContact(citizenKey(c.citizen));
  let text = caseCardText(c, app.agency, {
    ...(await otherCasesOf(app.store, c)),
    now: app.now(),
    ...(contact?.unreachableAt !== undefined
      ? { unreachable: { at: contact.unreachableAt, reason: contact.unreachableReason ?? '' } }
      : {}),
    ...(last ? { last } : {}),
  });
  if (text.length > CARD_LIMIT) text = `${text.slice(0, CARD_LIMIT - 1)}…`;
  let tried = 0;
  if (live.card !== undefined) {
    tried = 1;
    try {
      await telegram.editMessageText(groupId, live.card, undefined, text, {
        reply_markup: { inline_keyboard: keyboard(c) },
        link_preview_options: { is_disabled: true },
      });
      return 1;
    } catch (err) {
      const d = (err as { description?: string }).description ?? (err as Error).message;
      if (NOT_MODIFIED.test(d)) return 1;
      if (!EDIT_GONE.test(d)) throw err;
    }
  }
  const sent = await deps.post({ channel: 'staff', chatId: c.ticket, ticket: c.ticket, kind: 'case-card', text }, t);
  live.card = sent.id;
  return tried + sent.calls;
}

/** Two buttons a row, from the case as it is now. */
export function keyboard(c: CaseRecord): Button[][] {
  const buttons = caseChoices(c).map((x) => ({ text: x.label.slice(0, 64), callback_data: x.id }));
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
}

/** A typed staff message ("<chat>:<message id>") gets a 👌: seen and done. A button's answer is its toast. */
async function react(deps: { app: App; telegram: Telegram }, answers: string): Promise<number> {
  const m = /^(-?\d{1,20}):(\d{1,12})(?::edit:\d+)?$/.exec(answers);
  if (!m) return 0;
  try {
    await deps.telegram.setMessageReaction(m[1] ?? '', Number(m[2]), [{ type: 'emoji', emoji: '👌' }]);
  } catch (err) {
    // The member's message deleted, reactions off in the group: nothing to acknowledge on. Anything else is retried
    // with the message (a reaction set twice is still one reaction).
    if ((err as { code?: number }).code !== 400) throw err;
    deps.app.log.debug('reaction not set', { error: err as Error });
  }
  return 1;
}

/** A topic change that is already so is no failure. */
async function topicCall(call: () => Promise<unknown>): Promise<number> {
  try {
    await call();
  } catch (err) {
    const d = (err as { description?: string }).description ?? (err as Error).message;
    if (!NOT_MODIFIED.test(d)) throw err;
  }
  return 1;
}

/** The acknowledgement's first line without the ticket it starts with: the card's "Terakhir" line. */
function lastLine(text: string, ticket: string): string {
  const first = text.split('\n')[0] ?? '';
  return first.startsWith(ticket) ? first.slice(ticket.length).replace(/^[:\s]+/, '') : first;
}
