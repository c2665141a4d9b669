// The staff flow: every staff surface's messages (typed commands, plain sentences, answers to the bot's questions,
// pressed buttons) go through this one function of (state, message, context), beside the citizens' flows. It
// returns the new state, the replies and every change; the inbound pipeline commits them in one transaction.
import type { StaffMessage } from '../../src/domain/staff.js';
import { cleanText } from '../input.js';
import type { ActionType } from './actions/types.js';
import { begin, check, run } from './act.js';
import { parseChoice, parseStaffCommand, ACTION_COMMANDS, LOOKUP_COMMANDS, ticketInChoice } from './commands.js';
import { answer, notice, type StaffContext, type StaffResult } from './context.js';
import { help, listCases, searchCases, showTicket } from './lookups.js';
import { answerQuestion } from './questions.js';
import { outsiderActor, refuse } from './refuse.js';
import { questionAbout, withoutQuestion, withRelay, type StaffState } from './state.js';
import { caseCardText } from '../../src/domain/case-card.js';
import { stageName } from './texts.js';

export { caseChoices } from './choices.js';
export { choiceAsCommand } from './commands.js';
export { readStaffState, staffStateKey, type StaffState } from './state.js';
export type { StaffContext, StaffResult } from './context.js';

/** A message the citizen could read has at least one letter, digit, punctuation mark or symbol (emoji included). */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

const NOT_LISTED = 'bukan petugas terdaftar (STAFF_TELEGRAM_IDS / SUPERVISOR_TELEGRAM_IDS / STAFF_OPERATORS)';

/**
 * Handles one staff message: refuses senders who are not listed (and anonymous ones), then a pressed button, a
 * typed command, or plain text (the answer to a question in hand, else a relay to the citizen).
 */
export async function handleStaffMessage(
  state: StaffState,
  msg: StaffMessage,
  ctx: StaffContext,
): Promise<StaffResult> {
  const c = ctx.case;
  const text = cleanText(msg.text);
  const command = msg.choice === undefined ? parseStaffCommand(text) : null;
  if ('anonymous' in msg.sender) {
    // Anonymous admins and channel posts have no person behind them we could hold to account.
    const why = msg.sender.anonymous === 'channel' ? 'pesan diteruskan dari kanal' : 'admin anonim';
    const reason = `${why}: hanya petugas terdaftar dengan akun sendiri yang boleh bertindak`;
    const say = c || command ? `Pesan dari ${why} tidak diproses: kirim dari akun petugas Anda sendiri.` : undefined;
    return refuse(
      state,
      c,
      outsiderActor(msg.surface, null, why),
      { what: 'message', reason, ...(say ? { say } : {}) },
      ctx,
    );
  }
  if (!ctx.actor) {
    const who = outsiderActor(msg.surface, msg.sender, 'bukan petugas');
    if (msg.choice !== undefined) {
      const action = parseChoice(msg.choice);
      const on = c ?? (await caseOfChoice(msg.choice, ctx));
      const toast = 'Anda tidak terdaftar sebagai petugas. Tidak ada yang diubah.';
      return refuse(
        state,
        on,
        who,
        { what: action?.type === 'act' ? action.action : 'button', reason: NOT_LISTED, toast },
        ctx,
      );
    }
    // Talk in the general thread is not ours to answer; a command, or a message in a case's thread, is refused.
    if (!c && !command) return answer(state, []);
    const say = 'Anda tidak terdaftar sebagai petugas; pesan ini tidak diproses.';
    return refuse(state, c, who, { what: 'message', reason: NOT_LISTED, say }, ctx);
  }
  if (msg.choice !== undefined) return withToast(await handleChoice(state, msg.choice, ctx));
  if (msg.edits !== undefined) return handleEdit(state, msg.edits, text, ctx);
  if (command) return handleCommand(state, command.name, command.args, ctx);
  return handleText(state, msg, text, ctx);
}

