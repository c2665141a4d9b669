// Runs one scripted conversation through the console channel, the real flows and the real text understanding, in
// process, on a real SQLite file in a temp folder. Cases the conversation needs are set up through the services
// (the citizen's intake flow code for recording, the staff pipeline with the terminal's commands for staff steps,
// the scheduler's follow-up question).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config/config.js';
import { citizenKey, type CaseEvent, type CaseRecord, type CitizenRef } from '../../src/domain/case.js';
import { moveCase } from '../../src/domain/lifecycle.js';
import type { InboundMessage, OutboundMessage } from '../../src/domain/messages.js';
import type { OfficeCalendar } from '../../src/domain/office-hours.js';
import { flowContext } from '../../src/scheduler/citizen-context.js';
import { silentLogger } from '../../src/log/logger.js';
import { consoleSender, renderConsoleReply } from '../../bots/console/console-channel.js';
import { readState } from '../../flows/state.js';
import { recordComplaint } from '../../flows/record.js';
import { askFollowup } from '../../flows/timeouts.js';
import { extractSlots } from '../../nlp/index.js';
import type { TextUnderstanding } from '../../nlp/types.js';
import type { Dialogue, Given } from './format.js';

export const PROFILES = {
  bapenda: 'src/config/agencies/bapenda-kota-padang.json',
  dprd: 'src/config/agencies/dprd-kota-yogyakarta.json',
} as const;

/** A supervisor's Telegram id in the test configuration (integrity notices go to "dm:<id>"). */
export const SUPERVISOR_ID = '900001';

/** Monday 2 November 2026, 09:00 in Jakarta: an ordinary office morning. */
const BASE = Date.UTC(2026, 10, 2, 2, 0, 0);

const CALENDAR: OfficeCalendar = {
  timeZone: 'Asia/Jakarta',
  week: [null, ...Array.from({ length: 5 }, () => ({ open: 450, close: 960 })), null],
  holidays: new Set(['2026-12-25', '2027-01-01']),
};

export interface Turn {
  said: string;
  line: number;
  replies: OutboundMessage[];
}

export interface Outcome {
  app: App;
  citizenKey: string;
  /** Given cases: own (#1…) and other citizens' (#o1…), as they were when the conversation started. */
  own: CaseRecord[];
  others: CaseRecord[];
  /** Everything delivered after the set-up, in order (citizen replies, staff messages, supervisor notices). */
  sent: OutboundMessage[];
  turns: Turn[];
  /** Reply checks that failed, with their line. */
  replyFailures: string[];
  transcript: string[];
  close(): Promise<void>;
}

let counter = 0;

/** Fills the placeholders of a message or a pattern. */
export function fill(s: string, own: CaseRecord[], others: CaseRecord[], escape: boolean): string {
  const esc = (x: string) => (escape ? x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : x);
  return s
    .replace(/\{#(o?)(\d+)(:plain)?\}/g, (m, o: string, n: string, plain?: string) => {
      const c = (o ? others : own)[Number(n) - 1];
      if (!c) return m;
      return esc(plain ? c.ticket.replace(/-/g, '').toLowerCase() : c.ticket);
    })
    .replace(/\{fake\}/g, 'ADU-ZZZZ-ZZZ9')
    .replace(/\{long:(\d+)\}/g, (_m, n: string) => 'pajak '.repeat(Math.ceil(Number(n) / 6)).slice(0, Number(n)))
    .replace(/\{ctrl\}/g, '\u0000\u0007\u001b\u0008')
    .replace(/\{zw\}/g, '\u200b')
    .replace(/\{rlo\}/g, '\u202e');
}

