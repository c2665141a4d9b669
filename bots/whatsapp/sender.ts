// The outbox's WhatsApp sender. Ban safety first: only numbers that wrote to us (supervisors excepted), at most
// about one message per second per chat, a global per-minute cap with random jitter. Choices become numbered
// text. While the client is down `ready()` is false, so the dispatcher keeps messages waiting.
import type { Language } from '../../src/domain/case.js';
import type { OutboundMessage } from '../../src/domain/messages.js';
import { DeliveryError, type ChannelSender } from '../../src/services/dispatcher.js';
import type { Store } from '../../src/store/port.js';
import type { FileSources } from '../../src/ports/files.js';
import type { Logger } from '../../src/log/logger.js';
import { maskContact } from '../../nlp/pii.js';
import { isPersonalChat, toChatId } from './addresses.js';
import { citizenKeyOf } from '../../src/domain/messages.js';
import type { WaMedia, WhatsAppClient } from './client-port.js';
import { renderWhatsAppText } from './render.js';
import { classifySendError } from './send-errors.js';
import type { WhatsAppSettings } from './settings.js';

/** Longest text sent as an image caption; longer digests go as the image and then the text. */
export const MAX_CAPTION = 1000;

export interface SenderConnection {
  /** The connected client, or null while WhatsApp is down. */
  readyClient(): WhatsAppClient | null;
  /** A send found the browser dead: rebuild the client. */
  reportCrash(detail: string): void;
}

export interface WhatsAppSenderDeps {
  store: Store;
  log: Logger;
  settings: Pick<WhatsAppSettings, 'maxPerMinute' | 'jitterMs' | 'supervisorChatIds'>;
  defaultLanguage: Language;
  connection: SenderConnection;
  media(mimetype: string, base64: string, filename: string): WaMedia;
  /** Where files other channels hold are fetched (a staff member's photo). */
  files?: FileSources;
}

/** Builds the ChannelSender the dispatcher uses for channel 'whatsapp'. */
export function createWhatsAppSender(deps: WhatsAppSenderDeps): ChannelSender {
  const registered = new Map<string, boolean>();
  const supervisors = new Set(deps.settings.supervisorChatIds);

  const failure = (err: unknown): DeliveryError => {
    if (err instanceof DeliveryError) return err;
    const { kind, message } = classifySendError(err);
    if (kind === 'browser-crash') {
      deps.connection.reportCrash(message);
      return new DeliveryError(`WhatsApp browser stopped (${message}); will retry after reconnecting`, 'retry');
    }
    if (kind === 'not-on-whatsapp')
      return new DeliveryError(`number is not on WhatsApp (${message})`, 'permanent', undefined, true);
    return new DeliveryError(message, 'retry');
  };

  const isRegistered = async (client: WhatsAppClient, chatId: string): Promise<boolean> => {
    const known = registered.get(chatId);
    if (known !== undefined) return known;
    const yes = await client.isRegisteredUser(chatId);
    registered.set(chatId, yes);
    return yes;
  };

  return {
    channel: 'whatsapp',
    pacing: {
      perChatIntervalMs: 1000,
      globalPerSecond: deps.settings.maxPerMinute / 60,
      jitterMs: deps.settings.jitterMs,
    },
    ready: () => deps.connection.readyClient() !== null,
    async send(m: OutboundMessage) {
      const chatId = toChatId(m.chatId);
      if (!isPersonalChat(chatId)) throw new DeliveryError('not a WhatsApp chat id of a person', 'permanent');
      const client = deps.connection.readyClient();
      if (!client) throw new DeliveryError('WhatsApp is not connected', 'retry', 5_000);
      const contact = await deps.store.getContact(citizenKeyOf({ channel: 'whatsapp', senderId: chatId }));
      // A contact made only by markUnreachable (never wrote) is not the citizen writing to us.
      const wrote = contact?.firstWroteAt !== undefined;
      const supervisor = supervisors.has(chatId);
      if (!wrote && !supervisor) {
        // Never start a conversation with a citizen: unsolicited messages get numbers banned.
        throw new DeliveryError('this number has not written to us first', 'permanent');
      }
      const lang = contact?.language ?? deps.defaultLanguage;
      const text = renderWhatsAppText(m, lang);
      try {
        if (!wrote && !(await isRegistered(client, chatId))) {
          throw new DeliveryError('number is not on WhatsApp', 'permanent', undefined, true);
        }
        if (m.files?.length) {
          // A staff member's photos or documents, fetched from where they are held; the text as the first caption.
          const captioned = text.length <= MAX_CAPTION;
          for (const [i, f] of m.files.entries()) {
            const fetch = deps.files?.get(f.source);
            if (!fetch) throw new DeliveryError(`no file source "${f.source}" in this process`, 'retry', 30_000);
            const got = await fetch(f.fileId);
            const mime = f.mime ?? got.mime ?? (f.kind === 'photo' ? 'image/jpeg' : 'application/octet-stream');
            const media = deps.media(
              mime,
              got.bytes.toString('base64'),
              f.name ?? got.name ?? (f.kind === 'photo' ? 'foto.jpg' : 'dokumen'),
            );
            await client.sendMessage(chatId, media, i === 0 && captioned ? { caption: text } : {});
          }
          if (!captioned) await client.sendMessage(chatId, text, { linkPreview: false });
        } else if (m.imagePngBase64) {
          const image = deps.media('image/png', m.imagePngBase64, 'ringkasan.png');
          if (text.length <= MAX_CAPTION) {
            await client.sendMessage(chatId, image, { caption: text });
          } else {
            await client.sendMessage(chatId, image);
            await client.sendMessage(chatId, text, { linkPreview: false });
          }
        } else {
          await client.sendMessage(chatId, text, { linkPreview: false });
        }
      } catch (err) {
        const e = failure(err);
        deps.log.info('WhatsApp send failed', { chat: maskContact(chatId), kind: e.kind, error: e.message });
        throw e;
      }
    },
  };
}
