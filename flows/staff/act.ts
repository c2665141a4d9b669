// Starting and carrying out an SOP action: who may do it now, what text it needs (given with the command, or asked
// for), and the result of its planner as the changes to commit plus the acknowledgement for staff.
import { citizenKey, type CaseRecord } from '../../src/domain/case.js';
import { caseCardText } from '../../src/domain/case-card.js';
import { IllegalTransitionError } from '../../src/domain/stages.js';
import type { StaffReply } from '../../src/domain/staff.js';
import { ActionError, planAction, type ActionType, type StaffAction } from './actions/index.js';
import { heldBy } from './actions/take.js';
import { divisionChoices, labelChoices, takeOverChoices } from './choices.js';
import { commandOf, LABEL_WORDS } from './commands.js';
import { answer, notice, type StaffContext, type StaffResult } from './context.js';
import { parseDueDate } from './due-date.js';
import { ask, offer } from './questions.js';
import { refuse } from './refuse.js';
import { refusalReason } from './rules.js';
import { withoutQuestion, withQuestion, type StaffState } from './state.js';
import { USAGE } from './texts.js';

/**
 * Starts `action` on `c`. `args` is what followed the command (null for a button): given text is used at once,
 * missing text is asked for, an action that takes no text refuses extra words. A new command replaces a question
 * the member had open on the case.
 */
export function begin(
  stored: StaffState,
  c: CaseRecord,
  action: ActionType,
  args: string | null,
  ctx: StaffContext,
): StaffResult {
  const denied = check(stored, c, action, ctx);
  if (denied) return denied;
  const state = withoutQuestion(stored, c.ticket);
  const text = args?.trim() ?? '';
  const usage = (u: string) => answer(state, [notice(u, c.ticket)]);
  switch (action) {
    case 'take':
      if (text) return usage(noWords(action));
      if (heldBy(c) && heldBy(c) !== ctx.actor?.id) {
        const q = { ticket: c.ticket, action: 'take' as const, surface: ctx.surface, at: ctx.now };
        const asked = `${c.ticket} sedang dipegang ${c.assignee}. Ambil alih kasus ini?`;
        return answer(withQuestion(state, q), [offer(asked, c.ticket, takeOverChoices(c))]);
      }
      return run(state, c, { type: 'take' }, ctx);
    case 'start':
    case 'archive':
      return text ? usage(noWords(action)) : run(state, c, { type: action }, ctx);
    case 'done':
      return run(state, c, text ? { type: 'done', note: text } : { type: 'done' }, ctx);
    case 'approve':
      return run(state, c, text ? { type: 'approve', notes: text } : { type: 'approve' }, ctx);
    case 'answered':
      return run(state, c, text ? { type: 'answered', note: text } : { type: 'answered' }, ctx);
    case 'forward': {
      if (!text)
        return answer(state, [offer(`${c.ticket}: pilih bidang tujuan.`, c.ticket, divisionChoices(c, ctx.agency))]);
      const lower = text.toLowerCase();
      const d = ctx.agency.divisions.find((x) => x.id === lower || x.name.toLowerCase() === lower);
      const ids = ctx.agency.divisions.map((x) => x.id).join(', ');
      if (!d) return usage(`Bidang "${text.slice(0, 40)}" tidak dikenal. Pilihan: ${ids}.`);
      return run(state, c, { type: 'forward', division: d.id }, ctx);
    }
    case 'relabel': {
      if (!text) return answer(state, [offer(`${c.ticket}: label yang benar?`, c.ticket, labelChoices(c))]);
      const [word = '', ...rest] = text.split(/\s+/);
      const label = LABEL_WORDS[word.toLowerCase()];
      if (!label) return usage(USAGE.relabel ?? '');
      const note = rest.join(' ').trim();
      return run(state, c, note ? { type: 'relabel', label, note } : { type: 'relabel', label }, ctx);
    }
    case 'ptp': {
      if (!text) return ask(state, c, 'ptp', ctx);
      const parts = text.split('|').map((s) => s.trim());
      const due = parts.length === 3 ? parseDueDate(parts[2] ?? '', ctx.now) : null;
      if (parts.length !== 3 || !parts[0] || !parts[1] || due === null) return usage(USAGE.ptp ?? '');
      return run(state, c, { type: 'ptp', correctiveAction: parts[0], owner: parts[1], dueAt: due }, ctx);
    }
    case 'reply':
      return run(state, c, { type: 'reply', text }, ctx);
    case 'erase':
      // Irreversible: only with the word that confirms it ("/hapusdata ya"); a button or a bare command explains.
      return /^(ya|yes)$/i.test(text) ? run(state, c, { type: 'erase' }, ctx) : usage(USAGE.erase ?? '');
    case 'review':
    case 'root_cause':
    case 'reject':
    case 'inform':
    case 'note':
    case 'invalid':
      return text ? run(state, c, withText(action, text), ctx) : ask(state, c, action, ctx);
  }
}

