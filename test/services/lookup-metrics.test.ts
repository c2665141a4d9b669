// Wrong-ticket lookups are limited per citizen (issue 11 item 4) and every refusal shows in GET /health: a citizen
// guessing tickets gets ten answers an hour, then a polite wait (even for a real ticket of someone else), while
// another citizen is not held up by it.
import { afterEach, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/http/app.js';
import { newTicket } from '../../src/domain/ticket.js';
import { LOOKUP_LIMIT } from '../../flows/lookups.js';
import { startHarness, type Harness } from '../support/harness.js';

const GUESSER = { senderId: '7700000001', chatId: '7700000001' };
const OTHER = { senderId: '7700000002', chatId: '7700000002' };
const text = (r: Array<{ text: string }>) => r.map((m) => m.text).join('\n');

describe('wrong-ticket lookups in the health report', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  it('answers ten wrong tickets an hour, then asks to wait, and counts each refusal in /health', async () => {
    h = await startHarness();
    const web = buildHttpApp(h.app, { publicUrl: 'http://127.0.0.1:8080' });
    await h.say('/start', OTHER);
    await h.say('/lapor Antrian loket Bapenda lama sekali', OTHER);
    for (let i = 0; i < 3; i++) await h.say('lewati', OTHER);
    const [theirs] = await h.app.store.listCases({ citizenKey: `telegram:${OTHER.senderId}` });

    await h.say('/start', GUESSER);
    for (let i = 0; i < LOOKUP_LIMIT; i++)
      expect(text(await h.say(`/status ${newTicket()}`, GUESSER))).toMatch(/tidak/i);
    const waited = text(await h.say(`/status ${theirs!.ticket}`, GUESSER));
    expect(waited).toMatch(/menit/);
    expect(waited).not.toContain(theirs!.ticket);
    await h.say(`/status ${newTicket()}`, GUESSER);

    const health = (await (await web.hono.request('/health')).json()) as { metrics: Record<string, number> };
    expect(health.metrics).toMatchObject({ ticket_lookup_missed: LOOKUP_LIMIT, ticket_lookup_refused: 2 });
    // The other citizen still looks up their own case.
    expect(text(await h.say(`/status ${theirs!.ticket}`, OTHER))).toContain(theirs!.ticket);
  });
});
