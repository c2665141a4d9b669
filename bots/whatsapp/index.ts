// The WhatsApp channel (whatsapp-web.js). Only this folder knows the library; the rest of Aduan sees a
// ChannelEntry, a ChannelSender for 'whatsapp' and the normalised messages.
export { whatsappChannel } from './entry.js';
export { startWhatsApp, startConfiguredWhatsApp, type RunningWhatsApp, type WhatsAppRuntime } from './channel.js';
export type { WaChat, WaMedia, WaMessage, WaEvents, WhatsAppClient, WhatsAppDriver } from './client-port.js';
export { WhatsAppConnection, DEFAULT_BACKOFF, type Backoff } from './connection.js';
export { ConnectionReport, type WhatsAppState } from './status-report.js';
export { createWhatsAppSender, MAX_CAPTION } from './sender.js';
export { WhatsAppReceiver } from './receiver.js';
export { triage, type Triage } from './inbound-message.js';
export { renderWhatsAppText } from './render.js';
export { assertChromium, ChromiumMissingError } from './chromium.js';
export { loadWhatsAppSettings, phoneToChatId, WhatsAppSettingsError, type WhatsAppSettings } from './settings.js';
export { qrDisplay } from './qr.js';
export { classifySendError } from './send-errors.js';
export { pickUpUnread, CATCH_UP_LIMIT } from './catch-up.js';
export type { Timers } from './timers.js';