function noWords(action: ActionType): string {
  return `Perintah ${commandOf(action)} tidak memakai tambahan kata. Tidak ada yang diubah.`;
}

function withText(
  action: 'review' | 'root_cause' | 'reject' | 'inform' | 'note' | 'invalid',
  text: string,
): StaffAction {
  switch (action) {
    case 'review':
      return text === '-' ? { type: 'review' } : { type: 'review', note: text };
    case 'root_cause':
      return { type: 'root_cause', text };
    case 'reject':
      return { type: 'reject', recommendation: text };
    case 'inform':
      return { type: 'inform', message: text };
    case 'note':
      return { type: 'note', text };
    case 'invalid':
      return { type: 'invalid', reason: text };
  }
}

/** The refusal when the actor may not do `action` on `c` now (their role, the case's stage); null when they may. */
export function check(state: StaffState, c: CaseRecord, action: ActionType, ctx: StaffContext): StaffResult | null {
  const actor = ctx.actor;
  if (!actor) return null;
  const reason = refusalReason(c, actor.kind, action);
  return reason ? refuse(state, c, actor, { what: action, reason, say: `${c.ticket}: ${reason}.` }, ctx) : null;
}

/** Carries `action` out: the planner's changes to commit, and what staff are told (here and in the case's thread). */
export function run(state: StaffState, c: CaseRecord, action: StaffAction, ctx: StaffContext): StaffResult {
  const actor = ctx.actor;
  if (!actor) throw new Error('run() needs a staff actor');
  let draft;
  try {
    draft = planAction(c, action, {
      now: ctx.now,
      actor,
      agency: ctx.agency,
      duePolicy: ctx.duePolicy,
      ...(ctx.citizenUnreachable ? { citizenUnreachable: ctx.citizenUnreachable } : {}),
    });
  } catch (err) {
    if (!(err instanceof ActionError || err instanceof IllegalTransitionError)) throw err;
    const reason = err instanceof IllegalTransitionError ? illegalReason(err) : err.message;
    return refuse(state, c, actor, { what: action.type, reason, say: `${c.ticket}: tidak dapat: ${reason}.` }, ctx);
  }
  const quiet = action.type === 'reply' || action.type === 'note';
  const text = draft.withCard ? `${draft.message}\n\n${caseCardText(draft.record, ctx.agency)}` : draft.message;
  const warned = action.type === 'reply' && ctx.citizenUnreachable !== undefined;
  const ack: StaffReply = {
    text,
    kind: quiet ? 'notice' : 'case-update',
    ticket: c.ticket,
    ...(quiet && !warned ? { ack: true } : {}),
  };
  const outbox = [...draft.outbox];
  if (!ctx.repliesInThread) {
    // The case's thread is the record everyone reads: an action taken elsewhere (the terminal) is posted there too.
    const said = action.type === 'reply' ? `${draft.message}\n"${action.text}"` : text;
    outbox.push({
      channel: 'staff',
      chatId: c.ticket,
      ticket: c.ticket,
      kind: ack.kind,
      text: `${actor.name} (lewat ${ctx.surface}): ${said}`,
    });
  }
  return {
    state,
    replies: [ack],
    cases: [{ record: draft.record, expectedVersion: c.version }],
    events: draft.events,
    outbox,
    ...(draft.eraseCitizen ? { erase: draft.eraseCitizen } : {}),
    ...(draft.citizen
      ? { citizen: { key: citizenKey(c.citizen), language: c.citizen.language, effect: draft.citizen } }
      : {}),
  };
}

function illegalReason(err: IllegalTransitionError): string {
  return err.message.includes('only complaints')
    ? 'hanya aduan yang dikerjakan melalui SOP'
    : `langkah ini tidak berlaku pada tahap sekarang`;
}
