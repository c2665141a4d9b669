// Bad input never crashes and never changes a case: stickers, reactions, view-once media, contact cards, group
// and broadcast messages, oversized media, empty captions, deleted messages, numbers not on WhatsApp.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/domain/case.js';
import { CITIZEN, joined, startWaTest, SUPERVISOR, ticketIn, type WaTest } from './setup.js';
import { waMessage } from './fake-client.js';
import type { WaMessage } from '../../bots/whatsapp/client-port.js';

let t: WaTest;
let ticket: string;
let before: CaseRecord | null;
beforeEach(async () => {
  t = await startWaTest();
  await t.connect();
  await t.say('/lapor Tagihan PBB ganda di kantor Bapenda sejak bulan lalu');
  ticket = ticketIn(joined(await t.say('lewati')))!;
  before = await t.h.app.store.getCase(ticket);
});
afterEach(async () => {
  // Whatever came in, the case is as it was and nothing is left half-handled.
  expect(await t.h.app.store.getCase(ticket)).toEqual(before);
  expect(await t.h.app.store.listUnhandledInbound(10)).toEqual([]);
  await t.close();
});

async function send(m: WaMessage): Promise<string[]> {
  const n = t.client().textsTo(m.from).length;
  await t.receive(m);
  await t.flush();
  return t.client().textsTo(m.from).slice(n);
}

describe('messages the flows cannot use get a polite reply', () => {
  const cases: Array<[string, Partial<WaMessage> & { raw?: Record<string, unknown> }, RegExp]> = [
    ['a sticker', { type: 'sticker', hasMedia: true, raw: { mimetype: 'image/webp', size: 20_000 } }, /stiker/],
    [
      'a view-once photo',
      { type: 'image', hasMedia: true, raw: { isViewOnce: true, mimetype: 'image/jpeg', size: 90_000 } },
      /sekali lihat/,
    ],
    [
      'a contact card',
      {
        type: 'vcard',
        body: 'BEGIN:VCARD\nVERSION:3.0\nFN:Budi\nTEL:+6281234567890\nEND:VCARD',
        vCards: ['BEGIN:VCARD'],
      },
      /kartu kontak/,
    ],
    ['several contact cards', { type: 'multi_vcard', vCards: ['BEGIN:VCARD', 'BEGIN:VCARD'] }, /kartu kontak/],
    ['a poll', { type: 'poll_creation', body: 'Setuju?' }, /jenis pesan ini/],
    ['a message WhatsApp marks oversized', { type: 'oversized' }, /terlalu besar/],
    [
      'a location without coordinates',
      { type: 'location', location: { latitude: 'x', longitude: 'y' } },
      /jenis pesan ini/,
    ],
  ];
  for (const [name, over, reply] of cases) {
    it(`answers ${name} once, even when delivered twice`, async () => {
      const m = waMessage(over);
      const r = await send(m);
      expect(joined(r)).toMatch(reply);
      expect(await send(m)).toEqual([]);
      expect(await t.h.app.store.listCases({})).toHaveLength(1);
    });
  }

  it('answers a sticker from a number that never wrote before (it did write: the sticker)', async () => {
    const stranger = '6289900000002@c.us';
    const r = await send(waMessage({ from: stranger, type: 'sticker', hasMedia: true }));
    expect(joined(r)).toMatch(/stiker/);
  });

  it('answers a sticker whose first answer failed to commit when WhatsApp delivers it again', async () => {
    const m = waMessage({ type: 'sticker', hasMedia: true });
    const commit = t.h.app.store.commit.bind(t.h.app.store);
    let failNext = true;
    t.h.app.store.commit = async (change) => {
      if (failNext && change.inboundHandled !== undefined) {
        failNext = false;
        throw new Error('disk I/O error');
      }
      return commit(change);
    };
    await send(m).catch(() => []);
    expect(await t.h.app.store.listUnhandledInbound(10)).toHaveLength(1);
    expect(joined(await send(m))).toMatch(/stiker/);
    expect(await t.h.app.store.listUnhandledInbound(10)).toHaveLength(0);
    expect(await send(m)).toEqual([]);
  });

  it('replies in English to a citizen who chose English', async () => {
    await t.say('/language en');
    expect(joined(await send(waMessage({ type: 'sticker' })))).toMatch(/cannot read stickers/);
  });
});

