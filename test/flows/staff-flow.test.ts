// The staff flow tested as the plain function it is: (state, message, context) → result. No store, no bot.
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/domain/case.js';
import { plainMinutesPolicy } from '../../src/domain/lifecycle.js';
import { withCurrentRound, withVerification } from '../../src/domain/ptp.js';
import type { StaffActor, StaffMessage } from '../../src/domain/staff.js';
import { caseChoices, handleStaffMessage, readStaffState, type StaffContext } from '../../flows/staff/index.js';
import { encodeChoice, parseChoice } from '../../flows/staff/commands.js';
import { parseDueDate } from '../../flows/staff/due-date.js';
import { QUESTION_TTL_MS, type StaffState } from '../../flows/staff/state.js';
import { makeCase } from '../support/fixtures.js';
import { testAgency } from '../support/fake-nlp.js';

const NOW = Date.UTC(2026, 10, 2, 2, 0);
const RINA: StaffActor = { kind: 'staff', id: 'telegram:501', name: 'Rina' };
const KABID: StaffActor = { kind: 'supervisor', id: 'telegram:601', name: 'Pak Kabid' };
const fresh = (): StaffState => ({ v: 1, questions: [] });

function ctx(c: CaseRecord | null, actor: StaffActor | null = RINA, extra: Partial<StaffContext> = {}): StaffContext {
  return {
    now: NOW,
    actor,
    surface: 'telegram',
    agency: testAgency,
    duePolicy: plainMinutesPolicy(),
    repliesInThread: true,
    case: c,
    getCase: async (t) => (c && c.ticket === t ? c : null),
    listCases: async () => (c ? [c] : []),
    getEvents: async () => [],
    ...extra,
  };
}

function msg(text: string, extra: Partial<StaffMessage> = {}): StaffMessage {
  return {
    surface: 'telegram',
    messageId: `m-${Math.random()}`,
    sender: { id: '501', name: 'Rina' },
    text,
    attachments: [],
    sentAt: NOW,
    ...extra,
  };
}

const forwarded = () => makeCase({ stage: 'forwarded', ticket: 'ADU-7KQ9-M2XT' });

