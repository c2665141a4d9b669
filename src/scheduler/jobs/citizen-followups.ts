// The citizen-side jobs: half-way intakes (reminder, then recorded), unanswered closure questions (reminder, then
// closed as "no response") and the follow-up check weeks after closing. The decisions are flows/timeouts.ts; these
// jobs find the conversations and cases, and commit each result in one transaction at the version they read, so a
// citizen writing at the same moment wins and the job simply looks again next time.
import type { App } from '../../app.js';
import type { CaseRecord, CitizenRef } from '../../domain/case.js';
import { citizenKey } from '../../domain/case.js';
import { ConflictError } from '../../store/port.js';
import { REPORT_ACTIONS } from '../../store/reports.js';
import { readState, type ConversationState } from '../../../flows/state.js';
import {
  askFollowup,
  canAsk,
  closeUnanswered,
  closureStep,
  followupDue,
  giveUpIntake,
  intakeStep,
  remindClosure,
  remindIntake,
} from '../../../flows/timeouts.js';
import type { FlowResult } from '../../../flows/context.js';
import { citizenOfKey, commitForCitizen, flowContext } from '../citizen-context.js';
import type { Job, JobContext } from '../job.js';

const BATCH = 500;
/** A follow-up check not sent within this time after it was due (citizen busy, service down) is dropped. */
const FOLLOWUP_WINDOW_MS = 7 * 86_400_000;

export function intakeTimeoutsJob(cron: string): Job {
  return {
    name: 'intake-timeouts',
    summary: 'complaints left half-way: one reminder, then recorded with what they have',
    cron,
    run: async (ctx) => {
      const { app, now, settings } = ctx;
      const waiting = await app.reports.conversationsWaiting('intake', now - settings.intakeReminderMs, BATCH);
      let reminded = 0;
      let recorded = 0;
      for (const conv of waiting) {
        const state = readState(conv.state, app.config.DEFAULT_LANGUAGE, now);
        const step = intakeStep(state, now, settings);
        const citizen = citizenOfKey(conv.key, state.language);
        if (!step || !citizen) continue;
        const out = step === 'remind' ? remindIntake(state, now) : giveUpIntake(state, flowContext(app, citizen, now));
        if (await tryCommit(ctx, citizen, { key: conv.key, version: conv.version, changed: true }, out)) {
          if (step === 'remind') reminded++;
          else recorded++;
        }
      }
      return { waiting: waiting.length, reminded, recorded };
    },
  };
}

export function closureTimeoutsJob(cron: string): Job {
  return {
    name: 'closure-timeouts',
    summary:
      'closure question unanswered: reminder after CONFIRM_REMINDER_DAYS, closed as no response after CONFIRM_CLOSE_DAYS',
    cron,
    run: async (ctx) => {
      const { app, now, settings } = ctx;
      const cases = await app.reports.casesAtStageSince(
        'awaiting_confirmation',
        now - settings.confirmReminderMs,
        BATCH,
      );
      let reminded = 0;
      let closed = 0;
      for (const c of cases) {
        // An erased citizen cannot be written to any more (their chat went with their data).
        if (c.anonymised) continue;
        const events = await app.store.getEvents(c.ticket);
        const since = c.stageTimes.awaiting_confirmation?.enteredAt ?? 0;
        const wasReminded = events.some((e) => e.action === REPORT_ACTIONS.closureReminder && e.at >= since);
        const step = closureStep(c, now, settings, wasReminded);
        if (!step) continue;
        const loaded = await loadConversation(app, c, now);
        if (step === 'remind') {
          if (!canAsk(loaded.state, c.ticket)) continue;
          if (await tryCommit(ctx, loaded.citizen, loaded.ref, remindClosure(loaded.state, c, now))) reminded++;
        } else {
          const out = closeUnanswered(
            loaded.state,
            c,
            { now, duePolicy: app.duePolicy, agency: app.agency },
            Math.round(settings.confirmCloseMs / 86_400_000),
          );
          if (await tryCommit(ctx, loaded.citizen, { ...loaded.ref, changed: out.state !== loaded.state }, out))
            closed++;
        }
      }
      return { waiting: cases.length, reminded, closed };
    },
  };
}

export function followupChecksJob(cron: string): Job {
  return {
    name: 'followup-checks',
    summary:
      'weeks after closing (FOLLOWUP_CHECK_DAYS): asks whether the problem stayed solved; "no" reopens at root cause',
    cron,
    run: async (ctx) => {
      const { app, now, settings } = ctx;
      const dueBy = now - settings.followupAfterMs;
      const cases = await app.reports.closedBetween(dueBy - FOLLOWUP_WINDOW_MS, dueBy + 1, BATCH);
      let asked = 0;
      for (const c of cases) {
        if (!followupDue(c, now, settings) || c.anonymised) continue;
        const key = `followup:${c.ticket}:${c.closedAt ?? 0}`;
        if ((await app.store.getValue(key)) !== null) continue;
        const events = await app.store.getEvents(c.ticket);
        if (events.some((e) => e.action === REPORT_ACTIONS.followupAsked && e.at >= (c.closedAt ?? 0))) {
          await app.store.setValue(key, 'asked');
          continue;
        }
        const loaded = await loadConversation(app, c, now);
        if (!canAsk(loaded.state, c.ticket)) continue;
        if (await tryCommit(ctx, loaded.citizen, loaded.ref, askFollowup(loaded.state, c, now))) {
          await app.store.setValue(key, 'asked');
          asked++;
        }
      }
      return { candidates: cases.length, asked };
    },
  };
}

async function loadConversation(app: App, c: CaseRecord, now: number) {
  const key = citizenKey(c.citizen);
  const conv = await app.store.getConversation(key);
  const state: ConversationState = readState(conv?.state ?? null, c.citizen.language, now);
  const citizen: CitizenRef = { ...c.citizen, language: state.language };
  return { state, citizen, ref: { key, version: conv ? conv.version : null, changed: true } };
}

async function tryCommit(
  ctx: JobContext,
  citizen: CitizenRef,
  ref: { key: string; version: number | null; changed: boolean },
  out: FlowResult,
): Promise<boolean> {
  try {
    await commitForCitizen(ctx.app, citizen, ref, out);
    return true;
  } catch (err) {
    if (err instanceof ConflictError) {
      ctx.log.info('citizen or staff changed this meanwhile; will look again next run', { citizen: ref.key });
      return false;
    }
    throw err;
  }
}