describe('messages ignored without a word', () => {
  const group = '120363025555555555@g.us';
  const cases: Array<[string, Partial<WaMessage>]> = [
    ['a reaction', { type: 'reaction', body: '👍' }],
    ['a group message', { from: group, author: CITIZEN, body: 'Tagihan PBB saya salah, tolong' }],
    ['a broadcast list message', { from: '1234567890@broadcast', broadcast: true, body: 'Promo' }],
    ['a status update', { from: 'status@broadcast', isStatus: true, body: 'Status baru' }],
    ['our own message', { fromMe: true, body: 'Balasan kami' }],
    ['a message deleted by its sender', { type: 'revoked' }],
    ['a channel (newsletter) post', { from: '120363111111111111@newsletter', body: 'Berita' }],
    ['a system notification', { type: 'e2e_notification' }],
  ];
  for (const [name, over] of cases) {
    it(`ignores ${name}`, async () => {
      const m = waMessage(over);
      const sentBefore = t.client().sent.length;
      await t.receive(m);
      await t.flush();
      expect(t.client().sent.length).toBe(sentBefore);
      expect(await t.h.app.store.listCases({})).toHaveLength(1);
    });
  }

  it('ignores the "deleted for everyone" event and keeps what was received', async () => {
    const m = waMessage({ body: 'Mantap pelayanannya, terima kasih' });
    await send(m);
    const sentBefore = t.client().sent.length;
    t.client().fire('message_revoke_everyone', { ...m, type: 'revoked', body: '' }, m);
    t.client().fire('message_revoke_everyone', { ...m, type: 'revoked', body: '' }, null);
    await t.wa.idle();
    await t.flush();
    expect(t.client().sent.length).toBe(sentBefore);
    expect(await t.h.app.store.listCases({ kind: 'praise' })).toHaveLength(1);
  });

  it('survives malformed message objects', async () => {
    const broken = [
      { ...waMessage(), id: undefined },
      { ...waMessage(), from: undefined },
      { ...waMessage(), rawData: null },
      { ...waMessage(), type: undefined, body: undefined },
      { ...waMessage(), timestamp: 'yesterday' },
    ] as unknown as WaMessage[];
    for (const m of broken) t.client().fire('message', m);
    await t.wa.idle();
    await t.flush();
    expect(await t.h.app.store.listCases({})).toHaveLength(1);
  });
});

