// Staff work on cases (SOP steps 5-14): every action checks who may do it, moves the case through the state
// machine, appends to the event log and puts what the citizen and the inbox must hear in the outbox, all in one
// commit. Refusals are written to the case's event log too.
import type { Agency } from '../domain/agency.js';
import type { Actor, CaseEvent, CaseRecord } from '../domain/case.js';
import { citizenKey } from '../domain/case.js';
import { caseCardText, divisionName } from '../domain/case-card.js';
import { moveCase, noteEvent, type DuePolicy } from '../domain/lifecycle.js';
import { approvedThisRound, currentRound, withCurrentRound, withVerification } from '../domain/ptp.js';
import type { OutboundMessage } from '../domain/messages.js';
import { IllegalTransitionError, type Stage } from '../domain/stages.js';
import type { Logger } from '../log/logger.js';
import { ConflictError, type Store } from '../store/port.js';
import type { MessageLabel } from '../../nlp/types.js';
import { readState, type ConversationState } from '../../flows/state.js';
import { closureChoices } from '../../flows/closure.js';
import { suspendIntake } from '../../flows/intake.js';
import { t } from '../../flows/texts.js';

export type StaffRole = 'staff' | 'supervisor';

export interface StaffActor extends Actor {
  kind: 'staff' | 'supervisor';
}

export type StaffAction =
  | { type: 'take' }
  | { type: 'forward'; division: string }
  | { type: 'review'; note?: string }
  | { type: 'root_cause'; text: string }
  | { type: 'ptp'; correctiveAction: string; owner: string; dueAt: number }
  | { type: 'start' }
  | { type: 'done'; note?: string }
  | { type: 'approve'; notes?: string }
  | { type: 'reject'; recommendation: string }
  | { type: 'inform'; result: string }
  | { type: 'relabel'; label: MessageLabel; note?: string }
  | { type: 'note'; text: string }
  | { type: 'invalid'; reason: string }
  | { type: 'reply'; text: string }
  | { type: 'archive' };

export type ActionOutcome =
  { ok: true; record: CaseRecord; message: string } | { ok: false; reason: string; record?: CaseRecord };

export interface CaseServiceDeps {
  store: Store;
  agency: Agency;
  duePolicy: DuePolicy;
  log: Logger;
  now: () => number;
  onOutbox?: () => void;
}

/** Actions only a supervisor (head of division / agency) may take: verification, SOP step 12. */
const SUPERVISOR_ONLY = new Set<StaffAction['type']>(['approve', 'reject']);
const SUPERVISOR_ONLY_REASON = 'hanya supervisor (kepala bidang) yang boleh memverifikasi';

interface Draft {
  record: CaseRecord;
  events: CaseEvent[];
  outbox: OutboundMessage[];
  conversation?: (state: ConversationState) => ConversationState;
  message: string;
}

export class CaseService {
  constructor(private readonly deps: CaseServiceDeps) {}

  /** The actions that make sense for a case now (the staff card's buttons). */
  allowedActions(c: CaseRecord, role: StaffRole): StaffAction['type'][] {
    const byStage: Record<Stage, StaffAction['type'][]> = {
      received: ['forward', 'invalid'],
      recorded: c.kind === 'complaint' ? ['forward', 'invalid'] : ['relabel'],
      forwarded: ['take', 'review', 'forward', 'invalid'],
      in_review: ['take', 'root_cause', 'forward', 'invalid'],
      root_cause: ['root_cause', 'ptp', 'invalid'],
      action_planned: ['start', 'root_cause'],
      in_progress: ['done'],
      verifying: ['approve', 'reject', 'inform'],
      awaiting_confirmation: [],
      closed: ['archive'],
      archived: [],
    };
    const common: StaffAction['type'][] = ['note', 'reply', ...(c.stage !== 'archived' ? (['relabel'] as const) : [])];
    return [...new Set([...byStage[c.stage], ...common])].filter(
      (a) => role === 'supervisor' || !SUPERVISOR_ONLY.has(a),
    );
  }

  /** Why `role` may not take `action` on `c` now, or null when it may (the staff card's buttons ask first). */
  refusalReason(c: CaseRecord, role: StaffRole, action: StaffAction['type']): string | null {
    if (this.allowedActions(c, role).includes(action)) return null;
    return SUPERVISOR_ONLY.has(action) && role !== 'supervisor'
      ? SUPERVISOR_ONLY_REASON
      : `tidak dapat dilakukan pada tahap ${c.stage}`;
  }

