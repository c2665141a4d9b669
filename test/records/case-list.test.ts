import { describe, expect, it } from 'vitest';
import { caseListLines, divisionColumn } from '../../src/cli/commands/cases-list-view.js';
import { loadAgency } from '../../src/config/agency.js';
import { makeCase } from '../support/fixtures.js';

describe('cases list', () => {
  const now = Date.UTC(2026, 10, 2, 6, 0, 0);
  const late = makeCase({ stage: 'in_review', dueAt: now - 60_000, text: 'Hubungi saya di 0812-6677-8899 soal PBB' });
  const onTime = makeCase({ stage: 'in_review', dueAt: now + 60_000 });
  const waiting = makeCase({ stage: 'awaiting_confirmation', dueAt: now - 60_000 });

  it('has column headers and marks only the cases open past due, by the one definition', () => {
    const lines = caseListLines([late, onTime, waiting], 3, now);
    expect(lines[0]).toMatch(/^TIKET\s+DITERIMA\s+TAHAP\s+BIDANG\s+LEWAT BATAS\s+ISI/);
    const marks = lines.slice(1, 4).map((l) => l.slice(lines[0]!.indexOf('LEWAT BATAS')).split(/\s+/)[0]);
    expect(marks).toEqual(['ya', '-', '-']);
    expect(lines.join('\n')).not.toContain('6677');
    expect(lines.at(-1)).toBe('3 kasus.');
  });

  it('names stages and divisions as staff say them, not by their ids', () => {
    const padang = loadAgency('src/config/agencies/bapenda-kota-padang.json');
    const lines = caseListLines(
      [late, waiting, makeCase({ stage: 'archived', division: 'pelayanan' })],
      3,
      now,
      padang,
    );
    const body = lines.slice(1, 4).join('\n');
    expect(body).toContain('ditelaah bidang');
    expect(body).toContain('menunggu konfirmasi warga');
    expect(body).toContain('diarsipkan');
    expect(body).not.toMatch(/in_review|awaiting_confirmation|archived/);
    expect(divisionColumn(padang, 'pbb-p2')).toBe('PBB-P2');
    expect(divisionColumn(padang, 'pelayanan')).toBe('Pelayanan dan Perila…');
    expect(body).toContain('Pelayanan dan Perila…');
    expect(divisionColumn(padang, 'no-such-division')).toBe('no-such-division');
  });

  it('says how many more cases match beyond its limit', () => {
    const lines = caseListLines([late, onTime], 1234, now);
    expect(lines.at(-1)).toContain('2 dari 1.234 kasus yang cocok ditampilkan; 1.232 lagi tidak ditampilkan');
  });
});
