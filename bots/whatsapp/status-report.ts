// Tells the world where the WhatsApp connection stands: the health map at every change, and the staff group
// (through the outbox, like every message) once when an outage starts and once when it ends.
import type { App } from '../../src/app.js';
import { notices } from './texts.js';

export type WhatsAppState = 'starting' | 'waiting_for_qr' | 'authenticated' | 'connected' | 'reconnecting' | 'stopped';

export class ConnectionReport {
  private outage = false;

  constructor(private readonly app: Pick<App, 'store' | 'dispatcher' | 'health' | 'now' | 'log'>) {}

  /** Records the state (with why, when it is not a good one) in the service's health report. */
  state(state: WhatsAppState, detail?: string): void {
    this.app.health.set('whatsapp', { state, since: this.app.now(), ...(detail ? { detail } : {}) });
  }

  /** The connection was lost: the staff group hears it once per outage, however many retries follow. */
  async wentDown(detail: string): Promise<void> {
    if (this.outage) return;
    this.outage = true;
    await this.tellStaff(notices.down(detail));
  }

  /** Connected again after an outage the staff group was told about. */
  async cameBack(): Promise<void> {
    if (!this.outage) return;
    this.outage = false;
    await this.tellStaff(notices.back());
  }

  private async tellStaff(text: string): Promise<void> {
    try {
      await this.app.store.commit({ outbox: [{ channel: 'staff', chatId: 'general', kind: 'notice', text }] });
      this.app.dispatcher.kick();
    } catch (err) {
      this.app.log.error('could not tell the staff group about WhatsApp', { error: err as Error });
    }
  }
}
