// A question the bot asked one staff member about one case ("write the root cause"): the next message from that
// member in the case's thread is the answer. Kept in the store, so a restart in between loses nothing.
import type { Store } from '../../src/store/port.js';

export type PendingAction = 'review' | 'root_cause' | 'ptp' | 'reject' | 'inform' | 'note' | 'invalid';
const ACTIONS: readonly PendingAction[] = ['review', 'root_cause', 'ptp', 'reject', 'inform', 'note', 'invalid'];

export interface Pending {
  v: 1;
  ticket: string;
  action: PendingAction;
  /** PTP is asked in three steps. */
  step?: 'action' | 'owner' | 'due';
  correctiveAction?: string;
  owner?: string;
  at: number;
}

const key = (ticket: string, userId: number) => `staff-pending:${ticket}:${userId}`;

/**
 * A question older than this is forgotten: a staff member who typed /tolak and walked away must not have a chat
 * message days later taken as the reason for closing the case.
 */
export const PENDING_TTL_MS = 30 * 60_000;

/** The question still open for this member on this case at `now`, if any. */
export async function readPending(store: Store, ticket: string, userId: number, now: number): Promise<Pending | null> {
  const raw = await store.getValue(key(ticket, userId));
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as Partial<Pending>;
    if (p.v !== 1 || p.ticket !== ticket || !ACTIONS.includes(p.action as PendingAction)) return null;
    if (typeof p.at !== 'number' || now - p.at > PENDING_TTL_MS) return null;
    return p as Pending;
  } catch {
    return null;
  }
}

export async function savePending(store: Store, userId: number, p: Pending): Promise<void> {
  await store.setValue(key(p.ticket, userId), JSON.stringify(p));
}

export async function clearPending(store: Store, ticket: string, userId: number): Promise<void> {
  await store.setValue(key(ticket, userId), '');
}
