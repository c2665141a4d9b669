// One whole SOP walk with one reopen, as officers work it in a case's topic: the card's buttons pressed, the bot's
// questions answered in the topic, a supervisor approving each round, the citizen not satisfied once, then satisfied
// with a rating. Used by the live-card test and the staff-walk benchmark.
import { buttonsOf } from '../support/fake-telegram/updates.js';
import { CITIZEN_TOKEN, STAFF, STAFF_TOKEN, SUPERVISOR, type World } from './world.js';
import type { TgUser } from '../support/fake-telegram/updates.js';

export interface WalkResult {
  /** Milliseconds from each staff update to what acknowledged it to the member. */
  acks: number[];
}

/** Walks `ticket` (filed by `citizen`) from forwarded to closed with one reopen. */
export async function walkSop(w: World, ticket: string, citizen: TgUser): Promise<WalkResult> {
  const acks: number[] = [];
  const topic = await w.topicOf(ticket);
  const stage = (s: string) => w.until(async () => (await w.app.store.getCase(ticket))?.stage === s || null, s);
  /** A staff update and the time until the member sees it acknowledged. */
  const step = async (push: () => Promise<void> | void) => {
    const from = w.fake.calls.length;
    const t = performance.now();
    await push();
    // A message in the topic, the card edited, a reaction on their message or a button's toast.
    await w.fake.waitFor(
      (c) =>
        c.token === STAFF_TOKEN &&
        c.status === 200 &&
        (c.params.message_thread_id === topic ||
          ['editMessageText', 'setMessageReaction', 'answerCallbackQuery'].includes(c.method)),
      { from, what: 'the acknowledgement' },
    );
    acks.push(performance.now() - t);
  };
  const say = (text: string, who = STAFF) => step(() => void w.staffSays(who, text, { topicId: topic }));
  const press = (action: string, who = STAFF) => step(() => w.staffPresses(who, ticket, action));
  const question = (from: number) =>
    w.fake.waitFor(
      (c) =>
        c.token === CITIZEN_TOKEN &&
        Number(c.params.chat_id) === citizen.id &&
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
  await w.citizenPresses(citizen, await round('NJOP salah input'), 'not_satisfied');
  await w.citizenSays(citizen, 'Tagihannya masih salah');
  await stage('root_cause');
  const rating = await w.citizenPresses(citizen, await round('Koreksi belum masuk sistem'), 'satisfied');
  await w.citizenPresses(citizen, rating.at(-1)!, 'rate:5');
  await stage('closed');
  await w.until(async () => (await w.app.store.getCase(ticket))?.satisfaction.at(-1)?.rating === 5 || null, 'rated');
  await w.drained(STAFF_TOKEN);
  await w.until(async () => (await w.app.store.countOutbox('pending')) === 0 || null, 'everything delivered');
  return { acks };
}
