// Staff intents on a case, from a button, a short command or the answer to a question the bot asked. Each is
// checked on the server against the case as it is now; what needs text is asked for in the case's thread.
import type { App } from '../../src/app.js';
import type { CaseRecord } from '../../src/domain/case.js';
import type { Choice } from '../../src/domain/messages.js';
import type { StaffAction, StaffActor } from '../../src/services/case-service.js';
import { MESSAGE_LABELS, type MessageLabel } from '../../nlp/types.js';
import type { ButtonAction } from './callback-data.js';
import { cancelButton, divisionButtons, labelButtons, type Button } from './buttons.js';
import { parseDueDate } from './due-date.js';
import { clearPending, savePending, type Pending, type PendingAction } from './pending.js';
import { say, type Place } from './say.js';

export interface StaffCtx {
  app: App;
  actor: StaffActor;
  userId: number;
  /** Where answers go (normally the case's ticket). */
  place: Place;
}

const PROMPTS: Record<PendingAction, string> = {
  review: 'tulis catatan telaah (atau "-" tanpa catatan).',
  root_cause: 'tulis akar masalahnya.',
  ptp: 'PTP langkah 1/3: tulis tindakan perbaikannya.',
  reject: 'tulis rekomendasi perbaikan (hasil dikembalikan ke pengerjaan).',
  inform: 'tulis hasil penanganan yang akan disampaikan ke warga.',
  note: 'tulis catatan internal (tidak dikirim ke warga).',
  invalid: 'tulis alasan aduan ditutup sebagai tidak valid (dikirim ke warga).',
};

/** Actions whose own outcome already posts a fresh card to the thread. */
const POSTS_OWN_CARD = new Set<StaffAction['type']>(['forward', 'reject']);

const LABEL_WORDS: Record<string, MessageLabel> = {
  aduan: 'complaint',
  keluhan: 'complaint',
  pujian: 'praise',
  pernyataan: 'statement',
  pertanyaan: 'statement',
};

/** Whether `actor` may do `action` on the case now; a refusal is written to the case's log. */
export async function mayAct(ctx: StaffCtx, c: CaseRecord, action: ButtonAction): Promise<boolean> {
  const role = ctx.actor.kind === 'supervisor' ? 'supervisor' : 'staff';
  const reason = ctx.app.cases.refusalReason(c, role, action);
  if (reason === null) return true;
  await ctx.app.cases.refuse(c, ctx.actor, action, reason);
  await say(ctx.app, ctx.place, `${c.ticket}: ${reason}.`);
  return false;
}

/**
 * Starts an action. `args` is what followed a command (null for a button): given text is used at once, missing
 * text is asked for; an action that takes no text refuses extra words.
 */
export async function begin(
  ctx: StaffCtx,
  c: CaseRecord,
  action: ButtonAction,
  args: string | null,
  command?: string,
): Promise<void> {
  if (!(await mayAct(ctx, c, action))) return;
  const text = args?.trim() ?? '';
  switch (action) {
    case 'take':
    case 'start':
    case 'archive':
      if (text)
        return say(
          ctx.app,
          ctx.place,
          `Perintah /${command ?? action} tidak memakai tambahan kata. Tidak ada yang diubah.`,
        );
      return run(ctx, c.ticket, { type: action });
    case 'done':
      return run(ctx, c.ticket, text ? { type: 'done', note: text } : { type: 'done' });
    case 'approve':
      return run(ctx, c.ticket, text ? { type: 'approve', notes: text } : { type: 'approve' });
    case 'forward': {
      if (!text) return ask(ctx, `${c.ticket}: pilih bidang tujuan.`, divisionButtons(c, ctx.app.agency));
      const lower = text.toLowerCase();
      const d = ctx.app.agency.divisions.find((x) => x.id === lower || x.name.toLowerCase() === lower);
      if (!d) {
        const ids = ctx.app.agency.divisions.map((x) => x.id).join(', ');
        return say(ctx.app, ctx.place, `Bidang "${text.slice(0, 40)}" tidak dikenal. Pilihan: ${ids}.`);
      }
      return run(ctx, c.ticket, { type: 'forward', division: d.id });
    }
    case 'relabel': {
      if (!text) return ask(ctx, `${c.ticket}: label yang benar?`, labelButtons(c));
      const [word = '', ...rest] = text.split(/\s+/);
      const label = MESSAGE_LABELS.find((l) => l === word.toLowerCase()) ?? LABEL_WORDS[word.toLowerCase()];
      if (!label)
        return say(
          ctx.app,
          ctx.place,
          'Label harus salah satu dari: aduan, pujian, pernyataan (complaint, praise, statement).',
        );
      const note = rest.join(' ').trim();
      return run(ctx, c.ticket, note ? { type: 'relabel', label, note } : { type: 'relabel', label });
    }
    case 'ptp': {
      if (!text) return prompt(ctx, c, 'ptp');
      const parts = text.split('|').map((s) => s.trim());
      const due = parts.length === 3 ? parseDueDate(parts[2] ?? '', ctx.app.now()) : null;
      if (parts.length !== 3 || !parts[0] || !parts[1] || due === null) {
        return say(
          ctx.app,
          ctx.place,
          'Format: /ptp <tindakan perbaikan> | <penanggung jawab> | <target, mis. 2026-12-01 atau 3 hari>. Atau /ptp saja untuk ditanya satu per satu.',
        );
      }
      return run(ctx, c.ticket, { type: 'ptp', correctiveAction: parts[0], owner: parts[1], dueAt: due });
    }
    default:
      if (!text) return prompt(ctx, c, action);
      return run(ctx, c.ticket, withText(action, text));
  }
}

