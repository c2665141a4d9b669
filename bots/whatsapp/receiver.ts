// Hands WhatsApp messages to the core, one chat at a time in order. Usable messages go through
// `app.inbound.receive` (stored under the WhatsApp message id first, so a message seen twice is handled once);
// unusable ones (stickers, contact cards, view-once media) are stored under the same dedupe key and answered
// with a polite reply through the outbox, in one commit.
import type { App } from '../../src/app.js';
import { AlreadyHandledError } from '../../src/store/port.js';
import { citizenKeyOf, type InboundMessage } from '../../src/domain/messages.js';
import { maskContact } from '../../nlp/pii.js';
import { KeyedQueue } from '../../src/services/keyed-queue.js';
import type { WaMessage } from './client-port.js';
import { triage } from './inbound-message.js';
import { unusableReply, type UnusableKind } from './texts.js';

type CoreParts = Pick<App, 'store' | 'inbound' | 'dispatcher' | 'log' | 'now' | 'config'>;

export class WhatsAppReceiver {
  private readonly queue = new KeyedQueue();

  constructor(private readonly app: CoreParts) {}

  /**
   * Takes one message. Resolves once it is handled (or ignored) with what was done; never rejects: a message
   * that fails stays stored unhandled and the core handles it again at the next start.
   */
  async accept(m: WaMessage): Promise<'handled' | 'replied' | 'ignored' | 'failed'> {
    const log = this.app.log;
    let t: ReturnType<typeof triage>;
    try {
      t = triage(m);
    } catch (err) {
      log.warn('unreadable WhatsApp message ignored', { error: err as Error });
      return 'ignored';
    }
    if (t.action === 'ignore') {
      log.debug('WhatsApp message ignored', { reason: t.reason, chat: maskContact(String(m.from)) });
      return 'ignored';
    }
    const msg = t.message;
    try {
      return await this.queueFor(msg.chatId, async () => {
        if (t.action === 'handle') {
          await this.app.inbound.receive(msg);
          return 'handled';
        }
        await this.replyUnusable(msg, t.kind);
        return 'replied';
      });
    } catch (err) {
      log.error('WhatsApp message could not be handled', { chat: maskContact(msg.chatId), error: err as Error });
      return 'failed';
    }
  }

  /** Resolves when every accepted message has been handled. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private queueFor<T>(chatId: string, task: () => Promise<T>): Promise<T> {
    let out!: T;
    return this.queue.run(chatId, async () => void (out = await task())).then(() => out);
  }

  private async replyUnusable(msg: InboundMessage, kind: UnusableKind): Promise<void> {
    const { store, dispatcher, log } = this.app;
    const now = this.app.now();
    const { id, duplicate, handled } = await store.saveInbound(msg, now);
    // Like the core pipeline: a stored message whose reply failed to commit is answered when it comes again.
    if (duplicate && handled) return;
    const key = citizenKeyOf({ channel: 'whatsapp', senderId: msg.chatId });
    const lang = (await store.getContact(key))?.language ?? this.app.config.DEFAULT_LANGUAGE;
    try {
      await store.commit({
        inboundHandled: id,
        // This number wrote first (its contact says so), so answering it is allowed though no conversation exists.
        contacts: [{ key, channel: 'whatsapp', userId: msg.chatId, chatId: msg.chatId, wroteAt: now }],
        outbox: [{ channel: 'whatsapp', chatId: msg.chatId, text: unusableReply(kind, lang), kind: 'reply' }],
      });
    } catch (err) {
      if (err instanceof AlreadyHandledError) return; // a concurrent copy answered it
      throw err;
    }
    dispatcher.kick();
    log.info('WhatsApp message answered without handling', { kind, chat: maskContact(msg.chatId) });
  }
}
