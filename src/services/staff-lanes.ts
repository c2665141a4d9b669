// With a staff group per division, every staff message about a case is committed to the outbox lane of the group its
// case belongs in (src/domain/staff-groups.ts), so each group is claimed and paced on its own budget: a burst of new
// cards in one division's group never delays another group's acknowledgements. The lane is decided once, here, as the
// outbox is written, from the case as that same commit leaves it (a forwarded case's messages go to its new group).
// The staff bot still posts each message where the case's thread is at the time it is sent.
import { TICKET_PATTERN } from '../domain/ticket.js';
import type { OutboundMessage } from '../domain/messages.js';
import { groupOfCase, hasDivisionGroups, laneOfGroup, type StaffGroups } from '../domain/staff-groups.js';
import type { Commit, Store } from '../store/port.js';

/** Staff addresses of a division group's own main thread ("group:<chat id>", e.g. the answer to /kasus typed there). */
export const GROUP_ADDRESS = /^group:(-\d{1,20})$/;

/**
 * The store with its commits routed to the groups' lanes; the store itself when the install has one group only
 * (then nothing changes at all).
 */
export function routeStaffLanes<S extends Store>(store: S, groups: StaffGroups): S {
  if (!hasDivisionGroups(groups)) return store;
  const commit = store.commit.bind(store);
  const routed = async (change: Commit) => commit(await withLanes(store, groups, change));
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'commit') return routed;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/** The commit with each general-inbox message about a case (or a division group's thread) moved to its lane. */
export async function withLanes(store: Pick<Store, 'getCase'>, groups: StaffGroups, change: Commit): Promise<Commit> {
  if (!change.outbox?.length) return change;
  const inCommit = new Map((change.cases ?? []).map((c) => [c.record.ticket, c.record]));
  const outbox: OutboundMessage[] = [];
  for (const m of change.outbox) {
    if (m.channel !== 'staff') {
      outbox.push(m);
      continue;
    }
    const group = GROUP_ADDRESS.exec(m.chatId)?.[1];
    if (group !== undefined) {
      outbox.push({ ...m, channel: laneOfGroup(groups, group) });
      continue;
    }
    if (!TICKET_PATTERN.test(m.chatId)) {
      outbox.push(m);
      continue;
    }
    const c = inCommit.get(m.chatId) ?? (await store.getCase(m.chatId));
    outbox.push(c ? { ...m, channel: laneOfGroup(groups, groupOfCase(groups, c)) } : m);
  }
  return { ...change, outbox };
}
