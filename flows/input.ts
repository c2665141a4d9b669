// Cleans what a citizen typed and recognises commands and answers to offered choices.
import type { Choice } from '../src/domain/messages.js';

/** Removes control and bidirectional-override characters (keeping line breaks and tabs), normalises Unicode, trims. */
export function cleanText(raw: string): string {
  return (
    raw
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\uFEFF]/g, '')
      // Bidirectional overrides and isolates: they can make a card read other than what was written.
      .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, '')
      .trim()
  );
}

export interface Command {
  name: string;
  args: string;
}

/** "/status@AduanBot ADU-1234-5678" → { name: "status", args: "ADU-1234-5678" }. */
export function parseCommand(text: string): Command | null {
  const m = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (!m) return null;
  return { name: (m[1] ?? '').toLowerCase(), args: (m[2] ?? '').trim() };
}

/**
 * Matches an answer to the offered choices: the choice id (buttons), its number ("1", "1.", "no 1") or its
 * label ("puas", "belum puas"); null when the text answers none of them.
 */
export function matchChoice(text: string, offered: Choice[] | undefined): string | null {
  if (!offered || offered.length === 0) return null;
  const s = text.trim().toLowerCase();
  const byId = offered.find((c) => c.id.toLowerCase() === s);
  if (byId) return byId.id;
  const num = /^(?:no\.?\s*|nomor\s*)?(\d{1,2})[.)]?$/.exec(s);
  if (num) return offered[Number(num[1]) - 1]?.id ?? null;
  // Longest label first so "belum puas" is not read as "puas".
  const byLabel = [...offered]
    .sort((a, b) => b.label.length - a.label.length)
    .find((c) => s === c.label.toLowerCase() || (s.length >= 3 && c.label.toLowerCase().startsWith(s)));
  return byLabel?.id ?? null;
}
