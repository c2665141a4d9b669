// Slot extraction measured on labelled messages (nlp/slots/testdata/*.tsv): per slot, the share of messages where
// the extractor gives exactly the labelled value (or correctly nothing), plus false alarms (a slot found where the
// message has none) and, for place and time, a looser "overlaps" figure (the right phrase with other boundaries).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Slots } from '../types.js';
import { extractSlots } from './index.js';

/** One labelled message. */
export interface SlotCase {
  text: string;
  expected: Slots;
}

export const SLOT_DEV_FILE = fileURLToPath(new URL('testdata/dev.tsv', import.meta.url));
export const SLOT_HELDOUT_FILE = fileURLToPath(new URL('testdata/heldout.tsv', import.meta.url));
export const SLOT_HELDOUT_2_FILE = fileURLToPath(new URL('testdata/heldout-2.tsv', import.meta.url));

const none = (s: string | undefined): boolean => s === undefined || s === '-' || s === '';

/** Reads a slot test file (see the header of testdata/heldout.tsv for its columns). */
export function loadSlotCases(file: string): SlotCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((line) => {
      const [text = '', place, time, tickets, objects, amounts, evidence] = line.split('\t');
      const expected: Slots = {
        tickets: none(tickets) ? [] : (tickets ?? '').split(';'),
        objectNumbers: none(objects)
          ? []
          : (objects ?? '').split(';').map((o) => {
              const at = o.indexOf(':');
              return { kind: o.slice(0, at) as 'nop' | 'npwpd' | 'other', value: o.slice(at + 1) };
            }),
        amounts: none(amounts) ? [] : (amounts ?? '').split(';').map((a) => ({ value: Number(a), text: '' })),
      };
      if (!none(place)) expected.place = place;
      if (!none(time)) expected.time = time;
      if (evidence === 'mentioned' || evidence === 'none') expected.evidence = evidence;
      return { text, expected };
    });
}

const LEADING = /^(?:(?:di|ke|dari|pada|neng|ning|nang|ing|dek|at|in|on|to|lewat|via|melalui|pakai|pake|the|a|an)\s+)+/;

/** Lowercase, outer punctuation and leading prepositions/articles dropped: how two place or time phrases are compared. */
export function normalisePhrase(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,.;:!?"'()]+|[\s,.;:!?"'()]+$/g, '')
    .replace(LEADING, '');
}

function overlaps(a: string, b: string): boolean {
  const wa = new Set(normalisePhrase(a).split(' '));
  return normalisePhrase(b)
    .split(' ')
    .some((w) => w !== '' && wa.has(w));
}

/** The figures for one slot. */
export interface SlotScore {
  /** Messages where the slot is exactly right (including correctly absent), 0..1. */
  accuracy: number;
  /** Place and time only: right phrase, possibly with other boundaries. */
  overlap?: number;
  /** Messages with no such slot where one was found anyway. */
  falseAlarms: number;
  /** Messages that have the slot. */
  present: number;
}

export interface SlotReport {
  cases: number;
  perSlot: Record<'place' | 'time' | 'tickets' | 'objectNumbers' | 'amounts' | 'evidence', SlotScore>;
  /** Messages where every slot is exactly right. */
  allRight: number;
  /** Mean extraction time per message (µs), measured over a second pass. */
  microsPerMessage: number;
  failures: Array<{ text: string; slot: string; expected: unknown; got: unknown }>;
}

const key = (s: Slots, slot: keyof SlotReport['perSlot']): string => {
  if (slot === 'tickets') return [...s.tickets].sort().join(';');
  if (slot === 'objectNumbers') return s.objectNumbers.map((o) => `${o.kind}:${o.value}`).join(';');
  if (slot === 'amounts') return s.amounts.map((a) => a.value).join(';');
  if (slot === 'place' || slot === 'time') return s[slot] === undefined ? '' : normalisePhrase(s[slot] ?? '');
  return s.evidence ?? '';
};

/** Scores extractSlots on labelled cases. */
export function evaluateSlots(cases: readonly SlotCase[]): SlotReport {
  const slots = ['place', 'time', 'tickets', 'objectNumbers', 'amounts', 'evidence'] as const;
  const got = cases.map((c) => extractSlots(c.text));
  const started = performance.now();
  for (const c of cases) extractSlots(c.text);
  const microsPerMessage = ((performance.now() - started) * 1000) / Math.max(1, cases.length);
  const perSlot = {} as SlotReport['perSlot'];
  const failures: SlotReport['failures'] = [];
  const wrong = new Set<number>();
  for (const slot of slots) {
    let right = 0;
    let loose = 0;
    let falseAlarms = 0;
    let present = 0;
    cases.forEach((c, i) => {
      const g = got[i] as Slots;
      const e = key(c.expected, slot);
      const k = key(g, slot);
      if (e !== '') present++;
      if (e === '' && k !== '') falseAlarms++;
      if (e === k) {
        right++;
        loose++;
        return;
      }
      wrong.add(i);
      if ((slot === 'place' || slot === 'time') && e !== '' && k !== '' && overlaps(e, k)) loose++;
      failures.push({ text: c.text, slot, expected: e || '-', got: k || '-' });
    });
    const n = Math.max(1, cases.length);
    perSlot[slot] = {
      accuracy: right / n,
      ...(slot === 'place' || slot === 'time' ? { overlap: loose / n } : {}),
      falseAlarms,
      present,
    };
  }
  return {
    cases: cases.length,
    perSlot,
    allRight: (cases.length - wrong.size) / Math.max(1, cases.length),
    microsPerMessage,
    failures,
  };
}

/** The report as printable lines. */
export function formatSlotReport(name: string, r: SlotReport): string[] {
  const lines = [`${name}: ${r.cases} messages, every slot right in ${(r.allRight * 100).toFixed(1)} %`];
  for (const [slot, s] of Object.entries(r.perSlot)) {
    const loose = s.overlap === undefined ? '' : `, overlapping ${(s.overlap * 100).toFixed(1)} %`;
    lines.push(
      `  ${slot.padEnd(14)} exact ${(s.accuracy * 100).toFixed(1).padStart(5)} %${loose}; present in ${s.present}, false alarms ${s.falseAlarms}`,
    );
  }
  return lines;
}
