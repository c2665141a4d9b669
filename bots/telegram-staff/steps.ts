// The Bot API calls that deliver one staff message: its text split into parts (the buttons on the last), or a chart as
// a photo with the text as its caption; each call placed in the case's thread (its topic, or replies to its card).
import type { Telegram } from 'telegraf';
import type { App } from '../../src/app.js';
import type { OutboundMessage } from '../../src/domain/messages.js';
import { TICKET_PATTERN } from '../../src/domain/ticket.js';
import { caseChoices } from '../../flows/staff/index.js';
import { splitText } from '../telegram/split-text.js';
import type { Thread } from './threads.js';

/** Telegram's limit for a photo's caption; a longer text follows the photo as its own message. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** Where the calls go: the group (or private chat) and the case's thread in it, if any. */
export interface StepTarget {
  chatId: string;
  thread?: Thread | null;
}

/**
 * The calls that deliver a message: text split into parts, the buttons on the last. A chart goes out as a photo
 * with the text as its caption, or (text longer than a caption allows) as a photo followed by the text.
 */
export async function plan(
  deps: { app: App; telegram: Telegram },
  m: OutboundMessage,
  t: StepTarget,
): Promise<Array<() => Promise<number>>> {
  const { telegram } = deps;
  const keyboard = await keyboardFor(deps.app, m);
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
async function keyboardFor(app: App, m: OutboundMessage): Promise<Button[][] | null> {
  if (m.choices?.length) return m.choices.map((c) => [button(c)]);
  if ((m.kind === 'case-card' || m.kind === 'case-update') && TICKET_PATTERN.test(m.chatId)) {
    const c = await app.store.getCase(m.chatId);
    return c ? rows(caseChoices(c).map(button), 2) : null;
  }
  return null;
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
export function progressKey(m: OutboundMessage): string {
  return `${m.chatId}\u0000${m.kind ?? ''}\u0000${m.text}`;
}

function threadExtra(t: StepTarget): Record<string, unknown> {
  if (!t.thread) return {};
  if (t.thread.kind === 'topic') return { message_thread_id: t.thread.id };
  return { reply_parameters: { message_id: t.thread.id, allow_sending_without_reply: true } };
}
