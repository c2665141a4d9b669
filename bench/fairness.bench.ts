// Fair delivery: how long a citizen's reply waits behind a backlog of 400 staff cards (the staff group is paced at
// one message every 3 s), with the real dispatcher on a real SQLite file and senders that take 20 ms a message.
// Prints the citizen's wait, and how many staff cards went out before it. Not a test; run on its own or from
// bench/pipeline.bench.ts (npm run bench).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dispatcher, type ChannelSender } from '../src/services/dispatcher.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { silentLogger } from '../src/log/logger.js';
import type { OutboundMessage } from '../src/domain/messages.js';

const CARDS = 400;
const SEND_MS = 20;

export async function fairnessBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aduan-bench-fair-'));
  const store = new SqliteStore(join(dir, 'fair.sqlite'));
  const cards: OutboundMessage[] = Array.from({ length: CARDS }, (_, i) => ({
    channel: 'staff',
    chatId: `ADU-0000-${String(i).padStart(4, '0')}`,
    kind: 'case-card',
    text: `Kartu kasus ${i}`,
  }));
  await store.commit({ outbox: cards });
  let staffSent = 0;
  let answered: (() => void) | null = null;
  let staffBeforeReply = -1;
  const pause = () => new Promise((r) => setTimeout(r, SEND_MS));
  const staff: ChannelSender = {
    channel: 'staff',
    pacing: { globalPerSecond: 1 / 3 },
    async send() {
      await pause();
      staffSent += 1;
    },
  };
  const citizens: ChannelSender = {
    channel: 'telegram',
    pacing: { perChatIntervalMs: 1000, globalPerSecond: 30 },
    async send(m) {
      await pause();
      if (m.chatId === 'citizen') {
        staffBeforeReply = staffSent;
        answered?.();
      }
    },
  };
  const dispatcher = new Dispatcher({ store, log: silentLogger });
  dispatcher.register(staff);
  dispatcher.register(citizens);
  dispatcher.start();
  // The backlog is already being worked through when the citizen asks for a status.
  await new Promise((r) => setTimeout(r, 1000));
  const began = performance.now();
  const replied = new Promise<void>((r) => (answered = r));
  await store.commit({ outbox: [{ channel: 'telegram', chatId: 'citizen', text: 'Status tiket Anda: diproses' }] });
  dispatcher.kick();
  const limit = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 180_000).unref());
  const outcome = await Promise.race([replied.then(() => 'ok' as const), limit]);
  const waited = performance.now() - began;
  console.log(
    outcome === 'ok'
      ? `Fair delivery: a citizen's reply behind ${CARDS} queued staff cards (group paced 1 per 3 s) went out after ${waited.toFixed(0)} ms; ${staffBeforeReply} staff cards had gone out by then`
      : `Fair delivery: a citizen's reply behind ${CARDS} queued staff cards was still waiting after 180 s`,
  );
  await dispatcher.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await fairnessBench();
