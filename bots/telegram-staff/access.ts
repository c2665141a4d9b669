// Who may act in the staff inbox. Membership of the group is not enough: only the Telegram user ids listed in
// STAFF_TELEGRAM_IDS (staff) or SUPERVISOR_TELEGRAM_IDS (supervisors, who are staff too and may verify) act.
import type { Actor } from '../../src/domain/case.js';
import type { StaffActor } from '../../src/services/case-service.js';

export interface StaffDirectory {
  staff: readonly string[];
  supervisors: readonly string[];
}

/** The actor for a Telegram user, or null when the user is not staff. */
export function staffActor(dir: StaffDirectory, user: { id: number; isBot: boolean; name: string }): StaffActor | null {
  if (user.isBot) return null;
  const id = String(user.id);
  if (dir.supervisors.includes(id)) return { kind: 'supervisor', id: `telegram:${id}`, name: user.name };
  if (dir.staff.includes(id)) return { kind: 'staff', id: `telegram:${id}`, name: user.name };
  return null;
}

/** The actor recorded on a case's log when someone who is not staff tries to act. */
export function outsiderActor(user: { id: number; name: string } | undefined, what = 'bukan petugas'): Actor {
  return {
    kind: 'system',
    id: user ? `telegram:${user.id}` : 'telegram:unknown',
    name: `${what}${user ? ` (tg ${user.id})` : ''}`,
  };
}
