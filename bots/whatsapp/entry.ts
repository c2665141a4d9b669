// The WhatsApp entry `aduan serve` checks at every start. It is light on purpose: whatsapp-web.js, the QR libraries
// and the rest of the channel load only when WHATSAPP_ENABLED=true and the channel starts.
import type { ChannelEntry } from '../../src/ports/channel.js';

/** The entry `aduan serve` runs when WHATSAPP_ENABLED=true. */
export const whatsappChannel: ChannelEntry = {
  name: 'whatsapp',
  enabled: (config) => config.WHATSAPP_ENABLED,
  async start(app) {
    const { startConfiguredWhatsApp } = await import('./channel.js');
    return startConfiguredWhatsApp(app);
  },
};
