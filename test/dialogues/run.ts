// The dialogue runner: every scripted conversation in test/dialogues/set through the console channel, the real flows
// and the real text understanding, in process. Prints the share that reach their outcome, overall and per act, and
// the failure list (for the text-understanding work). `npm run dialogues` (-- --transcripts, --only <id>).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAgency } from '../../src/config/agency.js';
import { projectRoot } from '../../src/config/config.js';
import { createRepeatIndex, DEFAULT_REPEAT_THRESHOLD, loadTextUnderstanding } from '../../nlp/index.js';
import type { TextUnderstanding } from '../../nlp/types.js';
import { checkOutcome } from './checks.js';
import { loadDialogueSet, type Dialogue } from './format.js';
import { PROFILES, runDialogue } from './world.js';

export const SET_DIR = join(dirname(fileURLToPath(import.meta.url)), 'set');

export interface DialogueResult {
  dialogue: Dialogue;
  failures: string[];
  transcript: string[];
}

export interface RunSummary {
  results: DialogueResult[];
  passed: number;
  total: number;
  byAct: Array<{ act: string; passed: number; total: number }>;
}

/** The real text understanding for an agency, loaded once; each conversation gets a fresh repeat index. */
function understandingFor(): (agency: Dialogue['agency']) => TextUnderstanding {
  const loaded = new Map<string, TextUnderstanding>();
  return (agency) => {
    let base = loaded.get(agency);
    if (!base) {
      base = loadTextUnderstanding({ agency: loadAgency(join(projectRoot(), PROFILES[agency])) });
      loaded.set(agency, base);
    }
    return { ...base, repeats: createRepeatIndex({ threshold: DEFAULT_REPEAT_THRESHOLD }) };
  };
}

/** Runs the set (or the conversations `only` names) and sums up. */
export async function runDialogueSet(only?: (d: Dialogue) => boolean): Promise<RunSummary> {
  const set = loadDialogueSet(SET_DIR).filter((d) => !only || only(d));
  const nlpFor = understandingFor();
  const results: DialogueResult[] = [];
  for (const d of set) {
    let failures: string[];
    let transcript: string[] = [];
    try {
      const outcome = await runDialogue(d, nlpFor);
      try {
        failures = [...outcome.replyFailures, ...(await checkOutcome(d, outcome))];
        transcript = outcome.transcript;
      } finally {
        await outcome.close();
      }
    } catch (err) {
      failures = [`crashed: ${(err as Error).stack ?? String(err)}`];
    }
    results.push({ dialogue: d, failures, transcript });
  }
  const acts = [...new Set(results.map((r) => r.dialogue.act))].sort();
  const byAct = acts.map((act) => {
    const of = results.filter((r) => r.dialogue.act === act);
    return { act, passed: of.filter((r) => r.failures.length === 0).length, total: of.length };
  });
  const passed = results.filter((r) => r.failures.length === 0).length;
  return { results, passed, total: results.length, byAct };
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)} %`);

/** The table and the failure list as text. */
export function formatSummary(s: RunSummary, transcripts = false, failures = true): string {
  const lines = [`Dialogue set: ${s.passed}/${s.total} conversations reach their outcome (${pct(s.passed, s.total)})`];
  lines.push('', 'per act:');
  for (const a of s.byAct)
    lines.push(`  ${a.act.padEnd(14)} ${`${a.passed}/${a.total}`.padStart(7)}  ${pct(a.passed, a.total)}`);
  const failed = s.results.filter((r) => r.failures.length);
  if (failed.length && failures) {
    lines.push('', `failures (${failed.length}):`);
    for (const r of failed) {
      lines.push(`- ${r.dialogue.id} [${r.dialogue.act}] ${r.dialogue.title} (${r.dialogue.file})`);
      for (const f of r.failures) lines.push(`    ${f.split('\n')[0]}`);
      if (transcripts) for (const t of r.transcript) lines.push(`      | ${t.replace(/\n/g, '\n      | ')}`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const act = args.includes('--act') ? args[args.indexOf('--act') + 1] : undefined;
  const summary = await runDialogueSet((d) => (!only || d.id === only) && (!act || d.act === act));
  process.stdout.write(`${formatSummary(summary, args.includes('--transcripts') || Boolean(only))}\n`);
  if (only) {
    const r = summary.results[0];
    if (r) process.stdout.write(`\ntranscript of ${r.dialogue.id}:\n${r.transcript.join('\n')}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
