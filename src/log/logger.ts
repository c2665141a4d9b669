// Structured logs: one JSON object per line in production (or when not on a terminal), readable lines in a
// terminal. Every string that goes out is passed through the personal-data masker first.
import { maskPersonalData } from '../../nlp/pii.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  format?: 'json' | 'pretty';
  write?: (line: string) => void;
  base?: Record<string, unknown>;
}

function maskValue(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return maskPersonalData(v);
  if (v instanceof Error) return { name: v.name, message: maskPersonalData(v.message) };
  if (depth > 4 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => maskValue(x, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskValue(x, depth + 1)]));
}

/** A logger that masks personal data in the message and in every field. */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const level = ORDER[opts.level ?? 'info'];
  const format = opts.format ?? (process.stderr.isTTY ? 'pretty' : 'json');
  const write = opts.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const base = opts.base ?? {};
  const log = (lvl: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < level) return;
    const masked = maskValue({ ...base, ...fields }) as Record<string, unknown>;
    const text = maskPersonalData(msg);
    if (format === 'json') {
      write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg: text, ...masked }));
    } else {
      const extra = Object.entries(masked)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      write(
        `${new Date().toISOString().slice(11, 19)} ${lvl.toUpperCase().padEnd(5)} ${text}${extra ? ' ' + extra : ''}`,
      );
    }
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
    child: (fields) => createLogger({ ...opts, format, write, base: { ...base, ...fields } }),
  };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = createLogger({ level: 'error', write: () => {} });
