// Flow tests call the flow functions directly: a stub text understanding that reads each message as the test says,
// and an in-memory world that applies a flow's result (state, cases with their versions, events, notices) the way
// the store's commit would. No SQLite, no app.
import type { Agency } from '../../src/domain/agency.js';
import { citizenKey, type CaseEvent, type CaseRecord, type CitizenRef } from '../../src/domain/case.js';
import { moveCase, plainMinutesPolicy } from '../../src/domain/lifecycle.js';
import type { Attachment, OutboundMessage } from '../../src/domain/messages.js';
import type { OfficeCalendar } from '../../src/domain/office-hours.js';
import type { Stage } from '../../src/domain/stages.js';
import { findTicketInText, newTicket } from '../../src/domain/ticket.js';
import { supervisorMessages } from '../../src/digest/recipients.js';
import type { FlowContext, Reply } from '../../flows/context.js';
import { recordComplaint } from '../../flows/record.js';
import { handleMessage } from '../../flows/router.js';
import { readState, type ConversationState } from '../../flows/state.js';
import {
  DIALOGUE_ACTS,
  type DialogueAct,
  type FaqMatch,
  type Routing,
  type TextUnderstanding,
  type Understanding,
} from '../../nlp/types.js';
import { fakeRepeatIndex, testAgency } from '../support/fake-nlp.js';

export type Reading = Partial<Omit<Understanding, 'slots'>> & {
  act: DialogueAct;
  slots?: Partial<Understanding['slots']>;
};

export interface StubOptions {
  /** How each message (exact text, case-insensitive) reads; anything else is a confident complaint. */
  reads?: Record<string, DialogueAct | Reading>;
  faq?: Array<{ match: RegExp; answer: string }>;
  route?: (text: string) => Partial<Routing>;
  repeatThreshold?: number;
}

