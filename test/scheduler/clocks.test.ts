import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advance, fileComplaint, MINUTE, setup, type Setup } from './support.js';

let s: Setup;
beforeEach(async () => {
  s = await setup();
  await s.scheduler.tick(); // first start: the schedules begin now
});
afterEach(async () => {
  await s.scheduler.stop();
  await s.h.close();
});

const reminders = (s: Setup, ticket: string) =>
  s.h.sent.filter((m) => m.channel === 'staff' && m.chatId === ticket && m.kind === 'reminder');
const escalations = (s: Setup) =>
  s.h.sent.filter(
    (m) =>
      (m.channel === 'staff' && m.chatId.startsWith('dm:')) || (m.channel === 'whatsapp' && m.chatId.endsWith('@c.us')),
  );

describe('the SOP stage clocks', () => {
  it('sends nothing while a stage is within its standard time', async () => {
    const ticket = await fileComplaint(s.h);
    await advance(s, 55 * MINUTE);
    expect(reminders(s, ticket)).toHaveLength(0);
  });

  it('reminds the case thread once when a stage is overdue, naming the stage and how late it is', async () => {
    const ticket = await fileComplaint(s.h);
    await advance(s, 65 * MINUTE);
    const r = reminders(s, ticket);
    expect(r).toHaveLength(1);
    expect(r[0]?.text).toMatch(/tahap "diteruskan ke bidang"/);
    expect(r[0]?.text).toMatch(/terlambat \d+ menit/);
    await advance(s, 5 * MINUTE);
    await advance(s, 5 * MINUTE);
    expect(reminders(s, ticket)).toHaveLength(1);
    expect(escalations(s)).toHaveLength(0);
  });

  it('escalates to every supervisor once at twice the standard time, and not again on the next tick', async () => {
    const ticket = await fileComplaint(s.h);
    await advance(s, 65 * MINUTE);
    await advance(s, 60 * MINUTE);
    const e = escalations(s);
    expect(e.map((m) => `${m.channel}:${m.chatId}`).sort()).toEqual([
      'staff:dm:111',
      'staff:dm:222',
      'whatsapp:628111222333@c.us',
    ]);
    expect(e[0]?.text).toContain(ticket);
    expect(e[0]?.text).toMatch(/Eskalasi/);
    await advance(s, 5 * MINUTE);
    await advance(s, 60 * MINUTE);
    expect(escalations(s)).toHaveLength(3);
    expect(reminders(s, ticket).filter((m) => /^⏰/.test(m.text))).toHaveLength(1);
    const events = await s.h.app.store.getEvents(ticket);
    expect(events.filter((e) => e.action === 'overdue reminder')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'overdue escalation')).toHaveLength(1);
  });

  it('starts a new clock when the case moves on, and leaves the case itself unchanged', async () => {
    const ticket = await fileComplaint(s.h);
    await advance(s, 65 * MINUTE);
    const before = await s.h.app.store.getCase(ticket);
    expect(before?.version).toBe(1);
    await s.h.staff('rina', ticket, '/telaah -');
    await advance(s, 65 * MINUTE);
    const r = reminders(s, ticket);
    expect(r).toHaveLength(2);
    expect(r[1]?.text).toMatch(/tahap "ditelaah bidang"/);
  });

  it('does not run the clock of a case waiting for the citizen or closed', async () => {
    const ticket = await fileComplaint(s.h);
    await s.h.staff('rina', ticket, '/tolak bukan kewenangan');
    await advance(s, 10 * 60 * MINUTE);
    expect(reminders(s, ticket)).toHaveLength(0);
  });
});
