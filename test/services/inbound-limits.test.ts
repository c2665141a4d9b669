// A message over MAX_MESSAGE_CHARS is refused politely, and only the allowed length of it is stored (with a marker
// saying how long it was): a 1 MB message does not put 1 MB of someone's text in the store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { withinLimit } from '../../src/services/inbound.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.close());

describe('an oversized message', () => {
  it('is refused, and stored only up to the limit with a marker', async () => {
    const huge = 'tolong pajak saya naik terus '.repeat(36_200); // about 1 MB
    const replies = await h.say(huge);
    expect(replies.map((r) => r.text).join('\n')).toMatch(/terlalu panjang \(\d+ karakter; maksimal 4000\)/);
    const db = (h.app.store as SqliteStore).database;
    const rows = db.prepare('SELECT payload FROM inbound').all() as Array<{ payload: string }>;
    expect(rows).toHaveLength(1);
    const stored = JSON.parse(rows[0]!.payload) as { text: string };
    expect(stored.text.startsWith(huge.slice(0, 4000))).toBe(true);
    expect(stored.text).toMatch(new RegExp(`\\[… dipotong / truncated: ${huge.length} karakter\\]$`));
    expect(stored.text.length).toBeLessThan(4100);
    expect(rows[0]!.payload.length).toBeLessThan(5000);
  });

  it('is never cut inside an emoji, and a message within the limit is kept as it is', () => {
    const m = { text: `${'a'.repeat(3)}😀😀` };
    expect(withinLimit(m, 4).text.startsWith('aaa\n[…')).toBe(true);
    expect(withinLimit({ text: 'halo min' }, 4000)).toEqual({ text: 'halo min' });
  });
});
