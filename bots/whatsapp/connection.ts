// Keeps one whatsapp-web.js client alive. On `disconnected`, `auth_failure`, a bad state (CONFLICT, UNPAIRED,
// UNLAUNCHED, TIMEOUT, …), a failed start or a crashed browser, the client is destroyed and a new one built
// after an exponential backoff. The staff group hears when WhatsApp goes down and when it is back, and
// `app.health` always says where the connection stands. After `ready`, unread chats are read for messages that
// arrived while we were down (same dedupe as live messages).
import type { App } from '../../src/app.js';
import { maskContact } from '../../nlp/pii.js';
import { retryDelay, type BackoffPolicy } from '../../src/services/backoff.js';
import type { WaMessage, WhatsAppClient, WhatsAppDriver } from './client-port.js';
import { pickUpUnread } from './catch-up.js';
import type { WhatsAppReceiver } from './receiver.js';
import { classifySendError } from './send-errors.js';
import type { SenderConnection } from './sender.js';
import { ConnectionReport, type WhatsAppState } from './status-report.js';
import type { Timers } from './timers.js';

/** States after which WhatsApp Web will not deliver messages until the client is rebuilt. */
const BAD_STATES = new Set([
  'CONFLICT',
  'UNPAIRED',
  'UNPAIRED_IDLE',
  'UNLAUNCHED',
  'TIMEOUT',
  'TOS_BLOCK',
  'SMB_TOS_BLOCK',
  'PROXYBLOCK',
  'DEPRECATED_VERSION',
]);

/** Reconnect waits: the core's backoff rule (src/services/backoff.ts). */
export type Backoff = BackoffPolicy;

export const DEFAULT_BACKOFF: Backoff = { initialMs: 5_000, maxMs: 5 * 60_000, jitter: 0.2 };

export interface ConnectionDeps {
  app: Pick<App, 'store' | 'dispatcher' | 'health' | 'now' | 'log'>;
  driver: WhatsAppDriver;
  receiver: WhatsAppReceiver;
  timers: Timers;
  /** Shows the login QR code (terminal and PNG file). */
  onQr: (qr: string) => Promise<void>;
  /** Logged in: e.g. delete the QR image. */
  onAuthenticated?: () => Promise<void>;
  backoff?: Backoff;
  /** How often to ask a connected client for its state (a hung browser is found even when nothing is sent). */
  watchdogMs?: number;
  /** Longest wait for an old browser to close before starting a new one on the same profile. */
  destroyTimeoutMs?: number;
}

export class WhatsAppConnection implements SenderConnection {
  private client: WhatsAppClient | null = null;
  private generation = 0;
  private state: WhatsAppState = 'starting';
  private failures = 0;
  private reconnectTimer: unknown = null;
  private watchdogTimer: unknown = null;
  private destroying: Promise<void> = Promise.resolve();
  private stopped = false;
  private catchingUp = false;
  private held: WaMessage[] = [];
  private readonly work = new Set<Promise<unknown>>();

  private readonly report: ConnectionReport;

  constructor(private readonly deps: ConnectionDeps) {
    this.report = new ConnectionReport(deps.app);
  }

  /** Builds the first client. Returns at once; `ready` comes later (after a QR scan on first login). */
  start(): void {
    this.connect();
  }

  get currentState(): WhatsAppState {
    return this.state;
  }

  /** The client, when connected; null otherwise (the sender then keeps messages waiting). */
  readyClient(): WhatsAppClient | null {
    return this.state === 'connected' ? this.client : null;
  }

  reportCrash(detail: string): void {
    this.fail(this.generation, `browser crashed: ${detail}`);
  }

  /** Resolves when nothing started by the connection (handling, catch-up, notices, closing) is in hand. */
  async idle(): Promise<void> {
    while (this.work.size) await Promise.allSettled([...this.work]);
    await this.deps.receiver.idle();
  }