async function handleCommand(state: StaffState, name: string, args: string, ctx: StaffContext): Promise<StaffResult> {
  const c = ctx.case;
  const lookup = LOOKUP_COMMANDS[name];
  const to = (r: Awaited<ReturnType<typeof listCases>>) =>
    answer(state, [{ ...r, ...(c ? { ticket: c.ticket } : {}) }]);
  switch (lookup) {
    case 'cases':
      return to(await listCases(args, ctx));
    case 'search':
      return to(await searchCases(args, ctx));
    case 'ticket':
      return to(await showTicket(args, ctx));
    case 'help':
      return to(help());
    case 'web':
      return webLink(state, ctx);
    case 'cancel':
      if (!c) return answer(state, [notice('Tidak ada pertanyaan yang dibatalkan di sini.')]);
      if (args) return answer(state, [notice('Perintah /batal tidak memakai tambahan kata.', c.ticket)]);
      return answer(withoutQuestion(state, c.ticket), [
        notice(`${c.ticket}: dibatalkan. Tidak ada yang diubah.`, c.ticket),
      ]);
  }
  const action = ACTION_COMMANDS[name];
  if (!action)
    return answer(state, [notice(`Perintah /${name.slice(0, 32)} tidak dikenal. Ketik /bantuan.`, c?.ticket)]);
  if (!c) {
    const where =
      ctx.surface === 'telegram'
        ? 'di topik kasus (atau sebagai balasan pada kartu kasus)'
        : 'dengan nomor tiket kasusnya (aduan staff --as <id> <tiket> ...)';
    return answer(state, [notice(`/${name} dipakai ${where}.`)]);
  }
  return begin(state, c, action, args, ctx);
}

async function handleText(state: StaffState, msg: StaffMessage, text: string, ctx: StaffContext): Promise<StaffResult> {
  const c = ctx.case;
  if (!c) {
    if (ctx.surface === 'telegram') return answer(state, []); // talk in the general thread is not ours to handle
    return answer(state, [notice('Tulis nomor tiket kasusnya sebelum pesannya, atau sebuah perintah (/bantuan).')]);
  }
  const q = questionAbout(state, c.ticket, ctx.surface);
  if (q) {
    const answered = answerQuestion(state, q, text, ctx);
    if ('result' in answered) return answered.result;
    return check(answered.state, c, answered.action.type, ctx) ?? run(answered.state, c, answered.action, ctx);
  }
  // Photos and documents go to the citizen with the words as their caption; other media (voice, video, stickers) not.
  const files = msg.attachments
    .filter((a) => (a.kind === 'photo' || a.kind === 'document') && a.fileId)
    .map((a) => ({
      kind: a.kind as 'photo' | 'document',
      source: `staff-${msg.surface}`,
      fileId: a.fileId ?? '',
      ...(a.name ? { name: a.name } : {}),
      ...(a.mime ? { mime: a.mime } : {}),
    }));
  if (msg.attachments.length > files.length)
    return answer(state, [
      notice(
        `${c.ticket}: hanya teks, foto dan dokumen yang diteruskan ke warga; pesan suara, video dan stiker tidak dikirim. ` +
          'Tidak ada yang dikirim.',
        c.ticket,
      ),
    ]);
  if (!VISIBLE.test(text) && files.length === 0) {
    const why =
      'Pesan kosong (tanpa huruf, angka atau tanda yang terlihat) tidak dikirim ke warga. Tulis isi pesannya.';
    return answer(state, [notice(why, c.ticket)]);
  }
  if (files.length) {
    const denied = check(state, c, 'reply', ctx);
    if (denied) return denied;
    const out = run(state, c, { type: 'reply', text: VISIBLE.test(text) ? text : '', files }, ctx);
    return out.cases.length ? { ...out, state: withRelay(out.state, msg.messageId, c.ticket, ctx.now) } : out;
  }
  // A plain message in a case's thread is written to the citizen (remembered, so an edit of it is a correction).
  const out = begin(state, c, 'reply', text, ctx);
  return out.cases.length ? { ...out, state: withRelay(out.state, msg.messageId, c.ticket, ctx.now) } : out;
}

/** An edited message: a message relayed to the citizen is sent again as a correction; any other edit changes nothing. */
function handleEdit(state: StaffState, original: string, text: string, ctx: StaffContext): StaffResult {
  const c = ctx.case;
  if (!c) return answer(state, []); // an edit in the general thread is not ours
  const relayed = state.relays?.find((r) => r.id === original && r.ticket === c.ticket);
  if (!relayed)
    return answer(state, [
      notice(
        `${c.ticket}: suntingan pesan tidak diproses. Hanya pesan yang sudah dikirim ke warga yang dikirim ulang ` +
          'sebagai koreksi; untuk perintah, kirim perintahnya lagi.',
        c.ticket,
      ),
    ]);
  if (!VISIBLE.test(text))
    return answer(state, [notice(`${c.ticket}: koreksi kosong tidak dikirim ke warga.`, c.ticket)]);
  const denied = check(state, c, 'reply', ctx);
  return denied ?? run(state, c, { type: 'reply', text: `Koreksi: ${text}` }, ctx);
}

