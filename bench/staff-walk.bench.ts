// How noisy and how quick the staff inbox is, through the real bots and the fake Bot API. No test asserts on these
// figures.
// 1. One whole SOP walk with one reopen (test/telegram/sop-walk.ts: staff press the card's buttons and answer the
//    bot's questions in the case's topic; the citizen is not satisfied once, then satisfied): the bot messages in the
//    topic, the buttons on them, the time from each staff update to what acknowledged it (no rate limit).
// 2. A burst of 100 new complaints with the staff group paced as in production (about 20 messages a minute): while
//    their cards queue, an officer works an older case; the time from each staff update to its acknowledgement in
//    the group (the card edited, a reaction, a message: all through the paced outbox), and to the button's toast.
//   node --import tsx bench/staff-walk.bench.ts
import { STAFF_PACING } from '../bots/telegram-staff/sender.js';
import { buttonsOf } from '../test/support/fake-telegram/updates.js';
import { walkSop } from '../test/telegram/sop-walk.js';
import { STAFF, STAFF_TOKEN, startWorld } from '../test/telegram/world.js';

const BURST = Number(process.env.BENCH_BURST ?? 100);

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function walk(): Promise<void> {
  const w = await startWorld();
  try {
    const citizen = { id: 7901, first_name: 'Wulan' };
    const ticket = await w.fileComplaint(citizen);
    const topic = await w.topicOf(ticket);
    const { acks } = await walkSop(w, ticket, citizen);
    const inTopic = w.fake.calls.filter(
      (c) =>
        c.token === STAFF_TOKEN &&
        c.status === 200 &&
        (c.method === 'sendMessage' || c.method === 'sendPhoto') &&
        c.params.message_thread_id === topic,
    );
    const buttons = inTopic.map((c) => buttonsOf(c.params).length);
    const edits = w.fake.callsOf('editMessageText', STAFF_TOKEN).filter((c) => c.status === 200).length;
    console.log('SOP walk with one reopen, Telegram topic (fake Bot API, no rate limit):');
    console.log(`  bot messages in the topic: ${inTopic.length} (${buttons.filter(Boolean).length} with buttons)`);
    console.log(
      `  buttons per message: max ${Math.max(...buttons)}, mean ${(buttons.reduce((a, b) => a + b, 0) / buttons.length).toFixed(1)}; card edited in place ${edits} times`,
    );
    console.log(`  staff updates: ${acks.length}; acknowledgement p50 ${ms(pct(acks, 0.5))}, max ${ms(pct(acks, 1))}`);
  } finally {
    await w.close();
  }
}

const WORDS = (
  'tagihan pajak air lampu jalan parkir sampah loket antrean sertifikat bangunan reklame restoran hotel hiburan ' +
  'genangan trotoar pohon kabel angkot terminal pasar puskesmas sekolah izin petugas denda formulir aplikasi ' +
  'website nomor antrian tanah rumah ruko gudang kios warung kendaraan motor mobil'
).split(' ');

/** A different complaint for each citizen (so none is taken for a repeat of another): 8 words drawn at random. */
function subject(i: number): string {
  let seed = 2166136261 ^ i;
  const next = () => {
    seed = Math.imul(seed ^ (seed >>> 15), 2246822507) >>> 0;
    seed = Math.imul(seed ^ (seed >>> 13), 3266489909) >>> 0;
    return (seed ^ (seed >>> 16)) >>> 0;
  };
  const picked = new Set<string>();
  while (picked.size < 8) picked.add(WORDS[next() % WORDS.length] ?? 'x');
  return `Keluhan soal ${[...picked].join(' ')} rusak`;
}

async function burst(): Promise<void> {
  const w = await startWorld({ staffPacing: STAFF_PACING });
  try {
    const ticket = await w.fileComplaint(
      { id: 8000, first_name: 'Ayu' },
      '/lapor Tagihan PBB saya salah hitung di kantor Bapenda sejak 2 minggu lalu',
    );
    const topic = await w.topicOf(ticket);
    await w.until(async () => (await w.app.store.countOutbox('pending')) === 0 || null, 'the first card', 60_000);
    const t0 = performance.now();
    const filed = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        w.fileComplaint(
          { id: 8001 + i, first_name: `Warga ${i}` },
          `/lapor ${subject(i)} di pasar ${WORDS[i % WORDS.length]} sejak ${1 + (i % 9)} hari lalu`,
        ),
      ),
    );
    const queued = await w.app.store.countOutbox('pending');
    console.log(
      `Burst: ${filed.length} complaints filed in ${ms(performance.now() - t0)}; ${queued} staff messages queued (group paced at ${Math.round(60 * (STAFF_PACING.globalPerSecond ?? 0))} a minute)`,
    );
    const inGroup: number[] = [];
    const toasts: number[] = [];
    const seen = (topicOnly: boolean) => (c: (typeof w.fake.calls)[number]) =>
      c.token === STAFF_TOKEN &&
      c.status === 200 &&
      (topicOnly
        ? c.params.message_thread_id === topic ||
          c.method === 'setMessageReaction' ||
          (c.method === 'editMessageText' && String(c.params.text).startsWith(ticket))
        : c.method === 'answerCallbackQuery');
    const measure = async (push: () => Promise<void> | void, button: boolean) => {
      const from = w.fake.calls.length;
      const t = performance.now();
      await push();
      if (button) {
        await w.fake.waitFor(seen(false), { from, what: 'the toast' });
        toasts.push(performance.now() - t);
      }
      await w.fake.waitFor(seen(true), { from, timeoutMs: 120_000, what: 'the acknowledgement in the group' });
      inGroup.push(performance.now() - t);
    };
    const press = (a: string) => measure(() => w.staffPresses(STAFF, ticket, a), true);
    const say = (text: string) => measure(() => void w.staffSays(STAFF, text, { topicId: topic }), false);
    await press('take');
    await press('review');
    await say('-');
    await press('root_cause');
    await say('NJOP salah input');
    await say('Pak Budi, berkas Anda sudah kami terima.');
    const left = await w.app.store.countOutbox('pending');
    console.log(
      `  ${inGroup.length} staff updates while the cards queue (${left} still queued at the end): acknowledgement in the group p50 ${ms(pct(inGroup, 0.5))}, max ${ms(pct(inGroup, 1))}; button toast p50 ${ms(pct(toasts, 0.5))}`,
    );
  } finally {
    await w.close();
  }
}

await walk();
await burst();
