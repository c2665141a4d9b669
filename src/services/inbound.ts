// The inbound pipeline: store the message under its dedupe key before anything else, run the flow, and commit
// the new conversation state, case changes, events and replies (in the outbox) in one transaction.
// A crash at any point leaves either an unhandled stored message (handled again at start) or a committed result.
import type { Agency } from '../domain/agency.js';
import { citizenKeyOf, type InboundMessage } from '../domain/messages.js';
import type { DuePolicy } from '../domain/lifecycle.js';
import type { CitizenRef, Language } from '../domain/case.js';
import { AlreadyHandledError, ConflictError, type Store, type StoredInbound } from '../store/port.js';
import type { Logger } from '../log/logger.js';
import type { TextUnderstanding } from '../../nlp/types.js';
import { handleMessage } from '../../flows/router.js';
import { readState } from '../../flows/state.js';
import { flowContext, flowOutbox, indexNewComplaints } from './flow-effects.js';
import { KeyedQueue } from './keyed-queue.js';

export interface InboundDeps {
  store: Store;
  nlp: TextUnderstanding;
  agency: Agency;
  duePolicy: DuePolicy;
  log: Logger;
  now: () => number;
  defaultLanguage: Language;
  maxChars: number;
  maxAttachmentBytes: number;
  /** Called after a commit that put messages in the outbox (wakes the dispatcher). */
  onOutbox?: () => void;
  /** Test hook: called after the inbound message is stored and before it is handled. */
  afterStore?: (id: string) => void;
}

export class InboundService {
  private readonly queue = new KeyedQueue();

  constructor(private readonly deps: InboundDeps) {}

  /** Stores and handles one message. A message whose dedupe key was seen before is not handled again. */
  async receive(message: InboundMessage): Promise<{ duplicate: boolean }> {
    const { id, duplicate, handled } = await this.deps.store.saveInbound(message, this.deps.now());
    if (duplicate) {
      this.deps.log.debug('duplicate inbound', { channel: message.channel, messageId: message.messageId, handled });
      // Stored but not handled (its handling failed): the channel's resend is the moment to try again.
      if (!handled) await this.handleStored({ id, message, receivedAt: this.deps.now() });
      return { duplicate: true };
    }
    this.deps.afterStore?.(id);
    await this.handleStored({ id, message, receivedAt: this.deps.now() });
    return { duplicate: false };
  }

  /** Handles messages stored before a crash or restart, oldest first. */
  async recover(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.deps.store.listUnhandledInbound(100);
      if (batch.length === 0) return total;
      for (const item of batch) await this.handleStored(item);
      total += batch.length;
    }
  }

  private handleStored(item: StoredInbound): Promise<void> {
    // One citizen's messages are handled one at a time, in order; different citizens run side by side.
    return this.queue.run(citizenKeyOf(item.message), () => this.handleWithRetry(item));
  }

  private async handleWithRetry(item: StoredInbound): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.handleOnce(item);
        return;
      } catch (err) {
        // Someone else (a concurrent delivery, another instance's recovery) handled it: nothing more to do.
        if (err instanceof AlreadyHandledError) return;
        if (err instanceof ConflictError && attempt < 5) continue;
        // The message stays stored and unhandled; it is tried again at the next start.
        this.deps.log.error('inbound message could not be handled', { inboundId: item.id, error: err as Error });
        throw err;
      }
    }
  }

  private async handleOnce(item: StoredInbound): Promise<void> {
    const { store, log } = this.deps;
    const msg = item.message;
    const key = citizenKeyOf(msg);
    const conversation = await store.getConversation(key);
    const now = this.deps.now();
    const state = readState(conversation?.state ?? null, this.deps.defaultLanguage, now);
    const citizen: CitizenRef = {
      channel: msg.channel,
      userId: msg.senderId,
      chatId: msg.chatId,
      language: state.language,
      ...(msg.senderName ? { displayName: msg.senderName } : {}),
    };
    const out = await handleMessage(
      state,
      { text: msg.text, attachments: msg.attachments, ...(msg.choice ? { choice: msg.choice } : {}) },
      flowContext(this.deps, citizen, now),
    );
    await store.commit({
      inboundHandled: item.id,
      conversations: [{ key, state: out.state, expectedVersion: conversation ? conversation.version : null }],
      contacts: [
        {
          key,
          channel: msg.channel,
          userId: msg.senderId,
          chatId: msg.chatId,
          ...(msg.senderName ? { displayName: msg.senderName } : {}),
          language: out.state.language,
          wroteAt: item.receivedAt,
        },
      ],
      cases: out.cases,
      events: out.events,
      outbox: flowOutbox(msg, out),
    });
    indexNewComplaints(this.deps.nlp, out);
    this.deps.onOutbox?.();
    log.info('message handled', {
      channel: msg.channel,
      citizen: key,
      cases: out.cases.map((c) => `${c.record.ticket}:${c.record.kind}:${c.record.stage}`),
    });
  }

  /** Resolves when every message in hand has been handled (graceful shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
