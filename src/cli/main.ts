// The `aduan` command line: a small dispatcher to one module per command. `-h`/`--help` on any command prints its
// usage and does nothing else. Every failure ends in one readable line naming the cause (and the setting, when one
// is to blame), never a stack trace; `--debug` adds the trace.
import { ConfigError } from '../config/config.js';
import { StartupError } from '../config/startup-error.js';
import { UsageError, wantsHelp } from './usage.js';

export { StartupError } from '../config/startup-error.js';

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Command = (argv: string[], io: Io) => Promise<number>;
/** A command module: its default export runs it; `usage`, when exported, is what `--help` prints. */
type CommandModule = { default: Command; usage?: string };

interface CommandInfo {
  summary: string;
  usage: string;
  load: () => Promise<CommandModule>;
}

const COMMANDS: Record<string, CommandInfo> = {
  serve: {
    summary: 'run every configured channel (the console chat when none is)',
    usage: 'aduan serve',
    load: () => import('./commands/serve.js'),
  },
  chat: {
    summary: 'chat as a citizen in this terminal (pipe lines to script it)',
    usage: 'aduan chat [--as ID]',
    load: () => import('./commands/chat.js'),
  },
  cases: {
    summary: 'cases list | show <ticket> | export | pdf <ticket> | archive (the case records)',
    usage:
      'aduan cases list [--stage STAGE] [--search WORDS] [--all] [--limit N]\n       aduan cases show <ticket>\n' +
      '       aduan cases export --from DATE --to DATE --format csv|xlsx|jsonl\n       aduan cases pdf <ticket>\n' +
      '       aduan cases archive --closed-before DATE [--dry-run]',
    load: () => import('./commands/cases.js'),
  },
  staff: {
    summary: "staff --as <id> [<ticket>] '<command>' (work a case with the staff topic's commands)",
    usage: "aduan staff --as <staff-id> [<ticket>] '<command>' [--id <message-id>]",
    load: () => import('./commands/staff.js'),
  },
  classify: {
    summary: 'classify messages from standard input (one per line, or --jsonl)',
    usage: 'aduan classify [--jsonl] [--agency FILE] [--model FILE] [--unmasked] < messages',
    load: () => import('./commands/classify.js'),
  },
  nlp: {
    summary: 'nlp train [--with-corrections] | nlp eval',
    usage: 'aduan nlp train [--with-corrections]\n       aduan nlp eval',
    load: () => import('./commands/nlp.js'),
  },
  jobs: {
    summary: 'jobs list | jobs run <name> (run one scheduled job now)',
    usage: 'aduan jobs list\n       aduan jobs run <name>',
    load: () => import('./commands/jobs.js'),
  },
  digest: {
    summary: 'digest --period daily|weekly --print [--out FILE.png] (print a supervisor digest, send nothing)',
    usage: 'aduan digest --period daily|weekly --print [--out FILE.png]',
    load: () => import('./commands/digest.js'),
  },
  seed: {
    summary: 'seed --cases N (fill an empty store with synthetic history; seed --remove deletes it)',
    usage: 'aduan seed --cases N [--weeks W] [--events full|report] [--seed N] [--force]\n       aduan seed --remove',
    load: () => import('./commands/seed.js'),
  },
  citizens: {
    summary: "citizens erase <channel:id | ticket> [--yes] (erase a citizen's personal data on their request)",
    usage: 'aduan citizens erase <channel:id | ticket> [--yes]',
    load: () => import('./commands/citizens.js'),
  },
  backup: {
    summary: 'backup --out FILE (an online copy of the SQLite store, safe while serve runs)',
    usage: 'aduan backup --out FILE',
    load: () => import('./commands/backup.js'),
  },
};

const USAGE = `Usage: aduan <command> [options]   (aduan <command> --help for its options; --debug shows error details)\n\nCommands:\n${Object.entries(
  COMMANDS,
)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}\n`;

/** Registers an extra command (issues add jobs, digest, seed through this table). */
export function addCommand(
  name: string,
  summary: string,
  load: () => Promise<CommandModule>,
  usage = `aduan ${name}`,
): void {
  COMMANDS[name] = { summary, usage, load };
}

/** Runs one command; returns the exit code (0 done, 1 failed, 2 wrong usage or configuration). */
export async function main(
  argv: string[],
  io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  // Whatever the service creates (data, WhatsApp session, QR image, chart files) is its user's alone.
  process.umask(0o077);
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (io.stdout === process.stdout) quietOnClosedPipe();
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const asked = rest[0] ? COMMANDS[rest[0]] : undefined;
    io.stdout.write(asked && rest[0] ? await usageOf(rest[0], asked) : USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  if (wantsHelp(rest)) {
    io.stdout.write(await usageOf(name, command));
    return 0;
  }
  try {
    const mod = await command.load();
    return await mod.default(rest, io);
  } catch (err) {
    return report(err, name, io, debug);
  }
}

async function usageOf(name: string, command: CommandInfo): Promise<string> {
  const mod = await command.load().catch(() => null);
  return mod?.usage ?? `Usage: ${command.usage}\n  ${command.summary}\n`;
}

/** One readable line (or the list of wrong settings) on standard error; the stack only with --debug. */
function report(err: unknown, name: string, io: Io, debug: boolean): number {
  if (debug) io.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  if (err instanceof ConfigError) {
    io.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
    return 2;
  }
  if (err instanceof UsageError) {
    io.stderr.write(`${err.message}\n${err.usage.startsWith('Usage') ? err.usage : `Usage: ${err.usage}\n`}`);
    return 2;
  }
  if (err instanceof StartupError) {
    io.stderr.write(`${err.message}\n`);
    return 2;
  }
  const e = err as NodeJS.ErrnoException;
  const what = e?.message ?? String(err);
  io.stderr.write(
    `aduan ${name} failed: ${what.split('\n')[0]}${e?.code && !what.includes(e.code) ? ` (${e.code})` : ''}` +
      `${debug ? '' : ' (run again with --debug for details)'}\n`,
  );
  return 1;
}

let guarded = false;
/** `aduan cases show … | head`: the reader went away; stop quietly instead of dying on EPIPE. */
function quietOnClosedPipe(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`aduan: cannot write to standard output: ${err.message}\n`);
    process.exit(1);
  });
}
