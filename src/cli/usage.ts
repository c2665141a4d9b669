// Command-line flags, read with node:util's parseArgs: each command declares its options, and anything it does not
// know is refused with its usage (never silently taken as something else).
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';

/** Wrong flags or arguments: the CLI prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export type FlagSpec = NonNullable<ParseArgsConfig['options']>;

/** True when the arguments ask for help (-h or --help before a "--"). */
export function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '-h' || a === '--help');
}

/**
 * Reads `argv` against the declared options; throws UsageError naming an unknown option or a missing value.
 * `--help`/`-h` are handled before a command runs (src/cli/main.ts), so they need no declaration here.
 */
export function parseFlags<O extends FlagSpec>(
  argv: string[],
  options: O,
  usage: string,
  allowPositionals = false,
): {
  values: ReturnType<typeof parseNodeArgs<{ options: O; allowPositionals: true }>>['values'];
  positionals: string[];
} {
  try {
    const { values, positionals } = parseNodeArgs({ args: argv, options, allowPositionals: true, strict: true });
    if (!allowPositionals && positionals.length > 0)
      throw new UsageError(`Unexpected argument "${positionals[0]}".`, usage);
    return { values, positionals };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    // node:util's messages name the option ("Unknown option '--x'", "Option '--cases <value>' argument missing").
    throw new UsageError(`${(err as Error).message.split('. ')[0]}.`, usage);
  }
}

/**
 * The lenient reading older commands use: "--flag value", "--flag=value" and bare "--flag" (true); the rest are
 * positional. Built on node:util's tokenizer.
 */
export function parseLoose(argv: string[]): { flags: Record<string, string | true>; positional: string[] } {
  const { tokens } = parseNodeArgs({ args: argv, strict: false, allowPositionals: true, tokens: true });
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'positional') positional.push(t.value);
    else if (t.kind === 'option') {
      if (t.value !== undefined) {
        flags[t.name] = t.value;
        continue;
      }
      // "--flag value": the next token is its value when it is a plain word.
      const next = tokens[i + 1];
      if (next?.kind === 'positional' && t.rawName.startsWith('--')) {
        flags[t.name] = next.value;
        i++;
      } else flags[t.name] = true;
    } else if (t.kind === 'option-terminator') {
      for (const rest of tokens.slice(i + 1)) if (rest.kind === 'positional') positional.push(rest.value);
      break;
    }
  }
  return { flags, positional };
}
