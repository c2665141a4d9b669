// Erasure of a citizen's personal data on their request (UU 27/2022 PDP, hak untuk menghapus) and anonymisation of
// old closed cases (retention). This builds the Erasure the store applies in one transaction: which citizen, their
// chats, the identifiers to look for elsewhere, and the rules (erasure-rules.ts) every record is rewritten by.
import { citizenKey as keyOf, type Actor, type CaseEvent, type CaseRecord } from '../domain/case.js';
import { chatKeyOf, type ChannelName } from '../domain/messages.js';
import type { Erasure, ErasureCounts, Store, StoreBundle } from '../store/port.js';
import type { WebStore } from '../store/web-port.js';
import {
  anonymiseCase,
  anonymiseEvent,
  identifierForms,
  nameForms,
  newPseudonym,
  personalDataIn,
  scrubber,
  type CaseRules,
} from './erasure-rules.js';
import { noteErasure } from '../digest/retention-line.js';

const CHANNELS: readonly ChannelName[] = ['telegram', 'whatsapp', 'console', 'web'];

/** "whatsapp:6281234567890@c.us" → its channel and id; null for anything that is not a citizen key. */
export function parseCitizenKey(key: string): { channel: ChannelName; userId: string } | null {
  const at = key.indexOf(':');
  const channel = CHANNELS.find((c) => c === key.slice(0, at));
  const userId = key.slice(at + 1).trim();
  if (at < 1 || !channel || !userId || /\s/.test(userId) || userId.startsWith('dihapus-')) return null;
  return { channel, userId };
}

/** The words a citizen wrote in a case (their texts are removed whole; these tell what personal data to look for). */
function citizenTexts(c: CaseRecord): Array<string | undefined> {
  return [
    c.text,
    ...Object.values(c.details),
    ...c.ptp.flatMap((p) => [p.reopenReason, p.citizenAnswer?.reason]),
    ...c.satisfaction.map((s) => s.reason),
  ];
}

/**
 * Everything about `citizenKey` to erase: read from the store (their cases, contact, web record) so the identifiers
 * they gave can be looked for in staff texts too. `now` marks the records.
 */
export async function citizenErasure(
  { store, web: webRecords }: { store: Store; web: Pick<WebStore, 'getWebCitizen'> },
  citizenKey: string,
  now: number,
): Promise<Erasure> {
  const who = parseCitizenKey(citizenKey);
  if (!who) throw new Error(`"${citizenKey}" is not a citizen (channel:id)`);
  const cases = await store.listCases({ citizenKey, limit: 1000 });
  const contact = await store.getContact(citizenKey);
  const web = who.channel === 'web' ? await webRecords.getWebCitizen(citizenKey) : null;
  const chats = new Set([who.userId, ...(contact ? [contact.chatId] : []), ...cases.map((c) => c.citizen.chatId)]);
  const ids = identifierForms([citizenKey, ...chats, web?.contact?.value]);
  const found = personalDataIn(cases.flatMap(citizenTexts));
  const names = [contact?.displayName, ...cases.map((c) => c.citizen.displayName)].flatMap(nameForms);
  const scrub = scrubber([...ids, ...found, ...names]);
  const rules: CaseRules = { pseudonym: newPseudonym(), scrub, at: now, why: 'erasure' };
  return {
    citizenKey,
    chatKeys: [...chats].map((chatId) => chatKeyOf({ channel: who.channel, chatId })),
    tickets: [],
    identifiers: [...new Set([...ids, ...found])].filter((s) => s.length >= 6),
    anonymiseCase: (c) => anonymiseCase(c, rules),
    anonymiseEvent: (e) => anonymiseEvent(e, rules, who.channel),
    scrub,
  };
}

/**
 * Retention: closed cases anonymised one by one (each gets its own stand-in; the citizen's contact stays, they may
 * have newer cases). Staff texts of the case are scrubbed of the identifiers the case holds.
 */
