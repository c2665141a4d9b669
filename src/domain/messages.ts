// One normalised inbound message type that every channel produces, and one outbound message type that every
// channel consumes (Rasa's UserMessage / OutputChannel idea). Channel SDK types never cross this line.
import type { StaffMessage } from './staff.js';

/** The channels citizens write on ('web': the complaint form and tracking page). */
export const CHANNELS = ['console', 'telegram', 'whatsapp', 'web'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/**
 * Where an outbound message goes: a citizen's channel, or the staff inbox (cases' threads, notices, digests). A
 * division with a staff group of its own has a lane of the inbox ("staff/<group chat id>", src/domain/staff-groups.ts),
 * paced apart from the other groups.
 */
export const DESTINATIONS = [...CHANNELS, 'staff'] as const;
export type Destination = (typeof DESTINATIONS)[number] | StaffLane;

/** The staff inbox's lane of one division group. */
export type StaffLane = `staff/${string}`;

/** A division group's lane as stored: "staff/" and the group's (negative) chat id. */
export const STAFF_LANE_PATTERN = /^staff\/-\d{1,20}$/;

/** Whether a destination is the staff inbox (the general group or a division group's lane). */
export function isStaffDestination(d: Destination): d is 'staff' | StaffLane {
  return d === 'staff' || d.startsWith('staff/');
}

export interface Attachment {
  kind: 'photo' | 'document' | 'voice' | 'video' | 'location';
  /** The channel's own file id (never downloaded at intake). */
  fileId?: string;
  mime?: string;
  size?: number;
  name?: string;
  latitude?: number;
  longitude?: number;
}

export interface InboundMessage {
  channel: ChannelName;
  /** The channel's id of this message; with the channel it is the dedupe key. */
  messageId: string;
  /** The channel's user id of the sender, as a string. */
  senderId: string;
  /** Where replies go (Telegram chat id, WhatsApp chat id, console session). */
  chatId: string;
  senderName?: string;
  text: string;
  attachments: Attachment[];
  /** A button pressed (callback data) or a numbered choice already resolved by the channel. */
  choice?: string;
  /** Facts a channel asked for in fields of their own (the web form's place and time), beside the text. */
  details?: { where?: string; since?: string };
  sentAt: number;
}

export interface Choice {
  id: string;
  label: string;
}

export interface OutboundMessage {
  channel: Destination;
  chatId: string;
  text: string;
  /** Offered answers: buttons where the channel has them, numbered text where it does not. */
  choices?: Choice[];
  /** Staff inbox: the case this message belongs to (the adapter finds or opens its thread). */
  ticket?: string;
  /** What kind of message this is, for adapters that render some kinds differently (e.g. the staff case card). */
  kind?: 'reply' | 'case-card' | 'case-update' | 'relay' | 'reminder' | 'digest' | 'notice';
  /** A PNG image to send with the text (digest charts), base64. */
  imagePngBase64?: string;
  /**
   * Staff inbox: the staff message (surface message id) this answers. A surface that can acknowledge it otherwise
   * (the live card edited in place, a reaction, a button's toast) need not post the answer as a new message.
   */
  answers?: string;
  /** A confirmation with nothing more to say (a relay sent, a note kept): a reaction is enough where there is one. */
  ack?: boolean;
  /** May wait behind the destination's other messages (new case cards: answers to staff go first). */
  deferrable?: boolean;
  /**
   * Photos and documents to send with the text (the text as their caption): each with the file source that can
   * fetch it (src/ports/files.ts), e.g. a staff member's photo held by the staff bot.
   */
  files?: Array<OutboundFile>;
}

/** A file to send: where to fetch it and how to show it. */
export interface OutboundFile {
  kind: 'photo' | 'document';
  source: string;
  fileId: string;
  name?: string;
  mime?: string;
}

/** Anything the inbox stores: a citizen's message, or a staff member's (src/domain/staff.ts). */
export type AnyInbound = InboundMessage | StaffMessage;

/** Whether a stored inbound message came from a staff surface. */
export function isStaffMessage(m: AnyInbound): m is StaffMessage {
  return 'surface' in m;
}

/** The inbox's dedupe key: the channel (or staff surface) with the message's own id. */
export function dedupeKey(msg: Pick<InboundMessage, 'channel' | 'messageId'> | StaffMessage): string {
  return 'surface' in msg ? `staff:${msg.surface}:${msg.messageId}` : `${msg.channel}:${msg.messageId}`;
}

/** The per-channel identity of a citizen: "telegram:12345", "whatsapp:628123@c.us". */
export function citizenKeyOf(msg: Pick<InboundMessage, 'channel' | 'senderId'>): string {
  return `${msg.channel}:${msg.senderId}`;
}

export function chatKeyOf(msg: { channel: Destination; chatId: string }): string {
  return `${msg.channel}:${msg.chatId}`;
}