async function setUpCase(app: App, clock: { now: number }, g: Given, citizen: CitizenRef): Promise<CaseRecord> {
  const start = clock.now;
  clock.now = start - g.ageMs - 60_000;
  const ctx = flowContext(app, citizen, clock.now);
  const found = extractSlots(g.text);
  const draft = {
    text: g.text,
    attachments: [],
    classification: app.nlp.classify(g.text),
    details: { ...(found.place ? { where: found.place } : {}), ...(found.time ? { since: found.time } : {}) },
    awaiting: 'photo' as const,
    asked: [],
    startedAt: clock.now,
  };
  const rec = recordComplaint(ctx, draft);
  await app.store.commit({ cases: [{ record: rec.record, expectedVersion: null }], events: rec.events });
  app.nlp.repeats.add({ ticket: rec.record.ticket, citizenKey: citizenKey(citizen), text: g.text });
  const ticket = rec.record.ticket;
  // Staff steps go through the staff pipeline, typed on the terminal surface as staff would.
  let n = 0;
  const act = async (as: 'petugas' | 'kabid', command: string) => {
    clock.now += 60_000;
    const r = await app.inbound.receive({
      surface: 'terminal',
      messageId: `setup-${ticket}-${++n}`,
      sender: { id: as, name: as === 'kabid' ? 'Kepala Bidang' : 'Petugas Uji' },
      ticket,
      text: command,
      attachments: [],
      sentAt: clock.now,
    });
    if (!r.shown.some((x) => x.kind === 'case-update'))
      throw new Error(`set-up of ${ticket} (${g.stage}): ${command} → ${r.shown.map((x) => x.text).join(' / ')}`);
  };
  const order = ['in_review', 'root_cause', 'in_progress', 'verifying', 'informed'];
  const reach = g.stage === 'closed' || g.stage === 'followup' || g.stage === 'archived' ? 'informed' : g.stage;
  const upTo = order.indexOf(reach);
  if (upTo >= 0) {
    await act('petugas', '/ambil');
    await act('petugas', '/telaah Ditelaah bersama bidang.');
  }
  if (upTo >= 1) await act('petugas', '/akar Data objek pajak belum diperbarui.');
  if (upTo >= 2) {
    await act('petugas', '/ptp Perbaiki data dan terbitkan ulang tagihan | Seksi Pendataan | 7 hari');
    await act('petugas', '/mulai');
  }
  if (upTo >= 3) await act('petugas', '/selesai Sudah diperbaiki.');
  if (upTo >= 4) {
    await act('kabid', '/setujui Sesuai.');
    await act('petugas', '/sampaikan Data sudah kami perbaiki dan tagihan sudah diterbitkan ulang.');
  }
  const close = async (resolution: 'satisfied' | 'withdrawn') => {
    const c = (await app.store.getCase(ticket)) as CaseRecord;
    const { next, event } = moveCase(c, 'closed', {
      now: clock.now,
      actor: { kind: 'citizen', id: citizenKey(citizen) },
      action: resolution === 'satisfied' ? 'citizen satisfied' : 'withdrawn by citizen',
      policy: app.duePolicy,
      resolution,
    });
    if (resolution === 'satisfied') next.satisfaction = [{ at: clock.now, satisfied: true, round: 'closure' }];
    await app.store.commit({ cases: [{ record: next, expectedVersion: c.version }], events: [event] });
  };
  if (g.stage === 'closed' || g.stage === 'followup' || g.stage === 'archived') await close('satisfied');
  if (g.stage === 'withdrawn') await close('withdrawn');
  if (g.stage === 'archived') await act('petugas', '/arsip');
  clock.now = start;
  if (g.stage === 'followup') {
    const c = (await app.store.getCase(ticket)) as CaseRecord;
    const key = citizenKey(citizen);
    const conv = await app.store.getConversation(key);
    const state = readState(conv?.state ?? null, citizen.language, clock.now);
    const out = askFollowup(state, c, clock.now);
    await app.store.commit({
      conversations: [{ key, state: out.state, expectedVersion: conv ? conv.version : null }],
      events: out.events,
    });
  }
  return (await app.store.getCase(ticket)) as CaseRecord;
}

