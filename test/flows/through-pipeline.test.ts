import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const texts = (ms: { text: string }[]) => ms.map((m) => m.text).join('\n---\n');
const ticketIn = (s: string) => /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(s)?.[0] ?? null;

// The conversation through the whole inbound pipeline (store, flows, outbox, on a real SQLite file): what only the
// pipeline can show. The flows' decisions are tested as plain functions in the other files of this folder.
describe('a first message', () => {
  it('greets a first-time citizen with a privacy notice', async () => {
    const r = await h.say('/start');
    expect(texts(r)).toMatch(/Selamat datang/);
    expect(texts(r)).toMatch(/Privasi/);
  });
});

describe('status and my cases', () => {
  it('shows a citizen their own case and hides another citizen’s ticket exactly like a missing one', async () => {
    await h.say('/start');
    await h.say('/lapor Tagihan PBB ganda di kantor Bapenda sejak bulan lalu');
    const ticket = ticketIn(texts(await h.say('lewati')))!;
    expect(texts(await h.say(`/status ${ticket.toLowerCase()}`))).toMatch(/diteruskan ke bidang terkait/);
    expect(texts(await h.say('/kasus'))).toContain(ticket);
    const other = { senderId: '2002', chatId: '2002' };
    await h.say('/start', other);
    const theirs = texts(await h.say(`/status ${ticket}`, other));
    const missing = texts(await h.say('/status ADU-0000-0000', other));
    expect(theirs.replace(ticket, 'X')).toBe(missing.replace('ADU-0000-0000', 'X'));
    expect(texts(await h.say(`/batal ${ticket}`, other))).toMatch(/tidak kami temukan/);
    expect((await h.app.store.getCase(ticket))?.stage).toBe('forwarded');
  });

  it('lets a citizen withdraw their own open case', async () => {
    await h.say('/start');
    await h.say('/lapor Tagihan PBB ganda di kantor Bapenda sejak bulan lalu');
    const ticket = ticketIn(texts(await h.say('lewati')))!;
    expect(texts(await h.say(`/batal ${ticket}`))).toMatch(/tarik/);
    expect((await h.app.store.getCase(ticket))?.resolution).toBe('withdrawn');
  });
});

describe('bad input', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an empty message', '', /kosong/],
    ['whitespace only', '   \n\t ', /kosong/],
    ['control characters only', '\u0000\u0007\u001b', /kosong/],
    ['10,000 characters', 'a'.repeat(10_000), /terlalu panjang/],
    ['an unknown command', '/hapus_semua', /tidak dikenal/],
    ['a status without a ticket', '/status', /nomor tiket/],
    ['a malformed ticket', '/status ADU-XXXX', /tidak kami temukan/],
  ];
  for (const [name, text, answer] of cases) {
    it(`answers ${name} politely and changes nothing stored`, async () => {
      await h.say('/start');
      await h.say('/lapor Tagihan PBB ganda di kantor Bapenda sejak bulan lalu');
      const ticket = ticketIn(texts(await h.say('lewati')))!;
      const before = await h.app.store.getCase(ticket);
      const r = await h.say(text);
      expect(texts(r)).toMatch(answer);
      expect(await h.app.store.getCase(ticket)).toEqual(before);
      expect(await h.app.store.listCases({})).toHaveLength(1);
    });
  }

  it('handles emoji and mixed scripts without crashing', async () => {
    await h.say('/start');
    const r = await h.say('😡😡 网站 سيئ pajak ❗');
    expect(r.length).toBeGreaterThan(0);
  });

  it('refuses an attachment over the size limit without keeping it', async () => {
    await h.say('/start');
    const r = await h.say('', { attachments: [{ kind: 'document', fileId: 'big', size: 500 * 1_048_576 }] });
    expect(texts(r)).toMatch(/terlalu besar/);
  });

  it('handles the same message id only once', async () => {
    await h.say('/start');
    const first = await h.say('Mantap pelayanannya, terima kasih', { messageId: 'same' });
    const again = await h.say('Mantap pelayanannya, terima kasih', { messageId: 'same' });
    expect(first.length).toBeGreaterThan(0);
    expect(again).toEqual([]);
    expect(await h.app.store.listCases({ kind: 'praise' })).toHaveLength(1);
  });
});

describe('ticket collisions', () => {
  it('draw a fresh ticket when a new one collides with a stored ticket, and record the complaint', async () => {
    const ticketMod = await import('../../src/domain/ticket.js');
    await h.say('/start');
    await h.say('/lapor Tagihan PBB ganda di kantor Bapenda sejak bulan lalu');
    const first = /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(texts(await h.say('lewati')))![0];
    // The next ticket drawn repeats the stored one once (as 40 random bits do about once per million).
    const { vi } = await import('vitest');
    const spy = vi.spyOn(ticketMod, 'newTicket').mockReturnValueOnce(first);
    try {
      await h.say('/lapor Website pembayaran error terus di halaman login sejak kemarin');
      const second = /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(texts(await h.say('lewati')))?.[0];
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
      // The colliding draw really happened: the first attempt was refused and the flow ran again.
      expect(spy.mock.calls.length).toBeGreaterThanOrEqual(2);
      expect(spy.mock.results[0]?.value).toBe(first);
      expect(await h.app.store.listCases({ kind: 'complaint' })).toHaveLength(2);
      expect((await h.app.store.getCase(first))?.text).toMatch(/Tagihan PBB/);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('a message whose handling failed', () => {
  it('is handled when the channel delivers it again, and only once', async () => {
    await h.say('/start');
    const commit = h.app.store.commit.bind(h.app.store);
    let failNext = true;
    h.app.store.commit = async (change) => {
      if (failNext && change.inboundHandled !== undefined) {
        failNext = false;
        throw new Error('disk I/O error');
      }
      return commit(change);
    };
    const msg = { messageId: 'flaky-1' };
    await expect(h.say('Terima kasih, pelayanannya cepat sekali', msg)).rejects.toThrow(/disk I\/O/);
    expect(await h.app.store.listUnhandledInbound(10)).toHaveLength(1);
    const resent = await h.say('Terima kasih, pelayanannya cepat sekali', msg);
    expect(texts(resent)).toMatch(/apresiasinya/);
    expect(await h.app.store.listUnhandledInbound(10)).toHaveLength(0);
    expect(await h.say('Terima kasih, pelayanannya cepat sekali', msg)).toEqual([]);
    expect(await h.app.store.listCases({ kind: 'praise' })).toHaveLength(1);
  });
});

describe('attachments sent before /lapor', () => {
  it('are kept with the complaint when /lapor comes with its text', async () => {
    await h.say('/start');
    await h.say('', { attachments: [{ kind: 'photo', fileId: 'before-1', size: 10 }] });
    // Where, since when and a photo are all there: the complaint is recorded at once.
    const r = texts(await h.say('/lapor Tagihan PBB ganda di kantor Bapenda sejak bulan lalu'));
    const ticket = /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(r)?.[0];
    expect(ticket).toBeDefined();
    expect((await h.app.store.getCase(ticket!))?.attachments.map((a) => a.fileId)).toEqual(['before-1']);
  });
});
