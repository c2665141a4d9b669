// The SOP clocks: when a stage's due time passes, the case's staff thread gets one reminder naming the stage and
// how late it is; at twice the standard time the supervisors get one escalation. "Once per breach" is kept in the
// case's event log (committed with the messages) and mirrored in kv so each tick only reads the log when needed.
import type { CaseRecord } from '../../domain/case.js';
import { divisionName } from '../../domain/case-card.js';
import { noteEvent } from '../../domain/lifecycle.js';
import type { OutboundMessage } from '../../domain/messages.js';
import { staffStageLabel } from '../../domain/labels-id.js';
import { maskPersonalData } from '../../../nlp/pii.js';
import { dateTimeId, durationId } from '../../digest/format.js';
import { supervisorMessages } from '../../digest/recipients.js';
import { CLOCKED_STAGES, REPORT_ACTIONS } from '../../store/reports.js';
import type { Job, JobContext } from '../job.js';

const CLOCK = { kind: 'system', id: 'scheduler', name: 'Jam SOP' } as const;
const MAX_CASES_PER_RUN = 5000;

/** The breach: this case at this stage since this time. A case that moves on and comes back is a new breach. */
export function breachDetail(c: CaseRecord): string | null {
  const entered = c.stageTimes[c.stage]?.enteredAt;
  return entered === undefined ? null : `${c.stage} since ${new Date(entered).toISOString()}`;
}

export function stageClocksJob(cron: string): Job {
  return {
    name: 'stage-clocks',
    summary:
      'SOP standard times: reminder in the case thread when a stage is overdue, escalation to supervisors at twice the time',
    cron,
    run: async (ctx) => {
      const { app, now } = ctx;
      const cases = await app.reports.overdueCases(now, CLOCKED_STAGES, MAX_CASES_PER_RUN);
      let reminders = 0;
      let escalations = 0;
      for (const c of cases) {
        const r = await checkCase(ctx, c);
        reminders += r.reminded ? 1 : 0;
        escalations += r.escalated ? 1 : 0;
      }
      if (reminders + escalations > 0) app.dispatcher.kick();
      return { overdue: cases.length, reminders, escalations };
    },
  };
}

async function checkCase(ctx: JobContext, c: CaseRecord): Promise<{ reminded: boolean; escalated: boolean }> {
  const { app, now } = ctx;
  const detail = breachDetail(c);
  const entered = c.stageTimes[c.stage]?.enteredAt;
  if (detail === null || entered === undefined || c.dueAt === undefined) return { reminded: false, escalated: false };
  const key = `clock:${c.ticket}:${c.stage}:${entered}`;
  const escalateAt = app.duePolicy.dueAt(c.stage, c.dueAt) ?? c.dueAt + (c.dueAt - entered);
  const marks = await app.store.getValue(key);
  let reminded = marks !== null;
  let escalated = marks === 'escalated';
  const wantEscalation = now >= escalateAt;
  if (reminded && (escalated || !wantEscalation)) return { reminded: false, escalated: false };
  // The kv mark is only a shortcut; the event log, written with the messages, is what says it was sent.
  const events = await app.store.getEvents(c.ticket);
  reminded ||= events.some((e) => e.action === REPORT_ACTIONS.overdue && e.detail === detail);
  escalated ||= events.some((e) => e.action === REPORT_ACTIONS.escalated && e.detail === detail);
  const sendReminder = !reminded;
  const sendEscalation = wantEscalation && !escalated;
  const outbox: OutboundMessage[] = [];
  const newEvents = [];
  const stage = staffStageLabel(c.stage);
  const late = durationId(now - c.dueAt);
  const standard = `standar ${app.config.STANDARD_TIMES[c.stage] ?? Math.round((c.dueAt - entered) / 60_000)} menit`;
  const tz = ctx.settings.timeZone;
  if (sendReminder) {
    outbox.push({
      channel: 'staff',
      chatId: c.ticket,
      ticket: c.ticket,
      kind: 'reminder',
      text:
        `⏰ ${c.ticket}: tahap "${stage}" melewati waktu standar SOP (${standard}).\n` +
        `Batas waktu ${dateTimeId(c.dueAt, tz)}; terlambat ${late}.` +
        (c.assignee ? ` Petugas: ${c.assignee}.` : ' Belum ada petugas yang menangani.'),
    });
    newEvents.push(noteEvent(c, now, CLOCK, REPORT_ACTIONS.overdue, detail));
  }
  if (sendEscalation) {
    const text =
      `⚠️ Eskalasi ${c.ticket} (${divisionName(app.agency, c.division)}): tahap "${stage}" sudah lebih dari dua kali ` +
      `waktu standar SOP (${standard}); terlambat ${late} sejak batas ${dateTimeId(c.dueAt, tz)}.\n` +
      `Topik: ${c.topic}. Isi: ${maskPersonalData(c.text).slice(0, 160)}`;
    outbox.push(...supervisorMessages(app.config, { text, kind: 'reminder' }));
    outbox.push({
      channel: 'staff',
      chatId: c.ticket,
      ticket: c.ticket,
      kind: 'reminder',
      text: `⚠️ ${c.ticket}: dieskalasi ke supervisor (terlambat ${late}).`,
    });
    newEvents.push(noteEvent(c, now, CLOCK, REPORT_ACTIONS.escalated, detail));
  }
  if (outbox.length || newEvents.length) await app.store.commit({ outbox, events: newEvents });
  await app.store.setValue(key, sendEscalation || escalated ? 'escalated' : 'reminded');
  return { reminded: sendReminder, escalated: sendEscalation };
}