describe('the staff flow', () => {
  it('runs a typed command: the case changes, the event is written, the acknowledgement names the case', async () => {
    const c = forwarded();
    const out = await handleStaffMessage(fresh(), msg('/telaah Sudah dicek', { ticket: c.ticket }), ctx(c));
    expect(out.cases).toEqual([{ record: expect.objectContaining({ stage: 'in_review' }), expectedVersion: 1 }]);
    expect(out.events.map((e) => e.action)).toEqual(['review']);
    expect(out.replies).toEqual([{ kind: 'case-update', ticket: c.ticket, text: `${c.ticket}: telaah dicatat.` }]);
  });

  it('asks for missing text and takes the next plain message on the same surface as the answer', async () => {
    const c = forwarded();
    const asked = await handleStaffMessage(fresh(), msg('/telaah', { ticket: c.ticket }), ctx(c));
    expect(asked.cases).toEqual([]);
    expect(asked.replies[0]?.text).toMatch(/tulis catatan telaah/);
    expect(asked.replies[0]?.choices?.map((x) => x.label)).toEqual(['Batal']);
    // From the terminal, the same words are not the answer: they are relayed to the citizen.
    const elsewhere = await handleStaffMessage(
      asked.state,
      msg('Sudah dicek', { ticket: c.ticket, surface: 'terminal' }),
      ctx(c, RINA, { surface: 'terminal', repliesInThread: false }),
    );
    expect(elsewhere.events.map((e) => e.action)).toEqual(['reply to citizen']);
    const answered = await handleStaffMessage(asked.state, msg('Sudah dicek', { ticket: c.ticket }), ctx(c));
    expect(answered.cases[0]?.record.reviewNotes.map((n) => n.text)).toEqual(['Sudah dicek']);
    expect(answered.state.questions).toEqual([]);
  });

  it('asks the PTP in three steps and plans it with the parsed due date', async () => {
    const c = { ...makeCase({ stage: 'root_cause' }), ptp: [{ openedAt: 0, rootCause: 'x', verifications: [] }] };
    let state = (await handleStaffMessage(fresh(), msg('/ptp', { ticket: c.ticket }), ctx(c))).state;
    for (const [answer, next] of [
      ['Koreksi NJOP', /langkah 2\/3/],
      ['Kasi PBB', /langkah 3\/3/],
      ['kapan-kapan', /Tanggal tidak terbaca/],
    ] as const) {
      const out = await handleStaffMessage(state, msg(answer, { ticket: c.ticket }), ctx(c));
      expect(out.replies[0]?.text).toMatch(next);
      state = out.state;
    }
    const out = await handleStaffMessage(state, msg('3 hari', { ticket: c.ticket }), ctx(c));
    expect(out.cases[0]?.record.ptp[0]).toMatchObject({
      correctiveAction: 'Koreksi NJOP',
      owner: 'Kasi PBB',
      dueAt: NOW + 3 * 86_400_000,
    });
  });

  it('forgets a question after 30 minutes', () => {
    const q = { ticket: 'ADU-7KQ9-M2XT', action: 'invalid' as const, surface: 'telegram' as const, at: NOW };
    expect(readStaffState({ v: 1, questions: [q] }, NOW + QUESTION_TTL_MS).questions).toHaveLength(1);
    expect(readStaffState({ v: 1, questions: [q] }, NOW + QUESTION_TTL_MS + 1).questions).toHaveLength(0);
    expect(readStaffState('garbage', NOW)).toEqual({ v: 1, questions: [] });
  });

  it('offers approval and sending back while verifying, and only then "tell the citizen"', () => {
    let c = makeCase({ stage: 'verifying' });
    expect(caseChoices(c).map((x) => x.label)).toEqual(['Ambil', 'Setujui (supervisor)', 'Kembalikan (supervisor)']);
    c = { ...c, assignee: 'Rina', assigneeId: RINA.id };
    c = { ...c, ptp: withVerification(c, { result: 'approved', by: 'K', at: 1, notes: '' }) };
    expect(caseChoices(c).map((x) => x.label)).toEqual(['Sampaikan ke warga']);
    // A reopened case starts a round without verification.
    c = { ...c, ptp: [...c.ptp, { openedAt: 2, verifications: [] }] };
    expect(caseChoices(c).map((x) => x.label)).toEqual(['Setujui (supervisor)', 'Kembalikan (supervisor)']);
  });

  it('refuses "tell the citizen" before approval in this round, with the reason, and changes nothing', async () => {
    let c = makeCase({ stage: 'verifying' });
    c = { ...c, ptp: withCurrentRound(c, { rootCause: 'x' }) };
    const out = await handleStaffMessage(fresh(), msg('/sampaikan Sudah beres', { ticket: c.ticket }), ctx(c));
    expect(out.cases).toEqual([]);
    expect(out.outbox).toEqual([]);
    expect(out.replies[0]?.text).toMatch(/belum diverifikasi \(disetujui\) supervisor/);
    expect(out.events.map((e) => e.action)).toEqual(['refused: inform']);
  });

  it('answers a button from a stage the case has left with the live card, and changes nothing', async () => {
    const c = makeCase({ stage: 'in_review', ticket: 'ADU-7KQ9-M2XT' });
    const old = encodeChoice({ type: 'act', action: 'review', ticket: c.ticket, stage: 'forwarded' });
    const out = await handleStaffMessage(fresh(), msg('', { ticket: c.ticket, choice: old }), ctx(c));
    expect(out.cases).toEqual([]);
    expect(out.toast).toMatch(/kedaluwarsa/);
    expect(out.replies).toEqual([
      {
        kind: 'case-update',
        ticket: c.ticket,
        text: expect.stringMatching(/kartu terbaru[\s\S]*Tahap: ditelaah bidang/),
      },
    ]);
    expect(out.events.map((e) => e.action)).toEqual(['refused: review']);
  });

  it('refuses a button pressed in another case’s thread', async () => {
    const c = forwarded();
    const other = encodeChoice({ type: 'act', action: 'review', ticket: 'ADU-0000-0001', stage: 'forwarded' });
    const out = await handleStaffMessage(fresh(), msg('', { ticket: c.ticket, choice: other }), ctx(c));
    expect(out.cases).toEqual([]);
    expect(out.toast).toMatch(/bukan milik kasus/);
  });

  it('answers someone who is not listed with a short refusal for a command, and ignores their chatter', async () => {
    const c = forwarded();
    const command = await handleStaffMessage(fresh(), msg('/kasus'), ctx(null, null));
    expect(command.replies.map((r) => r.text)).toEqual([
      'Anda tidak terdaftar sebagai petugas; pesan ini tidak diproses.',
    ]);
    const chatter = await handleStaffMessage(fresh(), msg('selamat pagi semua'), ctx(null, null));
    expect(chatter.replies).toEqual([]);
    const inTopic = await handleStaffMessage(fresh(), msg('halo warga', { ticket: c.ticket }), ctx(c, null));
    expect(inTopic.outbox).toEqual([]);
    expect(inTopic.events).toEqual([
      expect.objectContaining({ action: 'refused: message', actor: expect.objectContaining({ id: 'telegram:501' }) }),
    ]);
    const button = encodeChoice({ type: 'act', action: 'review', ticket: c.ticket, stage: 'forwarded' });
    const pressed = await handleStaffMessage(fresh(), msg('', { ticket: c.ticket, choice: button }), ctx(c, null));
    expect(pressed.toast).toMatch(/tidak terdaftar/);
    expect(pressed.cases).toEqual([]);
  });

  it('lets only supervisors verify', async () => {
    const c = makeCase({ stage: 'verifying' });
    const byStaff = await handleStaffMessage(fresh(), msg('/setujui', { ticket: c.ticket }), ctx(c, RINA));
    expect(byStaff.replies[0]?.text).toMatch(/hanya supervisor/);
    const byHead = await handleStaffMessage(fresh(), msg('/setujui', { ticket: c.ticket }), ctx(c, KABID));
    expect(byHead.cases[0]?.record.ptp.at(-1)?.verifications).toEqual([
      { result: 'approved', by: 'Pak Kabid', at: NOW, notes: '' },
    ]);
  });

  it('refuses a blank message (control characters only) instead of relaying it', async () => {
    const c = forwarded();
    const out = await handleStaffMessage(fresh(), msg('\u0007\u200b\u200d\u2060 \u00a0', { ticket: c.ticket }), ctx(c));
    expect(out.outbox).toEqual([]);
    expect(out.replies[0]?.text).toMatch(/Pesan kosong/);
  });
});

