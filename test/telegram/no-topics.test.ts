// A staff group without forum topics: the card is a plain message and a staff reply to it is the case thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonPress, buttonsOf } from '../support/fake-telegram/updates.js';
import { CITIZEN_TOKEN, GROUP, STAFF, STAFF_TOKEN, startWorld, type World } from './world.js';

const CITIZEN = { id: 7401, first_name: 'Irma' };

describe('a staff group without topics', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ forum: false });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('posts the card as a message, relays replies to it, and takes button presses on it', async () => {
    const replies = await w.citizenSays(
      CITIZEN,
      '/lapor Tagihan PBB saya salah hitung di kantor Bapenda sejak 2 minggu lalu',
      {
        until: (c) => buttonsOf(c.params).length > 0,
      },
    );
    const done = await w.citizenPresses(CITIZEN, replies.at(-1)!, 'skip', (c) =>
      String(c.params.text).includes('ADU-'),
    );
    const ticket = /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(String(done.at(-1)!.params.text))![0];
    const card = await w.fake.waitFor(
      (c) =>
        c.token === STAFF_TOKEN &&
        c.method === 'sendMessage' &&
        c.status === 200 &&
        String(c.params.text).startsWith(ticket),
      { what: 'the card' },
    );
    expect(Number(card.params.chat_id)).toBe(GROUP);
    expect(card.params.message_thread_id).toBeUndefined();
    expect(w.fake.callsOf('createForumTopic', STAFF_TOKEN).some((c) => c.status === 400)).toBe(true);
    const cardId = (card.result as { message_id: number }).message_id;

    const from = w.fake.calls.length;
    w.staffSays(STAFF, 'Baik Bu Irma, kami cek dulu.', { replyTo: cardId });
    await w.fake.waitFor(
      (c) =>
        c.token === CITIZEN_TOKEN &&
        Number(c.params.chat_id) === CITIZEN.id &&
        String(c.params.text).includes('kami cek dulu'),
      { from, what: 'the relay' },
    );

    const take = buttonsOf(card.params).find((b) => b.callback_data.startsWith('a:take:'))!.callback_data;
    w.pushStaff(buttonPress(STAFF, card.result as Record<string, unknown>, take));
    await w.until(async () => (await w.app.store.getCase(ticket))?.assignee === 'Rina' || null, 'take');
    // The acknowledgement is the card itself, edited in place in the case's thread (no new message).
    const ack = await w.fake.waitFor(
      (c) =>
        c.token === STAFF_TOKEN &&
        c.method === 'editMessageText' &&
        String(c.params.text).includes('Dipegang oleh: Rina'),
      { from, what: 'the card edited' },
    );
    expect(Number(ack.params.message_id)).toBe(cardId);
    // The relay was acknowledged with a reaction on the member's message.
    expect(w.fake.callsOf('setMessageReaction', STAFF_TOKEN).filter((c) => c.status === 200).length).toBe(1);
  });
});
