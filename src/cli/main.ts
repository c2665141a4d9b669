// The `aduan` command line: a small dispatcher to one module per command.
import { ConfigError } from '../config/config.js';

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ default: Command }> }> = {
  serve: {
    summary: 'run every configured channel (the console chat when none is)',
    load: () => import('./commands/serve.js'),
  },
  chat: {
    summary: 'chat as a citizen in this terminal (pipe lines to script it)',
    load: () => import('./commands/chat.js'),
  },
  cases: {
    summary: 'cases list | show <ticket> | export | pdf <ticket> | archive (the case records)',
    load: () => import('./commands/cases.js'),
  },
  staff: {
    summary: "staff --as <id> [<ticket>] '<command>' (work a case with the staff topic's commands)",
    load: () => import('./commands/staff.js'),
  },
  classify: {
    summary: 'classify messages from standard input (one per line, or --jsonl)',
    load: () => import('./commands/classify.js'),
  },
  nlp: { summary: 'nlp train [--with-corrections] | nlp eval', load: () => import('./commands/nlp.js') },
  jobs: {
    summary: 'jobs list | jobs run <name> (run one scheduled job now)',
    load: () => import('./commands/jobs.js'),
  },
  digest: {
    summary: 'digest --period daily|weekly --print [--out FILE.png] (print a supervisor digest, send nothing)',
    load: () => import('./commands/digest.js'),
  },
  seed: {
    summary: 'seed --cases N (fill the store with realistic synthetic history)',
    load: () => import('./commands/seed.js'),
  },
};

const USAGE = `Usage: aduan <command> [options]\n\nCommands:\n${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}\n`;

/** Registers an extra command (issues add jobs, digest, seed through this table). */
export function addCommand(name: string, summary: string, load: () => Promise<{ default: Command }>): void {
  COMMANDS[name] = { summary, load };
}

export async function main(
  argv: string[],
  io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    const mod = await command.load();
    return await mod.default(rest, io);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      return 2;
    }
    if (err instanceof StartupError) {
      io.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/** A start-up failure with a message for people (unreachable database, missing browser). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
