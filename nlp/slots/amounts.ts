// Money amounts as citizens write them: "Rp 1.250.000", "Rp1.500.000,00", "IDR 200,000", "100rb", "500 ribu",
// "1,5 jt", "2jt", "50k", "sejuta", "lima ratus ribu", and grouped thousands after nothing ("bayar 2.345.000").
// Percentages, counts ("2x"), years and numbers already taken (phone, NIK, NOP, tickets) are not amounts.
import type { Slots } from '../types.js';
import { overlapsAny, type Span } from './normalise.js';

type Amount = Slots['amounts'][number];

const UNIT: Record<string, number> = {
  rb: 1e3,
  ribu: 1e3,
  rebu: 1e3,
  k: 1e3,
  jt: 1e6,
  juta: 1e6,
  jeti: 1e6,
  m: 1e9,
  miliar: 1e9,
  milyar: 1e9,
  M: 1e9,
};

// Currency first: the number may be grouped with dots (id) or commas (en) and carry cents or a unit.
const CURRENCY =
  /\b(?:rp|idr)\.?\s*(\d{1,3}(?:[.,]\d{3})+|\d+)(?:([.,])(\d{1,2}))?(?:,-)?(?:\s?(rb|ribu|rebu|k|jt|juta|miliar|milyar)\b)?/gi;
// A number with a unit: "100rb", "1,5 jt", "2 juta", "50k".
const WITH_UNIT = /(?<![\w.,])(\d+(?:[.,]\d+)?)\s?(rb|ribu|rebu|k|jt|juta|jeti|miliar|milyar)\b/gi;
// Thousands grouped with dots and no unit: "2.345.000", "300.000,00".
const GROUPED = /(?<![\w.,/-])\d{1,3}(?:\.\d{3})+(?:,\d{2})?(?![\w.,/-]*\d)(?!\s?%)/g;
// Number words ending in a multiplier: "sejuta", "seratus ribu", "dua ratus lima puluh ribu", "setengah juta".
const WORDS =
  /\b(?:(?:se(?:ratus|puluh|belas)|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|setengah|puluh|ratus|belas)\s+)*(?:se(?:ribu|juta)|(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|setengah|puluh|ratus|belas)\s+(?:ribu|juta|miliar))\b/gi;

const DIGIT_WORD: Record<string, number> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};

/** "1.250.000" or "200,000" → 1250000 / 200000; "1,5" or "2.5" → 1.5 / 2.5 (a group of 3 digits is thousands). */
function parseNumber(s: string): number {
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  return Number(s.replace(',', '.'));
}

/** Value of Indonesian number words ("dua ratus lima puluh ribu" → 250000); NaN when they do not form a number. */
export function parseNumberWords(phrase: string): number {
  const words = phrase
    .toLowerCase()
    .split(/\s+/)
    .flatMap((w) => {
      if (w === 'setengah') return ['half'];
      if (w === 'sepuluh' || w === 'sebelas') return ['satu', w === 'sepuluh' ? 'puluh' : 'belas'];
      const se = /^se(ratus|puluh|belas|ribu|juta)$/.exec(w);
      return se?.[1] ? ['satu', se[1]] : [w];
    });
  let total = 0;
  let group = 0;
  let digit = 0;
  for (const w of words) {
    if (w in DIGIT_WORD) digit = DIGIT_WORD[w] ?? 0;
    else if (w === 'half') digit = 0.5;
    else if (w === 'belas') {
      group += 10 + digit;
      digit = 0;
    } else if (w === 'puluh') {
      group += digit * 10;
      digit = 0;
    } else if (w === 'ratus') {
      group += digit * 100;
      digit = 0;
    } else if (w === 'ribu' || w === 'juta' || w === 'miliar') {
      const mult = w === 'ribu' ? 1e3 : w === 'juta' ? 1e6 : 1e9;
      total += (group + digit) * mult;
      group = 0;
      digit = 0;
    } else return NaN;
  }
  return total + group + digit;
}

/** Amounts in text order, with the spans they cover. `taken` spans (phone, NIK, NOP, tickets) are skipped. */
export function findAmounts(text: string, taken: readonly Span[]): { amounts: Amount[]; spans: Span[] } {
  const found: Array<Span & Amount> = [];
  const add = (start: number, raw: string, value: number): void => {
    const end = start + raw.length;
    if (!Number.isFinite(value) || value <= 0) return;
    if (overlapsAny(start, end, taken) || overlapsAny(start, end, found)) return;
    found.push({ start, end, value: Math.round(value), text: raw.trim() });
  };
  const hasDigit = /\d/.test(text);
  if (hasDigit && /rp|idr/i.test(text))
    for (const m of text.matchAll(CURRENCY)) {
      const unit = m[4] ? (UNIT[m[4].toLowerCase()] ?? 1) : 1;
      const base =
        m[3] && m[2] === ',' && !m[4] ? parseNumber(m[1] ?? '') : parseNumber(`${m[1] ?? ''}${m[3] ? `.${m[3]}` : ''}`);
      add(m.index ?? 0, m[0], base * unit);
    }
  if (hasDigit)
    for (const m of text.matchAll(WITH_UNIT)) {
      const unit = UNIT[(m[2] ?? '').toLowerCase()] ?? 1;
      add(m.index ?? 0, m[0], parseNumber(m[1] ?? '') * unit);
    }
  if (hasDigit && text.includes('.'))
    for (const m of text.matchAll(GROUPED)) {
      const value = Number(m[0].replace(/,\d{2}$/, '').replace(/\./g, ''));
      if (value >= 1000) add(m.index ?? 0, m[0], value);
    }
  if (/ribu|juta|miliar/i.test(text))
    for (const m of text.matchAll(WORDS)) add(m.index ?? 0, m[0], parseNumberWords(m[0]));
  found.sort((a, b) => a.start - b.start);
  return { amounts: found.map(({ value, text: t }) => ({ value, text: t })), spans: found };
}
