// Structured logs on pino: one JSON object per line in production (or when not on a terminal), readable lines on a
// terminal (pino-pretty). Personal data is masked inside pino's own hooks, so nothing reaches the output unmasked:
// the message in `hooks.logMethod`, the fields in `formatters.log` (a line below the level runs neither); a child's
// fixed fields are masked once, when the child is made (pino serialises them then, past its formatters).
import { pino, type DestinationStream, type LoggerOptions as PinoOptions } from 'pino';
import { maskPersonalData } from '../../nlp/pii.js';
import { maskFields } from './mask-fields.js';
import { prettyFormatter } from './pretty.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel | 'silent';
  /** Default: readable lines when standard error is a terminal, JSON lines otherwise. */
  format?: 'json' | 'pretty';
  /** Where each line goes, without its newline (tests); default standard error. */
  write?: (line: string) => void;
  base?: Record<string, unknown>;
}

const MASKING: PinoOptions = {
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: {
    level: (label) => ({ level: label }),
    log: (fields) => maskFields(fields),
  },
  hooks: {
    logMethod(args, method) {
      for (let i = 0; i < args.length; i++) {
        const arg: unknown = args[i];
        if (typeof arg === 'string') args[i] = maskPersonalData(arg);
      }
      method.apply(this, args);
    },
  },
};

function destination(format: 'json' | 'pretty', write?: (line: string) => void): DestinationStream {
  const out = write ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (format === 'pretty') {
    const prettify = prettyFormatter(!write && Boolean(process.stderr.isTTY));
    return { write: (json) => out(prettify(json).replace(/\n$/, '')) };
  }
  if (!write) return pino.destination({ dest: 2, sync: true });
  return { write: (json) => out(json.replace(/\n$/, '')) };
}

function wrap(p: pino.Logger): Logger {
  return {
    debug: (msg, fields) => (fields ? p.debug(fields, msg) : p.debug(msg)),
    info: (msg, fields) => (fields ? p.info(fields, msg) : p.info(msg)),
    warn: (msg, fields) => (fields ? p.warn(fields, msg) : p.warn(msg)),
    error: (msg, fields) => (fields ? p.error(fields, msg) : p.error(msg)),
    child: (fields) => wrap(p.child(maskFields(fields))),
  };
}

/** A logger that masks personal data in the message, in every field and in errors (message and stack). */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const format = opts.format ?? (process.stderr.isTTY ? 'pretty' : 'json');
  const root = pino({ ...MASKING, level: opts.level ?? 'info' }, destination(format, opts.write));
  return wrap(opts.base ? root.child(maskFields(opts.base)) : root);
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = createLogger({ level: 'silent', write: () => {} });
