// How noisy the staff inbox is: one whole SOP walk with one reopen through the real bots and the fake Bot API (a
// citizen files a complaint on Telegram; staff press the card's buttons and answer the bot's questions in the case's
// topic; the citizen is not satisfied once, then satisfied). Prints the bot messages in the topic, the buttons on
// them and the time from each staff update to its acknowledgement. No test asserts on these figures.
//   node --import tsx bench/staff-walk.bench.ts
import { buttonsOf } from '../test/support/fake-telegram/updates.js';
import { CITIZEN_TOKEN, STAFF, STAFF_TOKEN, SUPERVISOR, startWorld, type World } from '../test/telegram/world.js';

const CITIZEN = { id: 7901, first_name: 'Wulan' };

async function main(): Promise<void> {
  const w = await startWorld();
  try {
    const acks: number[] = [];
    const ticket = await fileComplaint(w);
    const topic = await w.topicOf(ticket);
    const stage = (s: string) => w.until(async () => (await w.app.store.getCase(ticket))?.stage === s || null, s);
    /** A staff update and the time until the bot's next message in the topic. */
    const step = async (push: () => Promise<void> | void) => {
      const from = w.fake.calls.length;
      const t = performance.now();
      await push();
      await w.fake.waitFor((c) => c.token === STAFF_TOKEN && c.status === 200 && c.params.message_thread_id === topic, {
        from,
        what: 'the acknowledgement',
      });
      acks.push(performance.now() - t);
    };
    const say = (text: string, who = STAFF) => step(() => void w.staffSays(who, text, { topicId: topic }));
    const press = (action: string, who = STAFF) => step(() => w.staffPresses(who, ticket, action));
    /** The closure question (its buttons) that informing the citizen sent, from call `from` on. */
    const question = (from: number) =>
      w.fake.waitFor(
        (c) =>
          c.token === CITIZEN_TOKEN &&
          Number(c.params.chat_id) === CITIZEN.id &&
          buttonsOf(c.params).some((b) => b.callback_data === 'satisfied'),
        { from, what: 'the closure question' },
      );
    const round = async (cause: string) => {
      await press('root_cause');
      await say(cause);
      await stage('root_cause');
      await press('ptp');
      await say('Koreksi data objek pajak');
      await say('Kasi Pendataan');
      await say('3 hari');
      await stage('action_planned');
      await press('start');
      await stage('in_progress');
      await press('done');
      await stage('verifying');
      await press('approve', SUPERVISOR);
      await w.until(async () => (await w.app.store.getCase(ticket))?.ptp.at(-1)?.verifications.length || null, 'ok');
      await press('inform');
      const from = w.fake.calls.length;
      await say('Tagihan Anda sudah kami koreksi.');
      await stage('awaiting_confirmation');
      return question(from);
    };
    await press('take');
    await w.until(async () => (await w.app.store.getCase(ticket))?.assignee || null, 'taken');
    await press('review');
    await say('-');
    await stage('in_review');
    await w.citizenPresses(CITIZEN, await round('NJOP salah input'), 'not_satisfied');
    await w.citizenSays(CITIZEN, 'Tagihannya masih salah');
    await stage('root_cause');
    const rating = await w.citizenPresses(CITIZEN, await round('Koreksi belum masuk sistem'), 'satisfied');
    await w.citizenPresses(CITIZEN, rating.at(-1)!, 'rate:5');
    await stage('closed');
    await w.drained(STAFF_TOKEN);
    const inTopic = w.fake.calls.filter(
      (c) =>
        c.token === STAFF_TOKEN &&
        c.status === 200 &&
        (c.method === 'sendMessage' || c.method === 'sendPhoto') &&
        c.params.message_thread_id === topic,
    );
    const buttons = inTopic.map((c) => buttonsOf(c.params).length);
    const sorted = [...acks].sort((a, b) => a - b);
    const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    console.log('SOP walk with one reopen, Telegram topic (fake Bot API, no rate limit):');
    console.log(`  bot messages in the topic: ${inTopic.length} (${buttons.filter(Boolean).length} with buttons)`);
    console.log(
      `  buttons per message: max ${Math.max(...buttons)}, mean ${(buttons.reduce((a, b) => a + b, 0) / buttons.length).toFixed(1)}`,
    );
    console.log(
      `  staff updates: ${acks.length}; acknowledgement p50 ${p(0.5).toFixed(0)} ms, max ${p(1).toFixed(0)} ms`,
    );
  } finally {
    await w.close();
  }
}

async function fileComplaint(w: World): Promise<string> {
  let replies = await w.citizenSays(
    CITIZEN,
    '/lapor Tagihan PBB saya salah hitung di kantor Bapenda sejak 2 minggu lalu',
    {
      until: (c) => buttonsOf(c.params).length > 0 || String(c.params.text).includes('ADU-'),
    },
  );
  let last = replies.at(-1)!;
  if (buttonsOf(last.params).length) {
    replies = await w.citizenPresses(CITIZEN, last, 'skip', (c) => String(c.params.text).includes('ADU-'));
    last = replies.at(-1)!;
  }
  return /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(String(last.params.text))![0];
}

await main();
