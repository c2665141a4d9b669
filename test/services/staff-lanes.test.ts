// Which outbox lane a staff message is committed to when divisions have staff groups of their own.
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/domain/case.js';
import { groupOfCase, singleGroup, type StaffGroups } from '../../src/domain/staff-groups.js';
import { routeStaffLanes, withLanes } from '../../src/services/staff-lanes.js';
import type { Store } from '../../src/store/port.js';
import { makeCase } from '../support/fixtures.js';

const GROUPS: StaffGroups = { general: '-100999', divisions: new Map([['pbb-p2', '-100111']]) };

function storeWith(cases: CaseRecord[]): Pick<Store, 'getCase'> {
  return { getCase: async (t) => cases.find((c) => c.ticket === t) ?? null };
}

describe('staff lanes', () => {
  const pbb = makeCase({ division: 'pbb-p2' });
  const other = makeCase({ division: 'layanan' });

  it("commits a case's staff messages to its division group's lane, and everything else to the general inbox", async () => {
    const out = await withLanes(storeWith([pbb, other]), GROUPS, {
      outbox: [
        { channel: 'staff', chatId: pbb.ticket, ticket: pbb.ticket, text: 'kartu' },
        { channel: 'staff', chatId: other.ticket, ticket: other.ticket, text: 'kartu' },
        { channel: 'staff', chatId: 'general', text: 'pemberitahuan' },
        { channel: 'staff', chatId: 'dm:601', text: 'ringkasan' },
        { channel: 'staff', chatId: 'group:-100111', text: 'jawaban /kasus' },
        { channel: 'telegram', chatId: '1001', text: 'balasan warga' },
      ],
    });
    expect(out.outbox?.map((m) => m.channel)).toEqual([
      'staff/-100111',
      'staff',
      'staff',
      'staff',
      'staff/-100111',
      'telegram',
    ]);
  });

  it('routes by the case as the same commit leaves it: a forwarded case speaks in its new group', async () => {
    const moved = { ...other, division: 'pbb-p2' };
    const out = await withLanes(storeWith([other]), GROUPS, {
      cases: [{ record: moved, expectedVersion: other.version }],
      outbox: [{ channel: 'staff', chatId: other.ticket, ticket: other.ticket, text: 'diteruskan' }],
    });
    expect(out.outbox?.[0]?.channel).toBe('staff/-100111');
  });

  it('keeps integrity reports in the general group whatever their division', () => {
    expect(groupOfCase(GROUPS, { division: 'pbb-p2', flags: ['integrity'] })).toBe('-100999');
    expect(groupOfCase(GROUPS, { division: 'pbb-p2', flags: [] })).toBe('-100111');
  });

  it('leaves the store as it is when there are no division groups', () => {
    const store = { commit: async () => {} } as unknown as Store;
    expect(routeStaffLanes(store, singleGroup('-100999'))).toBe(store);
  });
});
