// Repeats told without leaking another citizen's ticket; wrong-ticket lookups limited per citizen.
import { describe, expect, it } from 'vitest';
import { LOOKUP_LIMIT } from '../../flows/lookups.js';
import { FlowWorld, stubNlp, text } from './world.js';

const SAME = 'website pembayaran pbb error terus di halaman login sejak kemarin';

describe('a complaint that repeats an earlier one', () => {
  it('from another citizen joins that report without its ticket, and the earlier case is linked back', async () => {
    const w = new FlowWorld(stubNlp());
    const theirs = w.caseAt('forwarded', SAME, { other: true, ageDays: 1 });
    await w.say(SAME);
    const r = await w.say('lewati', { choice: 'skip' });
    expect(text(r)).toMatch(/warga lain/);
    expect(text(r)).not.toContain(theirs.ticket);
    const mine = w.mine()[0];
    expect(mine?.repeatOf?.ticket).toBe(theirs.ticket);
    expect(w.events).toContainEqual(
      expect.objectContaining({
        ticket: theirs.ticket,
        action: 'repeat linked',
        detail: expect.stringContaining(mine!.ticket),
      }),
    );
    expect(w.notify.some((m) => m.chatId === theirs.ticket && m.text.includes(mine!.ticket))).toBe(true);
  });

  it('from the same citizen names their own earlier ticket', async () => {
    const w = new FlowWorld(stubNlp());
    const own = w.caseAt('forwarded', SAME, { ageDays: 3 });
    await w.say(SAME);
    const r = await w.say('lewati', { choice: 'skip' });
    expect(text(r)).toContain(`sebelumnya, ${own.ticket}`);
  });
});

describe('wrong-ticket lookups', () => {
  it(`are answered ${LOOKUP_LIMIT} times an hour, then the citizen is asked to wait and each refusal is counted`, async () => {
    const w = new FlowWorld(stubNlp());
    const own = w.caseAt('forwarded', 'Tagihan salah', { ageDays: 1 });
    for (let i = 0; i < LOOKUP_LIMIT; i++) {
      expect(text(await w.say(`/status ADU-0000-00${String(i).padStart(2, '0')}`))).toMatch(/tidak kami temukan/);
    }
    expect(w.counters.ticket_lookup_missed).toBe(LOOKUP_LIMIT);
    const refused = text(await w.say(`/status ${own.ticket}`));
    expect(refused).toMatch(/tunggu sekitar \d+ menit/);
    expect(refused).not.toContain('diteruskan');
    expect(w.counters.ticket_lookup_refused).toBe(1);
    expect(w.state.lookups).toMatchObject({ misses: LOOKUP_LIMIT, refused: 1 });
    w.now += 61 * 60_000;
    expect(text(await w.say(`/status ${own.ticket}`))).toMatch(/diteruskan/);
  });

  it('count another citizen’s ticket as a miss, like one that does not exist', async () => {
    const w = new FlowWorld(stubNlp());
    const theirs = w.caseAt('forwarded', 'Tagihan salah', { other: true });
    await w.say(`/status ${theirs.ticket}`);
    expect(w.counters.ticket_lookup_missed).toBe(1);
  });
});
