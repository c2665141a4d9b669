// A citizen's message through the conversation flows: the flow runs on the citizen's stored state and returns every
// change, which the inbound pipeline commits with the message's "handled" mark.
import type { CitizenRef } from '../domain/case.js';
import { citizenKeyOf, type InboundMessage } from '../domain/messages.js';
import type { Commit } from '../store/port.js';
import { handleMessage } from '../../flows/router.js';
import { readState } from '../../flows/state.js';
import { flowContext, flowOutbox, indexNewComplaints, type FlowDeps } from './flow-effects.js';
import type { Language } from '../domain/case.js';
import type { Counters } from './metrics.js';

export interface Planned {
  /** Everything the message changes, committed with its "handled" mark. */
  commit: Omit<Commit, 'inboundHandled'>;
  /** After the commit (e.g. the repeat index learns new complaints). */
  after?: () => void;
  /** What the log says about it. */
  summary: Record<string, unknown>;
}

/** Runs a citizen's message through the flows on their stored state; returns what to commit with it. */
export async function planCitizen(
  deps: FlowDeps & { defaultLanguage: Language; counters?: Counters },
  msg: InboundMessage,
  receivedAt: number,
  now: number,
): Promise<Planned> {
  const key = citizenKeyOf(msg);
  const conversation = await deps.store.getConversation(key);
  const state = readState(conversation?.state ?? null, deps.defaultLanguage, now);
  const citizen: CitizenRef = {
    channel: msg.channel,
    userId: msg.senderId,
    chatId: msg.chatId,
    language: state.language,
    ...(msg.senderName ? { displayName: msg.senderName } : {}),
  };
  const out = await handleMessage(
    state,
    {
      text: msg.text,
      attachments: msg.attachments,
      ...(msg.choice ? { choice: msg.choice } : {}),
      ...(msg.details ? { details: msg.details } : {}),
    },
    flowContext(deps, citizen, now),
  );
  return {
    commit: {
      conversations: [{ key, state: out.state, expectedVersion: conversation ? conversation.version : null }],
      contacts: [
        {
          key,
          channel: msg.channel,
          userId: msg.senderId,
          chatId: msg.chatId,
          ...(msg.senderName ? { displayName: msg.senderName } : {}),
          language: out.state.language,
          wroteAt: receivedAt,
        },
      ],
      cases: out.cases,
      events: out.events,
      outbox: flowOutbox(msg, out),
    },
    after: () => {
      indexNewComplaints(deps.nlp, out);
      for (const [name, by] of Object.entries(out.counters ?? {})) deps.counters?.add(name, by);
    },
    summary: {
      channel: msg.channel,
      citizen: key,
      cases: out.cases.map((c) => `${c.record.ticket}:${c.record.kind}:${c.record.stage}`),
    },
  };
}
