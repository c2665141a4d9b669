// What the planners share: moving the case through the SOP state machine on behalf of the actor, and addressing a
// message to the case's citizen on the citizen's own channel.
import type { CaseEvent, CaseRecord } from '../../../src/domain/case.js';
import { moveCase } from '../../../src/domain/lifecycle.js';
import type { OutboundMessage } from '../../../src/domain/messages.js';
import type { Resolution, Stage } from '../../../src/domain/stages.js';
import type { ActionType, PlanContext } from './types.js';

/** Moves `c` to `to` as `action` by the actor (IllegalTransitionError when the SOP does not allow it). */
export function move(
  c: CaseRecord,
  to: Stage,
  action: ActionType,
  ctx: PlanContext,
  detail?: string,
  resolution?: Resolution,
): { next: CaseRecord; event: CaseEvent } {
  return moveCase(c, to, {
    now: ctx.now,
    actor: ctx.actor,
    action,
    policy: ctx.duePolicy,
    ...(detail ? { detail } : {}),
    ...(resolution ? { resolution } : {}),
  });
}

/** A message to the case's citizen, in the citizen's language (`texts[lang]`). */
export function toCitizen(
  c: CaseRecord,
  text: string,
  extra: Partial<Pick<OutboundMessage, 'kind' | 'choices'>> = {},
): OutboundMessage {
  return {
    channel: c.citizen.channel,
    chatId: c.citizen.chatId,
    text,
    kind: 'reply',
    ticket: c.ticket,
    ...extra,
  };
}

/** The text in the citizen's language. */
export function said(c: CaseRecord, texts: { id: string; en: string }): string {
  return c.citizen.language === 'en' ? texts.en : texts.id;
}
