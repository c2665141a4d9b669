// WhatsApp addresses: which chats are one person (we talk to those), which are groups, broadcasts or status
// updates (we never do), and the citizen key the core uses.

/** A person's chat: "628123…@c.us", or the newer privacy id "…@lid". */
export function isPersonalChat(chatId: string): boolean {
  return /^\d{5,20}@(c\.us|lid)$/.test(chatId);
}

/**
 * Normalises an outbound chat id: a bare number ("+62812…", "0812…") becomes "62812…@c.us". WhatsApp ids never
 * start with 0 (no country code does), so a national Indonesian "08…" number is read as "628…".
 */
export function toChatId(id: string): string {
  const m = /^\+?(\d{5,20})(@c\.us)?$/.exec(id.trim());
  if (!m) return id.trim();
  const digits = m[1] ?? '';
  return `${digits.startsWith('0') ? `62${digits.slice(1)}` : digits}@c.us`;
}
