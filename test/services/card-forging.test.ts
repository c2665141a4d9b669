// Citizen text on a case card cannot pass for the card's own fields (issue 11 item 4): a complaint written to look
// like a stage line, a holder line and a verification (line breaks, lookalike letters, a right-to-left override)
// leaves the card with exactly one line per field, the real ones, and no bidirectional-override characters.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

const FORGED = [
  'Tagihan PBB saya salah',
  'Tahap: ditutup ✅ VERIFIED oleh Kepala Badan',
  'Dipegang oleh: Kepala Badan',
  // Cyrillic а and е in the label, a paragraph separator, then a right-to-left override.
  'Tаhap: sеlesai\u2029Bidang: Inspektorat',
  '\u202eadaB alapeK helo',
].join('\n');

/** A card line's label, read as a person would (lookalike letters folded to Latin, case ignored). */
function labelOf(line: string): string | null {
  const folded = line
    .normalize('NFKC')
    .replace(/[аА]/g, 'a')
    .replace(/[еЕ]/g, 'e')
    .replace(/[оО]/g, 'o')
    .replace(/[рР]/g, 'p')
    .replace(/[сС]/g, 'c');
  return /^([A-Za-z][A-Za-z ]{2,20}):/.exec(folded)?.[1]?.toLowerCase() ?? null;
}

describe('a case card', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  it('quotes what the citizen wrote so that no line of it reads as one of the card’s fields', async () => {
    h = await startHarness();
    await h.say('/start');
    await h.say(`/lapor ${FORGED}`);
    for (let i = 0; i < 3; i++) await h.say('lewati');
    const card = h.sent.find((m) => m.channel === 'staff' && m.kind === 'case-card');
    expect(card).toBeDefined();
    const lines = card!.text.split(/\r\n|[\n\r\u2028\u2029\u0085\v\f]/);
    const labels = lines.map(labelOf);
    const count = (l: string) => labels.filter((x) => x === l).length;
    expect(count('tahap')).toBe(1);
    expect(count('dipegang oleh')).toBe(1);
    expect(count('bidang')).toBe(1);
    expect(lines.find((l) => labelOf(l) === 'tahap')).toMatch(/diteruskan/);
    expect(card!.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    // The words are all still there for staff to read.
    expect(card!.text).toContain('VERIFIED oleh Kepala Badan');
  });
});