/** A text understanding that reads messages as the test says (the real one is measured by the dialogue set). */
export function stubNlp(opts: StubOptions = {}): TextUnderstanding & { contexts: unknown[] } {
  const reads = new Map(Object.entries(opts.reads ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const contexts: unknown[] = [];
  const nlp: TextUnderstanding & { contexts: unknown[] } = {
    contexts,
    clarifyThreshold: 0.5,
    classify: (text) => ({ label: 'complaint', confidence: 0.9, modelVersion: `stub:${text.length}` }),
    understand(text, context) {
      contexts.push(context);
      const r = reads.get(text.trim().toLowerCase());
      const reading: Reading = typeof r === 'string' ? { act: r } : (r ?? { act: 'complaint' });
      const confidence = reading.confidence ?? 0.9;
      const scores = Object.fromEntries(DIALOGUE_ACTS.map((a) => [a, a === reading.act ? confidence : 0]));
      const named = findTicketInText(text);
      return {
        confidence,
        scores: scores as Understanding['scores'],
        classification: { label: 'complaint', confidence, modelVersion: 'stub' },
        flags: [],
        integrity: 0,
        language: 'id',
        ...reading,
        slots: { tickets: named ? [named] : [], objectNumbers: [], amounts: [], ...reading.slots },
      };
    },
    answerFaq(text): FaqMatch | null {
      const i = (opts.faq ?? []).findIndex((f) => f.match.test(text));
      const f = opts.faq?.[i];
      return f ? { index: i, answer: f.answer, score: 1 } : null;
    },
    route(text) {
      const s = text.toLowerCase();
      const division = /pbb|tagihan/.test(s) ? 'pbb-p2' : /website|aplikasi|online/.test(s) ? 'digital' : 'layanan';
      return {
        division,
        confidence: 0.8,
        topic: division,
        flags: /pungli|suap|amplop/.test(s) ? ['integrity'] : [],
        ...opts.route?.(text),
      };
    },
    repeats: fakeRepeatIndex(opts.repeatThreshold ?? 0.6),
  };
  return nlp;
}

export const BASE = Date.UTC(2026, 10, 2, 2, 0, 0);
export const DAY = 86_400_000;

export class FlowWorld {
  now = BASE;
  state: ConversationState;
  readonly cases = new Map<string, CaseRecord>();
  readonly events: CaseEvent[] = [];
  readonly notify: OutboundMessage[] = [];
  readonly counters: Record<string, number> = {};
  readonly citizen: CitizenRef;

  constructor(
    readonly nlp: TextUnderstanding,
    readonly agency: Agency = testAgency,
    opts: { userId?: string; language?: 'id' | 'en'; greeted?: boolean; calendar?: OfficeCalendar } = {},
  ) {
    this.citizen = {
      channel: 'telegram',
      userId: opts.userId ?? '1001',
      chatId: opts.userId ?? '1001',
      language: opts.language ?? 'id',
    };
    this.state = { ...readState(null, this.citizen.language, this.now), greeted: opts.greeted ?? true };
    this.calendar = opts.calendar;
  }

  private readonly calendar?: OfficeCalendar;

  ctx(citizen: CitizenRef = this.citizen): FlowContext {
    return {
      now: this.now,
      citizen,
      citizenKey: citizenKey(citizen),
      nlp: this.nlp,
      agency: this.agency,
      duePolicy: plainMinutesPolicy(),
      maxChars: 4000,
      maxAttachmentBytes: 20 * 1_048_576,
      newTicket: () => newTicket(),
      casesOf: async (key, limit) =>
        [...this.cases.values()]
          .filter((c) => citizenKey(c.citizen) === key)
          .sort((a, b) => b.createdAt - a.createdAt)
          .slice(0, limit),
      getCase: async (ticket) => this.cases.get(ticket) ?? null,
      reopenWindowMs: 60 * DAY,
      ...(this.calendar ? { calendar: this.calendar } : {}),
      toSupervisors: (m) => supervisorMessages({ SUPERVISOR_TELEGRAM_IDS: ['77'], SUPERVISOR_WHATSAPP_NUMBERS: [] }, m),
    };
  }

  /** The citizen writes (or presses a button); returns the replies, and applies everything the flow returned. */
  async say(text: string, extra: { choice?: string; attachments?: Attachment[] } = {}): Promise<Reply[]> {
    this.now += 20_000;
    const out = await handleMessage(
      this.state,
      { text, attachments: extra.attachments ?? [], ...(extra.choice ? { choice: extra.choice } : {}) },
      this.ctx(),
    );
    for (const { record, expectedVersion } of out.cases) {
      const current = this.cases.get(record.ticket);
      if ((current?.version ?? null) !== expectedVersion)
        throw new Error(`version conflict on ${record.ticket}: ${current?.version} vs ${expectedVersion}`);
      this.cases.set(record.ticket, { ...record, version: expectedVersion === null ? 1 : expectedVersion + 1 });
      if (expectedVersion === null && record.kind === 'complaint')
        this.nlp.repeats.add({ ticket: record.ticket, citizenKey: citizenKey(record.citizen), text: record.text });
    }
    this.events.push(...out.events);
    this.notify.push(...out.notify);
    for (const [k, v] of Object.entries(out.counters ?? {})) this.counters[k] = (this.counters[k] ?? 0) + v;
    this.state = out.state;
    return out.replies;
  }

  /** A complaint of this citizen (or `other`'s) moved to `stage`, `ageDays` ago. */
  caseAt(
    stage: Stage,
    text: string,
    opts: { other?: boolean; ageDays?: number; resolution?: CaseRecord['resolution'] } = {},
  ): CaseRecord {
    const at = this.now - (opts.ageDays ?? 0) * DAY;
    const citizen = opts.other ? { ...this.citizen, userId: '2002', chatId: '2002' } : this.citizen;
    const ctx = { ...this.ctx(citizen), now: at };
    const draft = {
      text,
      attachments: [],
      classification: { label: 'complaint' as const, confidence: 0.9, modelVersion: 'stub' },
      details: {},
      awaiting: 'photo' as const,
      asked: [],
      startedAt: at,
    };
    let c = recordComplaint(ctx, draft).record;
    const path: Stage[] = ['in_review', 'root_cause', 'action_planned', 'in_progress', 'verifying'];
    const closing = stage === 'closed' || stage === 'archived';
    const target = closing ? 'awaiting_confirmation' : stage;
    const move = (to: Stage, resolution?: CaseRecord['resolution']) => {
      c = moveCase(c, to, {
        now: at,
        actor: { kind: 'staff', id: 's' },
        action: to,
        policy: ctx.duePolicy,
        ...(resolution ? { resolution } : {}),
      }).next;
    };
    if (target !== 'forwarded') {
      for (const s of [...path, 'awaiting_confirmation' as const]) {
        move(s);
        if (s === target) break;
      }
    }
    if (closing) move('closed', opts.resolution ?? 'satisfied');
    if (stage === 'archived') move('archived');
    c = { ...c, version: 1 };
    this.cases.set(c.ticket, c);
    this.nlp.repeats.add({ ticket: c.ticket, citizenKey: citizenKey(c.citizen), text });
    return c;
  }

  /** Staff asked the closure question about `c` (what the staff action does to the conversation). */
  askClosure(c: CaseRecord): void {
    this.state = {
      ...this.state,
      mode: 'confirm',
      ticket: c.ticket,
      offered: [
        { id: 'satisfied', label: 'Puas' },
        { id: 'not_satisfied', label: 'Belum puas' },
      ],
      askedAt: this.now,
    };
  }

  get(ticket: string): CaseRecord {
    const c = this.cases.get(ticket);
    if (!c) throw new Error(`no case ${ticket}`);
    return c;
  }

  /** Cases of this citizen created during the test, oldest first. */
  mine(): CaseRecord[] {
    return [...this.cases.values()]
      .filter((c) => citizenKey(c.citizen) === citizenKey(this.citizen))
      .sort((a, b) => a.createdAt - b.createdAt);
  }
}

export const text = (replies: Reply[]): string => replies.map((r) => r.text).join('\n---\n');
export const ticketIn = (s: string): string | null => /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(s)?.[0] ?? null;
