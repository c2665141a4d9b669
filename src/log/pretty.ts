// Readable log lines for a terminal: pino-pretty's formatter, loaded only when a terminal asks for it (production
// writes JSON lines and never loads it), used synchronously so a line is on screen before the next one is made.
import { createRequire } from 'node:module';

type Prettify = (line: string) => string;

/** Turns one JSON log line into one readable line: "[10:04:05] WARN: message {fields}". */
export function prettyFormatter(colorize: boolean): Prettify {
  const { prettyFactory } = createRequire(import.meta.url)('pino-pretty') as {
    prettyFactory: (opts: Record<string, unknown>) => Prettify;
  };
  return prettyFactory({ colorize, translateTime: 'SYS:HH:MM:ss', singleLine: true });
}
