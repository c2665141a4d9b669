// The start-up check of a bot token: bounded in time, and telling a rejected token from an API that does not answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkToken } from '../../bots/telegram/token-check.js';
import { FakeTelegram } from '../support/fake-telegram/server.js';

let fake: FakeTelegram | null = null;
let silent: Server | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
  silent?.closeAllConnections();
  await new Promise((r) => (silent ? silent.close(r) : r(null)));
  silent = null;
});

describe('checking a bot token at start', () => {
  it('knows the bot when Telegram accepts the token', async () => {
    fake = await FakeTelegram.start();
    fake.addBot('111:ok', 111, 'AduanWargaBot');
    expect(await checkToken(fake.apiRoot, '111:ok')).toEqual({ kind: 'ok', username: 'AduanWargaBot' });
  });

  it('says the token was rejected when Telegram answers 401', async () => {
    fake = await FakeTelegram.start();
    expect(await checkToken(fake.apiRoot, '999:wrong')).toEqual({
      kind: 'rejected',
      status: 401,
      description: 'Unauthorized',
    });
  });

  it('gives up on an API that accepts the connection but never answers, within the time given', async () => {
    silent = createServer(() => {});
    await new Promise<void>((r) => silent!.listen(0, '127.0.0.1', r));
    const root = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    expect(await checkToken(root, '111:ok', 300)).toEqual({ kind: 'unreachable', error: 'no answer within 300 ms' });
  });

  it('says unreachable when nothing listens, and when the API fails', async () => {
    expect((await checkToken('http://127.0.0.1:9', '111:ok', 2000)).kind).toBe('unreachable');
    fake = await FakeTelegram.start();
    fake.addBot('111:ok', 111, 'AduanWargaBot');
    fake.fail('111:ok', 'getMe', { code: 502 });
    expect(await checkToken(fake.apiRoot, '111:ok')).toEqual({ kind: 'unreachable', error: 'HTTP 502 Bad Gateway' });
  });
});