describe('media and locations', () => {
  it('refuses media over the size limit from its metadata, without keeping it', async () => {
    const r = await send(
      waMessage({
        type: 'document',
        hasMedia: true,
        body: '',
        raw: { size: 500 * 1_048_576, mimetype: 'application/pdf', filename: 'besar.pdf' },
      }),
    );
    expect(joined(r)).toMatch(/terlalu besar/);
    expect(await t.h.app.store.listCases({})).toHaveLength(1);
  });

  it('asks for words when a photo comes with an empty caption', async () => {
    // Long after the ticket: a photo right after it would be added to that case as evidence.
    t.h.clock.now += 2 * 3_600_000;
    const r = await send(
      waMessage({ type: 'image', hasMedia: true, body: '', raw: { size: 80_000, mimetype: 'image/jpeg' } }),
    );
    expect(joined(r)).toMatch(/Lampiran Anda kami terima/);
  });

  const evidence: Array<[string, Partial<WaMessage> & { raw?: Record<string, unknown> }, (fileId: string) => object]> =
    [
      [
        'a photo',
        { type: 'image', hasMedia: true, body: 'ini fotonya', raw: { size: 120_000, mimetype: 'image/jpeg' } },
        (fileId) => ({ kind: 'photo', fileId, mime: 'image/jpeg', size: 120_000 }),
      ],
      [
        'a document',
        { type: 'document', hasMedia: true, raw: { size: 50_000, mimetype: 'application/pdf', filename: 'sppt.pdf' } },
        (fileId) => ({ kind: 'document', fileId, mime: 'application/pdf', size: 50_000, name: 'sppt.pdf' }),
      ],
      [
        'a voice note',
        { type: 'ptt', hasMedia: true, raw: { size: 30_000, mimetype: 'audio/ogg; codecs=opus' } },
        (fileId) => ({ kind: 'voice', fileId, mime: 'audio/ogg; codecs=opus', size: 30_000 }),
      ],
      [
        'an audio file',
        { type: 'audio', hasMedia: true, raw: { size: 40_000, mimetype: 'audio/mpeg' } },
        (fileId) => ({ kind: 'voice', fileId, mime: 'audio/mpeg', size: 40_000 }),
      ],
      [
        'a location',
        // The body of a location message is a thumbnail: it must never become the text.
        {
          type: 'location',
          body: '/9j/4AAQSkZJRgABAQ',
          location: { latitude: '-0.9471', longitude: '100.4172', description: 'Kantor Bapenda\nJl. Sudirman' },
        },
        (fileId) => ({
          kind: 'location',
          fileId,
          latitude: -0.9471,
          longitude: 100.4172,
          name: 'Kantor Bapenda\nJl. Sudirman',
        }),
      ],
    ];
  for (const [name, over, expected] of evidence) {
    it(`keeps ${name} as evidence of the complaint being written`, async () => {
      await t.say('/lapor Antrian di loket 3 kantor Bapenda sudah 3 hari tidak bergerak, petugas tidak ada');
      const m = waMessage(over);
      const newTicket = ticketIn(joined(await send(m)));
      expect(newTicket).not.toBeNull();
      const c = await t.h.app.store.getCase(newTicket!);
      expect(c?.attachments).toEqual([expected(m.id._serialized)]);
      expect(JSON.stringify(c)).not.toContain('/9j/');
    });
  }
});

describe('outbound refusals', () => {
  it('never messages a number that has not written first, and does not crash', async () => {
    await t.h.app.store.commit({
      outbox: [{ channel: 'whatsapp', chatId: '6289911112222@c.us', text: 'Halo', kind: 'reply' }],
    });
    await t.flush();
    expect(t.client().textsTo('6289911112222@c.us')).toEqual([]);
    expect(await t.h.app.store.countOutbox('failed')).toBe(1);
  });

  it('fails a digest to a supervisor number that is not on WhatsApp for good, marking it unreachable', async () => {
    t.client().notOnWhatsApp.add(SUPERVISOR);
    await t.h.app.store.commit({
      outbox: [{ channel: 'whatsapp', chatId: SUPERVISOR, text: 'Ringkasan harian', kind: 'digest' }],
    });
    await t.flush();
    expect(t.client().sent.filter((s) => s.chatId === SUPERVISOR)).toEqual([]);
    expect(await t.h.app.store.countOutbox('failed')).toBe(1);
    expect((await t.h.app.store.getContact(`whatsapp:${SUPERVISOR}`))?.unreachableReason).toMatch(/not on WhatsApp/);
  });

  it('fails for good when WhatsApp itself says the number is not registered', async () => {
    t.client().sendFailures.push(new Error('Evaluation failed: Error: wid error: invalid wid'));
    await t.h.app.store.commit({
      outbox: [{ channel: 'whatsapp', chatId: CITIZEN, text: 'Kabar aduan', kind: 'reply' }],
    });
    await t.flush();
    expect(await t.h.app.store.countOutbox('failed')).toBe(1);
    expect((await t.h.app.store.getContact(`whatsapp:${CITIZEN}`))?.unreachableReason).toMatch(/not on WhatsApp/);
    expect(t.h.app.health.get('whatsapp')?.state).toBe('connected');
  });

  it('refuses a chat id that is not a person (a group) for good', async () => {
    await t.h.app.store.commit({
      outbox: [{ channel: 'whatsapp', chatId: '120363025555555555@g.us', text: 'Halo grup', kind: 'reply' }],
    });
    await t.flush();
    expect(await t.h.app.store.countOutbox('failed')).toBe(1);
  });
});
