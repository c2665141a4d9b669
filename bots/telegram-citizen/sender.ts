// Delivers the outbox to citizens on Telegram: plain text (no parse_mode, so nothing a citizen or staff member
// wrote can be read as formatting), long texts split, choices as inline keyboards, and every failure read into a
// DeliveryError the dispatcher understands.
import { GrammyError, HttpError, InputFile, type Api } from 'grammy';
import type { OutboundMessage } from '../../src/domain/messages.js';
import { DeliveryError, type ChannelSender, type Pacing } from '../../src/services/dispatcher.js';
import type { FileSources } from '../../src/ports/files.js';
import type { Logger } from '../../src/log/logger.js';
import type { Store } from '../../src/store/port.js';
import { splitText } from '../telegram/split-text.js';
import { toDeliveryError } from '../telegram/delivery-errors.js';
import { choiceKeyboard } from './keyboard.js';

/** About 1 message a second per chat and 30 a second overall (Telegram's limits for bots). */
export const CITIZEN_PACING: Pacing = { perChatIntervalMs: 1000, globalPerSecond: 30 };

/** The kv key holding the id of the message whose buttons are live in a chat ("" when none are). */
export function buttonsKey(chatId: string | number): string {
  return `tg-buttons:${chatId}`;
}

/** Reads a grammY failure into a DeliveryError. */
export function grammyDeliveryError(err: unknown) {
  if (err instanceof GrammyError) {
    return toDeliveryError({
      code: err.error_code,
      description: err.description,
      ...(err.parameters?.retry_after !== undefined ? { retryAfterSec: err.parameters.retry_after } : {}),
    });
  }
  if (err instanceof HttpError) return toDeliveryError({ description: err.message });
  return toDeliveryError({ description: (err as Error)?.message ?? String(err) });
}

export function citizenSender(deps: {
  api: Api;
  store: Store;
  log: Logger;
  pacing?: Pacing;
  /** Where files other channels hold are fetched (a staff member's photo). */
  files?: FileSources;
}): ChannelSender {
  // Parts of a split message already delivered, so a retry after a failure in the middle does not repeat them.
  const progress = new Map<string, number>();
  return {
    channel: 'telegram',
    pacing: deps.pacing ?? CITIZEN_PACING,
    async send(m: OutboundMessage) {
      const chatId = m.chatId;
      if (!/^-?\d{1,20}$/.test(chatId))
        throw toDeliveryError({ code: 400, description: 'Bad Request: chat not found (not a Telegram chat id)' });
      const steps = m.files?.length ? planFiles(m, deps.files) : plan(m);
      const key = `${chatId}\u0000${m.kind ?? ''}\u0000${m.text}`;
      let lastId: number | undefined;
      for (let i = progress.get(key) ?? 0; i < steps.length; i++) {
        try {
          lastId = await (steps[i] as Step)(deps.api, chatId);
        } catch (err) {
          progress.set(key, i);
          throw err instanceof DeliveryError ? err : grammyDeliveryError(err);
        }
      }
      progress.delete(key);
      await rememberButtons(deps.store, m, lastId).catch((err: Error) =>
        deps.log.warn('could not remember live buttons', { error: err }),
      );
      if (m.kind === 'notice' && chatId.startsWith('-')) {
        // A group that added the citizens' bot: we said why we leave, now leave.
        await deps.api.leaveChat(chatId).catch((err: Error) => deps.log.warn('could not leave group', { error: err }));
      }
    },
  };
}

type Step = (api: Api, chatId: string) => Promise<number>;

function plan(m: OutboundMessage): Step[] {
  const steps: Step[] = [];
  if (m.imagePngBase64) {
    const png = Buffer.from(m.imagePngBase64, 'base64');
    steps.push(async (api, chatId) => (await api.sendPhoto(chatId, new InputFile(png, 'chart.png'))).message_id);
  }
  const parts = splitText(m.text);
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const keyboard = last && m.choices?.length ? choiceKeyboard(m.choices) : null;
    steps.push(async (api, chatId) => {
      const sent = await api.sendMessage(chatId, part || '…', {
        link_preview_options: { is_disabled: true },
        ...(keyboard && keyboard.length ? { reply_markup: { inline_keyboard: keyboard } } : {}),
      });
      return sent.message_id;
    });
  });
  return steps;
}

/** Each file as a photo or document, the text as the first one's caption (or after them when too long). */
function planFiles(m: OutboundMessage, sources: FileSources | undefined): Step[] {
  const captioned = m.text.length > 0 && m.text.length <= 1024;
  const steps: Step[] = (m.files ?? []).map((f, i) => async (api, chatId) => {
    const fetch = sources?.get(f.source);
    if (!fetch) throw new DeliveryError(`no file source "${f.source}" in this process`, 'retry', 30_000);
    const got = await fetch(f.fileId);
    const file = new InputFile(got.bytes, f.name ?? got.name ?? (f.kind === 'photo' ? 'foto.jpg' : 'dokumen'));
    const extra = i === 0 && captioned ? { caption: m.text } : {};
    const sent =
      f.kind === 'photo' ? await api.sendPhoto(chatId, file, extra) : await api.sendDocument(chatId, file, extra);
    return sent.message_id;
  });
  if (!captioned && m.text) steps.push(...plan({ ...m, files: [] }));
  return steps;
}

/** Only the buttons of the latest question are live; a flow reply without buttons retires earlier ones. */
async function rememberButtons(store: Store, m: OutboundMessage, messageId: number | undefined): Promise<void> {
  if (m.choices?.length && messageId !== undefined) await store.setValue(buttonsKey(m.chatId), String(messageId));
  else if (m.kind === 'reply') await store.setValue(buttonsKey(m.chatId), '');
}
