// `aduan chat`: chat as a citizen in this terminal. Fault injection for crash tests: ADUAN_TEST_CRASH=after-store
// kills the process (SIGKILL) right after the first message is stored; =before-send right before the first reply
// is printed. Never set it in production.
import type { Io } from '../main.js';
import { parseFlags, startCore } from '../bootstrap.js';
import { runConsoleChat } from '../channels.js';

export const usage = `Usage: aduan chat [--as ID]
  Chat as a citizen in this terminal; pipe lines to script a conversation (one message per line; the transcript
  shows both sides). --as ID chats as another console citizen (each sees only their own messages).
`;

export default async function chat(argv: string[], io: Io): Promise<number> {
  const { values } = parseFlags(argv, { as: { type: 'string' } }, usage);
  const crash = process.env.ADUAN_TEST_CRASH;
  const kill = () => process.kill(process.pid, 'SIGKILL');
  const app = await startCore({
    quiet: true,
    manualDispatch: true,
    ...(crash === 'after-store' ? { afterStore: kill } : {}),
  });
  try {
    await runConsoleChat(app, {
      input: io.stdin,
      output: io.stdout,
      ...(values.as ? { userId: values.as } : {}),
      ...(crash === 'before-send' ? { beforeSend: kill } : {}),
    });
  } finally {
    await app.close();
  }
  return 0;
}