  /** Carries out one staff action, or refuses it (and logs the refusal on the case). */
  async act(ticket: string, actor: StaffActor, action: StaffAction): Promise<ActionOutcome> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.deps.store.getCase(ticket);
      if (!c) return { ok: false, reason: `Tiket ${ticket} tidak ditemukan.` };
      if (SUPERVISOR_ONLY.has(action.type) && actor.kind !== 'supervisor') {
        return this.refuse(c, actor, action.type, SUPERVISOR_ONLY_REASON);
      }
      let draft: Draft;
      try {
        draft = this.plan(c, actor, action);
      } catch (err) {
        if (err instanceof IllegalTransitionError || err instanceof ActionError) {
          return this.refuse(c, actor, action.type, err.message);
        }
        throw err;
      }
      try {
        await this.commit(c, draft);
        this.deps.onOutbox?.();
        this.deps.log.info('staff action', { ticket, action: action.type, actor: actor.id, stage: draft.record.stage });
        return { ok: true, record: { ...draft.record, version: c.version + 1 }, message: draft.message };
      } catch (err) {
        if (err instanceof ConflictError && attempt < 5) continue;
        throw err;
      }
    }
  }

  /** Records a refused attempt (e.g. a non-staff member pressing a button) on the case's event log. */
  async refuse(c: CaseRecord, actor: Actor, what: string, reason: string): Promise<ActionOutcome> {
    const event = noteEvent(c, this.deps.now(), actor, `refused: ${what}`, reason);
    await this.deps.store.commit({ events: [event] });
    this.deps.log.warn('staff action refused', { ticket: c.ticket, action: what, actor: actor.id, reason });
    return { ok: false, reason, record: c };
  }

  private async commit(c: CaseRecord, d: Draft): Promise<void> {
    const { store } = this.deps;
    let conversation;
    if (d.conversation) {
      const key = citizenKey(c.citizen);
      const conv = await store.getConversation(key);
      const state = readState(conv?.state ?? null, c.citizen.language, this.deps.now());
      conversation = { key, state: d.conversation(state), expectedVersion: conv ? conv.version : null };
    }
    await store.commit({
      cases: [{ record: d.record, expectedVersion: c.version }],
      events: d.events,
      outbox: d.outbox,
      ...(conversation ? { conversations: [conversation] } : {}),
    });
  }

  private plan(c: CaseRecord, actor: StaffActor, action: StaffAction): Draft {
    const now = this.deps.now();
    const policy = this.deps.duePolicy;
    const move = (to: Stage, detail?: string, resolution?: CaseRecord['resolution']) =>
      moveCase(c, to, {
        now,
        actor,
        action: action.type,
        policy,
        ...(detail ? { detail } : {}),
        ...(resolution ? { resolution } : {}),
      });
    const lang = c.citizen.language;
    const toCitizen = (text: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
      channel: c.citizen.channel,
      chatId: c.citizen.chatId,
      text,
      kind: 'reply',
      ticket: c.ticket,
      ...extra,
    });
    const card = (r: CaseRecord, headline: string): OutboundMessage => ({
      channel: 'staff',
      chatId: c.ticket,
      ticket: c.ticket,
      kind: 'case-update',
      text: `${headline}\n\n${caseCardText(r, this.deps.agency)}`,
    });
    const who = actor.name ?? actor.id;

    switch (action.type) {
      case 'take': {
        const record = { ...c, assignee: who, updatedAt: now };
        return {
          record,
          events: [noteEvent(c, now, actor, 'take', who)],
          outbox: [],
          message: `${c.ticket} ditangani oleh ${who}.`,
        };
      }
      case 'forward': {
        if (!this.deps.agency.divisions.some((d) => d.id === action.division)) {
          throw new ActionError(`bidang "${action.division}" tidak dikenal`);
        }
        const { next, event } = move('forwarded', action.division);
        const record = { ...next, division: action.division };
        const name = divisionName(this.deps.agency, action.division);
        const outbox = [card(record, `Diteruskan ke ${name}.`)];
        if (action.division !== c.division) {
          // The citizen was told the first division at intake; a move to another one is worth telling too.
          const text =
            lang === 'id'
              ? `Kabar aduan ${c.ticket}: aduan Anda dialihkan ke ${name} yang berwenang menanganinya.`
              : `Update on ${c.ticket}: your complaint has been passed to ${name}, which handles such matters.`;
          outbox.push(toCitizen(text));
        }
        return { record, events: [event], outbox, message: `${c.ticket} diteruskan ke ${name}.` };
      }
      case 'review': {
        const base = c.stage === 'forwarded' ? move('in_review', action.note) : null;
        if (!base && c.stage !== 'in_review') throw new IllegalTransitionError(c.stage, 'in_review');
        const record = base ? base.next : { ...c, updatedAt: now };
        if (action.note) record.reviewNotes = [...c.reviewNotes, { by: who, at: now, text: action.note }];
        const event = base ? base.event : noteEvent(c, now, actor, 'review note', action.note);
        return { record, events: [event], outbox: [], message: `${c.ticket}: telaah dicatat.` };
      }
      case 'root_cause': {
        requireText(action.text, 'akar masalah');
        const base = c.stage === 'in_review' || c.stage === 'action_planned' ? move('root_cause', action.text) : null;
        if (!base && c.stage !== 'root_cause') throw new IllegalTransitionError(c.stage, 'root_cause');
        const from = base ? base.next : { ...c, updatedAt: now };
        const record = { ...from, ptp: withCurrentRound(from, { rootCause: action.text }) };
        const event = base ? base.event : noteEvent(c, now, actor, 'root cause', action.text);
        return { record, events: [event], outbox: [], message: `${c.ticket}: akar masalah dicatat.` };
      }
      case 'ptp': {
        requireText(action.correctiveAction, 'tindakan perbaikan');
        requireText(action.owner, 'penanggung jawab');
        if (!currentRound(c).rootCause) throw new ActionError('catat akar masalah dulu sebelum PTP');
        if (!Number.isFinite(action.dueAt) || action.dueAt <= now)
          throw new ActionError('target waktu PTP harus di masa depan');
        const { next, event } = move('action_planned', action.correctiveAction);
        const record = {
          ...next,
          ptp: withCurrentRound(next, {
            correctiveAction: action.correctiveAction,
            owner: action.owner,
            dueAt: action.dueAt,
          }),
        };
        const text =
          lang === 'id'
            ? `Kabar aduan ${c.ticket}: tindakan perbaikan sudah diputuskan: ${action.correctiveAction}.`
            : `Update on ${c.ticket}: the corrective action has been decided: ${action.correctiveAction}.`;
        return { record, events: [event], outbox: [toCitizen(text)], message: `${c.ticket}: PTP dicatat.` };
      }
      case 'start': {
        const { next, event } = move('in_progress');
        return { record: next, events: [event], outbox: [], message: `${c.ticket}: perbaikan dimulai.` };
      }
      case 'done': {
        const { next, event } = move('verifying', action.note);
        const text =
          lang === 'id'
            ? `Kabar aduan ${c.ticket}: perbaikan sudah dikerjakan dan sedang diperiksa hasilnya.`
            : `Update on ${c.ticket}: the work is done and its result is being checked.`;
        return {
          record: next,
          events: [event],
          outbox: [toCitizen(text)],
          message: `${c.ticket}: selesai dikerjakan, menunggu verifikasi.`,
        };
      }
      case 'approve': {
        if (c.stage !== 'verifying')
          throw new ActionError(`verifikasi hanya pada tahap verifying (sekarang ${c.stage})`);
        const record = {
          ...c,
          updatedAt: now,
          ptp: withVerification(c, { result: 'approved', by: who, at: now, notes: action.notes ?? '' }),
        };
        return {
          record,
          events: [noteEvent(c, now, actor, 'verification approved', action.notes)],
          outbox: [],
          message: `${c.ticket}: hasil disetujui. Sampaikan ke warga.`,
        };
      }
      case 'reject': {
        requireText(action.recommendation, 'rekomendasi');
        const { next, event } = move('in_progress', action.recommendation);
        const record = {
          ...next,
          ptp: withVerification(next, { result: 'rejected', by: who, at: now, notes: action.recommendation }),
        };
        return {
          record,
          events: [event],
          outbox: [card(record, `Verifikasi DITOLAK: ${action.recommendation}`)],
          message: `${c.ticket}: kembali ke pengerjaan.`,
        };
      }
      case 'inform': {
        requireText(action.result, 'hasil penanganan');
        if (!approvedThisRound(c)) throw new ActionError('hasil belum diverifikasi (disetujui) supervisor');
        const moved = move('awaiting_confirmation', action.result);
        const next = {
          ...moved.next,
          ptp: withCurrentRound(moved.next, { citizenMessage: action.result, informedAt: now }),
        };
        const event = moved.event;
        const offered = closureChoices(lang);
        const question = toCitizen(t(lang, 'closureQuestion', { ticket: c.ticket, result: action.result }), {
          choices: offered,
        });
        return {
          record: next,
          events: [event],
          outbox: [question],
          // A complaint the citizen is half-way through writing is put aside and resumed after this question.
          conversation: (s) => ({
            ...suspendIntake(s),
            mode: 'confirm',
            ticket: c.ticket,
            offered,
            askedAt: now,
            remindedAt: undefined,
          }),
          message: `${c.ticket}: hasil disampaikan; menunggu konfirmasi warga.`,
        };
      }
      case 'relabel': {
        if (action.label === c.kind) throw new ActionError(`sudah berlabel ${c.kind}`);
        const correction = { label: action.label, by: who, at: now, ...(action.note ? { note: action.note } : {}) };
        const detail = `${c.kind} → ${action.label}${action.note ? `: ${action.note}` : ''}`;
        if (action.label === 'complaint') {
          const asComplaint: CaseRecord = { ...c, kind: 'complaint', correction };
          const { next, event } = moveCase(asComplaint, 'forwarded', { now, actor, action: 'relabel', policy, detail });
          return {
            record: next,
            events: [event],
            outbox: [card(next, 'Dilabel ulang sebagai ADUAN.')],
            message: `${c.ticket}: dilabel ulang sebagai aduan.`,
          };
        }
        if (c.kind === 'complaint' && c.stage !== 'closed' && c.stage !== 'archived') {
          const { next, event } = move('closed', detail, 'relabelled');
          return {
            record: { ...next, kind: action.label, correction },
            events: [event],
            outbox: [],
            message: `${c.ticket}: dilabel ulang sebagai ${action.label}; kasus ditutup.`,
          };
        }
        return {
          record: { ...c, kind: action.label, correction, updatedAt: now },
          events: [noteEvent(c, now, actor, 'relabel', detail)],
          outbox: [],
          message: `${c.ticket}: dilabel ulang sebagai ${action.label}.`,
        };
      }
      case 'note': {
        requireText(action.text, 'catatan');
        const record = {
          ...c,
          updatedAt: now,
          privateNotes: [...c.privateNotes, { by: who, at: now, text: action.text }],
        };
        return {
          record,
          events: [noteEvent(c, now, actor, 'private note', action.text)],
          outbox: [],
          message: `${c.ticket}: catatan internal disimpan (tidak dikirim ke warga).`,
        };
      }
      case 'invalid': {
        requireText(action.reason, 'alasan');
        const { next, event } = move('closed', action.reason, 'invalid');
        const record = { ...next, resolutionNote: action.reason };
        const text =
          lang === 'id'
            ? `Aduan ${c.ticket} kami tutup karena tidak dapat ditindaklanjuti: ${action.reason}. Jika ada informasi baru, silakan kirim aduan baru.`
            : `We have closed complaint ${c.ticket} because it cannot be acted on: ${action.reason}. If you have new information, please file a new complaint.`;
        return {
          record,
          events: [event],
          outbox: [toCitizen(text)],
          message: `${c.ticket}: ditutup sebagai tidak valid.`,
        };
      }
      case 'reply': {
        requireText(action.text, 'pesan');
        if (c.stage === 'archived') throw new ActionError('kasus sudah diarsipkan');
        const text = t(lang, 'staffReply', {
          ticket: c.ticket,
          text: action.text,
          signature: this.deps.agency.signature,
        });
        return {
          record: { ...c, updatedAt: now },
          events: [noteEvent(c, now, actor, 'reply to citizen', action.text)],
          outbox: [toCitizen(text, { kind: 'relay' })],
          // Keep a question the citizen is answering; otherwise their next words go to this case's thread.
          conversation: (s) =>
            s.mode === 'idle' || s.mode === 'thread'
              ? { ...s, mode: 'thread', ticket: c.ticket, askedAt: undefined }
              : s,
          message: `${c.ticket}: pesan diteruskan ke warga.`,
        };
      }
      case 'archive': {
        const { next, event } = move('archived');
        return { record: next, events: [event], outbox: [], message: `${c.ticket}: diarsipkan.` };
      }
    }
  }
}

/** A staff action that cannot be done as asked (missing text, wrong order); nothing is changed. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionError';
  }
}

function requireText(value: string | undefined, what: string): void {
  if (!value || !value.trim()) throw new ActionError(`${what} tidak boleh kosong`);
  if (value.length > 4000) throw new ActionError(`${what} terlalu panjang (maksimal 4.000 karakter)`);
}
