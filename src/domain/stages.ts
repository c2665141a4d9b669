// The SOP lifecycle as an explicit state machine. Stage names follow the Bapenda Kota Padang SOP (MR-SOP-09);
// the numbers in comments are its step numbers. Every allowed move is listed here; anything else is refused.

export const STAGES = [
  'received', // 1-2: the citizen reported, the officer receives
  'recorded', // 3-4: sorted, recorded with a ticket, repeat checked
  'forwarded', // 5: sent to the related division
  'in_review', // 6: the division reviews, calls staff if needed
  'root_cause', // 7: the cause is discussed
  'action_planned', // 8-10: corrective action decided and written into the PTP, handed over
  'in_progress', // 11: staff carry out the corrective action
  'verifying', // 12: the head of division verifies the result
  'awaiting_confirmation', // 13: the citizen is told and asked whether they are satisfied
  'closed', // 13: satisfied (or no response, invalid, withdrawn)
  'archived', // 14: archived with its history
] as const;

export type Stage = (typeof STAGES)[number];

export const OPEN_STAGES: readonly Stage[] = STAGES.filter((s) => s !== 'closed' && s !== 'archived');

/** How a case was closed. */
export const RESOLUTIONS = ['satisfied', 'no_response', 'invalid', 'withdrawn', 'relabelled', 'answered'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** The allowed moves: from → the stages it may go to. */
const TRANSITIONS: Record<Stage, readonly Stage[]> = {
  received: ['recorded', 'closed'],
  recorded: ['forwarded', 'closed'],
  forwarded: ['forwarded', 'in_review', 'closed'],
  in_review: ['root_cause', 'forwarded', 'closed'],
  root_cause: ['action_planned', 'closed'],
  action_planned: ['in_progress', 'root_cause', 'closed'],
  in_progress: ['verifying', 'closed'],
  verifying: ['in_progress', 'awaiting_confirmation', 'closed'],
  // "not satisfied" reopens at the root cause (SOP step 13 → step 7).
  awaiting_confirmation: ['closed', 'root_cause'],
  // the follow-up check weeks after closing may also reopen at the root cause.
  closed: ['archived', 'root_cause'],
  archived: [],
};

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

export function canMove(from: Stage, to: Stage): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStages(from: Stage): readonly Stage[] {
  return TRANSITIONS[from];
}

export function isOpen(stage: Stage): boolean {
  return stage !== 'closed' && stage !== 'archived';
}

/** Refused move: carries both stages so callers can explain it. Nothing is changed when this is thrown. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly from: Stage,
    readonly to: Stage,
    detail?: string,
  ) {
    super(`A case at stage "${from}" cannot move to "${to}"${detail ? `: ${detail}` : ''}.`);
    this.name = 'IllegalTransitionError';
  }
}

/**
 * Standard times in minutes for the work expected while a case sits at a stage, from the Bapenda SOP
 * "mutu baku": forwarding 60 (step 5), review 60 (6), root cause 60 (7), decision + PTP 120 (8-9),
 * hand-over 30 (10), work 300 (11), verification 300 (12), citizen confirmation 300 (13), archiving 5 (14).
 */
export const DEFAULT_STANDARD_MINUTES: Readonly<Partial<Record<Stage, number>>> = {
  received: 30,
  recorded: 60,
  forwarded: 60,
  in_review: 60,
  root_cause: 120,
  action_planned: 30,
  in_progress: 300,
  verifying: 300,
  awaiting_confirmation: 300,
  closed: 5,
};

/** Stage labels for people, in Indonesian and English. */
export const STAGE_LABELS: Record<Stage, { id: string; en: string }> = {
  received: { id: 'diterima', en: 'received' },
  recorded: { id: 'dicatat', en: 'recorded' },
  forwarded: { id: 'diteruskan ke bidang terkait', en: 'forwarded to the division' },
  in_review: { id: 'sedang ditelaah bidang terkait', en: 'under review by the division' },
  root_cause: { id: 'penelusuran penyebab', en: 'finding the cause' },
  action_planned: { id: 'tindakan perbaikan direncanakan', en: 'corrective action planned' },
  in_progress: { id: 'perbaikan sedang dikerjakan', en: 'corrective action in progress' },
  verifying: { id: 'hasil perbaikan sedang diverifikasi', en: 'result being verified' },
  awaiting_confirmation: { id: 'menunggu konfirmasi Anda', en: 'waiting for your confirmation' },
  closed: { id: 'selesai', en: 'closed' },
  archived: { id: 'diarsipkan', en: 'archived' },
};
