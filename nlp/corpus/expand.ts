// Expands one template frame into a message: {slot} draws a filler from slots.ts ({ticket} a fresh ticket number),
// [a|b|c] picks one alternative. Used by the corpus builder and by the benchmark's fresh messages.
import { SLOTS } from './slots.js';

const TICKET_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function ticket(rand: () => number): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += TICKET_ALPHABET[Math.floor(rand() * 32)] ?? '0';
  const t = `ADU-${s.slice(0, 4)}-${s.slice(4)}`;
  return rand() < 0.2 ? t.toLowerCase() : t;
}

/** One message from a frame, deterministic for a given `rand`. */
export function expand(frame: string, rand: () => number): string {
  let out = frame;
  for (let guard = 0; guard < 10 && /[{[]/.test(out); guard++) {
    out = out.replace(/\{(\w+)\}/g, (_, slot: string) => {
      if (slot === 'ticket') return ticket(rand);
      const list = SLOTS[slot];
      if (!list) throw new Error(`unknown slot {${slot}} in frame: ${frame}`);
      return list[Math.floor(rand() * list.length)] ?? '';
    });
    out = out.replace(/\[([^[\]]*)\]/g, (_, alts: string) => {
      const options = alts.split('|');
      return options[Math.floor(rand() * options.length)] ?? '';
    });
  }
  out = out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.?!:])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/^[,\s]+/, '')
    .trim();
  return rand() < 0.5 ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}
