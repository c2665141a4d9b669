// A fake Telegram Bot API on 127.0.0.1 for end-to-end tests: both real bot libraries talk to it through
// TELEGRAM_API_ROOT. It records every call, lets a test push updates for any bot token (getUpdates long-polls
// with Telegram's offset semantics), keeps chats, forum topics and message ids, takes photos as multipart uploads,
// and injects failures (429 with retry_after, 5xx, 403, a deleted forum topic) on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  token: string;
  method: string;
  params: Record<string, unknown>;
  at: number;
  /** HTTP status answered. */
  status: number;
  /** What the method returned (e.g. the sent message), when it succeeded. */
  result?: unknown;
}

export interface Failure {
  code: number;
  description?: string;
  retryAfter?: number;
}

interface BotState {
  id: number;
  username: string;
  updates: Array<Record<string, unknown> & { update_id: number }>;
  nextUpdateId: number;
  waiters: Set<() => void>;
  webhook: string;
}

interface Injected {
  token: string;
  method: string;
  failure: Failure;
  times: number;
  match?: (params: Record<string, unknown>) => boolean;
}

export class FakeTelegram {
  readonly calls: FakeCall[] = [];
  private readonly bots = new Map<string, BotState>();
  private readonly forums = new Set<number>();
  /** `<chat>:<message_thread_id>` of forum topics someone deleted. */
  private readonly deletedTopics = new Set<string>();
  private readonly nextMessageId = new Map<number, number>();
  /** `<chat>:<message_id>` → what a sent message holds now (edits change it). */
  private readonly messages = new Map<string, { text: string; markup: string; thread?: number }>();
  /** `<chat>:<message_thread_id>` → the topic's name and whether it is closed. */
  private readonly topics = new Map<string, { name: string; closed: boolean }>();
  private nextTopicId = 500;
  /** Set by numberTopicsPerChat: each chat numbers its own topics from 500, as Telegram does (ids collide). */
  private topicIdsPerChat: Map<number, number> | null = null;
  private readonly injected: Injected[] = [];
  private readonly callWaiters = new Set<() => void>();
  private closing = false;

  private constructor(private readonly server: Server) {}

