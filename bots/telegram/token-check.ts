// The first thing a Telegram bot does at start-up: ask the Bot API who it is (getMe), within a bounded time. A
// rejected token is a mistake only a person can fix, so start-up stops naming the setting; an API that does not
// answer is logged at once and tried again in the background (see background-start.ts), never waited on for ever.

export type TokenCheck =
  | { kind: 'ok'; username: string }
  | { kind: 'rejected'; status: number; description: string }
  | { kind: 'unreachable'; error: string };

/** How long start-up waits for getMe before carrying on without the bot. */
export const TOKEN_CHECK_TIMEOUT_MS = 10_000;

/** Calls getMe on `apiRoot` with `token`; never throws. */
export async function checkToken(
  apiRoot: string,
  token: string,
  timeoutMs = TOKEN_CHECK_TIMEOUT_MS,
): Promise<TokenCheck> {
  let res: Response;
  try {
    res = await fetch(`${apiRoot.replace(/\/+$/, '')}/bot${token}/getMe`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.message);
    return { kind: 'unreachable', error: why };
  }
  const body = (await res.json().catch(() => null)) as {
    ok?: boolean;
    description?: string;
    result?: { username?: string };
  } | null;
  // 401: the token is wrong or revoked; 404: it is not even shaped like a token (or the API root is not a Bot API).
  if (res.status === 401 || res.status === 404)
    return { kind: 'rejected', status: res.status, description: body?.description ?? res.statusText };
  if (res.ok && body?.ok) return { kind: 'ok', username: body.result?.username ?? '' };
  return { kind: 'unreachable', error: `HTTP ${res.status}${body?.description ? ` ${body.description}` : ''}` };
}
