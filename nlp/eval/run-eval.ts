// `./bin/aduan nlp eval`: per-class precision / recall / F1, macro-F1 and confusion matrices of the shipped model on
// the project's held-out split and the NusaX Indonesian test set, then ours against natural's BayesClassifier and
// LogisticRegressionClassifier, trained in the same run on the same data (macro-F1, training time, speed).
import type { MessageLabel } from '../types.js';
import { loadNusax, loadProjectCorpus, type LabeledText } from '../data/datasets.js';
import { buildTrainingData } from '../data/training-set.js';
import { createClassifier } from '../classifier.js';
import { loadModel } from '../model/serialize.js';
import { DEFAULT_MODEL_PATH } from '../model/paths.js';
import { trainClassifier } from '../train.js';
import { evaluate, formatEvaluation } from './metrics.js';
import {
  stratifiedSample,
  trainNaturalBayes,
  trainNaturalLogistic,
  type TextClassifierUnderTest,
} from './baselines.js';

/** Settings of `nlp eval`. */
export interface EvalOptions {
  modelPath?: string;
  /** Compare with natural's classifiers (slow: about a minute). */
  baselines?: boolean;
  /** Training examples for natural's LogisticRegressionClassifier (it trains on dense matrices). */
  logisticSample?: number;
  print: (line: string) => void;
}

/** The evaluation sets, loaded once per run. */
export interface TestSets {
  project: LabeledText[];
  nusax: LabeledText[];
}

/** The two evaluation sets: the project corpus test split and NusaX Indonesian test. */
export function loadTestSets(): TestSets {
  return { project: loadProjectCorpus('test'), nusax: loadNusax('test') };
}

interface Measured {
  project: number;
  nusax: number;
  perSecond: number;
}

/** Macro-F1 of a classifier on both test sets and its throughput over them (classifications per second, one core, second pass). */
export function measure(c: TextClassifierUnderTest, sets: TestSets): Measured {
  let seconds = 0;
  const f1 = (test: readonly LabeledText[]): number => {
    // One untimed pass first: caches and JIT warm up for every classifier alike; the second pass is timed.
    for (const d of test) c.classify(d.text);
    const started = performance.now();
    const predicted: MessageLabel[] = test.map((d) => c.classify(d.text));
    seconds += (performance.now() - started) / 1000;
    return evaluate(
      test.map((d) => d.label),
      predicted,
    ).macroF1;
  };
  const project = f1(sets.project);
  const nusax = f1(sets.nusax);
  return { project, nusax, perSecond: (sets.project.length + sets.nusax.length) / Math.max(seconds, 1e-9) };
}

function row(name: string, trainSize: number, trainSeconds: number, m: Measured): string {
  return `  ${name.padEnd(46)} ${String(trainSize).padStart(7)} ${trainSeconds.toFixed(1).padStart(8)} ${m.project.toFixed(3).padStart(10)} ${m.nusax.toFixed(3).padStart(8)} ${Math.round(m.perSecond).toString().padStart(9)}`;
}

/** Runs the evaluation and prints the report; returns the shipped model's macro-F1 on both sets. */
export function runEvaluation(opts: EvalOptions): { project: number; nusax: number } {
  const print = opts.print;
  const model = loadModel(opts.modelPath ?? DEFAULT_MODEL_PATH);
  const ours = createClassifier(model);
  const sets = loadTestSets();
  print(`model ${model.version} (${opts.modelPath ?? DEFAULT_MODEL_PATH})`);
  const results = { project: 0, nusax: 0 };
  for (const [key, title, data] of [
    ['project', 'Project held-out split (nlp/corpus/aduan-corpus.tsv, split=test)', sets.project],
    ['nusax', 'NusaX Indonesian test (negative→complaint, positive→praise, neutral→statement)', sets.nusax],
  ] as const) {
    const e = evaluate(
      data.map((d) => d.label),
      data.map((d) => ours.classify(d.text).label),
    );
    results[key] = e.macroF1;
    print('');
    print(formatEvaluation(title, e));
  }
  if (opts.baselines === false) return results;

  print('');
  print('Side by side, trained now on the same data (train = project train split + IndoNLU SmSA train + NusaX train,');
  print('public texts that nearly repeat an evaluation text removed); msgs/s = classifications per second on one core');
  print('(second pass over both test sets):');
  print(
    `  ${'classifier'.padEnd(46)} ${'train n'.padStart(7)} ${'train s'.padStart(8)} ${'F1 project'.padStart(10)} ${'F1 NusaX'.padStart(8)} ${'msgs/s'.padStart(9)}`,
  );
  const train = buildTrainingData().train;
  const fresh = trainClassifier();
  const oursFresh = createClassifier(fresh.model);
  const oursUnderTest: TextClassifierUnderTest = { name: 'ours', classify: (t) => oursFresh.classify(t).label };
  print(
    row(
      'ours (hashed n-grams + SGD logistic regression)',
      train.length,
      fresh.stats.seconds,
      measure(oursUnderTest, sets),
    ),
  );
  const bayes = trainNaturalBayes(train);
  print(row(bayes.classifier.name, bayes.trainSize, bayes.trainSeconds, measure(bayes.classifier, sets)));

  const n = opts.logisticSample ?? 300;
  const sample = stratifiedSample(train, n);
  print(
    `  natural's LogisticRegressionClassifier trains on dense matrices by full-batch gradient descent; on the full`,
  );
  print(
    `  ${train.length} examples it does not finish in reasonable time, so both it and ours are also trained on the same`,
  );
  print(`  label-stratified sample of ${sample.length} examples:`);
  const logistic = trainNaturalLogistic(sample);
  print(
    row(
      `${logistic.classifier.name} (sample)`,
      logistic.trainSize,
      logistic.trainSeconds,
      measure(logistic.classifier, sets),
    ),
  );
  const bayesSample = trainNaturalBayes(sample);
  print(
    row(
      `${bayesSample.classifier.name} (sample)`,
      bayesSample.trainSize,
      bayesSample.trainSeconds,
      measure(bayesSample.classifier, sets),
    ),
  );
  const small = trainClassifier({ trainingData: sample });
  const oursSmall = createClassifier(small.model);
  const oursSmallUnderTest: TextClassifierUnderTest = { name: 'ours', classify: (t) => oursSmall.classify(t).label };
  print(row('ours (sample)', sample.length, small.stats.seconds, measure(oursSmallUnderTest, sets)));
  return results;
}
