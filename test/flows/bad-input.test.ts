// Every kind of bad input gets a polite answer and changes nothing stored.
import { describe, expect, it } from 'vitest';
import { FlowWorld, stubNlp, text } from './world.js';

const cases: Array<[string, string, RegExp]> = [
  ['an empty message', '', /kosong/],
  ['only control characters', '\u0000\u0007\u001b', /kosong/],
  ['only emoji', '😂😂😂', /./],
  ['5000 characters', 'pajak '.repeat(834).slice(0, 5000), /terlalu panjang/],
  ['an unknown command', '/hapus_semua', /tidak dikenal/],
];

describe('bad input', () => {
  for (const [name, message, answer] of cases) {
    it(`answers ${name} politely, in the middle of a closure question too, and changes no case`, async () => {
      const w = new FlowWorld(stubNlp({ reads: { '😂😂😂': 'unrelated' } }));
      const c = w.caseAt('awaiting_confirmation', 'Tagihan salah');
      w.askClosure(c);
      const r = await w.say(message);
      expect(text(r)).toMatch(answer);
      expect(w.get(c.ticket)).toEqual(c);
      expect(w.mine()).toHaveLength(1);
      expect(w.events).toEqual([]);
    });
  }

  it('keeps an attachment sent alone for the message that follows, recording nothing yet', async () => {
    const w = new FlowWorld(stubNlp());
    const r = await w.say('', { attachments: [{ kind: 'photo', fileId: 'a', size: 5 }] });
    expect(text(r)).toMatch(/Lampiran Anda kami terima/);
    expect(w.mine()).toEqual([]);
  });

  it('drops bidirectional overrides and zero-width characters from what is stored', async () => {
    const w = new FlowWorld(stubNlp());
    await w.say('tagihan\u200b pbb sy\u202e salah di kantor bapenda sejak januari');
    await w.say('lewati', { choice: 'skip' });
    expect(w.mine()[0]?.text).toBe('tagihan pbb sy salah di kantor bapenda sejak januari');
  });
});
