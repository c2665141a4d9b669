// `npm run bench:nlp`: the figures issue 9's targets are measured by. Quality: the shipped model's act macro-F1 on
// the hand-written held-out split, the family's macro-F1 there and on NusaX Indonesian test, integrity precision
// and recall. Speed (one core, this process): turns per second for act + slots + routing on fresh messages the
// model has never seen, model load, training. Repeats: rebuild time and lookup p50/p99 with 1,000,000 stored
// complaints, and precision/recall on the labelled paraphrase pairs in nlp/corpus/repeat-pairs.tsv.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { agencySchema } from '../src/domain/agency.js';
import { loadTextUnderstanding } from '../nlp/index.js';
import { loadModel } from '../nlp/model/serialize.js';
import { DEFAULT_MODEL_PATH } from '../nlp/model/paths.js';
import { loadProjectCorpus } from '../nlp/data/datasets.js';
import { trainTextModel } from '../nlp/train.js';
import { runEvaluation } from '../nlp/eval/run-eval.js';
import { freshTurns } from '../nlp/eval/fresh-turns.js';
import { duplicateKey } from '../nlp/corpus/format.js';
import { measureRepeatIndex } from '../nlp/repeat/measure.js';

// BENCH_ONLY=speed runs only the turns-per-second part (quick comparisons while optimising).
const ONLY = process.env.BENCH_ONLY ?? '';
const STORED = Number(process.env.BENCH_REPEAT_DOCS ?? 1_000_000);
const TURNS = Number(process.env.BENCH_TURNS ?? 200_000);
const AGENCY_FILE = fileURLToPath(new URL('../src/config/agencies/bapenda-kota-padang.json', import.meta.url));

const line = (label: string, value: string): void => console.log(`${label.padEnd(58)} ${value}`);
const ms = (x: number): string => `${x.toFixed(1)} ms`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function quality(): void {
  console.log('== quality (shipped model; ./bin/aduan nlp eval prints the full tables) ==');
  line('model version', loadModel(DEFAULT_MODEL_PATH).version);
  const r = runEvaluation({ baselines: false, print: () => {} });
  line('act macro-F1, hand-written held-out split', r.actMacroF1.toFixed(3));
  line('act calibration: ECE / largest bin gap (held-out)', `${r.actEce.toFixed(3)} / ${r.actWorstGap.toFixed(3)}`);
  line('family macro-F1, held-out split (target >= 0.93)', r.project.toFixed(3));
  line('family macro-F1, NusaX Indonesian test (target >= 0.85)', r.nusax.toFixed(3));
  line(
    'family calibration on NusaX: ECE / largest bin gap',
    `${r.nusaxEce.toFixed(3)} / ${r.nusaxWorstGap.toFixed(3)}`,
  );
  line(
    'integrity precision / recall (held-out; target 0.90 / 0.90)',
    `${r.integrity.precision.toFixed(3)} / ${r.integrity.recall.toFixed(3)} at ${r.integrity.threshold.toFixed(3)}`,
  );
  line('held-out complaints unchanged by personal data', `${r.personalData.unchanged} of ${r.personalData.complaints}`);
}

function speed(): void {
  console.log('\n== speed (one core) ==');
  const agency = agencySchema.parse(JSON.parse(readFileSync(AGENCY_FILE, 'utf8')));
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    loadTextUnderstanding({ agency });
    loads.push(performance.now() - started);
  }
  loads.sort((a, b) => a - b);
  line('model load, loadTextUnderstanding in process (median of 5)', `${ms(percentile(loads, 0.5))} (target < 200 ms)`);
  // A fresh process: module imports (tsx transpiling, natural's stemmer dictionary) plus the load itself.
  const script = `const t0=performance.now();const {loadTextUnderstanding}=await import('./nlp/index.ts');const {agencySchema}=await import('./src/domain/agency.ts');const fs=await import('node:fs');const a=agencySchema.parse(JSON.parse(fs.readFileSync(${JSON.stringify(AGENCY_FILE)},'utf8')));const t1=performance.now();loadTextUnderstanding({agency:a});const t2=performance.now();console.log(JSON.stringify({imports:t1-t0,load:t2-t1}));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
  });
  try {
    const r = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as { imports: number; load: number };
    line('cold start in a new process: imports + load', `${ms(r.imports)} + ${ms(r.load)}`);
  } catch {
    line('cold start in a new process', `could not measure (${child.stderr.slice(0, 120)})`);
  }

  const nlp = loadTextUnderstanding({ agency });
  const corpus = new Set(
    (['train', 'dev', 'test'] as const).flatMap((s) => loadProjectCorpus(s).map((d) => duplicateKey(d.text))),
  );
  // Generated before the clock starts (the corpus templates, expand and augment are the generator's, not the
  // reader's); the warm-up texts come from another seed, so no measured text was read before.
  const texts = freshTurns(TURNS, corpus);
  // Warm-up on other fresh texts (JIT, and the word caches a running service would have).
  for (const t of freshTurns(20_000, corpus, 7)) {
    nlp.understand(t);
    nlp.route(t);
  }
  const perTurn = new Float64Array(texts.length);
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] ?? '';
    const t0 = performance.now();
    nlp.understand(t);
    nlp.route(t);
    perTurn[i] = performance.now() - t0;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  line(
    `turns per second: act + slots + routing, ${texts.length.toLocaleString('en')} fresh texts`,
    `${Math.round(texts.length / seconds).toLocaleString('en')} (target >= 20,000)`,
  );
  // CPU time (user + system, all of this process's threads) is steadier than wall time on a shared machine.
  const cpuMicros = (cpu.user + cpu.system) / texts.length;
  line(
    '  CPU time per turn (process.cpuUsage)',
    `${cpuMicros.toFixed(1)} µs (${Math.round(1e6 / cpuMicros).toLocaleString('en')} turns per CPU second)`,
  );
  const sorted = Array.from(perTurn).sort((a, b) => a - b);
  line(
    '  per turn p50 / p99',
    `${(percentile(sorted, 0.5) * 1000).toFixed(1)} µs / ${(percentile(sorted, 0.99) * 1000).toFixed(1)} µs`,
  );
  const avgChars = texts.reduce((a, t) => a + t.length, 0) / texts.length;
  line('  (every text distinct and absent from the corpus; mean length)', `${Math.round(avgChars)} characters`);
  if (ONLY === 'speed') return;

  const trained = trainTextModel();
  line('training time, trainTextModel (target < 60 s)', `${trained.stats.seconds.toFixed(1)} s`);
}

function repeats(): void {
  console.log(`\n== repeat complaints ==`);
  measureRepeatIndex(STORED, line);
}

console.log(`nlp benchmark, node ${process.version}, ${new Date().toISOString()}`);
if (ONLY !== 'speed') quality();
speed();
if (ONLY !== 'speed') repeats();
