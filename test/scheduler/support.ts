// Helpers for scheduler tests: a harness with supervisors configured, its scheduler (no timers: the tests move
// the clock and call tick()), and a complaint walked to a given point by the real flows and case service.
import { startHarness, type Harness } from '../support/harness.js';
import { createScheduler, loadSchedulerConfig, type Scheduler } from '../../src/scheduler/index.js';

export const SUPERVISORS = { SUPERVISOR_TELEGRAM_IDS: '111,222', SUPERVISOR_WHATSAPP_NUMBERS: '628111222333' };
export const MINUTE = 60_000;
export const DAY = 86_400_000;
/** The harness's operators: staff and a supervisor (STAFF_OPERATORS). */
export const staff = 'rina';
export const head = 'kabid';

export interface Setup {
  h: Harness;
  scheduler: Scheduler;
}

export async function setup(
  opts: { dir?: string; env?: Record<string, string>; schedulerEnv?: Record<string, string> } = {},
): Promise<Setup> {
  const h = await startHarness({ env: { ...SUPERVISORS, ...opts.env }, ...(opts.dir ? { dir: opts.dir } : {}) });
  const scheduler = createScheduler(h.app, loadSchedulerConfig(opts.schedulerEnv ?? {}));
  return { h, scheduler };
}

export const ticketIn = (s: string) => /ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(s)?.[0] ?? null;

/** A complaint recorded through the intake flow (at stage forwarded); returns its ticket. */
export async function fileComplaint(
  h: Harness,
  text = 'Tagihan PBB ganda di kantor Bapenda sejak bulan lalu',
  senderId = '1001',
): Promise<string> {
  await h.say('/start', { senderId, chatId: senderId });
  await h.say(`/lapor ${text}`, { senderId, chatId: senderId });
  // Skip whatever follow-up questions the complaint still gets (where, since when, photo).
  for (let i = 0; i < 4; i++) {
    const r = await h.say('lewati', { senderId, chatId: senderId });
    const ticket = ticketIn(r.map((m) => m.text).join('\n'));
    if (ticket) return ticket;
  }
  throw new Error('the complaint was not recorded');
}

/** Walks a complaint to the closure question (SOP step 13) with the real staff actions. */
export async function toClosureQuestion(h: Harness, ticket: string): Promise<void> {
  const steps = [
    [staff, '/telaah dibahas'],
    [staff, '/akar Data objek pajak ganda'],
    [staff, '/ptp Hapus data ganda | Staf PBB | 1 hari'],
    [staff, '/mulai'],
    [staff, '/selesai'],
    [head, '/setujui'],
    [staff, '/sampaikan Tagihan ganda sudah dihapus'],
  ] as const;
  for (const [as, command] of steps) {
    const shown = await h.staff(as, ticket, command);
    if (shown[0]?.kind !== 'case-update') throw new Error(`${command}: ${shown.map((r) => r.text).join(' ')}`);
  }
  await h.deliver();
}

/** Moves the clock and runs whatever is due, then delivers the outbox. */
export async function advance(s: Setup, ms: number) {
  s.h.clock.now += ms;
  const out = await s.scheduler.tick();
  await s.h.deliver();
  return out;
}
