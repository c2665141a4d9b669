// Compile-time proof that the real whatsapp-web.js types fit our narrow port: if an upgrade of the library
// changes a member we use, `tsc` fails here instead of the adapter failing at run time. Type-only: nothing is
// imported at run time.
import type { Chat, Client, Message, MessageMedia, WAState } from 'whatsapp-web.js';
import type { WaChat, WaMedia, WaMessage, WhatsAppClient } from './client-port.js';

type Assignable<T extends U, U> = T extends U ? true : never;

/** The real Client can stand wherever the adapter expects a WhatsAppClient (the fake in tests is held to the same). */
export type ClientFitsPort = Assignable<Client, WhatsAppClient>;
/** Event and method payloads: a real Message, Chat and state are what the adapter reads. */
export type MessageFitsPort = Assignable<Message, WaMessage>;
export type ChatFitsPort = Assignable<Chat, WaChat>;
export type StateFitsPort = Assignable<WAState | 'LOGOUT', string>;
/** The media the driver builds is a real MessageMedia, and ours can be passed where it is expected. */
export type MediaFitsPort = Assignable<MessageMedia, WaMedia> & Assignable<WaMedia, MessageMedia>;