function withText(action: Exclude<PendingAction, 'ptp'>, text: string): StaffAction {
  switch (action) {
    case 'review':
      return text === '-' ? { type: 'review' } : { type: 'review', note: text };
    case 'root_cause':
      return { type: 'root_cause', text };
    case 'reject':
      return { type: 'reject', recommendation: text };
    case 'inform':
      return { type: 'inform', result: text };
    case 'note':
      return { type: 'note', text };
    case 'invalid':
      return { type: 'invalid', reason: text };
  }
}

async function prompt(ctx: StaffCtx, c: CaseRecord, action: PendingAction): Promise<void> {
  await savePending(ctx.app.store, ctx.userId, {
    v: 1,
    ticket: c.ticket,
    action,
    ...(action === 'ptp' ? { step: 'action' as const } : {}),
    at: ctx.app.now(),
  });
  await ask(ctx, `${ctx.actor.name ?? 'Petugas'}, ${PROMPTS[action]} Kirim sebagai pesan berikutnya di sini.`, [
    [cancelButton(c.ticket)],
  ]);
}

async function ask(ctx: StaffCtx, text: string, buttons: Button[][]): Promise<void> {
  const choices: Choice[] = buttons.flat().map((b) => ({ id: b.callback_data, label: b.text }));
  await say(ctx.app, ctx.place, text, { choices });
}

/** The next message of a staff member who was asked something about the case. */
export async function answer(ctx: StaffCtx, p: Pending, text: string): Promise<void> {
  const { app } = ctx;
  if (!text.trim()) return say(app, ctx.place, 'Jawaban kosong. Tulis jawabannya, atau tekan Batal.');
  if (p.action !== 'ptp') {
    await clearPending(app.store, p.ticket, ctx.userId);
    return run(ctx, p.ticket, withText(p.action, text.trim()));
  }
  if (p.step === 'action' || !p.correctiveAction) {
    await savePending(app.store, ctx.userId, { ...p, step: 'owner', correctiveAction: text.trim() });
    return ask(ctx, 'PTP langkah 2/3: siapa penanggung jawabnya (nama / jabatan)?', [[cancelButton(p.ticket)]]);
  }
  if (p.step === 'owner' || !p.owner) {
    await savePending(app.store, ctx.userId, { ...p, step: 'due', owner: text.trim() });
    return ask(ctx, 'PTP langkah 3/3: target selesai? (mis. 2026-12-01, 1/12/2026 10:00, atau 3 hari)', [
      [cancelButton(p.ticket)],
    ]);
  }
  const due = parseDueDate(text, app.now());
  if (due === null)
    return say(app, ctx.place, 'Tanggal tidak terbaca. Contoh: 2026-12-01, 1/12/2026 10:00, atau 3 hari.');
  await clearPending(app.store, p.ticket, ctx.userId);
  return run(ctx, p.ticket, { type: 'ptp', correctiveAction: p.correctiveAction, owner: p.owner, dueAt: due });
}

/** Carries the action out through the case service and says how it went in the thread. */
export async function run(ctx: StaffCtx, ticket: string, action: StaffAction): Promise<void> {
  const outcome = await ctx.app.cases.act(ticket, ctx.actor, action);
  if (!outcome.ok) return say(ctx.app, ctx.place, `Tidak dapat: ${outcome.reason}`);
  if (POSTS_OWN_CARD.has(action.type) || (action.type === 'relabel' && action.label === 'complaint')) return;
  const quiet = action.type === 'reply' || action.type === 'note';
  await say(ctx.app, ctx.place, outcome.message, { kind: quiet ? 'notice' : 'case-update' });
}
