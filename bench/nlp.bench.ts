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
import { createRepeatIndex, DEFAULT_REPEAT_THRESHOLD } from '../nlp/repeat/repeat-index.js';
import { evaluateRepeats, loadRepeatPairs } from '../nlp/eval/repeat-eval.js';
import { syntheticComplaints, syntheticTicket } from '../nlp/eval/synthetic.js';

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
  const pairs = loadRepeatPairs();
  const corpusComplaints = ['train', 'dev', 'test'].flatMap((s) =>
    loadProjectCorpus(s as 'train' | 'dev' | 'test')
      .filter((d) => d.label === 'complaint')
      .map((d) => d.text),
  );
  const small = evaluateRepeats(pairs, corpusComplaints);
  line(
    `repeat pairs (${pairs.length}), index = pairs + ${corpusComplaints.length} corpus complaints`,
    `precision ${small.precision.toFixed(3)}, recall ${small.recall.toFixed(3)}, F1 ${small.f1.toFixed(3)} at threshold ${DEFAULT_REPEAT_THRESHOLD}`,
  );

  const seeds = loadProjectCorpus('train')
    .filter((d) => d.label === 'complaint')
    .map((d) => d.text);
  const texts = syntheticComplaints(seeds, STORED);
  const index = createRepeatIndex();
  const started = performance.now();
  for (let i = 0; i < texts.length; i++) {
    index.add({
      ticket: syntheticTicket(i),
      citizenKey: `wa:6281${(i % 200_000).toString().padStart(7, '0')}`,
      text: texts[i] ?? '',
    });
  }
  const rebuild = performance.now() - started;
  line(
    `rebuild: add ${STORED.toLocaleString('en')} stored complaints`,
    `${(rebuild / 1000).toFixed(1)} s (${((rebuild * 1000) / STORED).toFixed(1)} µs each), heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
  );

  // The earlier complaints of the pairs go in among the million; then each new message is looked up.
  const ticketOf = new Map<string, string>();
  for (const p of pairs) {
    if (ticketOf.has(p.earlier)) continue;
    const ticket = `PAIR-${ticketOf.size}`;
    ticketOf.set(p.earlier, ticket);
    index.add({ ticket, citizenKey: `pair-${ticketOf.size}`, text: p.earlier });
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    const found = index.findSimilar(p.later, 'someone-else', 10).some((c) => c.ticket === ticketOf.get(p.earlier));
    if (found && p.repeat) tp++;
    else if (found) fp++;
    else if (p.repeat) fn++;
  }
  line(
    `repeat pairs inside the ${STORED.toLocaleString('en')}-complaint index`,
    `precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}, recall ${(tp / Math.max(1, tp + fn)).toFixed(3)}`,
  );

  const queries = [
    ...loadProjectCorpus('test')
      .filter((d) => d.label === 'complaint')
      .map((d) => d.text),
    ...pairs.map((p) => p.later),
    ...syntheticComplaints(seeds, 1000, 7),
  ];
  const time = (): number[] => {
    const out: number[] = [];
    queries.forEach((q, i) => {
      const t0 = performance.now();
      index.findSimilar(q, `wa:6281${(i % 200_000).toString().padStart(7, '0')}`, 5);
      out.push(performance.now() - t0);
    });
    return out.sort((a, b) => a - b);
  };
  const cold = time();
  const warm = time();
  line(
    `lookup p50 / p99, ${queries.length} queries, first pass (cold word caches)`,
    `${cold.length ? percentile(cold, 0.5).toFixed(3) : '-'} / ${percentile(cold, 0.99).toFixed(3)} ms`,
  );
  line(
    `lookup p50 / p99, second pass (words already seen, as after classify)`,
    `${percentile(warm, 0.5).toFixed(3)} / ${percentile(warm, 0.99).toFixed(3)} ms (target p99 < 5 ms)`,
  );
}

console.log(`nlp benchmark, node ${process.version}, ${new Date().toISOString()}`);
quality();
speed();
repeats();
