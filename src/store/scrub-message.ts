// A stored message (an inbound payload, an outbox message) with every text scrubbed by an erasure's rule, and the
// fields that address it (its chat, ticket, kind, button data) left as they are, so it can still be delivered.
/** Every string in `value` passed through `scrub`, except the addressing fields. */
export function scrubMessage<T>(value: T, scrub: (s: string) => string): T {
  const KEEP = new Set(['channel', 'chatId', 'ticket', 'kind', 'surface', 'messageId', 'choice', 'data']);
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'string') return key !== null && KEEP.has(key) ? v : scrub(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, null));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(value, null) as T;
}
