// One reading of a failed Bot API call for both Telegram adapters: how the outbox should treat it.
// grammY and Telegraf each describe the failure in their own error class; each adapter reads its class into
// this neutral shape and calls `toDeliveryError`.
import { DeliveryError } from '../../src/services/dispatcher.js';

export interface ApiFailure {
  /** Telegram's error_code (or the HTTP status); undefined when no answer came (network). */
  code?: number;
  description?: string;
  /** `parameters.retry_after` in seconds, for 429. */
  retryAfterSec?: number;
}

/** 429 waits for retry_after; 5xx, network and unknown errors retry; 403 means the recipient blocked us. */
export function toDeliveryError(f: ApiFailure): DeliveryError {
  const what = `Telegram ${f.code ?? 'network'}: ${f.description ?? 'no answer'}`;
  if (f.code === 429) {
    const sec =
      f.retryAfterSec !== undefined && Number.isFinite(f.retryAfterSec) && f.retryAfterSec > 0 ? f.retryAfterSec : 1;
    return new DeliveryError(what, 'retry', Math.ceil(sec * 1000));
  }
  if (f.code === 403) return new DeliveryError(what, 'permanent', undefined, true);
  if (f.code === 400) {
    // A chat that does not exist (any more) will never accept a message; other bad requests would fail again too.
    const gone = /chat not found|user not found|PEER_ID_INVALID|user is deactivated/i.test(f.description ?? '');
    return new DeliveryError(what, 'permanent', undefined, gone);
  }
  // 401/404 (wrong token or API root) are configuration problems: keep the message and retry with backoff.
  return new DeliveryError(what, 'retry');
}

/** A Bot API description that says a forum topic (or the message a thread hangs on) is gone. */
export function isThreadGone(f: ApiFailure): boolean {
  return (
    f.code === 400 &&
    /thread not found|TOPIC_DELETED|TOPIC_ID_INVALID|message to be replied not found|replied message not found/i.test(
      f.description ?? '',
    )
  );
}
