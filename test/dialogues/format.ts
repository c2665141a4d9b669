// The dialogue test set's format (test/dialogues/set/*.dlg): plain text a reviewer can read. One conversation per
// block, starting with "## <id>: <title>"; the lines of a block:
//
//   act: <dialogue act>                 what the conversation is about (the runner reports the share per act)
//   agency: dprd                        the agency profile (default: Bapenda Kota Padang)
//   lang: en                            the language of the citizen's earlier cases (given) and conversation
//   given: <stage> [<age>] [quiet] | <text>        a case of this citizen set up through the services (#1, #2…)
//   given other: <stage> [<age>] | <text>          a case of another citizen (#o1, #o2…)
//   > <message>                         the citizen writes; "[photo]" first adds a photo; placeholders below
//   < /regex/flags                      a reply to the message just sent matches
//   <! /regex/flags                     no reply to the message just sent matches
//   wait: 61m                           time passes (m, h, d)
//   expect: <check>                     an outcome at the end (see checks.ts)
//
// Stages of `given`: forwarded, in_review, root_cause, in_progress, verifying, informed (the closure question was
// asked; "quiet": the conversation has moved on since), closed, followup (closed and the follow-up check asked),
// withdrawn, archived. Ages: "5d", "3h". Placeholders in messages and regexes: {#1} (a given case's ticket),
// {#1:plain} (typed lowercase without dashes), {#o1}, {fake} (a ticket nobody has), {long:N} (N letters),
// {ctrl} (control characters), {zw} (a zero-width space), {rlo} (a right-to-left override).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type GivenStage =
  | 'forwarded'
  | 'in_review'
  | 'root_cause'
  | 'in_progress'
  | 'verifying'
  | 'informed'
  | 'closed'
  | 'followup'
  | 'withdrawn'
  | 'archived';

const STAGES: readonly GivenStage[] = [
  'forwarded',
  'in_review',
  'root_cause',
  'in_progress',
  'verifying',
  'informed',
  'closed',
  'followup',
  'withdrawn',
  'archived',
];

export interface Given {
  stage: GivenStage;
  ageMs: number;
  quiet: boolean;
  other: boolean;
  text: string;
}

export type Step =
  | { kind: 'say'; text: string; photo: boolean; line: number }
  | { kind: 'reply'; re: RegExp; negate: boolean; line: number }
  | { kind: 'wait'; ms: number };

export interface Dialogue {
  id: string;
  title: string;
  file: string;
  act: string;
  agency: 'bapenda' | 'dprd';
  lang: 'id' | 'en';
  given: Given[];
  steps: Step[];
  expects: Array<{ text: string; line: number }>;
}

export class FormatError extends Error {}

function duration(s: string): number {
  const m = /^(\d+)\s*(m|h|d)$/.exec(s.trim());
  if (!m) throw new FormatError(`"${s}" is not a duration like 61m, 3h or 5d`);
  return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'];
}

/** "/abc/i" → RegExp (placeholders are filled later, see `fill`). */
export function regexOf(s: string): { source: string; flags: string } {
  const m = /^\/(.*)\/([a-z]*)$/.exec(s.trim());
  if (!m) throw new FormatError(`"${s}" is not a /regex/`);
  return { source: m[1] ?? '', flags: m[2] ?? '' };
}

function parseGiven(rest: string, other: boolean): Given {
  const bar = rest.indexOf('|');
  if (bar < 0) throw new FormatError(`given needs "<stage> | <text>": ${rest}`);
  const words = rest.slice(0, bar).trim().split(/\s+/);
  const stage = words[0] as GivenStage;
  if (!STAGES.includes(stage)) throw new FormatError(`unknown stage "${words[0]}"`);
  const age = words.find((w) => /^\d+[mhd]$/.test(w));
  return {
    stage,
    ageMs: age ? duration(age) : 0,
    quiet: words.includes('quiet'),
    other,
    text: rest.slice(bar + 1).trim(),
  };
}

/** Parses one .dlg file. */
export function parseDialogues(text: string, file: string): Dialogue[] {
  const out: Dialogue[] = [];
  let d: Dialogue | null = null;
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const n = i + 1;
    const where = `${file}:${n}`;
    try {
      if (line.startsWith('## ')) {
        const m = /^## ([\w-]+):\s*(.*)$/.exec(line);
        if (!m) throw new FormatError('a block starts with "## <id>: <title>"');
        d = {
          id: m[1] ?? '',
          title: m[2] ?? '',
          file,
          act: '',
          agency: 'bapenda',
          lang: 'id',
          given: [],
          steps: [],
          expects: [],
        };
        out.push(d);
        return;
      }
      if (line.trim() === '' && !line.startsWith('> ') && line !== '>') return;
      if (line.startsWith('#')) return;
      if (!d) throw new FormatError('line outside a block');
      const cur: Dialogue = d;
      if (line === '>' || line.startsWith('> ')) {
        const body = line.slice(2);
        const photo = body.startsWith('[photo]');
        cur.steps.push({ kind: 'say', text: photo ? body.slice(7).trim() : body, photo, line: n });
      } else if (line.startsWith('<! ') || line.startsWith('< ')) {
        const negate = line.startsWith('<! ');
        const { source, flags } = regexOf(line.slice(negate ? 3 : 2));
        // Placeholders are filled when the conversation runs; the pattern is checked for syntax here.
        new RegExp(source.replace(/\{[#\w:]+\}/g, 'X'), flags);
        cur.steps.push({ kind: 'reply', re: new RegExp(source, flags), negate, line: n });
      } else {
        const m = /^([a-z ]+):\s*(.*)$/.exec(line);
        if (!m) throw new FormatError(`cannot read "${line}"`);
        const key = m[1] ?? '';
        const value = (m[2] ?? '').trim();
        if (key === 'act') cur.act = value;
        else if (key === 'agency') cur.agency = value === 'dprd' ? 'dprd' : 'bapenda';
        else if (key === 'lang') cur.lang = value === 'en' ? 'en' : 'id';
        else if (key === 'given') cur.given.push(parseGiven(value, false));
        else if (key === 'given other') cur.given.push(parseGiven(value, true));
        else if (key === 'wait') cur.steps.push({ kind: 'wait', ms: duration(value) });
        else if (key === 'expect') cur.expects.push({ text: value, line: n });
        else throw new FormatError(`unknown key "${key}"`);
      }
    } catch (err) {
      throw new FormatError(`${where}: ${(err as Error).message}`);
    }
  });
  for (const x of out) {
    if (!x.act) throw new FormatError(`${file}: ${x.id} has no act`);
    if (!x.steps.some((s) => s.kind === 'say')) throw new FormatError(`${file}: ${x.id} has no message`);
  }
  return out;
}

/** Every conversation in a folder of .dlg files, in file order. */
export function loadDialogueSet(dir: string): Dialogue[] {
  const all: Dialogue[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.dlg'))
    .sort()) {
    all.push(...parseDialogues(readFileSync(join(dir, f), 'utf8'), f));
  }
  const seen = new Set<string>();
  for (const d of all) {
    if (seen.has(d.id)) throw new FormatError(`duplicate conversation id ${d.id}`);
    seen.add(d.id);
  }
  return all;
}
