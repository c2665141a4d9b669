// The repeat index measured at scale (`npm run bench:nlp` calls this): rebuild time and memory for N stored
// complaints, precision/recall of the labelled pairs looked up among them, and lookup latency p50/p99 on messages
// the index has not seen. Kept beside the index so the benchmark and the index change together.
import { loadProjectCorpus } from '../data/datasets.js';
import { evaluateRepeats, loadRepeatPairs, type RepeatPair } from '../eval/repeat-eval.js';
import { syntheticComplaints, syntheticTicket } from '../eval/synthetic.js';
import { createRepeatIndex, DEFAULT_REPEAT_THRESHOLD } from './repeat-index.js';
import { HELDOUT_PAIRS_2_FILE, HELDOUT_PAIRS_FILE } from './pairs.js';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const fixed = (x: number): string => x.toFixed(3);

/** Figures for the repeat index with `stored` complaints; each result is printed as a labelled line. */
export function measureRepeatIndex(stored: number, line: (label: string, value: string) => void): void {
  const pairs = loadRepeatPairs();
  const heldout = [...loadRepeatPairs(HELDOUT_PAIRS_FILE), ...loadRepeatPairs(HELDOUT_PAIRS_2_FILE)];
  const corpusComplaints = (['train', 'dev', 'test'] as const).flatMap((s) =>
    loadProjectCorpus(s)
      .filter((d) => d.label === 'complaint')
      .map((d) => d.text),
  );
  for (const [name, set] of [
    ['labelled pairs', pairs],
    ['held-out pairs', heldout],
  ] as const) {
    const small = evaluateRepeats(set, corpusComplaints);
    line(
      `${name} (${set.length}), index = pairs + ${corpusComplaints.length} corpus complaints`,
      `precision ${fixed(small.precision)}, recall ${fixed(small.recall)}, F1 ${fixed(small.f1)} at threshold ${DEFAULT_REPEAT_THRESHOLD}`,
    );
  }

  const seeds = loadProjectCorpus('train')
    .filter((d) => d.label === 'complaint')
    .map((d) => d.text);
  const texts = syntheticComplaints(seeds, stored);
  const index = createRepeatIndex();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < texts.length; i++) {
    index.add({
      ticket: syntheticTicket(i),
      citizenKey: `wa:6281${(i % 200_000).toString().padStart(7, '0')}`,
      text: texts[i] ?? '',
    });
  }
  const rebuild = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  line(
    `rebuild: add ${stored.toLocaleString('en')} stored complaints`,
    `${(rebuild / 1000).toFixed(1)} s (${((rebuild * 1000) / stored).toFixed(1)} µs each; CPU ${((cpu.user + cpu.system) / stored).toFixed(1)} µs each), heap +${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0)} MB`,
  );

  // The earlier complaints of the pairs go in among the stored ones; then each new message is looked up.
  const inside = (set: readonly RepeatPair[], tag: string): string => {
    const ticketOf = new Map<string, string>();
    for (const p of set) {
      if (ticketOf.has(p.earlier)) continue;
      const ticket = `${tag}-${ticketOf.size}`;
      ticketOf.set(p.earlier, ticket);
      index.add({ ticket, citizenKey: `${tag}-${ticketOf.size}`, text: p.earlier });
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const p of set) {
      const found = index.findSimilar(p.later, 'someone-else', 10).some((c) => c.ticket === ticketOf.get(p.earlier));
      if (found && p.repeat) tp++;
      else if (found) fp++;
      else if (p.repeat) fn++;
    }
    return `precision ${fixed(tp / Math.max(1, tp + fp))}, recall ${fixed(tp / Math.max(1, tp + fn))}`;
  };
  line(`labelled pairs inside the ${stored.toLocaleString('en')}-complaint index`, inside(pairs, 'PAIR'));
  line(`held-out pairs inside the ${stored.toLocaleString('en')}-complaint index`, inside(heldout, 'HELD'));

  const queries = [
    ...loadProjectCorpus('test')
      .filter((d) => d.label === 'complaint')
      .map((d) => d.text),
    ...pairs.map((p) => p.later),
    ...heldout.map((p) => p.later),
    ...syntheticComplaints(seeds, 1000, 7),
  ];
  // Wall time and this process's CPU time per lookup: on a shared machine the wall time's tail is other processes.
  const time = (): { wall: number[]; cpu: number[] } => {
    const wall: number[] = [];
    const cpu: number[] = [];
    queries.forEach((q, i) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      index.findSimilar(q, `wa:6281${(i % 200_000).toString().padStart(7, '0')}`, 5);
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    });
    return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
  };
  const show = (t: { wall: number[]; cpu: number[] }): string =>
    `${fixed(percentile(t.wall, 0.5))} / ${fixed(percentile(t.wall, 0.99))} ms (CPU time ${fixed(percentile(t.cpu, 0.5))} / ${fixed(percentile(t.cpu, 0.99))} ms)`;
  const cold = time();
  const warm = time();
  line(`lookup p50 / p99, ${queries.length} queries, first pass (cold word caches)`, show(cold));
  line(`lookup p50 / p99, second pass (words already seen, as after classify)`, `${show(warm)}, target p99 < 5 ms`);
}
