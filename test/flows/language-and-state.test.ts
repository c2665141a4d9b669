// Replies in the citizen's language (English division names), an agency's own wording, and the state's version.
import { describe, expect, it } from 'vitest';
import type { Agency } from '../../src/domain/agency.js';
import { readState, STATE_VERSION } from '../../flows/state.js';
import { testAgency } from '../support/fake-nlp.js';
import { FlowWorld, stubNlp, text } from './world.js';

const english: Agency = {
  ...testAgency,
  divisions: testAgency.divisions.map((d) => (d.id === 'pbb-p2' ? { ...d, nameEn: 'Property Tax Division' } : d)),
};

describe('language', () => {
  it('answers an English speaker in English, with the division’s English name', async () => {
    const w = new FlowWorld(stubNlp(), english, { greeted: false });
    const first = await w.say('Hello, my property tax bill (pbb) doubled although nothing changed on my house');
    expect(text(first)).toMatch(/Welcome/);
    expect(text(first)).toMatch(/Where/);
    await w.say('at Jl. Sudirman 45');
    let last = '';
    while (w.state.mode === 'intake') last = text(await w.say('skip', { choice: 'skip' }));
    expect(last).toMatch(/forwarded to Property Tax Division/);
    expect(last).not.toMatch(/Bidang PBB-P2/);
  });

  it('follows a citizen who switches language', async () => {
    const w = new FlowWorld(stubNlp({ reads: { 'what is the status of my complaint, please?': 'status' } }));
    w.caseAt('forwarded', 'Tagihan salah');
    const r = await w.say('what is the status of my complaint, please?');
    expect(text(r)).toMatch(/Ticket .*forwarded to the division/);
    expect(w.state.language).toBe('en');
  });

  it('uses an agency’s own wording for a question (a council asks where, not for a tax object)', async () => {
    const council: Agency = {
      ...testAgency,
      texts: { askWhere: { id: 'Di mana lokasinya? (alamat atau kegiatan DPRD yang dimaksud)' } },
    };
    const w = new FlowWorld(stubNlp(), council);
    const r = await w.say('rapat dengar pendapat ditunda tanpa pemberitahuan kemarin');
    expect(text(r)).toMatch(/kegiatan DPRD/);
    expect(text(r)).not.toMatch(/objek pajak/);
  });
});

describe('the conversation state', () => {
  it('is versioned: an older state is reset, keeping the language and the greeting', () => {
    const old = { v: 1, language: 'en', greeted: true, mode: 'confirm', ticket: 'ADU-0000-0000', lastActivityAt: 1 };
    const s = readState(old, 'id', 5);
    expect(s).toMatchObject({ v: STATE_VERSION, language: 'en', greeted: true, mode: 'idle' });
    expect(s.ticket).toBeUndefined();
  });

  it('is plain JSON that survives a round trip', async () => {
    const w = new FlowWorld(stubNlp());
    await w.say('tagihan pbb saya naik dua kali lipat tanpa alasan');
    expect(readState(JSON.parse(JSON.stringify(w.state)), 'id', 0)).toEqual(w.state);
  });
});
