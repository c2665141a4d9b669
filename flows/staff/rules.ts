// Which SOP actions make sense on a case now, and why one is refused. The card's buttons (on every staff surface)
// offer exactly the actions allowed for the stage; a typed command is checked by the same rule.
import type { CaseRecord } from '../../src/domain/case.js';
import { approvedThisRound } from '../../src/domain/ptp.js';
import { isOpen, type Stage } from '../../src/domain/stages.js';
import type { StaffRole } from '../../src/domain/staff.js';
import type { ActionType } from './actions/types.js';
import { heldBy } from './actions/take.js';
import { stageName } from './texts.js';

/** Verification (SOP step 12) is the supervisors' (heads of division). */
export const SUPERVISOR_ONLY: ReadonlySet<ActionType> = new Set(['approve', 'reject']);

/** Actions that write to the citizen: none once their data is erased (their chat is gone with it). */
const WRITES_TO_CITIZEN: ReadonlySet<ActionType> = new Set(['reply', 'inform', 'invalid']);

/** The SOP steps of a stage: what the card offers. */
export function stageActions(c: CaseRecord): ActionType[] {
  const byStage: Record<Stage, ActionType[]> = {
    received: ['forward', 'invalid'],
    recorded:
      c.kind === 'complaint'
        ? ['forward', 'invalid']
        : c.request === 'information'
          ? ['answered', 'relabel']
          : c.request === 'erasure' && !c.anonymised
            ? ['erase']
            : ['relabel'],
    forwarded: ['review', 'forward', 'invalid'],
    in_review: ['root_cause', 'forward', 'invalid'],
    root_cause: ['root_cause', 'ptp', 'invalid'],
    action_planned: ['start', 'root_cause'],
    in_progress: ['done'],
    // Only after the head approved this round may the citizen be told; before, only verification.
    verifying: approvedThisRound(c) ? ['inform'] : ['approve', 'reject'],
    awaiting_confirmation: [],
    closed: ['archive'],
    archived: [],
  };
  const take: ActionType[] = isOpen(c.stage) && !heldBy(c) ? ['take'] : [];
  return [...take, ...byStage[c.stage]].filter((a) => !(c.anonymised && WRITES_TO_CITIZEN.has(a)));
}

/** Everything `role` may do on `c` now: the stage's steps, plus taking it, notes, relays and re-labelling. */
export function allowedActions(c: CaseRecord, role: StaffRole): ActionType[] {
  const always: ActionType[] = c.stage === 'archived' ? ['note'] : ['note', 'reply', 'relabel'];
  // A citizen may ask for erasure about any of their cases, whatever its stage (UU 27/2022 PDP).
  if (!c.anonymised) always.push('erase');
  const take: ActionType[] = isOpen(c.stage) ? ['take'] : [];
  return [...new Set([...stageActions(c), ...take, ...always])].filter(
    (a) => (role === 'supervisor' || !SUPERVISOR_ONLY.has(a)) && !(c.anonymised && WRITES_TO_CITIZEN.has(a)),
  );
}

/** Why `role` may not do `action` on `c` now, or null when it may. */
export function refusalReason(c: CaseRecord, role: StaffRole, action: ActionType): string | null {
  if (allowedActions(c, role).includes(action)) return null;
  if (SUPERVISOR_ONLY.has(action) && role !== 'supervisor') {
    return 'hanya supervisor (kepala bidang) yang boleh memverifikasi';
  }
  if (action === 'inform' && c.stage === 'verifying')
    return 'hasil putaran ini belum diverifikasi (disetujui) supervisor';
  if (SUPERVISOR_ONLY.has(action) && c.stage === 'verifying')
    return 'hasil putaran ini sudah disetujui; sampaikan ke warga';
  if (c.anonymised && WRITES_TO_CITIZEN.has(action))
    return 'data pribadi warga sudah dihapus; warga tidak dapat dihubungi lagi lewat kasus ini';
  if (action === 'erase') return 'data pribadi warga kasus ini sudah dihapus';
  if (action === 'answered') return 'hanya permintaan informasi yang ditutup sebagai terjawab';
  return `tidak dapat dilakukan pada tahap ${stageName(c.stage)}`;
}
