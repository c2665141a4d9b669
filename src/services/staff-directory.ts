// Who may act on the staff side, from the configuration: Telegram user ids listed as staff or supervisors (on any
// surface: the terminal's --as takes the same ids, with the same roles), and terminal-only operators of a
// single-office install (STAFF_OPERATORS). Membership of the staff group alone is not enough.
import type { StaffActor, StaffRole, StaffSurface } from '../domain/staff.js';

export interface StaffDirectory {
  /** The actor for a sender of `surface`, or null when they are not listed. */
  actorFor(surface: StaffSurface, sender: { id: string; name?: string }): StaffActor | null;
}

export interface StaffLists {
  staffTelegramIds: readonly string[];
  supervisorTelegramIds: readonly string[];
  operators: ReadonlyArray<{ id: string; role: StaffRole }>;
}

/** The directory of the configured lists (built once at start-up by createApp). */
export function staffDirectory(lists: StaffLists): StaffDirectory {
  const telegramRole = (id: string): StaffRole | null =>
    lists.supervisorTelegramIds.includes(id) ? 'supervisor' : lists.staffTelegramIds.includes(id) ? 'staff' : null;
  return {
    actorFor(surface, sender) {
      const id = sender.id.trim();
      const name = sender.name?.trim() || id;
      const viaTelegram = telegramRole(id);
      if (viaTelegram) return { kind: viaTelegram, id: `telegram:${id}`, name };
      // Operators act from the terminal (and later the web dashboard); a Telegram account is not an operator.
      if (surface === 'telegram') return null;
      const op = lists.operators.find((o) => o.id === id);
      return op ? { kind: op.role, id: `operator:${id}`, name } : null;
    },
  };
}
