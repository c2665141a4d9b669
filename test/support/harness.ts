// An in-process Aduan core on a real SQLite file with a controllable clock, for service and flow tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { InboundMessage, OutboundMessage } from '../../src/domain/messages.js';
import type { StaffReply } from '../../src/domain/staff.js';
import type { ChannelSender } from '../../src/services/dispatcher.js';
import { silentLogger, type Logger } from '../../src/log/logger.js';
import type { TextUnderstanding } from '../../nlp/types.js';
import { fakeNlp, testAgency } from './fake-nlp.js';

export interface Harness {
  app: App;
  dir: string;
  clock: { now: number };
  /** Everything delivered per channel, in order. */
  sent: OutboundMessage[];
  /** Sends a citizen message and delivers all replies; returns the replies to that chat. */
  say(text: string, extra?: Partial<InboundMessage>): Promise<OutboundMessage[]>;
  /**
   * A staff member types `text` about `ticket` on the terminal surface (the same pipeline and flow as the Telegram
   * topic), as `as` (an operator "rina" (staff) or "kabid" (supervisor), or a listed Telegram id); delivers what it
   * caused and returns what the terminal shows.
   */
  staff(as: string, ticket: string | null, text: string): Promise<StaffReply[]>;
  deliver(): Promise<void>;
  close(): Promise<void>;
}

let seq = 0;

export async function startHarness(
  opts: { nlp?: TextUnderstanding; env?: Record<string, string>; dir?: string; log?: Logger } = {},
): Promise<Harness> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'aduan-test-'));
  const agencyPath = join(dir, 'agency.json');
  writeFileSync(agencyPath, JSON.stringify(testAgency));
  const config = loadConfig({
    DATA_DIR: dir,
    AGENCY_CONFIG: agencyPath,
    STAFF_OPERATORS: 'rina,kabid:supervisor',
    ...opts.env,
  });
  const clock = { now: Date.UTC(2026, 10, 2, 2, 0, 0) };
  const app = await createApp(config, {
    log: opts.log ?? silentLogger,
    now: () => clock.now,
    nlp: opts.nlp ?? fakeNlp(),
    manualDispatch: true,
  });
  const sent: OutboundMessage[] = [];
  const recorder = (channel: ChannelSender['channel']): ChannelSender => ({
    channel,
    send: async (m) => void sent.push(m),
  });
  for (const ch of ['console', 'telegram', 'whatsapp', 'staff'] as const) app.dispatcher.register(recorder(ch));
  const deliver = async () => {
    while ((await app.dispatcher.drainOnce()) > 0);
  };
  return {
    app,
    dir,
    clock,
    sent,
    deliver,
    async say(text, extra = {}) {
      const before = sent.length;
      const msg: InboundMessage = {
        channel: 'telegram',
        messageId: `h-${++seq}`,
        senderId: '1001',
        chatId: '1001',
        text,
        attachments: [],
        sentAt: clock.now,
        ...extra,
      };
      await app.inbound.receive(msg);
      await deliver();
      return sent.slice(before).filter((m) => m.channel === msg.channel && m.chatId === msg.chatId);
    },
    async staff(as, ticket, text) {
      const r = await app.inbound.receive({
        surface: 'terminal',
        messageId: `s-${++seq}`,
        sender: { id: as, name: as === 'rina' ? 'Rina' : as === 'kabid' ? 'Kabid PBB' : as },
        ...(ticket ? { ticket } : {}),
        text,
        attachments: [],
        sentAt: clock.now,
      });
      await deliver();
      return r.shown;
    },
    async close() {
      await app.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
