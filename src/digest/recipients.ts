// Where supervisor messages go: a direct message from the staff bot to each SUPERVISOR_TELEGRAM_IDS, and a WhatsApp
// chat for each SUPERVISOR_WHATSAPP_NUMBERS. One outbox item per chat, so one unreachable supervisor (logged by the
// dispatcher and skipped) never holds up the others.
import type { Config } from '../config/config.js';
import type { OutboundMessage } from '../domain/messages.js';

export function supervisorMessages(
  config: Pick<Config, 'SUPERVISOR_TELEGRAM_IDS' | 'SUPERVISOR_WHATSAPP_NUMBERS'>,
  message: Omit<OutboundMessage, 'channel' | 'chatId'>,
): OutboundMessage[] {
  return [
    ...config.SUPERVISOR_TELEGRAM_IDS.map((id) => ({ ...message, channel: 'staff' as const, chatId: `dm:${id}` })),
    ...config.SUPERVISOR_WHATSAPP_NUMBERS.map((n) => ({
      ...message,
      channel: 'whatsapp' as const,
      chatId: `${n.replace(/\D/g, '')}@c.us`,
    })),
  ];
}
