// The whole path, message in → reply delivered to a sender (`npm run bench`): SQLite with durable commits
// (synchronous=FULL, every inbound message's handling synced before its channel could be told), at 1,000 and
// 100,000 stored cases. Citizens write side by side (64 at a time, as webhook requests or a polling batch bring
// them), each waiting for its replies before writing again; the dispatcher delivers to an in-process sender.
// Printed: messages per second until the outbox is drained, latency from receive to the last reply delivered
// (p50/p99), how many messages shared each fsync, and the bare-SQLite ceiling for the same rows with the same
// fsyncs per message (bench/support/sqlite-ceiling.ts) as a ratio. The texts are fresh ones the classifier has
// never seen (nlp/eval/fresh-turns.ts); their classifier figure is printed first. Not a test: run it once.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/log/logger.js';
import { openSqliteBundle } from '../src/store/sqlite/bundle.js';
import type { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { InboundMessage, OutboundMessage } from '../src/domain/messages.js';
import type { ChannelSender } from '../src/services/dispatcher.js';
import { loadProjectCorpus } from '../nlp/data/datasets.js';
import { duplicateKey } from '../nlp/corpus/format.js';
import { freshTurns } from '../nlp/eval/fresh-turns.js';
import { seedSqliteCases } from './support/synthetic-cases.js';
import { ceilingRate, readWrittenRows, rowMarks } from './support/sqlite-ceiling.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5000);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 64);
const CITIZENS_PER_WRITER = 8;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Counts deliveries per chat and lets a writer wait for its replies. */
class RecordingSender implements ChannelSender {
  private readonly delivered = new Map<string, number>();
  private readonly waiters = new Map<string, Array<{ atLeast: number; resolve: () => void }>>();
  total = 0;
  constructor(readonly channel: 'telegram' | 'staff') {}

  async send(message: OutboundMessage): Promise<void> {
    this.total += 1;
    const n = (this.delivered.get(message.chatId) ?? 0) + 1;
    this.delivered.set(message.chatId, n);
    const waiting = this.waiters.get(message.chatId) ?? [];
    for (const w of waiting.filter((x) => x.atLeast <= n)) w.resolve();
    this.waiters.set(
      message.chatId,
      waiting.filter((x) => x.atLeast > n),
    );
  }

  count(chatId: string): number {
    return this.delivered.get(chatId) ?? 0;
  }

  /** Resolves once `chatId` has had `atLeast` messages delivered in all. */
  until(chatId: string, atLeast: number): Promise<void> {
    if (this.count(chatId) >= atLeast) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(chatId) ?? [];
      list.push({ atLeast, resolve });
      this.waiters.set(chatId, list);
    });
  }
}

function inbound(i: number, texts: string[], tag: string): InboundMessage {
  const writer = i % WRITERS;
  const citizen = writer + WRITERS * (Math.floor(i / WRITERS) % CITIZENS_PER_WRITER);
  return {
    channel: 'telegram',
    messageId: `${tag}-${i}`,
    senderId: `${tag}-citizen-${citizen}`,
    chatId: `${tag}-citizen-${citizen}`,
    text: texts[i % texts.length] ?? 'halo',
    attachments: i % 7 === 0 ? [{ kind: 'photo', fileId: `f${i}`, size: 1000 }] : [],
    sentAt: Date.now(),
  };
}

