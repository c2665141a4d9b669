// The buttons the staff flow offers: under a case card (the stage's steps), and with a question (divisions, labels,
// "take over", "cancel"). Surfaces without buttons show the same choices as commands (commands.ts).
import type { Agency } from '../../src/domain/agency.js';
import type { CaseRecord } from '../../src/domain/case.js';
import type { Choice } from '../../src/domain/messages.js';
import { MESSAGE_LABELS } from '../../nlp/types.js';
import { KIND_ID } from '../../src/domain/labels-id.js';
import { encodeChoice } from './commands.js';
import { stageActions } from './rules.js';
import { ACTION_LABELS } from './texts.js';

/**
 * The live card's buttons: the steps that make sense for the case now (supervisors' verification is shown to all and
 * checked when pressed). Surfaces compute them when they show the card, so they are never older than the case.
 */
export function caseChoices(c: CaseRecord): Choice[] {
  return stageActions(c).map((action) => ({
    id: encodeChoice({ type: 'act', action, ticket: c.ticket, stage: c.stage }),
    label: ACTION_LABELS[action],
  }));
}

/** The divisions to forward to (not the one the case is already at), and "cancel". */
export function divisionChoices(c: CaseRecord, agency: Agency): Choice[] {
  const picks = agency.divisions
    .map((d, i) => ({ id: encodeChoice({ type: 'forward', ticket: c.ticket, stage: c.stage, division: i }), d }))
    .filter(({ d }) => d.id !== c.division || c.stage !== 'forwarded')
    .map(({ id, d }) => ({ id, label: d.name.slice(0, 60) }));
  return [...picks, cancelChoice(c.ticket)];
}

/** The other labels a case can be given, and "cancel". */
export function labelChoices(c: CaseRecord): Choice[] {
  const picks = MESSAGE_LABELS.filter((l) => l !== c.kind).map((label) => ({
    id: encodeChoice({ type: 'relabel', ticket: c.ticket, stage: c.stage, label }),
    label: KIND_ID[label][0]?.toUpperCase() + KIND_ID[label].slice(1),
  }));
  return [...picks, cancelChoice(c.ticket)];
}

/** "Yes, take over" or "cancel", for a case someone else holds. */
export function takeOverChoices(c: CaseRecord): Choice[] {
  return [
    { id: encodeChoice({ type: 'take-over', ticket: c.ticket, stage: c.stage }), label: 'Ya, ambil alih' },
    cancelChoice(c.ticket),
  ];
}

/** Cancels the question the bot asked about the case. */
export function cancelChoice(ticket: string): Choice {
  return { id: encodeChoice({ type: 'cancel', ticket }), label: 'Batal' };
}
