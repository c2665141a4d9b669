// The buttons under a case card: the SOP steps allowed for the case's stage, each carrying the stage it was
// offered at, so a press on an old card is recognised as stale.
import type { Agency } from '../../src/domain/agency.js';
import type { CaseRecord } from '../../src/domain/case.js';
import type { CaseService } from '../../src/services/case-service.js';
import { MESSAGE_LABELS } from '../../nlp/types.js';
import { encodeButton, type ButtonAction } from './callback-data.js';

export interface Button {
  text: string;
  callback_data: string;
}

export const ACTION_LABELS: Record<ButtonAction, string> = {
  take: 'Ambil',
  forward: 'Teruskan ke bidang',
  review: 'Telaah',
  root_cause: 'Akar masalah',
  ptp: 'PTP',
  start: 'Mulai kerjakan',
  done: 'Selesai dikerjakan',
  approve: 'Setujui (supervisor)',
  reject: 'Kembalikan (supervisor)',
  inform: 'Sampaikan ke warga',
  relabel: 'Label ulang',
  note: 'Catatan internal',
  invalid: 'Tutup: tidak valid',
  archive: 'Arsipkan',
};

const LABEL_NAMES = { complaint: 'Aduan', praise: 'Pujian', statement: 'Pernyataan' } as const;

/** Two buttons a row; supervisors' steps are shown to all and checked on the server when pressed. */
export function caseButtons(c: CaseRecord, cases: CaseService): Button[][] {
  const actions = cases.allowedActions(c, 'supervisor').filter((a): a is ButtonAction => a !== 'reply');
  const buttons = actions.map((action) => ({
    text: ACTION_LABELS[action],
    callback_data: encodeButton({ type: 'act', action, ticket: c.ticket, stage: c.stage }),
  }));
  return rows(buttons, 2);
}

export function divisionButtons(c: CaseRecord, agency: Agency): Button[][] {
  const buttons = agency.divisions
    .map((d, i) => ({
      text: d.name.slice(0, 60),
      callback_data: encodeButton({ type: 'forward', ticket: c.ticket, stage: c.stage, division: i }),
    }))
    .filter((_, i) => agency.divisions[i]?.id !== c.division || c.stage !== 'forwarded');
  return [...rows(buttons, 1), [cancelButton(c.ticket)]];
}

export function labelButtons(c: CaseRecord): Button[][] {
  const buttons = MESSAGE_LABELS.filter((l) => l !== c.kind).map((label) => ({
    text: LABEL_NAMES[label],
    callback_data: encodeButton({ type: 'relabel', ticket: c.ticket, stage: c.stage, label }),
  }));
  return [buttons, [cancelButton(c.ticket)]];
}

export function cancelButton(ticket: string): Button {
  return { text: 'Batal', callback_data: encodeButton({ type: 'cancel', ticket }) };
}

function rows<T>(items: T[], per: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += per) out.push(items.slice(i, i + per));
  return out;
}
