// Nothing is silently lost on the staff side: cards the staff group refuses wait and come back, a deleted topic is
// recreated with its card, and staff and monitoring are told. Real bots against the fake Bot API.
import { afterEach, describe, expect, it } from 'vitest';
import { healthReport } from '../../src/services/health.js';
import type { FakeCall } from '../support/fake-telegram/server.js';
import { CITIZEN_TOKEN, GROUP, STAFF, STAFF_TOKEN, SUPERVISOR, startWorld, type World } from './world.js';

const FAST = { initialMs: 60, maxMs: 200, jitter: 0 };
let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const staffSent = (c: FakeCall) => c.token === STAFF_TOKEN && c.method === 'sendMessage' && c.status === 200;
const inGeneral = (c: FakeCall) => staffSent(c) && Number(c.params.chat_id) === GROUP && !c.params.message_thread_id;

describe('a card the staff group refuses', () => {
  it('waits while the bot may not create topics, tells the general thread and supervisors the fix once, reports degraded health, and appears once the right is restored', async () => {
    w = await startWorld({ staffRetry: FAST });
    const world = w;
    const refusal = { code: 400, description: 'Bad Request: not enough rights to create a topic' };
    world.fake.fail(STAFF_TOKEN, 'createForumTopic', refusal, 1_000_000);
    const ticket = await world.fileComplaint({ id: 7301, first_name: 'Yuni' });

    const notice = await world.fake.waitFor((c) => inGeneral(c) && String(c.params.text).includes('Manage Topics'), {
      what: 'the notice naming the fix',
    });
    expect(String(notice.params.text)).toMatch(/menunggu dan dikirim otomatis/);
    await world.fake.waitFor((c) => staffSent(c) && Number(c.params.chat_id) === SUPERVISOR.id, {
      what: "the supervisor's notice",
    });
    // Tried again and again (backoff), never marked failed.
    await world.until(
      async () => world.fake.callsOf('createForumTopic', STAFF_TOKEN).filter((c) => c.status === 400).length >= 4,
      'four refused attempts',
    );
    const sick = await healthReport(world.app, 0);
    expect(sick.status).toBe('degraded');
    expect(sick.channels['staff-delivery']).toMatchObject({ state: 'failing' });
    expect(sick.channels['staff-delivery']?.detail).toContain(ticket);
    expect(sick.outbox.failed).toBe(0);
    expect(await world.app.store.getCaseThread(ticket)).toBeNull();
    // Told once, however many attempts failed.
    const told = world.fake.calls.filter((c) => staffSent(c) && String(c.params.text).includes('Manage Topics'));
    expect(told.map((c) => Number(c.params.chat_id)).sort()).toEqual([GROUP, SUPERVISOR.id].sort());

    world.fake.clearFailures(); // an admin gives the bot the right
    const topic = await world.topicOf(ticket);
    const card = await world.fake.waitFor(
      (c) => staffSent(c) && c.params.message_thread_id === topic && String(c.params.text).startsWith(ticket),
      { what: 'the card, in its new topic' },
    );
    expect(String(card.params.text)).toMatch(/Kanal: telegram/);
    await world.fake.waitFor((c) => inGeneral(c) && String(c.params.text).includes('dapat memposting lagi'), {
      what: 'the all-clear',
    });
    const well = await healthReport(world.app, 0);
    expect(well.channels['staff-delivery']).toMatchObject({ state: 'ok' });
    expect(well.status).toBe('ok');
    expect(well.outbox.failed).toBe(0);
  });

  it('is posted again, with the case card first, in a new topic when its topic was deleted', async () => {
    w = await startWorld({ staffRetry: FAST });
    const world = w;
    const ticket = await world.fileComplaint({ id: 7302, first_name: 'Rudi' });
    const topic = await world.topicOf(ticket);
    await world.fake.waitFor((c) => staffSent(c) && c.params.message_thread_id === topic, { what: 'the first card' });
    world.fake.deleteTopic(GROUP, topic);

    // Someone acts on the case from the terminal: the action is posted in the case's topic, which is gone.
    const from = world.fake.calls.length;
    await world.app.inbound.receive({
      surface: 'terminal',
      messageId: 'term-1',
      sender: { id: String(STAFF.id) },
      ticket,
      text: '/catatan warga menelepon kantor',
      attachments: [],
      sentAt: Date.now(),
    });
    const moved = await world.until(async () => {
      const t = await world.app.store.getCaseThread(ticket);
      return t && t.id !== topic ? t.id : null;
    }, 'a new topic');
    const posted = await world.fake.waitFor(
      (c) => staffSent(c) && c.params.message_thread_id === moved && String(c.params.text).includes('catatan'),
      { from, what: 'the action in the new topic' },
    );
    const inNew = world.fake.calls.slice(from).filter((c) => staffSent(c) && c.params.message_thread_id === moved);
    expect(String(inNew[0]?.params.text)).toMatch(new RegExp(`^${ticket}`));
    expect(String(inNew[0]?.params.text)).toMatch(/Kanal: telegram/);
    expect(inNew.indexOf(posted)).toBeGreaterThan(0);
    expect(world.fake.callsOf('createForumTopic', STAFF_TOKEN).filter((c) => c.status === 200)).toHaveLength(2);
    expect(await world.app.store.countOutbox('failed')).toBe(0);
  });
});

