// The staff groups of an install, checked against the agency profile: TELEGRAM_STAFF_DIVISION_CHATS may only name
// divisions the profile has. A wrong id stops start-up with a message naming the setting (in Indonesian and English).
import type { Agency } from '../domain/agency.js';
import { singleGroup, type StaffGroups } from '../domain/staff-groups.js';
import { ConfigError, type Config } from './config.js';

/**
 * The general group and each division's own group; throws ConfigError for a division the profile does not have.
 * A division mapped to the general group's own id simply stays in the general group.
 */
export function staffGroupsOf(
  config: Pick<Config, 'TELEGRAM_STAFF_CHAT_ID' | 'TELEGRAM_STAFF_DIVISION_CHATS'>,
  agency: Pick<Agency, 'divisions'>,
): StaffGroups {
  const general = config.TELEGRAM_STAFF_CHAT_ID ?? '';
  const known = agency.divisions.map((d) => d.id);
  const problems = config.TELEGRAM_STAFF_DIVISION_CHATS.filter((p) => !known.includes(p.division)).map(
    (p) =>
      `TELEGRAM_STAFF_DIVISION_CHATS: "${p.division}" bukan id bidang di profil instansi / is not a division id of ` +
      `the agency profile (${known.join(', ')})`,
  );
  if (problems.length) throw new ConfigError(problems);
  const divisions = new Map<string, string>();
  for (const p of config.TELEGRAM_STAFF_DIVISION_CHATS) if (p.chatId !== general) divisions.set(p.division, p.chatId);
  return { ...singleGroup(general), divisions };
}
