// A staff member's message through the staff flow (flows/staff): who the sender is, the case and their questions in
// hand, and the flow's result as one commit (case, events, replies, the citizen's conversation), exactly like a
// citizen's message. Replies go to the place the message came from, or back to the caller (the terminal).
import type { Agency } from '../domain/agency.js';
import { citizenKey, type Actor } from '../domain/case.js';
import type { Logger } from '../log/logger.js';
import type { DuePolicy } from '../domain/lifecycle.js';
import type { OutboundMessage } from '../domain/messages.js';
import type { StaffMessage, StaffReply } from '../domain/staff.js';
import { TICKET_PATTERN } from '../domain/ticket.js';
import type { ConversationWrite, Store } from '../store/port.js';
import type { WebStore } from '../store/web-port.js';
import { readState } from '../../flows/state.js';
import { handleStaffMessage, readStaffState, staffStateKey } from '../../flows/staff/index.js';
import type { Planned } from './citizen-handling.js';
import type { StaffDirectory } from './staff-directory.js';
import type { TextUnderstanding } from '../../nlp/types.js';
import { citizenErasure, erasureEvents, uploadsOf } from './erasure.js';
import { noteErasure } from '../digest/retention-line.js';
import { scopedLister, scopeOf } from './staff-scope.js';
import type { StaffGroups } from '../domain/staff-groups.js';

export interface StaffDeps {
  store: Store;
  /** The web's records (an erased web citizen's contact is looked for in staff texts). */
  web: Pick<WebStore, 'getWebCitizen'>;
  agency: Agency;
  duePolicy: DuePolicy;
  staff: StaffDirectory;
  /** The repeat index forgets an erased citizen's complaints. */
  nlp?: Pick<TextUnderstanding, 'repeats'>;
  /** Deletes web uploads of an erased citizen (files under DATA_DIR/uploads). */
  removeUploads?: (ids: string[]) => Promise<number>;
  log?: Logger;
  /** The staff groups: a lookup typed in a division's group lists that group's cases (src/services/staff-scope.ts). */
  staffGroups?: StaffGroups;
}

export interface StaffPlanned extends Planned {
  /** Replies for a caller that shows them itself (no replyTo: the terminal). */
  shown: StaffReply[];
  toast?: string;
}

/** Runs a staff message through the staff flow; returns what to commit with it and what the caller shows. */
export async function planStaff(deps: StaffDeps, msg: StaffMessage, now: number): Promise<StaffPlanned> {
  const { store } = deps;
  const actor = 'anonymous' in msg.sender ? null : deps.staff.actorFor(msg.surface, msg.sender);
  const c = msg.ticket ? await store.getCase(msg.ticket) : null;
  const contact = c ? await store.getContact(citizenKey(c.citizen)) : null;
  const key = actor ? staffStateKey(actor.id) : null;
  const stored = key ? await store.getConversation(key) : null;
  const state = readStaffState(stored?.state ?? null, now);
  const out = await handleStaffMessage(state, msg, {
    now,
    actor,
    surface: msg.surface,
    agency: deps.agency,
    duePolicy: deps.duePolicy,
    repliesInThread: c !== null && msg.replyTo === c.ticket,
    case: c,
    ...(contact?.unreachableAt !== undefined
      ? { citizenUnreachable: { at: contact.unreachableAt, reason: contact.unreachableReason ?? '' } }
      : {}),
    getCase: (t) => store.getCase(t),
    listCases: scopedLister(store, scopeOf(deps.staffGroups, msg.replyTo)),
    getEvents: (t) => store.getEvents(t),
  });
  const conversations: ConversationWrite[] = [];
  if (key && JSON.stringify(out.state) !== JSON.stringify(stored?.state ?? null)) {
    conversations.push({ key, state: out.state, expectedVersion: stored ? stored.version : null });
  }
  if (out.citizen) {
    const conv = await store.getConversation(out.citizen.key);
    const citizenState = readState(conv?.state ?? null, out.citizen.language, now);
    conversations.push({
      key: out.citizen.key,
      state: out.citizen.effect(citizenState),
      expectedVersion: conv ? conv.version : null,
    });
  }
  const replyTo = msg.replyTo;
  const replies: OutboundMessage[] = replyTo
    ? out.replies.map((r) => ({ ...toPlace(replyTo, r), answers: msg.messageId }))
    : [];
  const erasure = out.erase && actor ? await planErasure(deps, out.erase, actor, c?.ticket ?? null, now) : null;
  return {
    commit: {
      conversations,
      cases: out.cases,
      events: [...out.events, ...(erasure?.events ?? [])],
      outbox: [...replies, ...out.outbox],
      ...(erasure ? { erase: erasure.erase } : {}),
    },
    ...(erasure ? { after: erasure.after } : {}),
    shown: replyTo ? [] : out.replies,
    ...(out.toast ? { toast: out.toast } : {}),
    summary: {
      surface: msg.surface,
      actor: actor?.id ?? 'not staff',
      ...(c ? { ticket: c.ticket } : {}),
      cases: out.cases.map((x) => `${x.record.ticket}:${x.record.stage}`),
    },
  };
}

/** A reply as an outbox message to a staff place (a case's thread, "general", "dm:<id>"). */
function toPlace(place: string, r: StaffReply): OutboundMessage {
  return {
    channel: 'staff',
    chatId: place,
    text: r.text,
    kind: r.kind,
    ...(r.ack ? { ack: true } : {}),
    ...(TICKET_PATTERN.test(place) ? { ticket: place } : {}),
    ...(r.choices?.length ? { choices: r.choices } : {}),
  };
}

/**
 * A citizen's erasure confirmed by staff: what the commit erases, an event in each of their other cases, and after
 * the commit their uploaded files and their complaints in the repeat index.
 */
async function planErasure(deps: StaffDeps, key: string, actor: Actor, ticket: string | null, now: number) {
  const cases = await deps.store.listCases({ citizenKey: key, limit: 1000 });
  const others = cases.map((x) => x.ticket).filter((t) => t !== ticket);
  const uploads = uploadsOf(cases);
  return {
    erase: await citizenErasure(deps, key, now),
    events: erasureEvents(others, actor, now, `confirmed by staff in ${ticket ?? 'the inbox'}`),
    after: () => {
      for (const x of cases) deps.nlp?.repeats.remove(x.ticket);
      void noteErasure(deps.store, now).catch((err: Error) =>
        deps.log?.error('an erasure could not be noted for the digest', { error: err }),
      );
      void deps
        .removeUploads?.(uploads)
        .catch((err: Error) =>
          deps.log?.error('uploads of an erased citizen could not be deleted', { error: err, files: uploads.length }),
        );
    },
  };
}
