// Staff as the core sees them, whatever surface they act from (the Telegram topic, the terminal, later the web
// dashboard): one message type every staff surface produces, one actor type the staff flow works with.
import type { Actor } from './case.js';
import type { Attachment } from './messages.js';

export type StaffRole = 'staff' | 'supervisor';

/** Where a staff member acts from. Every surface sends the same commands to the same flow. */
export type StaffSurface = 'telegram' | 'terminal' | 'web';

/** A staff member (listed in the configuration) acting on cases; supervisors may also verify (SOP step 12). */
export interface StaffActor extends Actor {
  kind: StaffRole;
  /** "telegram:<user id>" for ids listed in STAFF_/SUPERVISOR_TELEGRAM_IDS, "operator:<id>" for STAFF_OPERATORS. */
  id: string;
  name: string;
}

/** Who sent a staff message, as the surface knows them; or why there is nobody to hold to account. */
export type StaffSender = { id: string; name?: string } | { anonymous: 'admin' | 'channel' };

/**
 * One message from a staff surface: a typed command ("/ptp …"), a plain sentence (relayed to the citizen), the
 * answer to a question the bot asked, or a pressed button. Stored under its dedupe key before it is handled, like a
 * citizen's message; the core decides who the sender is and what they may do.
 */
export interface StaffMessage {
  surface: StaffSurface;
  /** The surface's id of this message; with the surface it is the dedupe key. */
  messageId: string;
  sender: StaffSender;
  /** The case the message is about: its thread (Telegram topic) or the ticket given on the terminal. */
  ticket?: string;
  /**
   * Where replies go in the staff inbox: a ticket (the case's thread), "general", "group:<chat id>" (a division
   * group's main thread) or "dm:<user id>". Absent: the
   * surface reads them from the result of handling (the terminal prints them).
   */
  replyTo?: string;
  text: string;
  /** Set when this is an edit of an earlier message of the surface (its message id): a relay's edit is a correction. */
  edits?: string;
  /** A pressed button's data, exactly as the core wrote it (checked like any input from a client). */
  choice?: string;
  attachments: Attachment[];
  sentAt: number;
}

/** What the staff flow answers the sender: shown in the place they wrote from (or printed on the terminal). */
export interface StaffReply {
  text: string;
  /** 'case-update': the case's live actions go with it (buttons on Telegram, commands on the terminal). */
  kind: 'notice' | 'case-update';
  /** The case the reply is about (its live actions). */
  ticket?: string;
  /** A confirmation with nothing more to say: a surface that can show it otherwise (a reaction) need not print it. */
  ack?: boolean;
  /** Offered answers (a division, a label, "cancel"): ids as the core writes them. */
  choices?: Array<{ id: string; label: string }>;
}
