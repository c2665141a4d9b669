// The web's records (issue 12), part of the Store port: who filed on the web form (a private tracking token, stored
// only as its hash, and the contact they gave), the messages of their conversation as the tracking page shows them,
// the staff's one-time sign-in links and their sessions (hashes too). Every adapter implements it.
import type { Choice, OutboundMessage } from '../domain/messages.js';

export type WebContactKind = 'whatsapp' | 'telegram' | 'email';

/** A citizen who filed on the web form: one per filing, reached only through the tracking token. */
export interface WebCitizen {
  /** The citizen key, "web:<random id>". */
  key: string;
  /** SHA-256 of the tracking token (base64url); the token itself is never stored. */
  tokenHash: string;
  /** How the citizen asked to be contacted, if at all. */
  contact?: { kind: WebContactKind; value: string };
  /** The citizen asked that staff never see who they are (where the agency's profile allows it). */
  anonymous: boolean;
  createdAt: number;
}

/** One message of a web citizen's conversation: what they wrote, or what the service sent them (the outbox). */
export interface WebMessage {
  citizenKey: string;
  /** The citizen's own message id (the form's): a message sent twice is kept once. */
  id?: string;
  at: number;
  from: 'citizen' | 'service';
  text: string;
  /** The case the message is about, when the sender knew it. */
  ticket?: string;
  /** Answers offered with a service message (the page shows them as buttons). */
  choices?: Choice[];
  /** Files the citizen sent with the message (names as given, kinds). */
  attachments?: Array<{ kind: string; name?: string }>;
  kind?: OutboundMessage['kind'];
}

/** A one-time sign-in link for the staff dashboard (its token's hash). */
export interface StaffLoginLink {
  tokenHash: string;
  /** The staff member's id as listed (a Telegram user id, or an operator id). */
  staffId: string;
  name: string;
  expiresAt: number;
}

/** A signed-in staff member's session (its id's hash), with the token every form of the session carries. */
export interface StaffSession {
  idHash: string;
  staffId: string;
  name: string;
  csrf: string;
  createdAt: number;
  expiresAt: number;
}

export interface WebStore {
  /** Records a new web citizen (their key and token hash are new). */
  saveWebCitizen(citizen: WebCitizen): Promise<void>;
  getWebCitizen(key: string): Promise<WebCitizen | null>;
  /** The web citizen whose tracking token hashes to `tokenHash`, or null. */
  webCitizenByToken(tokenHash: string): Promise<WebCitizen | null>;
  /** Replaces a web citizen's tracking token (the old link stops working). */
  setWebToken(key: string, tokenHash: string): Promise<void>;
  /** Adds a message; one whose `id` this citizen's conversation already has is ignored (returns false). */
  addWebMessage(message: WebMessage): Promise<boolean>;
  /** The last `limit` messages of a web citizen's conversation, oldest first. */
  listWebMessages(citizenKey: string, limit: number): Promise<WebMessage[]>;

  saveLoginLink(link: StaffLoginLink): Promise<void>;
  /** Uses a sign-in link once: returns it and deletes it, or null when unknown, used or expired at `now`. */
  useLoginLink(tokenHash: string, now: number): Promise<StaffLoginLink | null>;
  saveSession(session: StaffSession): Promise<void>;
  /** The session, or null when unknown or expired at `now`. */
  getSession(idHash: string, now: number): Promise<StaffSession | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Deletes expired sign-in links and sessions; returns how many. */
  purgeExpiredWeb(now: number): Promise<number>;
}
