// The case's actions as forms that send exactly what staff type in the case's topic (/ambil, /akar <teks>,
// /ptp <tindakan> | <PIC> | <target>, a plain message to the citizen, …) through the one staff pipeline, as a
// message from the 'web' surface: the staff flow checks roles and stages and refuses what is not allowed, as it
// does for the topic. The forms offered are the ones the flow allows the member now.
import type { CaseRecord } from '../../domain/case.js';
import type { Agency } from '../../domain/agency.js';
import type { StaffRole } from '../../domain/staff.js';
import { MESSAGE_LABELS } from '../../../nlp/types.js';
import type { ActionType } from '../../../flows/staff/actions/types.js';
import { KIND_ID } from '../../domain/labels-id.js';
import { commandOf } from '../../../flows/staff/commands.js';
import { allowedActions } from '../../../flows/staff/rules.js';
import { ACTION_LABELS, PROMPTS } from '../../../flows/staff/texts.js';
import { h, type Html } from '../pages/html.js';
import { newToken } from '../tokens.js';

/** Actions that need words (the form will not send without them). */
const NEEDS_TEXT = new Set<ActionType>(['root_cause', 'reject', 'inform', 'note', 'invalid', 'reply']);
/** Actions that take optional words. */
const OPTIONAL_TEXT = new Set<ActionType>(['review', 'done', 'approve', 'answered']);

/** Actions that are one press. */
const SIMPLE = new Set<ActionType>(['take', 'start', 'archive']);

/** The order forms are listed in: the SOP's next steps first, then the always-available ones. */
const ORDER: ActionType[] = [
  'take',
  'forward',
  'review',
  'root_cause',
  'ptp',
  'start',
  'done',
  'approve',
  'reject',
  'inform',
  'answered',
  'reply',
  'note',
  'relabel',
  'invalid',
  'archive',
];

/** Builds the command text the topic would carry from a submitted action form; null when the action is unknown. */
export function commandFrom(form: Record<string, unknown>, agency: Agency): string | null {
  const field = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
  const action = ORDER.find((a) => a === field('action'));
  if (!action) return null;
  const text = field('text');
  switch (action) {
    case 'reply':
      return text;
    case 'forward': {
      const d = agency.divisions.find((x) => x.id === field('division'));
      return `${commandOf(action)}${d ? ` ${d.id}` : ''}`;
    }
    case 'ptp': {
      // "|" separates the PTP's parts in the typed command; inside a part it would break it.
      const parts = ['corrective', 'owner', 'due'].map((k) => field(k).replace(/\|/g, '/'));
      return parts.every(Boolean) ? `/ptp ${parts.join(' | ')}` : '/ptp';
    }
    case 'relabel': {
      const label = MESSAGE_LABELS.find((l) => l === field('label'));
      return label ? `/label ${KIND_ID[label]}${text ? ` ${text}` : ''}` : '/label';
    }
    case 'review':
      return `/telaah ${text || '-'}`;
    default:
      return `${commandOf(action)}${text ? ` ${text}` : ''}`;
  }
}

/** The forms of the actions `role` may take on `c` now. */
export function actionForms(c: CaseRecord, role: StaffRole, agency: Agency, csrf: string): Html {
  const allowed = new Set(allowedActions(c, role));
  const actions = ORDER.filter((a) => allowed.has(a));
  if (actions.length === 0) return h`<p class="muted">Tidak ada tindakan pada tahap ini.</p>`;
  const hidden = (a: ActionType) =>
    h`<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="nonce" value="${newToken(12)}"><input type="hidden" name="action" value="${a}">`;
  const form = (a: ActionType, inner: Html) =>
    h`<form method="post" action="/staf/kasus/${c.ticket}/aksi">${hidden(a)}${inner}<div class="actions"><button type="submit">${ACTION_LABELS[a]}</button></div></form>`;
  const textarea = (a: ActionType, label: string, required: boolean) => {
    const id = `t-${a}`;
    return h`<label for="${id}">${label}${required ? '' : h` <span class="hint">(boleh kosong)</span>`}</label><textarea id="${id}" name="text" maxlength="4000"${required ? h` required` : ''}></textarea>`;
  };
  const item = (a: ActionType): Html => {
    const prompt = PROMPTS[a] ? PROMPTS[a].charAt(0).toUpperCase() + PROMPTS[a].slice(1) : 'Catatan';
    let inner: Html;
    if (a === 'forward') {
      inner = h`<label for="d-${c.ticket}">Bidang tujuan</label><select id="d-${c.ticket}" name="division" required>${agency.divisions.map(
        (d) => h`<option value="${d.id}"${d.id === c.division ? h` selected` : ''}>${d.name}</option>`,
      )}</select>`;
    } else if (a === 'ptp') {
      inner = h`<label for="p-a">Tindakan perbaikan</label><textarea id="p-a" name="corrective" required maxlength="2000"></textarea>
<label for="p-o">Penanggung jawab (nama / jabatan)</label><input id="p-o" name="owner" required maxlength="200">
<label for="p-d">Target selesai<span class="hint">mis. 2026-12-01, 1/12/2026 10:00, atau 3 hari</span></label><input id="p-d" name="due" required maxlength="40">`;
    } else if (a === 'relabel') {
      inner = h`<label for="l-${c.ticket}">Label yang benar</label><select id="l-${c.ticket}" name="label">${MESSAGE_LABELS.filter(
        (l) => l !== c.kind,
      ).map((l) => h`<option value="${l}">${KIND_ID[l]}</option>`)}</select>${textarea(a, 'Alasan', false)}`;
    } else if (a === 'reply') {
      inner = textarea(a, 'Pesan untuk warga (dikirim atas nama instansi)', true);
    } else if (NEEDS_TEXT.has(a) || OPTIONAL_TEXT.has(a)) {
      inner = textarea(a, prompt, NEEDS_TEXT.has(a));
    } else inner = h``;
    return h`<details><summary>${ACTION_LABELS[a]}</summary>${form(a, inner)}</details>`;
  };
  const simple = actions.filter((a) => SIMPLE.has(a));
  const buttons = simple.map(
    (a) =>
      h`<form class="inline" method="post" action="/staf/kasus/${c.ticket}/aksi">${hidden(a)}<button type="submit">${ACTION_LABELS[a]}</button></form>`,
  );
  return h`<div class="actionforms">${simple.length ? h`<div class="actions">${buttons}</div>` : ''}${actions
    .filter((a) => !SIMPLE.has(a))
    .map(item)}</div>`;
}