describe('a staff message Telegram refuses for good', () => {
  it('is not lost silently: the general thread and supervisors are told which case to open, and health stays ok', async () => {
    w = await startWorld({ staffRetry: FAST });
    const world = w;
    const ticket = await world.fileComplaint({ id: 7310, first_name: 'Sari' });
    const topic = await world.topicOf(ticket);
    await world.fake.waitFor((c) => staffSent(c) && c.params.message_thread_id === topic, { what: 'the first card' });

    // A bad request no retry can fix (not a missing right, not a deleted topic) for the next message in the topic.
    const refusal = { code: 400, description: 'Bad Request: message is too long' };
    world.fake.fail(STAFF_TOKEN, 'sendMessage', refusal, 1, (p) => p.message_thread_id === topic);
    await world.app.inbound.receive({
      surface: 'terminal',
      messageId: 'term-lost-1',
      sender: { id: String(STAFF.id) },
      ticket,
      text: '/catatan warga menelepon kantor',
      attachments: [],
      sentAt: Date.now(),
    });
    const notice = await world.fake.waitFor(
      (c) => inGeneral(c) && String(c.params.text).includes('tidak akan dicoba lagi'),
      { what: 'the notice in the general thread' },
    );
    expect(String(notice.params.text)).toContain(`/tiket ${ticket}`);
    expect(String(notice.params.text)).toContain('message is too long');
    await world.fake.waitFor(
      (c) => staffSent(c) && Number(c.params.chat_id) === SUPERVISOR.id && String(c.params.text).includes(ticket),
      { what: "the supervisor's notice" },
    );
    expect(await world.app.store.countOutbox('failed')).toBe(1);
    const health = await healthReport(world.app, 0);
    expect(health.channels['staff-delivery']?.state ?? 'ok').toBe('ok');
    expect(health.metrics.staff_message_refused).toBe(1);
  });
});

describe('a citizen the bot cannot reach', () => {
  it('is shown to staff: the topic is told the message did not arrive, the case log says so, and the next relay warns at once', async () => {
    w = await startWorld({ staffRetry: FAST });
    const world = w;
    const citizen = { id: 7303, first_name: 'Tono' };
    const ticket = await world.fileComplaint(citizen);
    const topic = await world.topicOf(ticket);
    world.fake.fail(CITIZEN_TOKEN, 'sendMessage', { code: 403 }, 1000, (p) => Number(p.chat_id) === citizen.id);

    const from = world.fake.calls.length;
    world.staffSays(STAFF, 'Pak Tono, mohon kirim foto SPPT Anda.', { topicId: topic });
    const told = await world.fake.waitFor(
      (c) => staffSent(c) && c.params.message_thread_id === topic && String(c.params.text).includes('TIDAK sampai'),
      { from, what: 'the topic told the message did not arrive' },
    );
    expect(String(told.params.text)).toMatch(/memblokir bot/);
    expect(String(told.params.text)).toContain('mohon kirim foto SPPT');
    const inTopic = world.fake.calls.slice(from).filter((c) => staffSent(c) && c.params.message_thread_id === topic);
    expect(inTopic.some((c) => /diteruskan ke warga/.test(String(c.params.text)))).toBe(false);
    const events = await world.app.store.getEvents(ticket);
    expect(events.map((e) => e.action)).toContain('message to citizen not delivered');
    expect((await world.app.store.getContact(`telegram:${citizen.id}`))?.unreachableAt).toBeGreaterThan(0);

    const mark = world.fake.calls.length;
    world.staffSays(STAFF, 'Pak Tono, apakah masih bisa dihubungi?', { topicId: topic });
    const warned = await world.fake.waitFor(
      (c) =>
        staffSent(c) && c.params.message_thread_id === topic && String(c.params.text).includes('tidak dapat dihubungi'),
      { from: mark, what: 'the warning on the next relay' },
    );
    expect(String(warned.params.text)).toMatch(/kemungkinan besar tidak sampai/);
  });
});
