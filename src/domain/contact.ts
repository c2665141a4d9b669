// A citizen as reached on one channel (Chatwoot's ContactInbox: one record per person per channel): who they are
// there, the language they speak to us, whether they wrote to us first (WhatsApp: never write first) and whether
// the channel can still reach them (Telegram 403 "blocked", WhatsApp "not on WhatsApp").
import type { Language } from './case.js';
import type { ChannelName } from './messages.js';

export interface Contact {
  /** The citizen key, "<channel>:<user id>" (e.g. "telegram:12345", "whatsapp:62812…@c.us"). */
  key: string;
  channel: ChannelName;
  userId: string;
  chatId: string;
  displayName?: string;
  language?: Language;
  /** When the citizen first wrote to us on this channel (absent: they never did). */
  firstWroteAt?: number;
  lastWroteAt?: number;
  /** Set when the channel reported the citizen cannot be reached; cleared when they write again. */
  unreachableAt?: number;
  unreachableReason?: string;
}

/** What a handled message tells about its sender, committed with the message's other changes. */
export interface ContactNote {
  key: string;
  channel: ChannelName;
  userId: string;
  chatId: string;
  displayName?: string;
  language?: Language;
  /** When they wrote: sets firstWroteAt once, lastWroteAt every time, and clears "unreachable". */
  wroteAt: number;
}

/** The channel's refusal in the words staff use. */
export function unreachableWords(reason: string): string {
  if (/blocked|403/i.test(reason)) return 'warga memblokir bot atau menghapus chat dengan bot';
  if (/not on WhatsApp|not registered/i.test(reason)) return 'nomor warga tidak terdaftar di WhatsApp';
  if (/deactivated/i.test(reason)) return 'akun warga sudah dihapus';
  if (/chat not found|user not found|PEER_ID_INVALID/i.test(reason)) return 'chat warga tidak ditemukan';
  return 'kanal warga menolak pesan';
}
