// The narrow slice of the whatsapp-web.js Client this adapter uses. Everything in the adapter talks to these
// interfaces, so tests drive it with a fake; client-port-check.ts holds the real Client to the same shape.

/** A message id as whatsapp-web.js gives it; `_serialized` is unique and stable (our dedupe id). */
export interface WaMessageId {
  _serialized: string;
  fromMe: boolean;
  remote: string;
  id: string;
}

/** Location data of a "location" message (latitude/longitude are numbers at run time, typed as strings upstream). */
export interface WaLocation {
  latitude: string | number;
  longitude: string | number;
  name?: string;
  address?: string;
  description?: string;
}

/** One WhatsApp message, as much of it as we read. */
export interface WaMessage {
  id: WaMessageId;
  /** The chat it came from: "628…@c.us" (a person), "…@g.us" (a group), "status@broadcast". */
  from: string;
  /** The sender inside a group. */
  author?: string;
  fromMe: boolean;
  /** The text, or the caption of media (for a location: a thumbnail, never read). */
  body: string;
  /** whatsapp-web.js MessageTypes: "chat", "image", "ptt", "sticker", "vcard", "revoked", … */
  type: string;
  hasMedia: boolean;
  /** Unix seconds. */
  timestamp: number;
  broadcast: boolean;
  isStatus: boolean;
  location?: WaLocation;
  vCards?: string[];
  /** WhatsApp Web's own message model: media size, mime type, file name, view-once flag, push name. */
  rawData: object;
}

/** A chat, for picking up unread messages after a reconnect. */
export interface WaChat {
  id: { _serialized: string };
  isGroup: boolean;
  unreadCount: number;
  fetchMessages: (options: { limit?: number }) => Promise<WaMessage[]>;
  sendSeen: () => Promise<boolean>;
}

/** Media to send (digest charts); built by the driver because the real client checks `instanceof MessageMedia`. */
export interface WaMedia {
  mimetype: string;
  data: string;
  filename?: string | null;
  filesize?: number | null;
}

export interface WaSendOptions {
  caption?: string;
  linkPreview?: boolean;
}

/** The events of the Client we listen to, with their payloads. */
export interface WaEvents {
  qr: (qr: string) => void;
  authenticated: () => void;
  auth_failure: (message: string) => void;
  ready: () => void;
  disconnected: (reason: string) => void;
  change_state: (state: string) => void;
  message: (message: WaMessage) => void;
  message_revoke_everyone: (message: WaMessage, revoked?: WaMessage | null) => void;
}

/** The Client members the adapter uses. Function-typed properties so TypeScript checks parameters strictly. */
export interface WhatsAppClient {
  on<E extends keyof WaEvents>(event: E, listener: WaEvents[E]): this;
  removeAllListeners(event?: string): this;
  initialize: () => Promise<void>;
  destroy: () => Promise<void>;
  getState: () => Promise<string | null>;
  sendMessage: (chatId: string, content: string | WaMedia, options?: WaSendOptions) => Promise<unknown>;
  sendSeen: (chatId: string) => Promise<boolean>;
  getChats: () => Promise<WaChat[]>;
  getChatById: (chatId: string) => Promise<WaChat>;
  isRegisteredUser: (id: string) => Promise<boolean>;
}

/** What the adapter needs from the library: a fresh client (one per connection attempt) and media objects. */
export interface WhatsAppDriver {
  createClient(): WhatsAppClient;
  media(mimetype: string, base64: string, filename: string): WaMedia;
}