describe('staff button data', () => {
  it('reads back exactly what it writes, within Telegram’s 64 bytes', () => {
    const data = encodeChoice({ type: 'act', action: 'root_cause', ticket: 'ADU-7KQ9-M2XT', stage: 'in_review' });
    expect(data.length).toBeLessThanOrEqual(64);
    expect(parseChoice(data)).toEqual({
      type: 'act',
      action: 'root_cause',
      ticket: 'ADU-7KQ9-M2XT',
      stage: 'in_review',
    });
    expect(
      parseChoice(encodeChoice({ type: 'forward', ticket: 'ADU-7KQ9-M2XT', stage: 'forwarded', division: 2 })),
    ).toMatchObject({ division: 2 });
    expect(parseChoice(encodeChoice({ type: 'take-over', ticket: 'ADU-7KQ9-M2XT', stage: 'in_review' }))).toEqual({
      type: 'take-over',
      ticket: 'ADU-7KQ9-M2XT',
      stage: 'in_review',
    });
  });

  it('refuses anything forged, truncated or unknown', () => {
    for (const bad of [
      '',
      'a:take',
      'a:delete:ADU-7KQ9-M2XT:2',
      'a:take:ADU-7KQ9-M2XT:99',
      'a:take:ADU-7KQ9-M2XI:2',
      'l:ADU-7KQ9-M2XT:2:spam',
      'a:take:ADU-7KQ9-M2XT:2:x',
      'x'.repeat(65),
    ]) {
      expect(parseChoice(bad), bad).toBeNull();
    }
  });
});

describe('PTP due dates (Jakarta time)', () => {
  const now = Date.UTC(2026, 10, 2, 2, 0);
  it('reads ISO and local dates, with or without a time, and "N hari"', () => {
    expect(parseDueDate('2026-12-01', now)).toBe(Date.UTC(2026, 11, 1, 9, 0));
    expect(parseDueDate('1/12/2026 10:30', now)).toBe(Date.UTC(2026, 11, 1, 3, 30));
    expect(parseDueDate('3 hari', now)).toBe(now + 3 * 86_400_000);
  });
  it('refuses what is not a date', () => {
    for (const bad of ['besok', '2026-02-30', '2026-12-01 25:00', '0 hari', ''])
      expect(parseDueDate(bad, now), bad).toBeNull();
  });
});

describe('what counts as a command', () => {
  it('takes anything that starts with "/" as a command, so a mistyped one never reaches the citizen', async () => {
    const c = forwarded();
    for (const typed of ['/ambil@AduanStafBot', '/ ambil', '/ptp-x', '/AMBIL']) {
      const out = await handleStaffMessage(fresh(), msg(typed, { ticket: c.ticket }), ctx(c));
      expect(out.outbox, typed).toEqual([]);
      expect(
        out.events.map((e) => e.action),
        typed,
      ).not.toContain('reply to citizen');
    }
    const upper = await handleStaffMessage(fresh(), msg('/AMBIL', { ticket: c.ticket }), ctx(c));
    expect(upper.cases[0]?.record.assignee).toBe('Rina');
    const unknown = await handleStaffMessage(fresh(), msg('/ptp-x', { ticket: c.ticket }), ctx(c));
    expect(unknown.replies[0]?.text).toMatch(/tidak dikenal/);
  });
});
