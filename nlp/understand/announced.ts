// A message that says what kind it is ("saya mau menyampaikan keluhan, …", "mau tanya …", "izin usul …") has
// answered the clarifying question before it was asked: asking "is this a complaint?" after "I want to complain"
// is what a careful officer would not do. Only what the citizen announces, near the start of the message.

/** The kind a message announces itself as, if any. */
export type AnnouncedKind = 'complaint' | 'question' | 'suggestion';

const WANT = '(?:mau|mo|ingin|pengen|pgn|izin|ijin|hendak|badhe|nak|numpang|perlu)';
const KINDS: ReadonlyArray<[AnnouncedKind, RegExp]> = [
  [
    'suggestion',
    new RegExp(
      `\\b${WANT}\\s+(?:usul|mengusulkan|ngusulin|kasih\\s+saran|memberi\\s+saran|memberikan\\s+saran|menyampaikan\\s+(?:saran|usul|usulan|aspirasi))\\b|\\b(?:i|we)\\s+(?:want|would\\s+like|wish)\\s+to\\s+suggest\\b`,
      'i',
    ),
  ],
  [
    'complaint',
    new RegExp(
      `\\b${WANT}\\s+(?:menyampaikan\\s+|sampaikan\\s+|nyampein\\s+)?(?:keluhan|komplain|complain|mengadu|mengadukan|ngadu|ngadu(?:in)?|melapor|melaporkan|lapor|laporin|protes)\\b|\\b(?:saya|sy|kami)\\s+(?:menyampaikan|sampaikan)\\s+keluhan\\b|\\b(?:i|we)\\s+(?:want|would\\s+like|wish)\\s+to\\s+(?:complain|report|file\\s+a\\s+complaint)\\b`,
      'i',
    ),
  ],
  [
    'question',
    new RegExp(
      `\\b${WANT}\\s+(?:tanya|bertanya|nanya|menanyakan|nanyain|takon|tanyo)\\b|\\b(?:i|we)\\s+(?:want|would\\s+like|wish)\\s+to\\s+ask\\b`,
      'i',
    ),
  ],
];

/** How far into the message the announcement may stand (after a greeting, "Selamat siang. Saya mau …"). */
const WITHIN_CHARS = 60;

/** The kind the message announces near its start, or undefined. */
export function announcedKind(text: string): AnnouncedKind | undefined {
  const head = text.slice(0, WITHIN_CHARS + 40);
  for (const [kind, re] of KINDS) {
    const m = re.exec(head);
    if (m && m.index <= WITHIN_CHARS) return kind;
  }
  return undefined;
}
