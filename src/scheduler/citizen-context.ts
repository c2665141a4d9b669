// What a job needs to run a flow function for a citizen it was not messaged by: the flow context the inbound
// service would build, and the commit of the flow's result (replies to the citizen's chat, changes, notices).
import type { App } from '../app.js';
import type { CitizenRef, Language } from '../domain/case.js';
import type { ChannelName, OutboundMessage } from '../domain/messages.js';
import { newTicket } from '../domain/ticket.js';
import type { FlowContext, FlowResult } from '../../flows/context.js';

const CHANNELS: readonly ChannelName[] = ['console', 'telegram', 'whatsapp', 'staff'];

/** The citizen of a conversation key ("whatsapp:62812…@c.us"); chats with citizens are private, so chat = user. */
export function citizenOfKey(key: string, language: Language): CitizenRef | null {
  const i = key.indexOf(':');
  const channel = key.slice(0, i) as ChannelName;
  const userId = key.slice(i + 1);
  if (i <= 0 || userId === '' || !CHANNELS.includes(channel) || channel === 'staff') return null;
  return { channel, userId, chatId: userId, language };
}

export function flowContext(app: App, citizen: CitizenRef, now: number): FlowContext {
  return {
    now,
    citizen,
    citizenKey: `${citizen.channel}:${citizen.userId}`,
    nlp: app.nlp,
    agency: app.agency,
    duePolicy: app.duePolicy,
    maxChars: app.config.MAX_MESSAGE_CHARS,
    maxAttachmentBytes: app.config.MAX_ATTACHMENT_MB * 1_048_576,
    newTicket: () => newTicket(),
    casesOf: (citizenKey, limit) => app.store.listCases({ citizenKey, limit }),
    getCase: (ticket) => app.store.getCase(ticket),
  };
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
  const replies: OutboundMessage[] = out.replies.map((r) => ({
    channel: citizen.channel,
    chatId: citizen.chatId,
    text: r.text,
    kind: 'reply',
    ...(r.choices ? { choices: r.choices } : {}),
  }));
  await app.store.commit({
    ...(conversation.changed
      ? { conversation: { key: conversation.key, state: out.state, expectedVersion: conversation.version } }
      : {}),
    cases: out.cases,
    events: out.events,
    outbox: [...replies, ...out.notify],
  });
  for (const { record, expectedVersion } of out.cases) {
    if (expectedVersion === null && record.kind === 'complaint') {
      app.nlp.repeats.add({
        ticket: record.ticket,
        citizenKey: `${record.citizen.channel}:${record.citizen.userId}`,
        text: [record.text, record.details.what].filter(Boolean).join('\n'),
      });
    }
  }
  app.dispatcher.kick();
}