  /** Listens on `port` (a free one by default: 0). */
  static async start(port = 0): Promise<FakeTelegram> {
    let fake: FakeTelegram | null = null;
    const server = createServer((req, res) => void fake?.serve(req, res));
    fake = new FakeTelegram(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    return fake;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  addBot(token: string, id: number, username: string): void {
    this.bots.set(token, { id, username, updates: [], nextUpdateId: 1000, waiters: new Set(), webhook: '' });
  }

  setForum(chatId: number, forum: boolean): void {
    if (forum) this.forums.add(chatId);
    else this.forums.delete(chatId);
  }

  /** From now on each chat numbers its topics on its own from 500, so two groups' topics share ids. */
  numberTopicsPerChat(): void {
    this.topicIdsPerChat = new Map();
  }

  /** Deletes a forum topic, as an admin would: messages sent into it fail from now on. */
  deleteTopic(chatId: number, topicId: number): void {
    this.deletedTopics.add(`${chatId}:${topicId}`);
  }

  /** Files users sent, by file id (served by getFile and the file download path). */
  private readonly files = new Map<string, Buffer>();

  /** Makes a file a user sent available for bots to download (getFile, then /file/bot<token>/<path>). */
  addFile(fileId: string, bytes: Buffer): void {
    this.files.set(fileId, bytes);
  }

  /** A sent message's text as it reads now (after edits), or undefined. */
  messageText(chatId: number, messageId: number): string | undefined {
    return this.messages.get(`${chatId}:${messageId}`)?.text;
  }

  /** A forum topic's name and state as they are now. */
  topic(chatId: number, topicId: number): { name: string; closed: boolean } | undefined {
    return this.topics.get(`${chatId}:${topicId}`);
  }

  /** Queues an update for a bot; returns its update_id. */
  push(token: string, update: Record<string, unknown>): number {
    const bot = this.bot(token);
    const update_id = bot.nextUpdateId++;
    bot.updates.push({ ...update, update_id });
    // A user's message exists in its chat from now on (a bot may react to it).
    const m = update.message as { chat?: { id?: number }; message_id?: number; text?: string } | undefined;
    if (m?.chat?.id !== undefined && m.message_id !== undefined && !this.messages.has(`${m.chat.id}:${m.message_id}`))
      this.messages.set(`${m.chat.id}:${m.message_id}`, { text: m.text ?? '', markup: 'null' });
    for (const w of [...bot.waiters]) w();
    return update_id;
  }

  /**
   * Numbers the next updates from `next` on, as Telegram does after a week without updates (it then picks the next
   * update_id at random, possibly lower than any before). Unconfirmed updates keep their numbers.
   */
  restartNumbering(token: string, next: number): void {
    this.bot(token).nextUpdateId = next;
  }

  /** Updates not yet confirmed by a getUpdates offset. */
  pending(token: string): number {
    return this.bot(token).updates.length;
  }

  /** Makes the next `times` calls of `method` (optionally only those matching) fail. */
  fail(
    token: string,
    method: string,
    failure: Failure,
    times = 1,
    match?: (params: Record<string, unknown>) => boolean,
  ): void {
    this.injected.push({ token, method, failure, times, ...(match ? { match } : {}) });
  }

  /** Drops every failure still waiting to be injected. */
  clearFailures(): void {
    this.injected.length = 0;
  }

  callsOf(method: string, token?: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method && (token === undefined || c.token === token));
  }

  /** Resolves with the first call (from index `from` on) that matches. */
  async waitFor(
    pred: (c: FakeCall) => boolean,
    opts: { from?: number; timeoutMs?: number; what?: string } = {},
  ): Promise<FakeCall> {
    const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
    let from = opts.from ?? 0;
    for (;;) {
      for (; from < this.calls.length; from++) {
        const c = this.calls[from] as FakeCall;
        if (pred(c)) return c;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake Telegram: timed out waiting for ${opts.what ?? 'a call'}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
        const waiters = this.callWaiters;
        waiters.add(done);
      });
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const bot of this.bots.values()) for (const w of [...bot.waiters]) w();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private bot(token: string): BotState {
    const bot = this.bots.get(token);
    if (!bot) throw new Error(`fake Telegram: unknown token ${token}`);
    return bot;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const download = /^\/file\/bot([^/]+)\/files\/([\w-]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (download) {
      const bytes = this.bots.has(download[1] ?? '') ? this.files.get(download[2] ?? '') : undefined;
      this.calls.push({
        token: download[1] ?? '',
        method: 'download',
        params: { file: download[2] },
        at: Date.now(),
        status: bytes ? 200 : 404,
      });
      if (!bytes) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(bytes);
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
    const body = await readBody(req);
    if (!m) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token = '', method = ''] = m;
    const params = await parseParams(String(req.headers['content-type'] ?? ''), body);
    const at = Date.now();
    const record = (status: number, result?: unknown) => {
      this.calls.push({ token, method, params, at, status, ...(result !== undefined ? { result } : {}) });
      for (const w of [...this.callWaiters]) w();
    };
    const bot = this.bots.get(token);
    if (!bot) {
      record(401);
      return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const inj = this.injected.find(
      (i) => i.token === token && i.method === method && i.times > 0 && (!i.match || i.match(params)),
    );
    if (inj) {
      inj.times -= 1;
      const f = inj.failure;
      record(f.code);
      return reply(res, f.code, {
        ok: false,
        error_code: f.code,
        description: f.description ?? defaultDescription(f),
        ...(f.retryAfter !== undefined ? { parameters: { retry_after: f.retryAfter } } : {}),
      });
    }
    try {
      const result = await this.method(bot, method, params, req);
      if (result === undefined) {
        record(404);
        return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
      }
      if (result instanceof ApiError) {
        record(result.code);
        return reply(res, result.code, { ok: false, error_code: result.code, description: result.message });
      }
      record(200, result);
      return reply(res, 200, { ok: true, result });
    } catch (err) {
      record(500);
      return reply(res, 500, { ok: false, error_code: 500, description: (err as Error).message });
    }
  }

  private async method(
    bot: BotState,
    method: string,
    p: Record<string, unknown>,
    req: IncomingMessage,
  ): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return {
          id: bot.id,
          is_bot: true,
          first_name: bot.username,
          username: bot.username,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        };
      case 'getUpdates':
        return this.getUpdates(bot, p, req);
      case 'deleteWebhook':
        bot.webhook = '';
        return true;
      case 'setWebhook':
        bot.webhook = String(p.url ?? '');
        return true;
      case 'getWebhookInfo':
        return { url: bot.webhook, has_custom_certificate: false, pending_update_count: bot.updates.length };
      case 'setMyCommands':
      case 'deleteMyCommands':
      case 'answerCallbackQuery':
      case 'leaveChat':
      case 'sendChatAction':
        return true;
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        const key = `${Number(p.chat_id)}:${Number(p.message_id)}`;
        const m = this.messages.get(key);
        if (!m) return new ApiError(400, 'Bad Request: message to edit not found');
        const text = method === 'editMessageText' ? String(p.text ?? '') : m.text;
        if (method === 'editMessageText' && !text) return new ApiError(400, 'Bad Request: message text is empty');
        if (text.length > 4096) return new ApiError(400, 'Bad Request: MESSAGE_TOO_LONG');
        const markup = JSON.stringify(p.reply_markup ?? null);
        if (text === m.text && markup === m.markup)
          return new ApiError(
            400,
            'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
          );
        this.messages.set(key, { ...m, text, markup });
        return {
          message_id: Number(p.message_id),
          date: Math.floor(Date.now() / 1000),
          edit_date: Math.floor(Date.now() / 1000),
          chat: { id: Number(p.chat_id), type: Number(p.chat_id) < 0 ? 'supergroup' : 'private' },
          text,
          ...(m.thread !== undefined ? { message_thread_id: m.thread, is_topic_message: true } : {}),
          ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
        };
      }
      case 'setMessageReaction':
      case 'deleteMessage':
        return this.messages.has(`${Number(p.chat_id)}:${Number(p.message_id)}`)
          ? true
          : new ApiError(400, 'Bad Request: message to react not found');
      case 'editForumTopic':
      case 'closeForumTopic':
      case 'reopenForumTopic': {
        const key = `${Number(p.chat_id)}:${Number(p.message_thread_id)}`;
        if (this.deletedTopics.has(key) || !this.forums.has(Number(p.chat_id)))
          return new ApiError(400, 'Bad Request: TOPIC_ID_INVALID');
        // A topic the test set up in the store without creating it here: it exists, as it would in a real group.
        const t = this.topics.get(key) ?? { name: '', closed: false };
        this.topics.set(key, t);
        if (method === 'editForumTopic') {
          const name = String(p.name ?? '');
          if (name.length < 1 || name.length > 128) return new ApiError(400, 'Bad Request: TOPIC_TITLE_INVALID');
          if (name === t.name) return new ApiError(400, 'Bad Request: TOPIC_NOT_MODIFIED');
          t.name = name;
        } else if ((method === 'closeForumTopic') === t.closed)
          return new ApiError(400, 'Bad Request: TOPIC_NOT_MODIFIED');
        else t.closed = method === 'closeForumTopic';
        return true;
      }
      case 'getFile': {
        const id = String(p.file_id ?? '');
        const bytes = this.files.get(id);
        if (!bytes) return new ApiError(400, 'Bad Request: invalid file_id');
        return { file_id: id, file_unique_id: `u${id}`, file_size: bytes.length, file_path: `files/${id}` };
      }
      case 'getChat': {
        const id = Number(p.chat_id);
        return { id, type: id < 0 ? 'supergroup' : 'private', is_forum: this.forums.has(id) };
      }
      case 'createForumTopic': {
        const id = Number(p.chat_id);
        if (!this.forums.has(id)) return new ApiError(400, 'Bad Request: the chat is not a forum');
        const name = String(p.name ?? '');
        if (name.length < 1 || name.length > 128) return new ApiError(400, 'Bad Request: TOPIC_TITLE_INVALID');
        const perChat = this.topicIdsPerChat;
        const threadId = perChat ? (perChat.get(id) ?? 500) : this.nextTopicId++;
        perChat?.set(id, threadId + 1);
        const topic = { message_thread_id: threadId, name, icon_color: 7322096 };
        this.topics.set(`${id}:${topic.message_thread_id}`, { name, closed: false });
        return topic;
      }
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendDocument': {
        const chatId = Number(p.chat_id);
        if (!Number.isFinite(chatId)) return new ApiError(400, 'Bad Request: chat not found');
        if (method === 'sendMessage' && (typeof p.text !== 'string' || p.text.length === 0))
          return new ApiError(400, 'Bad Request: message text is empty');
        if (typeof p.text === 'string' && p.text.length > 4096)
          return new ApiError(400, 'Bad Request: message is too long');
        if (typeof p.caption === 'string' && p.caption.length > 1024)
          return new ApiError(400, 'Bad Request: message caption is too long');
        if (method === 'sendDocument' && !p.document)
          return new ApiError(400, 'Bad Request: there is no document in the request');
        if (method === 'sendPhoto' && !p.photo)
          return new ApiError(400, 'Bad Request: there is no photo in the request');
        const thread = p.message_thread_id !== undefined ? Number(p.message_thread_id) : undefined;
        if (thread !== undefined && this.deletedTopics.has(`${chatId}:${thread}`))
          return new ApiError(400, 'Bad Request: message thread not found');
        // Bots number from 100000 here so their ids never meet the small ids test builders give users' messages.
        const message_id = this.nextMessageId.get(chatId) ?? 100_000;
        this.nextMessageId.set(chatId, message_id + 1);
        this.messages.set(`${chatId}:${message_id}`, {
          text: typeof p.text === 'string' ? p.text : typeof p.caption === 'string' ? p.caption : '',
          markup: JSON.stringify(p.reply_markup ?? null),
          ...(thread !== undefined ? { thread } : {}),
        });
        const replyParams =
          typeof p.reply_parameters === 'object' && p.reply_parameters
            ? (p.reply_parameters as { message_id?: number })
            : undefined;
        return {
          message_id,
          date: Math.floor(Date.now() / 1000),
          chat: {
            id: chatId,
            type: chatId < 0 ? 'supergroup' : 'private',
            ...(this.forums.has(chatId) ? { is_forum: true } : {}),
          },
          from: { id: bot.id, is_bot: true, first_name: bot.username, username: bot.username },
          ...(typeof p.text === 'string' ? { text: p.text } : {}),
          ...(method === 'sendPhoto'
            ? { photo: [{ file_id: `photo-${message_id}`, file_unique_id: `p${message_id}`, width: 800, height: 400 }] }
            : {}),
          ...(typeof p.caption === 'string' ? { caption: p.caption } : {}),
          ...(thread !== undefined ? { message_thread_id: thread, is_topic_message: true } : {}),
          ...(replyParams?.message_id !== undefined
            ? {
                reply_to_message: {
                  message_id: replyParams.message_id,
                  date: 0,
                  chat: { id: chatId, type: 'supergroup' },
                },
              }
            : {}),
          ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
        };
      }
      default:
        return undefined;
    }
  }

  private async getUpdates(bot: BotState, p: Record<string, unknown>, req: IncomingMessage): Promise<unknown> {
    const offset = Number(p.offset ?? 0);
    if (offset > 0) bot.updates = bot.updates.filter((u) => u.update_id >= offset);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    const timeout = Math.max(0, Number(p.timeout ?? 0));
    if (bot.updates.length === 0 && timeout > 0 && !this.closing) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          bot.waiters.delete(done);
          req.off('close', done);
          resolve();
        };
        const timer = setTimeout(done, timeout * 1000);
        bot.waiters.add(done);
        req.once('close', done);
      });
    }
    return bot.updates.slice(0, limit);
  }
}

