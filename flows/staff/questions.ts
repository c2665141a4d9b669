// Questions the bot asks a staff member about a case when an action's text was not given with the command: the
// member's next plain message in the case's thread (on the same surface) is the answer. The PTP is asked in three
// steps; taking over a case someone else holds is asked as yes / cancel.
import type { CaseRecord } from '../../src/domain/case.js';
import type { Choice } from '../../src/domain/messages.js';
import type { StaffReply } from '../../src/domain/staff.js';
import type { StaffAction } from './actions/types.js';
import { cancelChoice } from './choices.js';
import { answer, notice, type StaffContext, type StaffResult } from './context.js';
import { parseDueDate } from './due-date.js';
import { withoutQuestion, withQuestion, type AskingAction, type Question, type StaffState } from './state.js';
import { PROMPTS } from './texts.js';

/** Asks for the text of `action` (with a cancel button) and remembers the question. */
export function ask(state: StaffState, c: CaseRecord, action: AskingAction, ctx: StaffContext): StaffResult {
  const q: Question = {
    ticket: c.ticket,
    action,
    surface: ctx.surface,
    at: ctx.now,
    ...(action === 'ptp' ? { step: 'action' as const } : {}),
  };
  const who = ctx.actor?.name ?? 'Petugas';
  const text = `${who}, ${PROMPTS[action] ?? 'tulis jawabannya.'} Kirim sebagai pesan berikutnya di sini.`;
  return answer(withQuestion(state, q), [offer(text, c.ticket, [cancelChoice(c.ticket)])]);
}

/** A reply with offered choices. */
export function offer(text: string, ticket: string, choices: Choice[]): StaffReply {
  return { ...notice(text, ticket), choices };
}

export type Answered = { result: StaffResult } | { action: StaffAction; state: StaffState };

/** The staff member's answer to `q`: the next step's question, a complaint about the answer, or the action to run. */
export function answerQuestion(state: StaffState, q: Question, text: string, ctx: StaffContext): Answered {
  const reply = (t: string, choices: Choice[] = [cancelChoice(q.ticket)]) => ({
    result: answer(state, [offer(t, q.ticket, choices)]),
  });
  if (!text) return reply('Jawaban kosong. Tulis jawabannya, atau tekan Batal.');
  const done = withoutQuestion(state, q.ticket);
  switch (q.action) {
    case 'take':
      if (/^(ya|y|yes|iya|ok|oke)$/i.test(text)) return { action: { type: 'take', takeOver: true }, state: done };
      return { result: answer(done, [notice(`${q.ticket}: tidak diambil alih. Tidak ada yang diubah.`, q.ticket)]) };
    case 'review':
      return { action: text === '-' ? { type: 'review' } : { type: 'review', note: text }, state: done };
    case 'root_cause':
      return { action: { type: 'root_cause', text }, state: done };
    case 'reject':
      return { action: { type: 'reject', recommendation: text }, state: done };
    case 'inform':
      return { action: { type: 'inform', message: text }, state: done };
    case 'note':
      return { action: { type: 'note', text }, state: done };
    case 'invalid':
      return { action: { type: 'invalid', reason: text }, state: done };
    case 'ptp':
      return answerPtp(state, q, text, ctx);
  }
}

function answerPtp(state: StaffState, q: Question, text: string, ctx: StaffContext): Answered {
  const ask3 = (next: Question, t: string) => ({
    result: answer(withQuestion(state, { ...next, at: ctx.now }), [offer(t, q.ticket, [cancelChoice(q.ticket)])]),
  });
  if (q.step === 'action' || !q.correctiveAction) {
    return ask3(
      { ...q, step: 'owner', correctiveAction: text },
      'PTP langkah 2/3: siapa penanggung jawabnya (nama / jabatan)?',
    );
  }
  if (q.step === 'owner' || !q.owner) {
    return ask3(
      { ...q, step: 'due', owner: text },
      'PTP langkah 3/3: target selesai? (mis. 2026-12-01, 1/12/2026 10:00, atau 3 hari)',
    );
  }
  const due = parseDueDate(text, ctx.now);
  if (due === null) {
    return {
      result: answer(state, [
        offer('Tanggal tidak terbaca. Contoh: 2026-12-01, 1/12/2026 10:00, atau 3 hari.', q.ticket, [
          cancelChoice(q.ticket),
        ]),
      ]),
    };
  }
  return {
    action: { type: 'ptp', correctiveAction: q.correctiveAction, owner: q.owner, dueAt: due },
    state: withoutQuestion(state, q.ticket),
  };
}
