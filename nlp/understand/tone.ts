// Sarcasm and mixed messages (issue 9, item 9). A grievance wrapped in praise words ("wah hebat ya bapenda, tagihan
// pbb sy naik 3x lipat 👏👏") is a complaint with the 'sarcasm' flag; a sincere compliment and a grievance joined by
// "tapi / namun / sayangnya / but" is a complaint with the 'mixed' flag, and its praising part is passed on.
// The model decides what the message is; this module only looks at the words around that decision.
import type { PreparedText } from '../text/prepare.js';
import { negationMask } from '../text/negation.js';
import { formulaMask } from '../text/formula.js';

/** Words that praise (standard forms), read as irony when the message is a grievance. */
const PRAISE_CUES: ReadonlySet<string> = new Set([
  'hebat',
  'mantap',
  'mantul',
  'keren',
  'salut',
  'top',
  'prima',
  'bagus',
  'apik',
  'rancak',
  'sae',
  'great',
  'amazing',
  'excellent',
  'wonderful',
  'awesome',
  'wow',
  'wah',
  'emopos',
  'emoirony',
]);
const PRAISE_PAIRS: readonly (readonly [string, string])[] = [
  ['luar', 'biasa'],
  ['terima', 'kasih'],
  ['good', 'job'],
  ['well', 'done'],
  ['thank', 'you'],
];

// Words that join a compliment to a grievance. "cuma" and "hanya" also mean "only" ("loket cuma buka satu"): a split
// there counts only when one side reads as praise on its own.
const CONTRAST =
  /(?:^|[\s,.;!?])(tapi|tp|tpi|tetapi|namun|sayangnya|sayang|cuma|cuman|hanya saja|hanya|but|however|although|though|nanging|tapine)(?=[\s,.;!?]|$)/i;
const SENTENCE = /(?<=[.!?\n])\s+/;

/** Whether the words hold praise outside greeting/closing formulas and negation scopes. */
export function hasPraiseCue(p: PreparedText): boolean {
  const neg = negationMask(p.words, p.clauses);
  const formula = formulaMask(p.words);
  for (let i = 0; i < p.words.length; i++) {
    if (neg[i] || formula[i]) continue;
    const w = p.words[i] ?? '';
    if (PRAISE_CUES.has(w)) return true;
    if (PRAISE_PAIRS.some(([a, b]) => w === a && p.words[i + 1] === b)) return true;
  }
  return false;
}

/** Marks of irony in a praising phrase: "hebat ya", "wah", 🙃. */
const IRONY =
  /\b(?:wah|wow)\b|\b(?:hebat|mantap|keren|bagus|luar biasa|salut|top|mantul)\s+(?:ya|yah|deh|sih|lho|loh)\b|🙃|🤡|😏/iu;

/** The two sides of a message split at its first contrast word or sentence break, or undefined. */
export function splitAtContrast(text: string): { left: string; right: string } | undefined {
  const m = CONTRAST.exec(text);
  if (m && m.index !== undefined) {
    const at = m.index + (m[0].length - (m[1] ?? '').length);
    const left = text.slice(0, at).replace(/[\s,.;!?]+$/, '');
    const right = text.slice(at + (m[1] ?? '').length).replace(/^[\s,.;!?]+/, '');
    if (left.trim() && right.trim()) return { left, right };
  }
  const parts = text.split(SENTENCE);
  if (parts.length >= 2) {
    const [first, ...rest] = parts;
    const left = (first ?? '').replace(/[\s.!?]+$/, '');
    const right = rest.join(' ');
    if (left.trim() && right.trim()) return { left, right };
  }
  return undefined;
}

// Praise that names nothing praised ("great job", "hebat", "mantap pelayanannya"): around a grievance it is irony.
const GENERIC_PRAISE = new Set(
  (
    'great job good amazing awesome excellent wonderful service the best well done wow thanks thank you so much very ' +
    'really hebat mantap mantul keren bagus luar biasa salut top markotop terbaik prima sip jos makasih terima kasih ' +
    'ya yah deh sih lho loh sekali banget bgt sungguh pelayanan pelayanannya layanan layanannya min pak bu bapenda ' +
    'dprd dewan kalian your apik tenan rancak bana sae sanget'
  ).split(' '),
);

/** Whether a phrase praising on its own looks ironic rather than sincere: irony marks, or praise of nothing. */
export function looksIronic(text: string): boolean {
  if (IRONY.test(text)) return true;
  const words = text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => GENERIC_PRAISE.has(w));
}