class ApiError {
  constructor(
    readonly code: number,
    readonly message: string,
  ) {}
}

function defaultDescription(f: Failure): string {
  if (f.code === 429) return `Too Many Requests: retry after ${f.retryAfter ?? 1}`;
  if (f.code === 403) return 'Forbidden: bot was blocked by the user';
  if (f.code >= 500) return 'Bad Gateway';
  return 'Bad Request';
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

/** An uploaded file as the fake recorded it. */
export interface FakeUpload {
  file: string;
  size: number;
  type: string;
  base64: string;
}

/** JSON, form-encoded or multipart (parsed by undici, as a real server would; files keep their bytes). */
export async function parseParams(contentType: string, body: Buffer): Promise<Record<string, unknown>> {
  if (body.length === 0) return {};
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  if (contentType.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  if (!contentType.includes('multipart/form-data')) return {};
  let form: FormData;
  try {
    form = await new Request('http://fake.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    }).formData();
  } catch {
    // undici refuses grammY's multipart (headers without a space after the colon): read it by hand.
    return parseMultipartByHand(contentType, body);
  }
  const out: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') {
      const bytes = Buffer.from(await value.arrayBuffer());
      const upload: FakeUpload = {
        file: value.name,
        size: bytes.length,
        type: value.type,
        base64: bytes.toString('base64'),
      };
      out[name] = upload;
      continue;
    }
    try {
      out[name] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      out[name] = value;
    }
  }
  return out;
}

/** A plain multipart/form-data reader; a value "attach://<name>" is replaced by the upload in part <name>. */
function parseMultipartByHand(contentType: string, body: Buffer): Record<string, unknown> {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!boundary) return {};
  const raw = body.toString('latin1');
  const out: Record<string, unknown> = {};
  const files = new Map<string, FakeUpload>();
  for (const part of raw.split(`--${boundary}`)) {
    const cut = part.indexOf('\r\n\r\n');
    if (cut < 0) continue;
    const head = part.slice(0, cut);
    const value = part.slice(cut + 4).replace(/\r\n$/, '');
    const name = /[;\s]name=("?)([^";\r\n]*)\1/i.exec(head)?.[2];
    if (!name) continue;
    const filename = /filename=("?)([^";\r\n]*)\1/i.exec(head)?.[2];
    if (filename !== undefined) {
      const bytes = Buffer.from(value, 'latin1');
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? '';
      files.set(name, { file: filename, size: bytes.length, type, base64: bytes.toString('base64') });
      continue;
    }
    const text = Buffer.from(value, 'latin1').toString('utf8');
    try {
      out[name] = /^[[{]/.test(text) ? JSON.parse(text) : text;
    } catch {
      out[name] = text;
    }
  }
  for (const [k, v] of Object.entries(out)) {
    const ref = typeof v === 'string' ? /^attach:\/\/(.+)$/.exec(v)?.[1] : undefined;
    if (ref && files.has(ref)) out[k] = files.get(ref);
  }
  for (const [name, f] of files) if (!(name in out)) out[name] = f;
  return out;
}
