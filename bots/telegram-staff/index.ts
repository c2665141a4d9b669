// The staff inbox's Telegram bot: start it on an App (long polling, or webhook when configured).
import type { App } from '../../src/app.js';
import type { RunningChannel } from '../../src/ports/channel.js';
import type { Pacing } from '../../src/services/dispatcher.js';
import type { BackoffPolicy } from '../../src/services/backoff.js';
import { startPolling } from '../telegram/polling.js';
import type { WebhookServer } from '../telegram/webhook.js';
import { createStaffBot } from './bot.js';
import { staffSender } from './sender.js';
import { GroupBook } from './groups.js';
import { allGroups, staffLane } from '../../src/domain/staff-groups.js';

export interface StaffBotOptions {
  /** Overrides the group pacing (tests run fast). */
  pacing?: Pacing;
  /** Overrides the staff messages' retry waits (tests run fast). */
  retry?: BackoffPolicy;
  pollTimeoutSec?: number;
  webhook?: WebhookServer;
}

const COMMANDS = [
  { command: 'kasus', description: 'Daftar kasus terbuka: /kasus [tahap]' },
  { command: 'cari', description: 'Cari kasus: /cari <kata>' },
  { command: 'tiket', description: 'Kartu dan riwayat: /tiket <nomor>' },
  { command: 'web', description: 'Tautan masuk dasbor web (lewat chat pribadi)' },
  { command: 'bantuan', description: 'Perintah petugas' },
];

/** Starts the staff bot: the 'staff' sender registered with the dispatcher, then updates taken in. */
export async function startStaffBot(app: App, opts: StaffBotOptions = {}): Promise<RunningChannel> {
  const token = app.config.TELEGRAM_STAFF_BOT_TOKEN;
  const group = app.config.TELEGRAM_STAFF_CHAT_ID;
  if (!token || !group) throw new Error('TELEGRAM_STAFF_BOT_TOKEN and TELEGRAM_STAFF_CHAT_ID must be set');
  const log = app.log.child({ part: 'telegram-staff' });
  if (app.config.STAFF_TELEGRAM_IDS.length + app.config.SUPERVISOR_TELEGRAM_IDS.length === 0) {
    log.warn('no STAFF_TELEGRAM_IDS or SUPERVISOR_TELEGRAM_IDS: nobody can act in the staff group');
  }
  const groups = new GroupBook(app.staffGroups, app.agency);
  const { bot, handle } = createStaffBot(app, token, groups);
  bot.botInfo = await bot.telegram.getMe();
  const sender = staffSender({
    app,
    telegram: bot.telegram,
    groups,
    ...(opts.pacing ? { pacing: opts.pacing } : {}),
    ...(opts.retry ? { retry: opts.retry } : {}),
  });
  // One destination per group, each paced on its own budget (Telegram limits each group separately).
  app.dispatcher.register(sender);
  for (const chat of allGroups(app.staffGroups).filter((c) => c !== groups.general))
    app.dispatcher.register({ ...sender, channel: staffLane(chat) });
  if (app.staffGroups.divisions.size)
    log.info('staff groups per division', { divisions: Object.fromEntries(app.staffGroups.divisions) });
  // The staff bot's files (photos and documents staff send a citizen), fetched by the citizen's channel when it sends.
  app.files.set('staff-telegram', async (fileId) => {
    const link = await bot.telegram.getFileLink(fileId);
    const res = await fetch(link);
    if (!res.ok) throw new Error(`staff file download failed: HTTP ${res.status}`);
    return { bytes: Buffer.from(await res.arrayBuffer()) };
  });
  await bot.telegram.setMyCommands(COMMANDS).catch((err: Error) => log.warn('setMyCommands failed', { error: err }));
  const allowed = ['message', 'edited_message', 'callback_query'] as const;
  if (opts.webhook) {
    await opts.webhook.mount('staff', handle, (url, secret) =>
      bot.telegram.setWebhook(url, { secret_token: secret, allowed_updates: [...allowed] }).then(() => {}),
    );
    app.health.set('staff', { state: 'webhook', since: app.now() });
    return { name: 'telegram-staff', stop: () => opts.webhook!.unmount('staff') };
  }
  await bot.telegram.deleteWebhook();
  const poller = startPolling({
    name: `staff-${bot.botInfo.id}`,
    log,
    timeoutSec: opts.pollTimeoutSec ?? 25,
    // While the store cannot write, updates stay with Telegram (unconfirmed) instead of failing one by one.
    intakeOpen: () => app.storage.whenWritable(),
    fetchUpdates: (offset, timeout, signal) =>
      bot.telegram.callApi(
        'getUpdates',
        { ...(offset !== undefined ? { offset } : {}), timeout, allowed_updates: [...allowed] },
        { signal: signal as never },
      ),
    handle,
  });
  await poller.started;
  app.health.set('staff', { state: 'polling', since: app.now(), detail: `@${bot.botInfo.username}` });
  log.info('staff bot polling', { bot: bot.botInfo.username });
  return { name: 'telegram-staff', stop: () => poller.stop() };
}
