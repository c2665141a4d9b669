// The staff bot's outbox addresses, sent through the real Telegraf sender to the fake Bot API: the group's main
// thread, a supervisor's private chat, a digest chart as a photo, and a case whose forum topic was deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/domain/messages.js';
import { deflateSync } from 'node:zlib';
import type { FakeCall, FakeUpload } from '../support/fake-telegram/server.js';
import { GROUP, STAFF_TOKEN, SUPERVISOR, startWorld, type World } from './world.js';

const TICKET = 'ADU-7KQ2-9XW3';

describe('the staff bot delivers to every kind of staff address', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  /** Puts one message in the outbox and wakes the dispatcher, as the core does. */
  const enqueue = async (m: Omit<OutboundMessage, 'channel'>) => {
    await w.app.store.commit({ outbox: [{ channel: 'staff', ...m }] });
    w.app.dispatcher.kick();
  };
  const staffCall = (method: string, pred: (c: FakeCall) => boolean, from: number, what: string) =>
    w.fake.waitFor((c) => c.token === STAFF_TOKEN && c.method === method && c.status === 200 && pred(c), {
      from,
      what,
    });
  const staffCallsFrom = (from: number) => w.fake.calls.slice(from).filter((c) => c.token === STAFF_TOKEN);
  /** Sends a marker after the message under test to the same chat; a chat's outbox goes out in order. */
  const thenMarker = async (chatId: string, from: number) => {
    const text = `penanda ${from}`;
    await enqueue({ chatId, text, kind: 'notice' });
    return staffCall('sendMessage', (c) => c.params.text === text, from, 'the marker');
  };

  it('"general" is posted in the staff group itself, outside any topic', async () => {
    const from = w.fake.calls.length;
    await enqueue({
      chatId: 'general',
      text: 'WhatsApp sedang terputus; aduan lewat Telegram tetap masuk.',
      kind: 'notice',
    });
    const sent = await staffCall('sendMessage', (c) => String(c.params.text).startsWith('WhatsApp'), from, 'notice');
    expect(Number(sent.params.chat_id)).toBe(GROUP);
    expect(sent.params.message_thread_id).toBeUndefined();
    expect(sent.params.reply_parameters).toBeUndefined();
    expect(staffCallsFrom(from).filter((c) => c.method === 'createForumTopic')).toHaveLength(0);
  });

  it('"dm:<id>" is a private message to that person and nowhere else', async () => {
    const from = w.fake.calls.length;
    await enqueue({
      chatId: `dm:${SUPERVISOR.id}`,
      text: 'Eskalasi: ADU-7KQ2-9XW3 melewati batas waktu.',
      kind: 'notice',
    });
    const sent = await staffCall('sendMessage', (c) => String(c.params.text).startsWith('Eskalasi'), from, 'the DM');
    expect(Number(sent.params.chat_id)).toBe(SUPERVISOR.id);
    expect(sent.params.message_thread_id).toBeUndefined();
    expect(sent.params.reply_parameters).toBeUndefined();
    const elsewhere = staffCallsFrom(from).filter(
      (c) => String(c.params.text).startsWith('Eskalasi') && Number(c.params.chat_id) !== SUPERVISOR.id,
    );
    expect(elsewhere).toEqual([]);
  });

  it('a digest with a chart is one photo upload with the text as its caption', async () => {
    const png = tinyPng();
    const text = 'Ringkasan mingguan: 12 aduan masuk, 9 selesai.';
    const from = w.fake.calls.length;
    await enqueue({ chatId: `dm:${SUPERVISOR.id}`, text, kind: 'digest', imagePngBase64: png.toString('base64') });
    const photo = await staffCall('sendPhoto', () => true, from, 'the chart');
    expect(Number(photo.params.chat_id)).toBe(SUPERVISOR.id);
    expect(photo.params.caption).toBe(text);
    const upload = photo.params.photo as FakeUpload;
    expect(Buffer.from(upload.base64, 'base64').equals(png)).toBe(true);
    await thenMarker(`dm:${SUPERVISOR.id}`, from);
    expect(staffCallsFrom(from).filter((c) => c.method === 'sendMessage' && c.params.text === text)).toEqual([]);
  });

  it('a digest whose text is too long for a caption is the photo, then the whole text', async () => {
    const png = tinyPng();
    const text = `Ringkasan bulanan.\n${'Bidang Pendapatan: 4 aduan, rata-rata 3 hari. '.repeat(40)}`.trim();
    expect(text.length).toBeGreaterThan(1024);
    const from = w.fake.calls.length;
    await enqueue({ chatId: `dm:${SUPERVISOR.id}`, text, kind: 'digest', imagePngBase64: png.toString('base64') });
    const message = await staffCall('sendMessage', (c) => c.params.text === text, from, 'the digest text');
    const calls = staffCallsFrom(from);
    const photos = calls.filter((c) => c.method === 'sendPhoto');
    expect(photos.map((c) => c.status)).toEqual([200]);
    expect(photos[0]!.params.caption).toBeUndefined();
    expect(Number(message.params.chat_id)).toBe(SUPERVISOR.id);
    expect(calls.indexOf(photos[0]!)).toBeLessThan(calls.indexOf(message));
  });

  it('a case whose topic was deleted gets a new topic, and the message arrives there once', async () => {
    let from = w.fake.calls.length;
    await enqueue({ chatId: TICKET, ticket: TICKET, text: 'Pesan pertama tentang kasus ini.', kind: 'notice' });
    const first = await staffCall('sendMessage', (c) => String(c.params.text).startsWith('Pesan pertama'), from, '1st');
    const oldTopic = Number(first.params.message_thread_id);
    expect(oldTopic).toBe(await w.topicOf(TICKET));

    w.fake.deleteTopic(GROUP, oldTopic);
    from = w.fake.calls.length;
    const text = 'Pesan kedua, setelah topiknya dihapus.';
    await enqueue({ chatId: TICKET, ticket: TICKET, text, kind: 'notice' });
    const delivered = await staffCall('sendMessage', (c) => c.params.text === text, from, 'the second message');
    const newTopic = Number(delivered.params.message_thread_id);
    expect(newTopic).not.toBe(oldTopic);
    const created = staffCallsFrom(from).filter((c) => c.method === 'createForumTopic' && c.status === 200);
    expect(created.map((c) => (c.result as { message_thread_id: number }).message_thread_id)).toEqual([newTopic]);
    expect(await w.app.store.getCaseThread(TICKET)).toEqual({ ticket: TICKET, kind: 'topic', id: newTopic });

    // Later messages go straight to the new topic; the second one was delivered exactly once.
    const marker = await thenMarker(TICKET, from);
    expect(Number(marker.params.message_thread_id)).toBe(newTopic);
    const tries = staffCallsFrom(from).filter((c) => c.method === 'sendMessage' && c.params.text === text);
    expect(tries.map((c) => [c.status, Number(c.params.message_thread_id)])).toEqual([
      [400, oldTopic],
      [200, newTopic],
    ]);
    expect(staffCallsFrom(from).filter((c) => c.method === 'createForumTopic')).toHaveLength(1);
  });
});

/** A valid 2×2 PNG, built here so the test needs no fixture file. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
