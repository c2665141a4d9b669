// The citizens' bot (grammY): private chats only. Every update is read into an InboundMessage and given to
// app.inbound.receive, which stores it before anything else; replies come back through the outbox.
import { Bot, type Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { App } from '../../src/app.js';
import type { Logger } from '../../src/log/logger.js';
import { buttonsKey } from './sender.js';
import { readCitizenUpdate } from './to-inbound.js';

const LEAVE_TEXT =
  'Bot ini hanya melayani percakapan pribadi. Silakan kirim pengaduan lewat chat pribadi dengan bot ini.\n' +
  'This bot only works in private chats. Please message it directly.';

const STALE_BUTTON = { id: 'Tombol ini sudah tidak berlaku.', en: 'This button is no longer active.' };

/** Commands shown in Telegram's menu, in Indonesian and English; the flows read both. */
export const CITIZEN_COMMANDS = {
  id: [
    { command: 'lapor', description: 'Sampaikan aduan baru' },
    { command: 'status', description: 'Cek status aduan: /status <nomor tiket>' },
    { command: 'kasus', description: 'Daftar aduan Anda' },
    { command: 'batal', description: 'Batalkan aduan yang sedang diisi' },
    { command: 'bantuan', description: 'Bantuan' },
  ],
  en: [
    { command: 'report', description: 'File a new complaint' },
    { command: 'status', description: 'Check a complaint: /status <ticket>' },
    { command: 'cases', description: 'Your complaints' },
    { command: 'cancel', description: 'Stop the complaint you are writing' },
    { command: 'help', description: 'Help' },
  ],
};

/** Builds the grammY bot with its one handler; `handle` throws only when the update should be tried again. */
export function createCitizenBot(
  app: App,
  token: string,
  log: Logger,
): { bot: Bot; handle(update: Update): Promise<void> } {
  const bot = new Bot(token, { client: { apiRoot: app.config.TELEGRAM_API_ROOT.replace(/\/+$/, '') } });
  bot.use(async (ctx) => {
    await handleCitizenUpdate(app, ctx.api, ctx.update, log);
  });
  return {
    bot,
    async handle(update) {
      try {
        await bot.handleUpdate(update);
      } catch (err) {
        // grammY wraps what the middleware threw; unwrap so the poller sees the cause.
        throw (err as { error?: unknown }).error ?? err;
      }
    },
  };
}

async function handleCitizenUpdate(app: App, api: Api, update: Update, log: Logger): Promise<void> {
  let read: ReturnType<typeof readCitizenUpdate>;
  try {
    read = readCitizenUpdate(update);
  } catch {
    // The update is not shaped as the Bot API documents it: nothing to read, nothing to retry.
    log.warn('malformed update ignored');
    return;
  }
  switch (read.kind) {
    case 'message':
      await app.inbound.receive(read.inbound);
      return;
    case 'button': {
      const live = await app.store.getValue(buttonsKey(read.chatId));
      if (live !== String(read.messageId)) {
        const contact = await app.store.getContact(`telegram:${read.inbound.senderId}`);
        const lang = contact?.language ?? app.config.DEFAULT_LANGUAGE;
        await api.answerCallbackQuery(read.callbackId, { text: STALE_BUTTON[lang] }).catch(() => {});
        log.info('stale or foreign button ignored', { chat: read.chatId });
        return;
      }
      // One press per question: later presses of the same buttons are stale. Retired before the press is handled
      // (its reply may bring new live buttons), put back if it could not be stored so the retry is not refused.
      await app.store.setValue(buttonsKey(read.chatId), '');
      try {
        await app.inbound.receive(read.inbound);
      } catch (err) {
        await app.store.setValue(buttonsKey(read.chatId), String(read.messageId)).catch(() => {});
        throw err;
      }
      await api.answerCallbackQuery(read.callbackId).catch(() => {});
      await api
        .editMessageReplyMarkup(read.chatId, read.messageId, { reply_markup: { inline_keyboard: [] } })
        .catch(() => {});
      return;
    }
    case 'bad-button':
      await api.answerCallbackQuery(read.callbackId).catch(() => {});
      log.info('button press ignored (not ours or not from a private chat)');
      return;
    case 'group': {
      // One explanation per joining (group updates come in bursts); added again later, it explains and leaves again.
      const key = `tg-leaving:${read.chatId}`;
      const since = Number(await app.store.getValue(key));
      if (Number.isFinite(since) && since > 0 && app.now() - since < 60_000) return;
      await app.store.setValue(key, String(app.now()));
      await app.store.commit({
        outbox: [{ channel: 'telegram', chatId: String(read.chatId), text: LEAVE_TEXT, kind: 'notice' }],
      });
      app.dispatcher.kick();
      log.info('added to a group: explaining and leaving', { chat: read.chatId });
      return;
    }
    case 'blocked':
      await app.store.markUnreachable(`telegram:${read.userId}`, app.now(), 'blocked the bot');
      return;
    case 'ignore':
      log.debug('update ignored', { why: read.why });
      return;
  }
}
