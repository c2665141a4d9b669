// The staff inbox's handling of one update: who is acting, which case the message or button belongs to, and what
// they asked for. Buttons are re-checked against the case as it is now; refusals go to the case's log.
import type { App } from '../../src/app.js';
import type { CaseRecord } from '../../src/domain/case.js';
import { answer, begin, run, type StaffCtx } from './actions.js';
import { outsiderActor, staffActor, type StaffDirectory } from './access.js';
import { parseButton, ticketIn, type ButtonAction } from './callback-data.js';
import { listCases, searchCases, showTicket, STAFF_HELP } from './lookups.js';
import { clearPending, readPending } from './pending.js';
import type { StaffButton, StaffMessage } from './read-update.js';
import { say } from './say.js';

export interface StaffDeps {
  app: App;
  groupId: number;
  directory: StaffDirectory;
  /** Answers a button press (the spinner on the staff member's screen); failures are ignored. */
  answerButton(callbackId: string, text?: string): Promise<void>;
}

const CASE_COMMANDS: Record<string, ButtonAction> = {
  ambil: 'take',
  take: 'take',
  teruskan: 'forward',
  forward: 'forward',
  telaah: 'review',
  review: 'review',
  akar: 'root_cause',
  rootcause: 'root_cause',
  root_cause: 'root_cause',
  ptp: 'ptp',
  mulai: 'start',
  start: 'start',
  selesai: 'done',
  done: 'done',
  setujui: 'approve',
  approve: 'approve',
  kembalikan: 'reject',
  reject: 'reject',
  sampaikan: 'inform',
  inform: 'inform',
  label: 'relabel',
  relabel: 'relabel',
  catatan: 'note',
  note: 'note',
  tolak: 'invalid',
  invalid: 'invalid',
  arsip: 'archive',
  archive: 'archive',
};

const COMMAND = /^\/([A-Za-z_]{1,32})(?:@(\w+))?(?:\s+([\s\S]*))?$/;

/** The case a message in the group belongs to: its forum topic, or the card it replies to. */
async function ticketOf(app: App, m: { topicId?: number; replyToMessageId?: number }): Promise<string | null> {
  if (m.topicId !== undefined) return app.store.ticketOfThread({ topicId: m.topicId });
  if (m.replyToMessageId !== undefined) return app.store.ticketOfThread({ messageId: m.replyToMessageId });
  return null;
}

export async function handleStaffMessage(deps: StaffDeps, m: StaffMessage, botUsername: string): Promise<void> {
  const { app } = deps;
  const log = app.log.child({ part: 'telegram-staff' });
  const inGroup = m.chatId === deps.groupId;
  const isPrivate = m.chatType === 'private';
  if (!inGroup && !isPrivate) return log.debug('message from another chat ignored');
  const ticket = inGroup ? await ticketOf(app, m) : null;
  const c = ticket ? await app.store.getCase(ticket) : null;

  // Anonymous admins and channel posts have no person behind them we could hold to account.
  if (m.senderChat || m.fromChannel || !m.from) {
    const why = m.fromChannel || m.senderChat?.type === 'channel' ? 'pesan diteruskan dari kanal' : 'admin anonim';
    if (c)
      await app.cases.refuse(
        c,
        outsiderActor(undefined, why),
        'message',
        `${why}: hanya petugas terdaftar dengan akun sendiri yang boleh bertindak`,
      );
    if (c || m.text.startsWith('/'))
      await say(
        app,
        c ? c.ticket : 'general',
        `Pesan dari ${why} tidak diproses: kirim dari akun petugas Anda sendiri.`,
      );
    return;
  }
  if (m.from.isBot) return;
  const actor = staffActor(deps.directory, m.from);
  if (!actor) {
    if (c) await app.cases.refuse(c, outsiderActor(m.from), 'message', 'bukan petugas terdaftar (STAFF_TELEGRAM_IDS)');
    else log.info('message from someone who is not staff ignored', { inGroup });
    return;
  }
  const place = c ? c.ticket : isPrivate ? `dm:${m.from.id}` : 'general';
  const ctx: StaffCtx = { app, actor, userId: m.from.id, place };

  const cmd = COMMAND.exec(m.text.trim());
  if (cmd && (!cmd[2] || cmd[2].toLowerCase() === botUsername.toLowerCase())) {
    const name = (cmd[1] ?? '').toLowerCase();
    const args = (cmd[3] ?? '').trim();
    return command(ctx, c, name, args);
  }
  if (cmd) return; // a command for another bot in the group
  if (!c) return; // talk in the general thread is not ours to handle
  const pending = await readPending(app.store, c.ticket, m.from.id, app.now());
  if (pending) {
    if (m.text.trim() === '')
      return say(app, c.ticket, 'Jawaban harus berupa teks. Tulis jawabannya, atau tekan Batal.');
    return answer(ctx, pending, m.text);
  }
  if (m.text.trim() === '') {
    if (m.hasMedia) await say(app, c.ticket, 'Hanya teks yang diteruskan ke warga; lampiran tidak dikirim.');
    return;
  }
  // A plain message in a case's thread is written to the citizen.
  return run(ctx, c.ticket, { type: 'reply', text: m.text });
}

