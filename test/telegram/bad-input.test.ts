// Odd and hostile updates for both bots: a clear answer or a silent ignore, never a crash, never a changed case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonPress, buttonsOf, groupMessage, privateMessage } from '../support/fake-telegram/updates.js';
import { CITIZEN_TOKEN, GROUP, OUTSIDER, STAFF, STAFF_TOKEN, startWorld, type World } from './world.js';

const CITIZEN = { id: 7201, first_name: 'Gita' };

describe('bad input to the Telegram bots', () => {
  let w: World;
  let ticket = '';
  let topic = 0;
  beforeAll(async () => {
    w = await startWorld();
    const replies = await w.citizenSays(
      CITIZEN,
      '/lapor Tagihan PBB saya salah hitung di kantor Bapenda sejak 2 minggu lalu',
      {
        until: (c) => buttonsOf(c.params).length > 0 || String(c.params.text).includes('ADU-'),
      },
    );
    let last = replies.at(-1)!;
    if (buttonsOf(last.params).length)
      last = (await w.citizenPresses(CITIZEN, last, 'skip', (c) => String(c.params.text).includes('ADU-'))).at(-1)!;
    ticket = /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(String(last.params.text))![0];
    topic = await w.topicOf(ticket);
    await w.fake.waitFor((c) => c.token === STAFF_TOKEN && c.params.message_thread_id === topic, { what: 'the card' });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('the citizens’ bot ignores updates with nothing to read, and still answers afterwards', async () => {
    const from = w.fake.calls.length;
    const before = await w.app.store.getConversation(`telegram:${CITIZEN.id}`);
    w.fake.push(CITIZEN_TOKEN, privateMessage(CITIZEN, undefined));
    w.fake.push(
      CITIZEN_TOKEN,
      privateMessage(CITIZEN, undefined, { sticker: { file_id: 'stk', width: 1, height: 1, type: 'regular' } }),
    );
    w.fake.push(CITIZEN_TOKEN, { edited_message: (privateMessage(CITIZEN, 'diubah') as { message: object }).message });
    w.fake.push(CITIZEN_TOKEN, {
      message_reaction: {
        chat: { id: CITIZEN.id, type: 'private' },
        message_id: 1,
        date: 0,
        old_reaction: [],
        new_reaction: [],
      },
    });
    w.fake.push(CITIZEN_TOKEN, { something_new: { x: 1 } });
    w.fake.push(CITIZEN_TOKEN, {
      message: { message_id: 77, date: 0, chat: { id: CITIZEN.id, type: 'private' }, text: 'tanpa pengirim' },
    });
    w.fake.push(CITIZEN_TOKEN, { message: 'not an object' });
    await w.drained(CITIZEN_TOKEN);
    expect(w.fake.calls.slice(from).filter((c) => c.method === 'sendMessage')).toHaveLength(0);
    expect((await w.app.store.getConversation(`telegram:${CITIZEN.id}`))?.version).toBe(before?.version);
    const alive = await w.citizenSays(CITIZEN, '/bantuan');
    expect(String(alive.at(-1)?.params.text)).toMatch(/Cara memakai/);
  });

  it('forged and old buttons are answered but change nothing', async () => {
    const before = await w.app.store.getConversation(`telegram:${CITIZEN.id}`);
    const old = w.fake.calls.find(
      (c) => c.token === CITIZEN_TOKEN && c.method === 'sendMessage' && Number(c.params.chat_id) === CITIZEN.id,
    )!;
    const from = w.fake.calls.length;
    w.fake.push(CITIZEN_TOKEN, buttonPress(CITIZEN, old.result as Record<string, unknown>, 'satisfied'));
    w.fake.push(
      CITIZEN_TOKEN,
      buttonPress(CITIZEN, old.result as Record<string, unknown>, '<script>alert(1)</script>'),
    );
    w.fake.push(
      CITIZEN_TOKEN,
      buttonPress(CITIZEN, { message_id: 1, date: 0, chat: { id: -100, type: 'supergroup' } }, 'skip'),
    );
    await w.drained(CITIZEN_TOKEN);
    const answers = w.fake.calls.slice(from).filter((c) => c.method === 'answerCallbackQuery');
    expect(answers).toHaveLength(3);
    expect(String(answers[0]!.params.text)).toMatch(/tidak berlaku/);
    expect(w.fake.calls.slice(from).filter((c) => c.method === 'sendMessage')).toHaveLength(0);
    expect((await w.app.store.getConversation(`telegram:${CITIZEN.id}`))?.version).toBe(before?.version);
  });

  it('a 10,000-character message gets a clear answer; commands with missing or extra arguments too', async () => {
    const long = await w.citizenSays(CITIZEN, 'a'.repeat(10_000));
    expect(String(long.at(-1)?.params.text)).toMatch(/terlalu panjang/);
    const missing = await w.citizenSays(CITIZEN, '/status');
    expect(String(missing.at(-1)?.params.text)).toMatch(/nomor tiketnya/);
    const extra = await w.citizenSays(CITIZEN, `/status ${ticket} tolong cepat ya`);
    expect(String(extra.at(-1)?.params.text)).toContain(ticket);
    const unknown = await w.citizenSays(CITIZEN, '/hapus_semua');
    expect(String(unknown.at(-1)?.params.text)).toMatch(/tidak dikenal/);
  });

  it('evidence is kept by file id, type and size; a file over the limit is refused without downloading it', async () => {
    const replies = await w.citizenSays(CITIZEN, undefined, {
      extra: {
        caption: 'Video antrian panjang di loket',
        video: { file_id: 'vid-1', file_unique_id: 'u', width: 1, height: 1, duration: 1, file_size: 900 * 1_048_576 },
      },
    });
    expect(replies.map((r) => String(r.params.text)).join('\n')).toMatch(/terlalu besar/);
    expect(w.fake.calls.some((c) => c.method === 'getFile')).toBe(false);
  });

  it('the citizens’ bot explains and leaves when added to a group', async () => {
    const from = w.fake.calls.length;
    w.fake.push(CITIZEN_TOKEN, groupMessage(-100555, CITIZEN, '/start'));
    const left = await w.fake.waitFor((c) => c.token === CITIZEN_TOKEN && c.method === 'leaveChat', {
      from,
      what: 'leaveChat',
    });
    expect(Number(left.params.chat_id)).toBe(-100555);
    const said = w.fake.calls
      .slice(from)
      .find((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === -100555);
    expect(String(said?.params.text)).toMatch(/percakapan pribadi/);
  });

  it('the staff bot refuses forged, stale and out-of-place buttons and logs them on the case', async () => {
    const before = await w.app.store.getCase(ticket);
    const card = w.fake.calls.find(
      (c) => c.token === STAFF_TOKEN && c.params.message_thread_id === topic && buttonsOf(c.params).length,
    )!;
    const msg = card.result as Record<string, unknown>;
    const from = w.fake.calls.length;
    w.pushStaff(buttonPress(STAFF, msg, `a:take:${ticket}:99`));
    w.pushStaff(buttonPress(STAFF, msg, `a:nuke:${ticket}:2`));
    w.pushStaff(buttonPress(STAFF, msg, `a:archive:${ticket}:2`));
    w.pushStaff(buttonPress(STAFF, msg, `a:start:${ticket}:5`));
    w.pushStaff(buttonPress(STAFF, { ...msg, message_thread_id: 9999 }, `a:take:${ticket}:2`));
    w.pushStaff(buttonPress(STAFF, msg, ''));
    await w.drained(STAFF_TOKEN);
    const answers = w.fake.calls.slice(from).filter((c) => c.method === 'answerCallbackQuery');
    expect(answers.length).toBe(6);
    const refusals = (await w.app.store.getEvents(ticket)).filter((e) => e.action.startsWith('refused'));
    expect(refusals.length).toBeGreaterThanOrEqual(5);
    const after = await w.app.store.getCase(ticket);
    expect(after?.stage).toBe(before?.stage);
    expect(after?.assignee).toBeUndefined();
  });

  it('the staff bot refuses anonymous admins and channel forwards, and answers commands used wrongly', async () => {
    const before = await w.app.store.getCase(ticket);
    const from = w.fake.calls.length;
    w.pushStaff(
      groupMessage(GROUP, { id: 1087968824, first_name: 'Group', is_bot: true }, 'pesan admin anonim', {
        topicId: topic,
        extra: { sender_chat: { id: GROUP, type: 'supergroup' } },
      }),
    );
    w.pushStaff(
      groupMessage(GROUP, STAFF, 'dari kanal', {
        topicId: topic,
        extra: { forward_origin: { type: 'channel', chat: { id: -100777, type: 'channel' }, message_id: 1, date: 0 } },
      }),
    );
    w.pushStaff(groupMessage(GROUP, STAFF, '/ambil sekarang juga', { topicId: topic }));
    w.pushStaff(groupMessage(GROUP, STAFF, '/tiket'));
    w.pushStaff(groupMessage(GROUP, STAFF, '/kasus tahap_palsu'));
    w.pushStaff(groupMessage(GROUP, STAFF, '/cari'));
    w.pushStaff(groupMessage(GROUP, STAFF, '/ptp hanya satu bagian', { topicId: topic }));
    w.pushStaff(groupMessage(GROUP, STAFF, '/teruskan bidang-rahasia', { topicId: topic }));
    w.pushStaff(groupMessage(GROUP, OUTSIDER, '/kasus'));
    w.pushStaff({
      edited_message: (groupMessage(GROUP, STAFF, 'diubah', { topicId: topic }) as { message: object }).message,
    });
    w.pushStaff({ message_reaction: { chat: { id: GROUP, type: 'supergroup' }, message_id: 1, date: 0 } });
    w.pushStaff(groupMessage(GROUP, STAFF, 'x'.repeat(10_000), { topicId: topic }));
    await w.drained(STAFF_TOKEN);
    const said = await w.until(async () => {
      const s = w.fake.calls
        .slice(from)
        .filter((c) => c.method === 'sendMessage')
        .map((c) => String(c.params.text));
      return s.length >= 11 ? s : null;
    }, 'the answers');
    expect(said.join('\n')).toMatch(/admin anonim/);
    expect(said.join('\n')).toMatch(/diteruskan dari kanal/);
    expect(said.join('\n')).toMatch(/tidak memakai tambahan kata/);
    expect(said.join('\n')).toMatch(/Tulis nomor tiketnya/);
    expect(said.join('\n')).toMatch(/tidak dikenal/);
    expect(said.join('\n')).toMatch(/tidak dapat dilakukan pada tahap diteruskan ke bidang/);
    // Someone not listed who types a command is told so (it used to be silence).
    expect(said.join('\n')).toMatch(/tidak terdaftar sebagai petugas/);
    expect(said.join('\n')).toMatch(/Bidang "bidang-rahasia" tidak dikenal/);
    expect(said.join('\n')).toMatch(/terlalu panjang/);
    // An edit of a message that was not relayed changes nothing and says so.
    expect(said.join('\n')).toMatch(/suntingan pesan tidak diproses/);
    // Nothing reached the citizen, nothing moved.
    expect(w.fake.calls.slice(from).some((c) => c.token === CITIZEN_TOKEN && c.method === 'sendMessage')).toBe(false);
    const after = await w.app.store.getCase(ticket);
    expect(after?.stage).toBe(before?.stage);
    expect(after?.assignee).toBeUndefined();
    expect(
      (await w.app.store.getEvents(ticket)).some(
        (e) => e.action === 'refused: message' && /anonim/.test(e.detail ?? ''),
      ),
    ).toBe(true);
  });
});
