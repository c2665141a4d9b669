// The dialogue test set (test/dialogues/set) through the console channel, the real flows and the real text
// understanding. The aim is 95 % of conversations reaching their outcome; the floor below is just under the share
// measured on main, so a change that makes conversations worse fails here. Raise the floor as the figure rises.
import { describe, expect, it } from 'vitest';
import { formatSummary, runDialogueSet } from './run.js';

/** Just under the share measured with the act model and the flows on main (222/223, 99.6 %, `npm run dialogues`). */
const FLOOR = 0.99;

describe('the dialogue set', () => {
  it('reaches its outcomes in at least the measured share of conversations', async () => {
    const summary = await runDialogueSet();
    const share = summary.passed / summary.total;
    console.log(`${formatSummary(summary, false, false)}\n(failures: npm run dialogues)`);
    expect(summary.total).toBeGreaterThanOrEqual(150);
    expect(share).toBeGreaterThanOrEqual(FLOOR);
  }, 300_000);
});