async function handleChoice(state: StaffState, choice: string, ctx: StaffContext): Promise<StaffResult> {
  const actor = ctx.actor!;
  const c = ctx.case;
  const data = parseChoice(choice);
  if (!data) {
    const on = c ?? (await caseOfChoice(choice, ctx));
    const toast = 'Tombol tidak dikenal. Tidak ada yang diubah.';
    return refuse(
      state,
      on,
      actor,
      { what: 'button', reason: `data tombol tidak dikenal: ${choice.slice(0, 64)}`, toast },
      ctx,
    );
  }
  if (!c || data.ticket !== c.ticket) {
    // A button must sit in the thread of the case it names.
    const on = await ctx.getCase(data.ticket);
    const toast = 'Tombol ini bukan milik kasus di topik ini.';
    return refuse(
      state,
      on,
      actor,
      { what: 'button', reason: 'tombol dari pesan lain (bukan topik kasus ini)', toast },
      ctx,
    );
  }
  if (data.type === 'cancel') return answer(withoutQuestion(state, c.ticket), [], 'Dibatalkan.');
  if (data.stage !== c.stage) {
    const what: string = data.type === 'act' ? data.action : data.type;
    const reason = `tombol kedaluwarsa: dibuat pada tahap ${stageName(data.stage)}, kasus kini pada tahap ${stageName(c.stage)}`;
    const out = refuse(
      state,
      c,
      actor,
      { what, reason, toast: 'Tombol ini sudah kedaluwarsa; kartu terbaru dikirim.' },
      ctx,
    );
    out.replies.push({
      kind: 'case-update',
      ticket: c.ticket,
      text: `${c.ticket}: kartu terbaru.\n\n${caseCardText(c, ctx.agency)}`,
    });
    return out;
  }
  switch (data.type) {
    case 'act':
      return begin(state, c, data.action, null, ctx);
    case 'forward': {
      const d = ctx.agency.divisions[data.division];
      if (!d)
        return refuse(state, c, actor, { what: 'forward', reason: `bidang nomor ${data.division} tidak ada` }, ctx);
      return begin(state, c, 'forward', d.id, ctx);
    }
    case 'relabel':
      return begin(state, c, 'relabel', data.label, ctx);
    case 'take-over': {
      const denied = check(state, c, 'take' satisfies ActionType, ctx);
      return denied ?? run(withoutQuestion(state, c.ticket), c, { type: 'take', takeOver: true }, ctx);
    }
  }
}

/** A pressed button is answered on the spot: its toast says what was done (the card changes in place). */
function withToast(r: StaffResult): StaffResult {
  if (r.toast) return r;
  const said = r.replies.find((x) => x.kind === 'case-update' || x.ack)?.text.split('\n')[0];
  return said ? { ...r, toast: `✓ ${said}`.slice(0, 190) } : r;
}

/**
 * `/web`: a one-time sign-in link to the web dashboard. The web surface issues it and sends it to the member's private
 * chat with the staff bot (never into the group, where others would read it).
 */
function webLink(state: StaffState, ctx: StaffContext): StaffResult {
  const actor = ctx.actor!;
  if (!actor.id.startsWith('telegram:')) {
    const id = actor.id.replace(/^operator:/, '');
    return answer(state, [
      notice(`Tautan masuk dasbor web: jalankan di server ./bin/aduan staff login-link --as ${id}`),
    ]);
  }
  const result = answer(state, [
    notice(
      'Tautan masuk dasbor web (sekali pakai, berlaku 15 menit) dikirim lewat chat pribadi dengan bot ini. ' +
        'Belum datang? Buka chat pribadi dengan bot, tekan Start, lalu ketik /web lagi.',
    ),
  ]);
  result.outbox.push({ channel: 'web', chatId: `login:${actor.id}`, kind: 'notice', text: actor.name });
  return result;
}

/** The case named in button data, to log an attempt on it. */
async function caseOfChoice(choice: string, ctx: StaffContext) {
  const ticket = ticketInChoice(choice);
  return ticket ? ctx.getCase(ticket) : null;
}
