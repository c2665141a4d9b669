// A Telegram bot whose API did not answer at start-up: the service runs without it (the health report says
// "connecting"), and the bot is started as soon as getMe answers, with the core's backoff between tries.
import type { App } from '../../src/app.js';
import type { RunningChannel } from '../../src/ports/channel.js';
import { Backoff, type BackoffPolicy } from '../../src/services/backoff.js';
import type { TokenCheck } from './token-check.js';

/** 2 s after the first failure, doubling to one minute, for as long as the service runs. */
export const RECONNECT_BACKOFF: BackoffPolicy = { initialMs: 2000, maxMs: 60_000, jitter: 0.2 };

export interface BackgroundStart {
  name: string;
  /** The app.health key the bot reports under ("telegram", "staff"). */
  health: string;
  /** The setting holding the token, named when Telegram rejects it later. */
  setting: string;
  check(): Promise<TokenCheck>;
  startNow(): Promise<RunningChannel>;
  backoff?: BackoffPolicy;
}

/** Reports the outage now and returns at once; the bot starts in the background when the API answers. */
export function startWhenReachable(app: App, bot: BackgroundStart, firstError: string): RunningChannel {
  const log = app.log.child({ part: bot.name });
  log.error('the Telegram API does not answer: the bot will start as soon as it does', {
    bot: bot.name,
    apiRoot: app.config.TELEGRAM_API_ROOT,
    error: firstError,
  });
  app.health.set(bot.health, { state: 'connecting', since: app.now(), detail: `Telegram API: ${firstError}` });
  const backoff = new Backoff(bot.backoff ?? RECONNECT_BACKOFF);
  let stopped = false;
  let running: RunningChannel | null = null;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      await pause(backoff.fail() ?? 60_000);
      if (stopped) return;
      const c = await bot.check();
      if (stopped) return;
      if (c.kind === 'rejected') {
        log.error(`Telegram rejected ${bot.setting}: the bot stays off until the token is fixed and Aduan restarted`, {
          status: c.status,
          description: c.description,
        });
        app.health.set(bot.health, { state: 'failed', since: app.now(), detail: `${bot.setting} rejected` });
        return;
      }
      if (c.kind === 'unreachable') {
        log.warn('the Telegram API still does not answer', { bot: bot.name, error: c.error });
        app.health.set(bot.health, { state: 'connecting', since: app.now(), detail: `Telegram API: ${c.error}` });
        continue;
      }
      try {
        running = await bot.startNow();
        log.info('channel started', { channel: bot.name });
        return;
      } catch (err) {
        log.error('the bot could not start; trying again', { bot: bot.name, error: err as Error });
      }
    }
  })();
  return {
    name: bot.name,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await running?.stop();
    },
  };
}