async function command(ctx: StaffCtx, c: CaseRecord | null, name: string, args: string): Promise<void> {
  const { app, place } = ctx;
  switch (name) {
    case 'kasus':
    case 'cases':
      return listCases(app, place, args);
    case 'cari':
    case 'search':
      return searchCases(app, place, args);
    case 'tiket':
    case 'ticket':
      return showTicket(app, place, args);
    case 'bantuan':
    case 'help':
    case 'start':
      return say(app, place, STAFF_HELP);
    case 'batal':
    case 'cancel':
      if (!c) return say(app, place, 'Tidak ada pertanyaan yang dibatalkan di sini.');
      if (args) return say(app, place, 'Perintah /batal tidak memakai tambahan kata.');
      await clearPending(app.store, c.ticket, ctx.userId);
      return say(app, place, `${c.ticket}: dibatalkan. Tidak ada yang diubah.`);
  }
  const action = CASE_COMMANDS[name];
  if (!action) return say(app, place, `Perintah /${name.slice(0, 32)} tidak dikenal. Ketik /bantuan.`);
  if (!c) return say(app, place, `/${name} dipakai di topik kasus (atau sebagai balasan pada kartu kasus).`);
  return begin(ctx, c, action, args, name);
}

export async function handleStaffButton(deps: StaffDeps, b: StaffButton): Promise<void> {
  const { app } = deps;
  const data = parseButton(b.data);
  const claimed = data?.ticket ?? ticketIn(b.data);
  const c = claimed ? await app.store.getCase(claimed) : null;
  const actor = staffActor(deps.directory, b.from);
  if (!actor) {
    if (c)
      await app.cases.refuse(
        c,
        outsiderActor(b.from),
        data?.type === 'act' ? data.action : 'button',
        'bukan petugas terdaftar (STAFF_TELEGRAM_IDS)',
      );
    return deps.answerButton(b.callbackId, 'Anda tidak terdaftar sebagai petugas. Tidak ada yang diubah.');
  }
  if (b.chatId !== deps.groupId) return deps.answerButton(b.callbackId, 'Tombol ini hanya berlaku di grup petugas.');
  if (!data || !c) {
    if (c) await app.cases.refuse(c, actor, 'button', `data tombol tidak dikenal: ${b.data.slice(0, 64)}`);
    return deps.answerButton(b.callbackId, 'Tombol tidak dikenal. Tidak ada yang diubah.');
  }
  // The button must sit in the thread of the case it names.
  const thread = await ticketOf(app, {
    ...(b.topicId !== undefined ? { topicId: b.topicId } : {}),
    ...(b.messageId !== undefined && b.topicId === undefined ? { replyToMessageId: b.messageId } : {}),
  });
  if (thread !== c.ticket) {
    await app.cases.refuse(c, actor, 'button', 'tombol dari pesan lain (bukan topik kasus ini)');
    return deps.answerButton(b.callbackId, 'Tombol ini bukan milik kasus di topik ini.');
  }
  const ctx: StaffCtx = { app, actor, userId: b.from.id, place: c.ticket };
  if (data.type === 'cancel') {
    await clearPending(app.store, c.ticket, b.from.id);
    await deps.answerButton(b.callbackId, 'Dibatalkan.');
    return;
  }
  if (data.stage !== c.stage) {
    const what = data.type === 'act' ? data.action : data.type;
    await app.cases.refuse(
      c,
      actor,
      what,
      `tombol kedaluwarsa: dibuat pada tahap ${data.stage}, kasus kini pada tahap ${c.stage}`,
    );
    await deps.answerButton(b.callbackId, 'Tombol ini sudah kedaluwarsa; kartu terbaru dikirim.');
    await say(app, c.ticket, `${c.ticket}: kartu terbaru.`, { kind: 'case-update' });
    return;
  }
  await deps.answerButton(b.callbackId);
  if (data.type === 'act') return begin(ctx, c, data.action, null);
  if (data.type === 'forward') {
    const d = app.agency.divisions[data.division];
    if (!d) {
      await app.cases.refuse(c, actor, 'forward', `bidang nomor ${data.division} tidak ada`);
      return;
    }
    return begin(ctx, c, 'forward', d.id);
  }
  return begin(ctx, c, 'relabel', data.label);
}
