// A stand-in for the whatsapp-web.js Client: an EventEmitter with the Client's event names and the methods the
// adapter uses, recording what is sent. It implements the same WhatsAppClient port the real Client is checked
// against (bots/whatsapp/client-port-check.ts), so fake and real are held to one shape.
import { EventEmitter } from 'node:events';
import type {
  WaChat,
  WaEvents,
  WaMedia,
  WaMessage,
  WaSendOptions,
  WhatsAppClient,
  WhatsAppDriver,
} from '../../bots/whatsapp/client-port.js';

export interface SentMessage {
  chatId: string;
  content: string | WaMedia;
  options?: WaSendOptions;
}

export class FakeClient extends EventEmitter implements WhatsAppClient {
  readonly sent: SentMessage[] = [];
  readonly seen: string[] = [];
  chats: WaChat[] = [];
  /** Numbers isRegisteredUser answers false for. */
  readonly notOnWhatsApp = new Set<string>();
  state = 'CONNECTED';
  initialized = 0;
  destroyed = 0;
  /** The next sends throw these, one each. */
  readonly sendFailures: Error[] = [];
  /** Makes initialize() reject (e.g. the browser could not start). */
  initializeError: Error | null = null;

  override on<E extends keyof WaEvents>(event: E, listener: WaEvents[E]): this {
    return super.on(event, listener);
  }

  /** Emits a Client event with its payload types checked. */
  fire<E extends keyof WaEvents>(event: E, ...args: Parameters<WaEvents[E]>): void {
    this.emit(event, ...args);
  }

  initialize = async (): Promise<void> => {
    this.initialized++;
    if (this.initializeError) throw this.initializeError;
  };

  destroy = async (): Promise<void> => {
    this.destroyed++;
  };

  getState = async (): Promise<string | null> => this.state;

  sendMessage = async (chatId: string, content: string | WaMedia, options?: WaSendOptions): Promise<unknown> => {
    const failure = this.sendFailures.shift();
    if (failure) throw failure;
    this.sent.push({ chatId, content, ...(options ? { options } : {}) });
    return { id: { _serialized: `true_${chatId}_OUT${this.sent.length}` } };
  };

  sendSeen = async (chatId: string): Promise<boolean> => {
    this.seen.push(chatId);
    return true;
  };

  getChats = async (): Promise<WaChat[]> => this.chats;

  getChatById = async (chatId: string): Promise<WaChat> => {
    const chat = this.chats.find((c) => c.id._serialized === chatId);
    if (!chat) throw new Error(`no chat ${chatId}`);
    return chat;
  };

  isRegisteredUser = async (id: string): Promise<boolean> => !this.notOnWhatsApp.has(id);

  /** Texts sent to one chat, in order. */
  textsTo(chatId: string): string[] {
    return this.sent
      .filter((s) => s.chatId === chatId)
      .map((s) => (typeof s.content === 'string' ? s.content : (s.options?.caption ?? '')));
  }
}

/** A chat holding unread messages (what the client finds after a reconnect). */
export function fakeChat(
  chatId: string,
  messages: WaMessage[],
  unreadCount = messages.filter((m) => !m.fromMe).length,
): WaChat & { seenCount: number } {
  const chat = {
    id: { _serialized: chatId },
    isGroup: chatId.endsWith('@g.us'),
    unreadCount,
    seenCount: 0,
    fetchMessages: async ({ limit }: { limit?: number }) => (limit === undefined ? messages : messages.slice(-limit)),
    sendSeen: async () => {
      chat.seenCount++;
      chat.unreadCount = 0;
      return true;
    },
  };
  return chat;
}

export interface FakeDriver extends WhatsAppDriver {
  clients: FakeClient[];
  /** The client built last. */
  readonly client: FakeClient;
  /** Makes createClient throw (e.g. the browser vanished between attempts). */
  createError: Error | null;
  /** Sets up each new client before the adapter sees it (e.g. the unread chats it will find). */
  prepare: ((client: FakeClient, index: number) => void) | null;
}

/** A driver that builds FakeClients and keeps them, newest last. */
export function fakeDriver(): FakeDriver {
  const clients: FakeClient[] = [];
  const driver: FakeDriver = {
    clients,
    createError: null,
    prepare: null,
    get client() {
      const last = clients.at(-1);
      if (!last) throw new Error('no client built yet');
      return last;
    },
    createClient() {
      if (driver.createError) throw driver.createError;
      const c = new FakeClient();
      driver.prepare?.(c, clients.length);
      clients.push(c);
      return c;
    },
    media: (mimetype, data, filename) => ({ mimetype, data, filename }),
  };
  return driver;
}

let seq = 0;

/** A WhatsApp message as the Client emits it; `raw` becomes rawData (media size, mime type, view-once flag). */
export function waMessage(
  over: Partial<Omit<WaMessage, 'rawData'>> & { raw?: Record<string, unknown>; key?: string } = {},
): WaMessage {
  seq += 1;
  const { raw, key, ...rest } = over;
  const from = rest.from ?? '6281234567001@c.us';
  const fromMe = rest.fromMe ?? false;
  const id = key ?? `3EB0${String(seq).padStart(16, '0')}`;
  return {
    id: { _serialized: `${fromMe}_${from}_${id}`, fromMe, remote: from, id },
    from,
    fromMe,
    body: '',
    type: 'chat',
    hasMedia: false,
    timestamp: 1_793_584_800 + seq,
    broadcast: false,
    isStatus: false,
    rawData: { notifyName: 'Warga Uji', ...raw },
    ...rest,
  };
}