  /** Stops reconnecting, closes the browser and waits for the work in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    const old = this.client;
    this.client = null;
    this.generation++;
    if (old) this.track(this.close(old));
    await this.idle();
    await this.destroying;
    this.setState('stopped');
  }

  private connect(): void {
    if (this.stopped) return;
    const gen = ++this.generation;
    this.setState('starting');
    let client: WhatsAppClient;
    try {
      client = this.deps.driver.createClient();
    } catch (err) {
      this.fail(gen, `client could not be built: ${(err as Error).message}`);
      return;
    }
    this.client = client;
    this.wire(client, gen);
    this.track(
      client
        .initialize()
        .catch((err: unknown) => this.fail(gen, `browser could not start: ${classifySendError(err).message}`)),
    );
  }

  private wire(client: WhatsAppClient, gen: number): void {
    const { log } = this.deps.app;
    const live = () => gen === this.generation && !this.stopped;
    client.on('qr', (qr) => {
      if (!live()) return;
      this.setState('waiting_for_qr', 'scan the QR code with the agency phone (WhatsApp > Linked devices)');
      this.track(
        this.deps
          .onQr(qr)
          .catch((err: unknown) => log.error('could not show the WhatsApp QR code', { error: err as Error })),
      );
    });
    client.on('authenticated', () => {
      if (!live()) return;
      this.setState('authenticated');
      if (this.deps.onAuthenticated) this.track(this.deps.onAuthenticated().catch(() => {}));
    });
    client.on('auth_failure', (message) => this.fail(gen, `authentication failed: ${message}`));
    client.on('disconnected', (reason) => this.fail(gen, `disconnected: ${reason}`));
    client.on('change_state', (state) => {
      if (BAD_STATES.has(state)) this.fail(gen, `state ${state}`);
      else if (live()) log.debug('WhatsApp state', { state });
    });
    client.on('ready', () => {
      if (live()) this.onReady(client, gen);
    });
    client.on('message', (m) => {
      if (!live()) return;
      if (this.catchingUp) this.held.push(m);
      else this.track(this.receive(client, m));
    });
    client.on('message_revoke_everyone', (m) => {
      // The sender deleted a message: what we received stays on record (it may be evidence); nothing to answer.
      if (live()) log.debug('WhatsApp message deleted by its sender', { chat: maskContact(String(m?.from ?? '')) });
    });
  }

  private onReady(client: WhatsAppClient, gen: number): void {
    this.failures = 0;
    this.setState('connected');
    this.deps.app.log.info('WhatsApp connected');
    this.track(this.report.cameBack());
    this.deps.app.dispatcher.kick();
    this.armWatchdog(client, gen);
    this.track(this.catchUp(client, gen));
  }

  private async catchUp(client: WhatsAppClient, gen: number): Promise<void> {
    this.catchingUp = true;
    try {
      const n = await pickUpUnread(client, (m) =>
        gen === this.generation ? this.deps.receiver.accept(m) : Promise.resolve('ignored'),
      );
      if (n) this.deps.app.log.info('picked up WhatsApp messages that arrived while down', { messages: n });
    } catch (err) {
      this.deps.app.log.warn('could not read unread WhatsApp chats', { error: err as Error });
    } finally {
      // A newer client's catch-up owns the flag and the held messages now: leave them to it.
      if (gen === this.generation) {
        this.catchingUp = false;
        const held = this.held;
        this.held = [];
        for (const m of held) this.track(this.receive(client, m));
      }
    }
  }

  private async receive(client: WhatsAppClient, m: WaMessage): Promise<void> {
    const outcome = await this.deps.receiver.accept(m);
    // Read receipts after handling: a chat left unread means a message we still owe a look (see catch-up).
    if ((outcome === 'handled' || outcome === 'replied') && this.client === client) {
      await client.sendSeen(m.from).catch(() => false);
    }
  }

  private fail(gen: number, detail: string): void {
    if (gen !== this.generation || this.stopped || this.state === 'reconnecting') return;
    const { log } = this.deps.app;
    this.setState('reconnecting', detail);
    log.warn('WhatsApp connection lost; rebuilding the client', { detail, attempt: this.failures + 1 });
    this.track(this.report.wentDown(detail));
    this.clearTimers();
    const old = this.client;
    this.client = null;
    this.generation++;
    if (old) this.track(this.close(old));
    const policy = this.deps.backoff ?? DEFAULT_BACKOFF;
    this.failures++;
    // No attempt limit: WhatsApp is retried for as long as the service runs (the staff group knows it is down).
    const delay = retryDelay(policy, this.failures) ?? policy.maxMs;
    this.reconnectTimer = this.deps.timers.setTimeout(() => {
      this.reconnectTimer = null;
      // A new browser may only start once the old one has let go of the session profile.
      this.track(this.destroying.then(() => this.connect()));
    }, delay);
  }

  private close(client: WhatsAppClient): Promise<void> {
    client.removeAllListeners();
    const timeout = this.deps.destroyTimeoutMs ?? 15_000;
    let timer: unknown = null;
    const closed = Promise.race([
      client
        .destroy()
        .catch((err: unknown) =>
          this.deps.app.log.debug('closing the WhatsApp client failed', { error: err as Error }),
        ),
      new Promise<void>((resolve) => (timer = this.deps.timers.setTimeout(resolve, timeout))),
    ]).finally(() => this.deps.timers.clearTimeout(timer));
    this.destroying = this.destroying.then(() => closed);
    return closed;
  }

  private armWatchdog(client: WhatsAppClient, gen: number): void {
    const every = this.deps.watchdogMs ?? 60_000;
    if (this.watchdogTimer !== null) this.deps.timers.clearTimeout(this.watchdogTimer);
    this.watchdogTimer = null;
    if (every <= 0) return;
    this.watchdogTimer = this.deps.timers.setTimeout(() => {
      this.watchdogTimer = null;
      if (gen !== this.generation) return;
      this.track(
        client.getState().then(
          (state) => {
            if (state && BAD_STATES.has(state)) this.fail(gen, `state ${state}`);
            else if (gen === this.generation) this.armWatchdog(client, gen);
          },
          (err: unknown) => this.fail(gen, `browser not answering: ${classifySendError(err).message}`),
        ),
      );
    }, every);
  }

  private clearTimers(): void {
    if (this.reconnectTimer !== null) this.deps.timers.clearTimeout(this.reconnectTimer);
    if (this.watchdogTimer !== null) this.deps.timers.clearTimeout(this.watchdogTimer);
    this.reconnectTimer = null;
    this.watchdogTimer = null;
  }

  private setState(state: WhatsAppState, detail?: string): void {
    this.state = state;
    this.report.state(state, detail);
  }

  private track(p: Promise<unknown>): void {
    const tracked = p.catch((err: unknown) =>
      this.deps.app.log.error('WhatsApp background task failed', { error: err as Error }),
    );
    this.work.add(tracked);
    void tracked.finally(() => this.work.delete(tracked));
  }
}
