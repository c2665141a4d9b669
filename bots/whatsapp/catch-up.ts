// Messages that arrived while the client was down stay unread in WhatsApp. After `ready` we read each personal
// chat's unread messages, oldest first, and hand them to the same receiver as live ones (the dedupe on the
// message id makes a message seen both ways count once), then mark the chat read.
import { isPersonalChat } from './addresses.js';
import type { WaMessage, WhatsAppClient } from './client-port.js';

/** Most unread messages read back per chat. */
export const CATCH_UP_LIMIT = 50;

/** Reads unread personal chats; returns how many messages were handed over. */
export async function pickUpUnread(
  client: WhatsAppClient,
  accept: (m: WaMessage) => Promise<unknown>,
  limit = CATCH_UP_LIMIT,
): Promise<number> {
  const chats = await client.getChats();
  let n = 0;
  for (const chat of chats) {
    if (chat.isGroup || !(chat.unreadCount > 0) || !isPersonalChat(chat.id._serialized)) continue;
    const unread = Math.min(chat.unreadCount, limit);
    // Our own replies are interleaved; read a little further back and keep the citizen's last `unread` messages.
    const recent = await chat.fetchMessages({ limit: Math.min(unread + 20, limit + 20) });
    const incoming = recent.filter((m) => !m.fromMe).slice(-unread);
    for (const m of incoming) {
      await accept(m);
      n++;
    }
    await chat.sendSeen().catch(() => false);
  }
  return n;
}