/** WRITERS citizens write at once; each sends a message, waits until its replies are delivered, and goes on. */
async function drive(app: App, sender: RecordingSender, count: number, texts: string[], tag: string) {
  const latencies: number[] = [];
  const expected = new Map<string, number>();
  const writer = async (w: number) => {
    for (let i = w; i < count; i += WRITERS) {
      const msg = inbound(i, texts, tag);
      const began = performance.now();
      const base = expected.get(msg.chatId) ?? sender.count(msg.chatId);
      const r = await app.inbound.receive(msg);
      const want = base + (r.replies ?? 0);
      expected.set(msg.chatId, want);
      await sender.until(msg.chatId, want);
      latencies.push(performance.now() - began);
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  while ((await app.store.countOutbox('pending')) > 0) await new Promise((r) => setTimeout(r, 1));
  return latencies.sort((a, b) => a - b);
}

async function run(stored: number, texts: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aduan-bench-'));
  const config = loadConfig({ DATA_DIR: dir });
  const seededAt = performance.now();
  await seedSqliteCases(config.sqlitePath, stored);
  const seedSeconds = (performance.now() - seededAt) / 1000;
  const copies = [join(dir, 'ceiling-1.sqlite'), join(dir, 'ceiling-g.sqlite')];
  for (const copy of copies) copyFileSync(config.sqlitePath, copy);
  const stores = openSqliteBundle(config.sqlitePath);
  const sqlite = stores.store as SqliteStore;
  const t0 = performance.now();
  const app = await createApp(config, { log: silentLogger, stores });
  const startMs = performance.now() - t0;
  const citizens = new RecordingSender('telegram');
  app.dispatcher.register(citizens);
  app.dispatcher.register(new RecordingSender('staff'));
  await drive(app, citizens, 640, texts.slice(-1000), 'warm'); // JIT, word caches, the citizens' first turns
  const marks = rowMarks(sqlite.database);
  const before = { ...sqlite.groupCommits };
  const began = performance.now();
  const latencies = await drive(app, citizens, MESSAGES, texts, 'bench');
  const seconds = (performance.now() - began) / 1000;
  const fsyncs = sqlite.groupCommits.transactions - before.transactions;
  const rate = MESSAGES / seconds;
  await app.close();

  const rows = readWrittenRows(config.sqlitePath, marks);
  const perFsync = Math.max(1, Math.round(MESSAGES / fsyncs));
  // One message per durable transaction: what bare SQLite allows a pipeline that commits each message on its own.
  const single = ceilingRate(copies[0]!, rows, 1);
  // The same fsyncs per message as this run had: what is left is the application's own work.
  const grouped = ceilingRate(copies[1]!, rows, perFsync);
  console.log(
    `stored cases ${stored.toLocaleString('en')}: ${MESSAGES} messages (${rows.outbox.length} replies and staff cards), ` +
      `${WRITERS} citizens at once; start-up ${startMs.toFixed(0)} ms (seeded in ${seedSeconds.toFixed(1)} s)\n` +
      `  delivered     ${rate.toFixed(0).padStart(5)} msg/s, receive → last reply delivered p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(latencies, 99).toFixed(1)} ms; ${(MESSAGES / fsyncs).toFixed(1)} messages per fsync\n` +
      `  bare SQLite, same rows, one message per fsync      ${single.toFixed(0).padStart(5)} msg/s → pipeline at ${(rate / single).toFixed(2)}×\n` +
      `  bare SQLite, same rows, ${String(perFsync).padStart(2)} messages per fsync      ${grouped.toFixed(0).padStart(5)} msg/s → pipeline at ${(rate / grouped).toFixed(2)}×`,
  );
  rmSync(dir, { recursive: true, force: true });
}

function classifierFigure(app: Pick<App, 'nlp'>, texts: string[]): void {
  for (const t of texts.slice(0, 2000)) app.nlp.understand(t);
  const began = performance.now();
  for (const t of texts) {
    app.nlp.understand(t);
    app.nlp.route(t);
  }
  const rate = texts.length / ((performance.now() - began) / 1000);
  console.log(
    `classifier (act + slots + routing) on ${texts.length.toLocaleString('en')} texts it has never seen: ${rate.toFixed(0)} texts/s`,
  );
}

console.log(`Whole path: message in → reply delivered (SQLite file, WAL, synchronous=FULL), node ${process.version}`);
const corpus = new Set(
  (['train', 'dev', 'test'] as const).flatMap((s) => loadProjectCorpus(s).map((d) => duplicateKey(d.text))),
);
const texts = freshTurns(MESSAGES + 1000, corpus, 4242);
{
  const { loadTextUnderstanding } = await import('../nlp/index.js');
  const { loadAgency } = await import('../src/config/agency.js');
  const agency = loadAgency(loadConfig({ DATA_DIR: tmpdir() }).agencyConfigPath);
  classifierFigure({ nlp: loadTextUnderstanding({ agency }) }, texts);
}
for (const stored of (process.env.BENCH_STORED ?? '1000,100000').split(',').map(Number)) await run(stored, texts);
