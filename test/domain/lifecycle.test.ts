import { describe, expect, it } from 'vitest';
import { moveCase, plainMinutesPolicy } from '../../src/domain/lifecycle.js';
import { canMove, IllegalTransitionError, STAGES, type Stage } from '../../src/domain/stages.js';
import { makeCase } from '../support/fixtures.js';

const actor = { kind: 'staff', id: 's1' } as const;
const policy = plainMinutesPolicy();

function walk(stages: Stage[]) {
  let c = makeCase({ stage: 'received', stageTimes: { received: { enteredAt: 0 } } });
  let now = 1000;
  for (const to of stages) c = moveCase(c, to, { now: (now += 60_000), actor, action: to, policy }).next;
  return c;
}

describe('the SOP state machine', () => {
  it('walks a complaint from received to archived in SOP order', () => {
    const c = walk([
      'recorded',
      'forwarded',
      'in_review',
      'root_cause',
      'action_planned',
      'in_progress',
      'verifying',
      'awaiting_confirmation',
      'closed',
      'archived',
    ]);
    expect(c.stage).toBe('archived');
    expect(c.resolution).toBe('satisfied');
    expect(Object.keys(c.stageTimes)).toHaveLength(STAGES.length);
  });

  it('sends a rejected verification back to work', () => {
    expect(canMove('verifying', 'in_progress')).toBe(true);
  });

  it('reopens "not satisfied" at the root cause and counts the loop', () => {
    const c = walk([
      'recorded',
      'forwarded',
      'in_review',
      'root_cause',
      'action_planned',
      'in_progress',
      'verifying',
      'awaiting_confirmation',
      'root_cause',
    ]);
    expect(c.stage).toBe('root_cause');
    expect(c.reopenCount).toBe(1);
    expect(c.stageTimes.awaiting_confirmation?.leftAt).toBeDefined();
  });

  it('refuses a skipped step with a clear error and leaves the case unchanged', () => {
    const c = makeCase({ stage: 'recorded' });
    const copy = structuredClone(c);
    expect(() => moveCase(c, 'verifying', { now: 1, actor, action: 'x', policy })).toThrow(IllegalTransitionError);
    expect(() => moveCase(c, 'verifying', { now: 1, actor, action: 'x', policy })).toThrow(
      /"recorded" cannot move to "verifying"/,
    );
    expect(c).toEqual(copy);
  });

  it('allows nothing out of archived', () => {
    for (const s of STAGES) expect(canMove('archived', s)).toBe(false);
  });

  it('gives each stage the standard time of the Bapenda SOP', () => {
    const c = makeCase({ stage: 'action_planned' });
    const { next } = moveCase(c, 'in_progress', { now: 0, actor, action: 'start', policy });
    expect(next.dueAt).toBe(300 * 60_000);
    const custom = plainMinutesPolicy({ in_progress: 10 });
    expect(moveCase(c, 'in_progress', { now: 0, actor, action: 'start', policy: custom }).next.dueAt).toBe(600_000);
  });

  it('records who moved the case and between which stages', () => {
    const c = makeCase({ stage: 'forwarded' });
    const { event } = moveCase(c, 'in_review', { now: 5, actor, action: 'review', policy, detail: 'dibahas' });
    expect(event).toEqual({
      ticket: c.ticket,
      at: 5,
      actor,
      action: 'review',
      fromStage: 'forwarded',
      toStage: 'in_review',
      detail: 'dibahas',
    });
  });

  it('does not work praise through the SOP', () => {
    const p = makeCase({ kind: 'praise', stage: 'recorded' });
    expect(() => moveCase(p, 'forwarded', { now: 1, actor, action: 'x', policy })).toThrow(/only complaints/);
  });
});
