// Personal data out of a log line's fields before pino serialises them. Strings are masked; an Error becomes
// { type, message, stack } (with code and cause when it has them), masked too; objects and arrays are copied only
// where something changed, so a line without personal data allocates nothing here. Masking the finished JSON line
// instead would be one pass, but JSON escapes hide numbers: "halo\n0812…" is serialised as `halo\n0812…`, where the
// phone number reads as part of the word "n0812…" and stays unmasked.
import { maskPersonalData } from '../../nlp/pii.js';

// Deeper than this a value is replaced, not serialised unmasked (log fields are shallow; this also stops cycles).
const MAX_DEPTH = 6;
const TOO_DEEP = '[nested too deep to log]';

/** The fields with every string masked; the same object when nothing needed masking. */
export function maskFields(fields: Record<string, unknown>): Record<string, unknown> {
  return maskValue(fields, 0) as Record<string, unknown>;
}

/** One value with every string in it masked (copy on write). */
export function maskValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return errorFields(value, depth);
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  // Whatever toJSON returns is what would be written (a Date's ISO string, a library object's own view).
  if (typeof toJSON === 'function') return maskValue(toJSON.call(value), depth + 1);
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const masked = maskValue(value[i], depth + 1);
      if (masked !== value[i]) (out ??= value.slice())[i] = masked;
    }
    return out ?? value;
  }
  let out: Record<string, unknown> | null = null;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const masked = maskValue(record[key], depth + 1);
    if (masked !== record[key]) (out ??= { ...record })[key] = masked;
  }
  return out ?? value;
}

function errorFields(err: Error, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { type: err.name, message: maskPersonalData(err.message) };
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) out.code = maskValue(code, depth + 1);
  if (err.stack) out.stack = maskStack(err);
  if (err.cause !== undefined) out.cause = depth + 1 >= MAX_DEPTH ? TOO_DEEP : maskValue(err.cause, depth + 1);
  return out;
}

// A stack is "Name: message" then code locations: the message part is masked like the message (it is the same
// text), the frames are file paths and line numbers. A stack of another shape is masked whole.
function maskStack(err: Error): string {
  const stack = err.stack ?? '';
  const head = err.message ? `${err.name}: ${err.message}` : err.name;
  if (!stack.startsWith(head) || !/^\n\s+at /.test(stack.slice(head.length))) return maskPersonalData(stack);
  return `${err.name}${err.message ? `: ${maskPersonalData(err.message)}` : ''}${stack.slice(head.length)}`;
}
