// `npm run bench:nlp`: the figures issue 3's targets are measured by. Quality: macro-F1 of the shipped model on the
// project's held-out split and the NusaX Indonesian test set. Speed (one core, this process): classifications per
// second, model load, training. Repeats: rebuild time and lookup p50/p99 with 1,000,000 stored complaints, and
// precision/recall on the labelled paraphrase pairs in nlp/corpus/repeat-pairs.tsv.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { agencySchema } from '../src/domain/agency.js';
import { loadTextUnderstanding } from '../nlp/index.js';
import { createClassifier } from '../nlp/classifier.js';
import { loadModel } from '../nlp/model/serialize.js';
import { DEFAULT_MODEL_PATH } from '../nlp/model/paths.js';
import { loadNusax, loadProjectCorpus } from '../nlp/data/datasets.js';
import { evaluate } from '../nlp/eval/metrics.js';
import { trainClassifier } from '../nlp/train.js';
import { measureRepeatIndex } from '../nlp/repeat/measure.js';

const STORED = Number(process.env.BENCH_REPEAT_DOCS ?? 1_000_000);
const AGENCY_FILE = fileURLToPath(new URL('../src/config/agencies/bapenda-kota-padang.json', import.meta.url));

const line = (label: string, value: string): void => console.log(`${label.padEnd(58)} ${value}`);
const ms = (x: number): string => `${x.toFixed(1)} ms`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function quality(): void {
  console.log('== classifier quality (shipped model) ==');
  const model = loadModel(DEFAULT_MODEL_PATH);
  const c = createClassifier(model);
  line('model version', model.version);
  for (const [name, data] of [
    ['macro-F1, project held-out split (target >= 0.90)', loadProjectCorpus('test')],
    ['macro-F1, NusaX Indonesian test (target >= 0.80)', loadNusax('test')],
  ] as const) {
    const e = evaluate(
      data.map((d) => d.label),
      data.map((d) => c.classify(d.text).label),
    );
    const per = Object.entries(e.perClass)
      .map(([l, s]) => `${l} ${s.f1.toFixed(3)}`)
      .join(', ');
    line(name, `${e.macroF1.toFixed(3)}  (n=${e.n}; F1 ${per})`);
  }
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
  const texts = [...loadProjectCorpus('test'), ...loadNusax('test')].map((d) => d.text);
  for (const t of texts) nlp.classify(t);
  for (const [name, fn, target] of [
    ['classifications per second', (t: string) => nlp.classify(t), ' (target >= 20,000)'],
    ['routings per second', (t: string) => nlp.route(t), ''],
    ['classify + route per second', (t: string) => [nlp.classify(t), nlp.route(t)], ''],
  ] as const) {
    let n = 0;
    const started = performance.now();
    while (performance.now() - started < 2000) {
      for (const t of texts) fn(t);
      n += texts.length;
    }
    const perSecond = n / ((performance.now() - started) / 1000);
    line(name, `${Math.round(perSecond).toLocaleString('en')}${target}`);
  }
  const avgChars = texts.reduce((a, t) => a + t.length, 0) / texts.length;
  line('  (messages: project test split + NusaX test, mean length)', `${Math.round(avgChars)} characters`);

  const trained = trainClassifier();
  line('training time, trainClassifier (target < 60 s)', `${trained.stats.seconds.toFixed(1)} s`);
}

function repeats(): void {
  console.log(`\n== repeat complaints ==`);
  measureRepeatIndex(STORED, line);
}

console.log(`nlp benchmark, node ${process.version}, ${new Date().toISOString()}`);
quality();
speed();
repeats();
