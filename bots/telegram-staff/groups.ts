// The staff groups as the staff bot sees them (src/domain/staff-groups.ts): which chats it serves, how thread
// records name a group, and how staff and failure notices call each group.
import type { Agency } from '../../src/domain/agency.js';
import { allGroups, type StaffGroups } from '../../src/domain/staff-groups.js';
import { GENERAL_GROUP, type GroupRef } from './trouble.js';

export class GroupBook {
  private readonly served: Set<string>;

  constructor(
    readonly groups: StaffGroups,
    private readonly agency: Pick<Agency, 'divisions'>,
  ) {
    this.served = new Set(allGroups(groups));
  }

  get general(): string {
    return this.groups.general;
  }

  /** Whether updates from `chat` are the inbox's (the general group or a division group). */
  serves(chat: string): boolean {
    return this.served.has(chat);
  }

  /** The group as thread records name it: a division group's chat id, undefined for the general group. */
  stored(chat: string): string | undefined {
    return chat === this.groups.general ? undefined : chat;
  }

  /** The chat of a thread record's group (absent: the general group). */
  chatOf(stored: string | undefined): string {
    return stored ?? this.groups.general;
  }

  /** How staff and failure notices name a group, with the setting that gives its id. */
  ref(chat: string): GroupRef {
    if (chat === this.groups.general) return GENERAL_GROUP;
    const ids = [...this.groups.divisions].filter(([, c]) => c === chat).map(([d]) => d);
    const names = ids.map((id) => this.agency.divisions.find((d) => d.id === id)?.name ?? id);
    return {
      chat,
      setting: `TELEGRAM_STAFF_DIVISION_CHATS ${ids.map((d) => `${d}:${chat}`).join(',') || chat}`,
      name: `grup ${names.join(' / ') || chat}`,
    };
  }
}
