// The console channel: a citizen's chat in the terminal. Interactive on a TTY; with piped standard input each
// line is one message, so a conversation can be scripted (the transcript shows both sides: "Anda> " lines are the
// citizen's). Replies go through the outbox like any channel's, and this terminal prints only the replies to the
// citizen chatting here: other console citizens' messages (a reminder from `jobs run`, another instance's chat)
// stay in the outbox for their own session.
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { App } from '../../src/app.js';
import type { InboundMessage, OutboundMessage } from '../../src/domain/messages.js';
import type { ChannelSender } from '../../src/services/dispatcher.js';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The citizen's id on the console channel. */
  userId?: string;
  /** Called just before a reply is printed (test hook for crash tests). */
  beforeSend?: (message: OutboundMessage) => void;
}

/** Formats a reply for a terminal: the text, then its choices numbered (answer with the number or the word). */
export function renderConsoleReply(m: OutboundMessage): string {
  const lines = [`Aduan> ${m.text.replace(/\n/g, '\n       ')}`];
  if (m.choices?.length) lines.push(`       ${m.choices.map((c, i) => `[${i + 1}] ${c.label}`).join('  ')}`);
  return lines.join('\n') + '\n';
}

/** The prefix of the citizen's own lines in a transcript. */
export const CITIZEN_PROMPT = 'Anda> ';

/** Prints replies for `userId` only; the dispatcher leaves every other console chat's messages in the outbox. */
export function consoleSender(opts: ConsoleOptions, userId: string): ChannelSender {
  return {
    channel: 'console',
    reaches: () => [userId],
    async send(m) {
      opts.beforeSend?.(m);
      opts.output.write(renderConsoleReply(m));
    },
  };
}

/** Runs the chat until the input ends. Every line is handled and its replies printed before the next line. */
export async function runConsoleChat(app: App, opts: ConsoleOptions): Promise<void> {
  const userId = opts.userId ?? 'local';
  const session = randomBytes(4).toString('hex');
  app.dispatcher.register(consoleSender(opts, userId));
  const flush = async () => {
    while ((await app.dispatcher.drainOnce()) > 0);
  };
  // Replies left in the outbox by an earlier run (e.g. a crash) are delivered first.
  await app.inbound.recover();
  await flush();
  const interactive = Boolean((opts.input as NodeJS.ReadStream).isTTY);
  // On a terminal, readline echoes what the citizen types next to the prompt (it needs the output for that).
  const rl = createInterface({
    input: opts.input,
    ...(interactive ? { output: opts.output } : {}),
    terminal: interactive,
    crlfDelay: Infinity,
  });
  if (interactive) {
    opts.output.write('Ketik pesan Anda (Ctrl+D untuk keluar). Type your message (Ctrl+D to quit).\n');
    rl.setPrompt(CITIZEN_PROMPT);
    rl.prompt();
  }
  let n = 0;
  for await (const line of rl) {
    n += 1;
    // Piped: nothing echoes the input, so the transcript shows it here.
    if (!interactive) opts.output.write(`${CITIZEN_PROMPT}${line}\n`);
    const msg: InboundMessage = {
      channel: 'console',
      messageId: `${session}-${n}`,
      senderId: userId,
      chatId: userId,
      text: line,
      attachments: [],
      sentAt: app.now(),
    };
    await app.inbound.receive(msg);
    await flush();
    if (interactive) rl.prompt();
  }
}
