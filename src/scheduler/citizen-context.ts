// What a job needs to run a flow function for a citizen it was not messaged by: the flow context the inbound
// service would build, and the commit of the flow's result (replies to the citizen's chat, changes, notices).
import type { App } from '../app.js';
import type { CitizenRef, Language } from '../domain/case.js';
import type { ChannelName } from '../domain/messages.js';
import { flowContext as sharedFlowContext, flowOutbox, indexNewComplaints } from '../services/flow-effects.js';
import type { FlowContext, FlowResult } from '../../flows/context.js';

const CHANNELS: readonly ChannelName[] = ['console', 'telegram', 'whatsapp', 'web'];

/** The citizen of a conversation key ("whatsapp:62812…@c.us"); chats with citizens are private, so chat = user. */
export function citizenOfKey(key: string, language: Language): CitizenRef | null {
  const i = key.indexOf(':');
  const channel = key.slice(0, i) as ChannelName;
  const userId = key.slice(i + 1);
  if (i <= 0 || userId === '' || !CHANNELS.includes(channel)) return null;
  return { channel, userId, chatId: userId, language };
}

/** The flow context a job uses for `citizen` (the same one the inbound pipeline builds). */
export function flowContext(app: App, citizen: CitizenRef, now: number): FlowContext {
  return sharedFlowContext(
    {
      store: app.store,
      nlp: app.nlp,
      agency: app.agency,
      duePolicy: app.duePolicy,
      maxChars: app.config.MAX_MESSAGE_CHARS,
      maxAttachmentBytes: app.config.MAX_ATTACHMENT_MB * 1_048_576,
      reopenWindowMs: app.config.REOPEN_WINDOW_DAYS * 86_400_000,
      supervisors: app.config,
      ...(app.calendar ? { calendar: app.calendar } : {}),
    },
    citizen,
    now,
  );
}

/**
 * Commits a flow result for a citizen in one transaction: the conversation (at the version read), the cases, the
 * events, the replies and the notices. Throws ConflictError if the citizen wrote meanwhile (the job tries later).
 */
export async function commitForCitizen(
  app: App,
  citizen: CitizenRef,
  conversation: { key: string; version: number | null; changed: boolean },
  out: FlowResult,
): Promise<void> {
  await app.store.commit({
    ...(conversation.changed
      ? { conversations: [{ key: conversation.key, state: out.state, expectedVersion: conversation.version }] }
      : {}),
    cases: out.cases,
    events: out.events,
    outbox: flowOutbox(citizen, out),
  });
  indexNewComplaints(app.nlp, out);
  app.dispatcher.kick();
}
