// End to end through both real bots and a fake Bot API: a citizen files a complaint, staff walk it through
// every SOP stage in the group's forum topic, the citizen reopens it, then closes it satisfied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_PATTERN } from '../../src/domain/ticket.js';
import { buttonPress, buttonsOf } from '../support/fake-telegram/updates.js';
import { CITIZEN_TOKEN, GROUP, OUTSIDER, STAFF, STAFF_TOKEN, SUPERVISOR, startWorld, type World } from './world.js';

const SITI = { id: 7001, first_name: 'Siti' };
const BUDI = { id: 7002, first_name: 'Budi' };

describe('a complaint over Telegram, from the citizen to the staff inbox and back', () => {
  let w: World;
  let ticket = '';
  let topic = 0;

  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  const stageIs = (stage: string) =>
    w.until(async () => {
      const c = await w.app.store.getCase(ticket);
      return c?.stage === stage ? c : null;
    }, `stage ${stage}`);

  it('a citizen files a complaint through the follow-up questions and gets a ticket', async () => {
    let replies = await w.citizenSays(SITI, 'Tagihan PBB saya naik dua kali lipat tanpa pemberitahuan', {
      until: (c) => buttonsOf(c.params).length > 0,
    });
    expect(replies.map((r) => r.params.text).join('\n')).toMatch(/Di mana kejadiannya/);
    replies = await w.citizenSays(SITI, 'Di kantor Bapenda Jalan Sudirman');
    expect(String(replies.at(-1)?.params.text)).toMatch(/Sejak kapan/);
    replies = await w.citizenSays(SITI, 'sejak 2 minggu lalu');
    const photoQuestion = replies.at(-1)!;
    expect(String(photoQuestion.params.text)).toMatch(/foto/);
    expect(buttonsOf(photoQuestion.params).map((b) => b.callback_data)).toEqual(['skip']);
    replies = await w.citizenPresses(SITI, photoQuestion, 'skip');
    const recorded = String(replies.at(-1)?.params.text);
    expect(recorded).toMatch(/nomor tiket ADU-/);
    ticket = /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(recorded)?.[0] ?? '';
    expect(ticket).toMatch(TICKET_PATTERN);
    await w.fake.waitFor((c) => c.token === CITIZEN_TOKEN && c.method === 'answerCallbackQuery', {
      what: 'the button answered',
    });
    const c = await w.app.store.getCase(ticket);
    expect(c?.citizen).toMatchObject({ channel: 'telegram', userId: String(SITI.id) });
    expect(c?.details).toMatchObject({ where: 'Di kantor Bapenda Jalan Sudirman', since: 'sejak 2 minggu lalu' });
  });

  it('the case opens its own forum topic in the staff group with the card and its buttons', async () => {
    topic = await w.topicOf(ticket);
    const created = w.fake
      .callsOf('createForumTopic', STAFF_TOKEN)
      .find((c) => String(c.params.name).startsWith(ticket));
    expect(Number(created?.params.chat_id)).toBe(GROUP);
    const card = await w.fake.waitFor(
      (c) =>
        c.token === STAFF_TOKEN &&
        c.method === 'sendMessage' &&
        c.params.message_thread_id === topic &&
        String(c.params.text).startsWith(ticket),
      { what: 'the card' },
    );
    expect(String(card.params.text)).toMatch(/Kanal: telegram/);
    expect(buttonsOf(card.params).map((b) => b.callback_data)).toContain(`a:take:${ticket}:2`);
  });

  it("a staff member's message in the topic reaches the citizen, signed", async () => {
    const from = w.fake.calls.length;
    w.staffSays(STAFF, 'Selamat siang Bu Siti, tagihan Anda sedang kami periksa.', { topicId: topic });
    const relayed = await w.fake.waitFor(
      (c) =>
        c.token === CITIZEN_TOKEN &&
        c.method === 'sendMessage' &&
        Number(c.params.chat_id) === SITI.id &&
        String(c.params.text).includes('sedang kami periksa'),
      { from, what: 'the relay' },
    );
    expect(String(relayed.params.text)).toContain(w.app.agency.signature);
  });

  it('staff walk the case through every stage up to informing the citizen', async () => {
    await w.staffPresses(STAFF, ticket, 'take');
    await w.until(async () => (await w.app.store.getCase(ticket))?.assignee === 'Rina', 'take');
    await w.staffPresses(STAFF, ticket, 'review');
    await w.fake.waitFor((c) => c.token === STAFF_TOKEN && String(c.params.text).includes('catatan telaah'), {
      what: 'the review prompt',
    });
    w.staffSays(STAFF, 'Sudah ditelaah bersama Kasi PBB.', { topicId: topic });
    await stageIs('in_review');
    await w.staffPresses(STAFF, ticket, 'root_cause');
    await w.fake.waitFor((c) => c.token === STAFF_TOKEN && String(c.params.text).includes('akar masalahnya'), {
      what: 'the root-cause prompt',
    });
    w.staffSays(STAFF, 'NJOP salah input saat pemutakhiran data.', { topicId: topic });
    await stageIs('root_cause');
    await walkPtpToInform(
      w,
      ticket,
      topic,
      'SPPT baru sudah terbit dengan nilai yang benar.',
      'Lampirkan bukti SPPT lama dibatalkan',
    );
    const c = await stageIs('awaiting_confirmation');
    expect(c.ptp[0]).toMatchObject({
      rootCause: 'NJOP salah input saat pemutakhiran data.',
      correctiveAction: 'Koreksi NJOP dan terbitkan SPPT baru',
      owner: 'Kasi PBB',
    });
    expect(c.reviewNotes.map((n) => n.text)).toEqual(['Sudah ditelaah bersama Kasi PBB.']);
    expect(c.ptp[0]?.verifications.map((v) => [v.result, v.by, v.notes])).toEqual([
      ['rejected', 'Pak Kabid', 'Lampirkan bukti SPPT lama dibatalkan'],
      ['approved', 'Pak Kabid', ''],
    ]);
    expect(c.ptp[0]?.citizenMessage).toBe('SPPT baru sudah terbit dengan nilai yang benar.');
    const question = await w.fake.waitFor(
      (x) =>
        x.token === CITIZEN_TOKEN &&
        Number(x.params.chat_id) === SITI.id &&
        String(x.params.text).includes('SPPT baru sudah terbit'),
      { what: 'the closure question' },
    );
    expect(buttonsOf(question.params).map((b) => b.callback_data)).toEqual(['satisfied', 'not_satisfied']);
  });

  it('"not satisfied" with a reason puts the case back at root cause with reopen count 1, and the topic hears it', async () => {
    const question = w.lastTo(SITI.id);
    const from = w.fake.calls.length;
    const asked = await w.citizenPresses(SITI, question, 'not_satisfied');
    expect(String(asked.at(-1)?.params.text)).toMatch(/alasan/i);
    await w.citizenSays(SITI, 'Nilainya masih salah di SPPT baru');
    const c = await stageIs('root_cause');
    expect(c.reopenCount).toBe(1);
    expect(c.satisfaction.at(-1)).toMatchObject({ satisfied: false, reason: 'Nilainya masih salah di SPPT baru' });
    await w.fake.waitFor(
      (x) =>
        x.token === STAFF_TOKEN && x.params.message_thread_id === topic && String(x.params.text).includes('BELUM PUAS'),
      { from, what: 'the reopen notice' },
    );
  });

  it('then "satisfied" with a rating closes it', async () => {
    // The reopened round is a round of its own: its cause is written again before its PTP.
    w.staffSays(STAFF, '/akar SPPT baru dicetak dari data lama.', { topicId: topic });
    await w.until(async () => (await w.app.store.getCase(ticket))?.ptp[1]?.rootCause || null, 'the new cause');
    await walkPtpToInform(w, ticket, topic, 'Nilai SPPT sudah dikoreksi ulang.');
    await stageIs('awaiting_confirmation');
    const question = await w.fake.waitFor(
      (x) =>
        x.token === CITIZEN_TOKEN &&
        Number(x.params.chat_id) === SITI.id &&
        String(x.params.text).includes('dikoreksi ulang'),
      { what: 'the second closure question' },
    );
    const rating = await w.citizenPresses(SITI, question, 'satisfied');
    const ratingQuestion = rating.at(-1)!;
    expect(buttonsOf(ratingQuestion.params).map((b) => b.callback_data)).toContain('rate:5');
    await w.citizenPresses(SITI, ratingQuestion, 'rate:5');
    const c = await w.until(async () => {
      const x = await w.app.store.getCase(ticket);
      return x?.satisfaction.at(-1)?.rating === 5 ? x : null;
    }, 'the rating');
    expect(c.stage).toBe('closed');
    expect(c.resolution).toBe('satisfied');
    expect(c.reopenCount).toBe(1);
    expect(c.ptp.map((r) => [r.reopenReason, r.rootCause, r.citizenAnswer?.answer])).toEqual([
      [undefined, 'NJOP salah input saat pemutakhiran data.', 'not_satisfied'],
      ['Nilainya masih salah di SPPT baru', 'SPPT baru dicetak dari data lama.', 'satisfied'],
    ]);
    // Both rounds are on the case's card in the topic (/tiket shows the card and its history).
    const from = w.fake.calls.length;
    w.staffSays(STAFF, `/tiket ${ticket}`, { topicId: topic });
    const shown = await w.fake.waitFor((x) => x.token === STAFF_TOKEN && String(x.params.text).includes('Riwayat:'), {
      from,
      what: 'the card with its history',
    });
    expect(String(shown.params.text)).toMatch(/PTP putaran 1:[\s\S]*PTP putaran 2 \(dibuka kembali/);
  });

  it('a group member who is not staff pressing a button changes nothing, and the attempt is logged', async () => {
    const before = await w.app.store.getCase(ticket);
    const card = w.fake.calls
      .filter(
        (c) =>
          c.token === STAFF_TOKEN &&
          (c.method === 'sendMessage' || c.method === 'editMessageText') &&
          buttonsOf(c.params).some((b) => b.callback_data.startsWith(`a:archive:${ticket}`)),
      )
      .at(-1)!;
    const data = buttonsOf(card.params).find((b) => b.callback_data.startsWith('a:archive'))!.callback_data;
    const from = w.fake.calls.length;
    w.pushStaff(buttonPress(OUTSIDER, card.result as Record<string, unknown>, data));
    const answered = await w.fake.waitFor((c) => c.method === 'answerCallbackQuery' && c.token === STAFF_TOKEN, {
      from,
      what: 'the refusal',
    });
    expect(String(answered.params.text)).toMatch(/tidak terdaftar/);
    const events = await w.until(async () => {
      const e = await w.app.store.getEvents(ticket);
      return e.some((x) => x.action === 'refused: archive') ? e : null;
    }, 'the refusal in the log');
    expect(events.find((x) => x.action === 'refused: archive')?.actor.id).toBe(`telegram:${OUTSIDER.id}`);
    const after = await w.app.store.getCase(ticket);
    expect(after).toEqual(before);
  });

  it('a non-staff message in the topic is not relayed to the citizen, and is logged', async () => {
    const from = w.fake.calls.length;
    w.staffSays(OUTSIDER, 'Halo ini pesan dari orang luar', { topicId: topic });
    await w.until(
      async () => (await w.app.store.getEvents(ticket)).some((e) => e.action === 'refused: message') || null,
      'the refusal',
    );
    await w.drained(STAFF_TOKEN);
    expect(w.fake.calls.slice(from).some((c) => String(c.params.text ?? '').includes('orang luar'))).toBe(false);
  });

  it('another citizen asking for that ticket learns nothing: the same answer as a ticket that does not exist', async () => {
    const notFound = {
      until: (c: { params: Record<string, unknown> }) => String(c.params.text).includes('tidak kami temukan'),
    };
    const theirs = await w.citizenSays(BUDI, `/status ${ticket}`, notFound);
    const none = await w.citizenSays(BUDI, '/status ADU-0000-0000', notFound);
    const answer = String(theirs.at(-1)?.params.text);
    expect(answer.replace(ticket, 'X')).toBe(String(none.at(-1)?.params.text).replace('ADU-0000-0000', 'X'));
    expect(answer).not.toMatch(/PBB|SPPT|selesai/);
  });
});

/**
 * PTP in three answers, then start, done, verification (first sent back with `rejectWith` when given), and telling
 * the citizen. Before the head approves this round, the case's card offers no "tell the citizen" button.
 */
async function walkPtpToInform(
  w: World,
  ticket: string,
  topic: number,
  result: string,
  rejectWith?: string,
): Promise<void> {
  const stage = (s: string) => w.until(async () => (await w.app.store.getCase(ticket))?.stage === s || null, s);
  const prompt = async (text: string, what: string, from: number) =>
    w.fake.waitFor(
      (c) =>
        c.token === STAFF_TOKEN &&
        (c.method === 'sendMessage' || c.method === 'editMessageText') &&
        String(c.params.text).includes(text),
      { from, what },
    );
  let from = w.fake.calls.length;
  await w.staffPresses(STAFF, ticket, 'ptp');
  await prompt('langkah 1/3', 'PTP step 1', from);
  from = w.fake.calls.length;
  w.staffSays(STAFF, 'Koreksi NJOP dan terbitkan SPPT baru', { topicId: topic });
  await prompt('langkah 2/3', 'PTP step 2', from);
  from = w.fake.calls.length;
  w.staffSays(STAFF, 'Kasi PBB', { topicId: topic });
  await prompt('langkah 3/3', 'PTP step 3', from);
  w.staffSays(STAFF, '2030-01-15', { topicId: topic });
  await stage('action_planned');
  await w.staffPresses(STAFF, ticket, 'start');
  await stage('in_progress');
  from = w.fake.calls.length;
  await w.staffPresses(STAFF, ticket, 'done');
  await stage('verifying');
  const verifyCard = await prompt('menunggu verifikasi', 'the card after "done"', from);
  expect(buttonsOf(verifyCard.params).map((b) => b.callback_data.split(':')[1])).toEqual(['approve', 'reject']);
  if (rejectWith) {
    from = w.fake.calls.length;
    await w.staffPresses(SUPERVISOR, ticket, 'reject');
    await prompt('rekomendasi perbaikan', 'the recommendation prompt', from);
    w.staffSays(SUPERVISOR, rejectWith, { topicId: topic });
    await stage('in_progress');
    await w.staffPresses(STAFF, ticket, 'done');
    await stage('verifying');
  }
  const round = (await w.app.store.getCase(ticket))!.ptp.length;
  await w.staffPresses(SUPERVISOR, ticket, 'approve');
  await w.until(
    async () =>
      (await w.app.store.getCase(ticket))?.ptp[round - 1]?.verifications.at(-1)?.result === 'approved' || null,
    'approval',
  );
  from = w.fake.calls.length;
  await w.staffPresses(STAFF, ticket, 'inform');
  await prompt('pesan untuk warga', 'the inform prompt', from);
  w.staffSays(STAFF, result, { topicId: topic });
}
