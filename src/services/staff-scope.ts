// What a staff lookup (/kasus, /cari, /tiket lists) may list, by where it was typed: in a division's own Telegram
// group, that group's cases (its divisions'; integrity reports stay in the general group and are not listed there);
// anywhere else (the general group, a private chat, the terminal, the dashboard) every case.
import type { CaseRecord } from '../domain/case.js';
import type { StaffGroups } from '../domain/staff-groups.js';
import type { CaseQuery, Store } from '../store/port.js';

/** The divisions whose cases a lookup sent to `replyTo` ("group:<chat id>") lists; null for all of them. */
export function scopeOf(groups: StaffGroups | undefined, replyTo: string | undefined): string[] | null {
  const chat = replyTo?.startsWith('group:') ? replyTo.slice('group:'.length) : null;
  if (!groups || chat === null || chat === groups.general) return null;
  const divisions = [...groups.divisions].filter(([, c]) => c === chat).map(([d]) => d);
  return divisions.length ? divisions : null;
}

/** `store.listCases` limited to `divisions` (null: unlimited), merged in the query's order. */
export function scopedLister(
  store: Pick<Store, 'listCases'>,
  divisions: string[] | null,
): (q: CaseQuery) => Promise<CaseRecord[]> {
  if (!divisions) return (q) => store.listCases(q);
  return async (q) => {
    const limit = q.limit ?? 50;
    const parts = await Promise.all(divisions.map((division) => store.listCases({ ...q, division, limit })));
    const oldest = q.order === 'oldest';
    return parts
      .flat()
      .filter((c) => !c.flags.includes('integrity'))
      .sort((a, b) => (oldest ? a.createdAt - b.createdAt : b.createdAt - a.createdAt))
      .slice(0, limit);
  };
}