/** Runs `d` and returns what happened; the caller checks the outcome and closes it. */
export async function runDialogue(d: Dialogue, nlpFor: (agency: Dialogue['agency']) => TextUnderstanding) {
  const dir = mkdtempSync(join(tmpdir(), 'aduan-dlg-'));
  const config = loadConfig({
    DATA_DIR: dir,
    AGENCY_CONFIG: join(projectRoot(), PROFILES[d.agency]),
    SUPERVISOR_TELEGRAM_IDS: SUPERVISOR_ID,
    STAFF_TELEGRAM_IDS: '900002',
    STAFF_OPERATORS: 'petugas,kabid:supervisor',
  });
  const clock = { now: BASE };
  const app = await createApp(config, {
    log: silentLogger,
    now: () => clock.now,
    nlp: nlpFor(d.agency),
    manualDispatch: true,
    calendar: CALENDAR,
  });
  const sent: OutboundMessage[] = [];
  const transcript: string[] = [];
  const sink = new Writable({ write: (_chunk, _enc, cb) => cb() });
  for (const ch of ['telegram', 'whatsapp', 'staff'] as const)
    app.dispatcher.register({ channel: ch, send: async (m) => void sent.push(m) });
  const deliver = async () => {
    while ((await app.dispatcher.drainOnce()) > 0);
  };
  const uid = `warga-${++counter}`;
  const consoleOpts = { input: process.stdin, output: sink, beforeSend: (m: OutboundMessage) => void sent.push(m) };
  app.dispatcher.register(consoleSender(consoleOpts, uid));
  const me: CitizenRef = { channel: 'console', userId: uid, chatId: uid, language: d.lang };
  const own: CaseRecord[] = [];
  const others: CaseRecord[] = [];
  let o = 0;
  for (const g of d.given) {
    const who = g.other ? { ...me, userId: `lain-${uid}-${++o}`, chatId: `lain-${uid}-${o}` } : me;
    (g.other ? others : own).push(await setUpCase(app, clock, g, who));
  }
  if (own.length) {
    // A citizen with cases has talked to us before: greeted, in their language; "quiet": nothing waiting.
    const key = citizenKey(me);
    const conv = await app.store.getConversation(key);
    const state = readState(conv?.state ?? null, d.lang, clock.now);
    const quiet = d.given.some((g) => !g.other && g.quiet);
    const next = quiet
      ? { ...state, mode: 'idle' as const, ticket: undefined, offered: undefined, askedAt: undefined }
      : state;
    await app.store.commit({
      conversations: [
        {
          key,
          state: { ...next, greeted: true, language: d.lang },
          expectedVersion: conv ? conv.version : null,
        },
      ],
    });
  }
  for (let i = 0; i < own.length; i++) own[i] = (await app.store.getCase(own[i]!.ticket)) as CaseRecord;
  await deliver();
  sent.length = 0;

  const turns: Turn[] = [];
  const replyFailures: string[] = [];
  let n = 0;
  for (const step of d.steps) {
    if (step.kind === 'wait') {
      clock.now += step.ms;
      continue;
    }
    if (step.kind === 'reply') {
      const turn = turns.at(-1);
      const re = new RegExp(fill(step.re.source, own, others, true), step.re.flags);
      const hit = (turn?.replies ?? []).some((m) => re.test(m.text));
      if (hit === step.negate)
        replyFailures.push(`line ${step.line}: ${step.negate ? 'a reply matched' : 'no reply matched'} ${re}`);
      continue;
    }
    clock.now += 20_000;
    const text = fill(step.text, own, others, false);
    const msg: InboundMessage = {
      channel: 'console',
      messageId: `${uid}-${++n}`,
      senderId: uid,
      chatId: uid,
      text,
      attachments: step.photo ? [{ kind: 'photo', fileId: `photo-${n}`, size: 50_000 }] : [],
      sentAt: clock.now,
    };
    const before = sent.length;
    await app.inbound.receive(msg);
    await deliver();
    const replies = sent.slice(before).filter((m) => m.channel === 'console' && m.chatId === uid);
    turns.push({ said: step.text, line: step.line, replies });
    transcript.push(`Warga> ${step.photo ? '[foto] ' : ''}${text.length > 200 ? `${text.slice(0, 200)}…` : text}`);
    for (const r of replies) transcript.push(renderConsoleReply(r).trimEnd());
  }
  const outcome: Outcome = {
    app,
    citizenKey: citizenKey(me),
    own,
    others,
    sent,
    turns,
    replyFailures,
    transcript,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return outcome;
}

/** Events of a case after the set-up (the conversation's doing). */
export async function eventsAfter(app: App, ticket: string, since: number): Promise<CaseEvent[]> {
  return (await app.store.getEvents(ticket)).filter((e) => e.at >= since);
}

export { BASE };