export async function retentionErasure(store: Store, tickets: string[], now: number): Promise<Erasure> {
  const cases = (await Promise.all(tickets.map((t) => store.getCase(t)))).filter((c): c is CaseRecord => c !== null);
  const byTicket = new Map<string, CaseRules>();
  for (const c of cases) {
    const ids = identifierForms([keyOf(c.citizen), c.citizen.userId, c.citizen.chatId]);
    const scrub = scrubber([...ids, ...personalDataIn(citizenTexts(c)), ...nameForms(c.citizen.displayName)]);
    byTicket.set(c.ticket, { pseudonym: newPseudonym(), scrub, at: now, why: 'retention' });
  }
  const plain: CaseRules = { pseudonym: newPseudonym(), scrub: scrubber([]), at: now, why: 'retention' };
  const rulesOf = (ticket: string) => byTicket.get(ticket) ?? plain;
  const channelOf = new Map(cases.map((c) => [c.ticket, c.citizen.channel]));
  return {
    chatKeys: [],
    tickets: cases.map((c) => c.ticket),
    identifiers: [],
    anonymiseCase: (c) => anonymiseCase(c, rulesOf(c.ticket)),
    anonymiseEvent: (e) => anonymiseEvent(e, rulesOf(e.ticket), channelOf.get(e.ticket) ?? null),
    scrub: (text) => {
      let out = text;
      for (const t of cases.map((c) => c.ticket)) if (text.includes(t)) out = rulesOf(t).scrub(out);
      return plain.scrub(out);
    },
  };
}

/** The web uploads a citizen's cases hold (their files go with the erasure). */
export function uploadsOf(cases: CaseRecord[]): string[] {
  return cases.flatMap((c) =>
    c.attachments.flatMap((a) => (a.fileId?.startsWith('web:') ? [a.fileId.slice('web:'.length)] : [])),
  );
}

/** What erasing a citizen would touch, for the question asked before it (nothing is changed). */
export async function previewErasure(
  bundle: Pick<StoreBundle, 'store' | 'privacy' | 'web'>,
  citizenKey: string,
): Promise<ErasureCounts & { uploads: number }> {
  const e = await citizenErasure(bundle, citizenKey, 0);
  const cases = await bundle.store.listCases({ citizenKey, limit: 1000 });
  return { ...(await bundle.privacy.countCitizen(citizenKey, e.chatKeys)), uploads: uploadsOf(cases).length };
}

/**
 * Erases a citizen now (the terminal's `citizens erase`; staff confirm in the inbox through the staff flow instead):
 * the store in one commit (with an event in each of their cases saying so), then their uploaded files and their
 * complaints in the repeat index. Returns the ticket numbers whose records were anonymised.
 */
export async function eraseCitizenNow(
  deps: {
    store: Store;
    web: Pick<WebStore, 'getWebCitizen'>;
    removeUploads: (ids: string[]) => Promise<number>;
    forget?: (ticket: string) => void;
  },
  citizenKey: string,
  now: number,
): Promise<{ tickets: string[]; uploads: number }> {
  const { store } = deps;
  const cases = await store.listCases({ citizenKey, limit: 1000 });
  const by: Actor = { kind: 'system', id: 'terminal', name: 'aduan citizens erase' };
  const tickets = cases.map((c) => c.ticket);
  await store.commit({
    events: erasureEvents(tickets, by, now, 'request received outside the chat'),
    erase: await citizenErasure(deps, citizenKey, now),
  });
  await noteErasure(store, now);
  const uploads = await deps.removeUploads(uploadsOf(cases));
  for (const t of tickets) deps.forget?.(t);
  return { tickets, uploads };
}

/** The events that say, in each of the citizen's cases, that their data was erased and on whose word (no data). */
export function erasureEvents(tickets: string[], actor: Actor, at: number, how: string): CaseEvent[] {
  return tickets.map((ticket) => ({ ticket, at, actor, action: 'personal data erased', detail: how }));
}
