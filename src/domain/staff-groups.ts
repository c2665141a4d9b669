// Where the staff inbox lives when an agency gives each division a Telegram group of its own (issue 10): the
// general group (TELEGRAM_STAFF_CHAT_ID) keeps notices, digests and the cases of divisions without a group; each
// division group gets its own cases' cards and topics. Telegram paces each group on its own, so each group is its own
// outbox destination ("lane": "staff/<chat id>"), paced apart; the general group is the plain 'staff' destination.
import type { CaseRecord } from './case.js';
import type { Destination, StaffLane } from './messages.js';

export interface StaffGroups {
  /** The general group's chat id. */
  general: string;
  /** Division id → the chat id of its own group (only divisions that have one; never the general group). */
  divisions: ReadonlyMap<string, string>;
}

/** No division groups: everything in the general group (the install without TELEGRAM_STAFF_DIVISION_CHATS). */
export function singleGroup(general: string): StaffGroups {
  return { general, divisions: new Map() };
}

/** Whether the install has any division group at all. */
export function hasDivisionGroups(g: StaffGroups): boolean {
  return g.divisions.size > 0;
}

/**
 * The group a case's card and topic belong in: its division's group, else the general one. An integrity report
 * (illegal levies, bribes) stays in the general group whatever its division: it goes to the head of the agency, may
 * accuse the division's own officers, and a topic has no access control of its own, so everyone in the division's
 * group would read it.
 */
export function groupOfCase(g: StaffGroups, c: Pick<CaseRecord, 'division' | 'flags'>): string {
  if (c.flags.includes('integrity')) return g.general;
  return g.divisions.get(c.division) ?? g.general;
}

/** Every group the staff bot serves: the general one first. */
export function allGroups(g: StaffGroups): string[] {
  return [...new Set([g.general, ...g.divisions.values()])];
}

/** The outbox destination of a group: the general group is 'staff', another group its own lane. */
export function laneOfGroup(g: StaffGroups, chat: string): Destination {
  return chat === g.general ? 'staff' : staffLane(chat);
}

/** The lane's name for a division group's chat id. */
export function staffLane(chat: string): StaffLane {
  return `staff/${chat}`;
}

/** The group chat id of a lane ('staff' → the general group). */
export function groupOfLane(g: StaffGroups, d: Destination): string {
  return d.startsWith('staff/') ? d.slice('staff/'.length) : g.general;
}
