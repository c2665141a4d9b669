// `./bin/aduan nlp eval`: the figures issue 9 asks for, on data the model never trained on. Dialogue acts on the
// project's hand-written held-out split (per-act precision / recall / F1, confusion, reliability table and expected
// calibration error); the SOP family on the same split and on NusaX Indonesian test (with their reliability
// tables); integrity precision and recall; the sarcasm and mixed flags; whether personal data changes what a
// held-out complaint is read as. Optionally natural's classifiers side by side on the family label.
import { DIALOGUE_ACTS, familyOf, type MessageLabel } from '../types.js';
import { loadNusax, loadProjectCorpus, type LabeledText } from '../data/datasets.js';
import { buildTrainingData } from '../data/training-set.js';
import { createTextReader, type TextReader } from '../understand/reader.js';
import { loadModel } from '../model/serialize.js';
import { headOf } from '../model/linear.js';
import { DEFAULT_MODEL_PATH } from '../model/paths.js';
import { prng } from '../model/train-sgd.js';
import { reliability, type ReliabilityBin } from '../model/calibrate.js';
import { withPersonalData } from '../data/personal-data.js';
import { trainTextModel } from '../train.js';
import { evaluate, evaluateLabels, formatEvaluation } from './metrics.js';
import { precisionRecall } from './threshold.js';
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

/** The two evaluation sets: the project corpus test split (hand-written only) and NusaX Indonesian test. */
export function loadTestSets(): TestSets {
  return { project: loadProjectCorpus('test'), nusax: loadNusax('test') };
}

/** The headline figures of one evaluation run (what tests and the benchmark check). */
export interface EvalResult {
  actMacroF1: number;
  actEce: number;
  actWorstGap: number;
  project: number;
  nusax: number;
  nusaxEce: number;
  nusaxWorstGap: number;
  integrity: { threshold: number; precision: number; recall: number };
  personalData: { complaints: number; unchanged: number };
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

/**
 * The gap between accuracy and mean confidence that a perfectly calibrated model still shows in one bin of `count`
 * messages 95 % of the time (two binomial standard errors): a gap below it is sampling noise, not miscalibration.
 */
export function samplingNoise(meanConfidence: number, count: number): number {
  return count > 0 ? 2 * Math.sqrt((meanConfidence * (1 - meanConfidence)) / count) : 1;
}

/**
 * A reliability table as text: one line per populated bin (every one, however few messages it holds) with its
 * sampling noise, then ECE, the largest gap and how many bins miss the 0.10 target beyond their noise.
 */
export function formatReliability(title: string, r: { bins: ReliabilityBin[]; ece: number; worstGap: number }): string {
  const lines = [`${title}`, '  confidence     count  mean conf  accuracy    gap   noise'];
  let over = 0;
  let beyondNoise = 0;
  for (const b of r.bins) {
    if (b.count === 0) continue;
    const gap = b.accuracy - b.meanConfidence;
    const noise = samplingNoise(b.meanConfidence, b.count);
    if (Math.abs(gap) > 0.1) {
      over++;
      if (Math.abs(gap) > Math.max(0.1, noise)) beyondNoise++;
    }
    lines.push(
      `  ${b.from.toFixed(2)}-${b.to.toFixed(2)}  ${String(b.count).padStart(8)}  ${b.meanConfidence.toFixed(3).padStart(9)}  ${b.accuracy.toFixed(3).padStart(8)}  ${((gap >= 0 ? '+' : '') + gap.toFixed(3)).padStart(6)}  ${noise.toFixed(3).padStart(6)}`,
    );
  }
  lines.push(`  expected calibration error ${r.ece.toFixed(3)}, largest bin gap ${r.worstGap.toFixed(3)}`);
  lines.push(
    `  bins with a gap over 0.10: ${over}, of which ${beyondNoise} beyond their sampling noise (2 standard errors)`,
  );
  return lines.join('\n');
}

function row(name: string, trainSize: number, trainSeconds: number, m: Measured): string {
  return `  ${name.padEnd(46)} ${String(trainSize).padStart(7)} ${trainSeconds.toFixed(1).padStart(8)} ${m.project.toFixed(3).padStart(10)} ${m.nusax.toFixed(3).padStart(8)} ${Math.round(m.perSecond).toString().padStart(9)}`;
}

/** Acts and families of a held-out set as the reader sees them, with their confidences. */
function readAll(reader: TextReader, data: readonly LabeledText[]) {
  return data.map((d) => {
    const u = reader.understand(d.text);
    return { gold: d, act: u.act, actConfidence: u.confidence, family: u.classification };
  });
}

/** Ways citizens add where and since when to a complaint (none of these phrases is in the training corpus). */
const PLACE_AND_TIME: ReadonlyArray<(t: string) => string> = [
  (t) => `${t} di jl. gajah mada no 8 padang sejak bulan kemarin`,
  (t) => `${t}, lokasi kel. andalas, tgl 14 agustus`,
  (t) => `di UPT padang timur kemarin siang, ${t}`,
  (t) => `${t} di kampung Prawirodirjan rt 4, dari awal tahun`,
  (t) => `${t} sejak 3 minggu yang lalu`,
];

/** Runs the evaluation and prints the report; returns the headline figures. */
export function runEvaluation(opts: EvalOptions): EvalResult {
  const print = opts.print;
  const model = loadModel(opts.modelPath ?? DEFAULT_MODEL_PATH);
  const reader = createTextReader(model);
  const sets = loadTestSets();
  print(`model ${model.version} (${opts.modelPath ?? DEFAULT_MODEL_PATH})`);

  const project = readAll(reader, sets.project);
  const acts = evaluateLabels(
    DIALOGUE_ACTS,
    project.map((r) => r.gold.act),
    project.map((r) => r.act),
  );
  print('');
  print(formatEvaluation('Dialogue acts, project held-out split (hand-written, no template; split=test)', acts));
  const actRel = reliability(
    project.map((r) => r.actConfidence),
    project.map((r) => r.act === r.gold.act),
  );
  print('');
  print(formatReliability('Act confidence, reliability on the held-out split (10 bins)', actRel));

  const family = evaluate(
    project.map((r) => r.gold.label),
    project.map((r) => r.family.label),
  );
  print('');
  print(formatEvaluation('SOP family (classify), project held-out split', family));
  print('');
  print(
    formatReliability(
      'Family confidence, reliability on the held-out split',
      reliability(
        project.map((r) => r.family.confidence),
        project.map((r) => r.family.label === r.gold.label),
      ),
    ),
  );

  const nusaxRead = sets.nusax.map((d) => reader.classify(d.text));
  const nusax = evaluate(
    sets.nusax.map((d) => d.label),
    nusaxRead.map((c) => c.label),
  );
  const nusaxRel = reliability(
    nusaxRead.map((c) => c.confidence),
    nusaxRead.map((c, i) => c.label === sets.nusax[i]?.label),
  );
  print('');
  print(formatEvaluation('NusaX Indonesian test (negative→complaint, positive→praise, neutral→statement)', nusax));
  print('');
  print(formatReliability('Family confidence, reliability on NusaX test', nusaxRel));

  const threshold = headOf(model, 'integrity').threshold ?? 0.5;
  const integrityScores = project.map((r) => reader.understand(r.gold.text).integrity);
  const integrityGold = project.map((r) => r.gold.flags?.includes('integrity') === true);
  const integrity = precisionRecall(integrityScores, integrityGold, threshold);
  print('');
  print(`Integrity (bribery, illegal levies, brokers) on the held-out split, threshold ${threshold.toFixed(3)}`);
  print(
    `  reports ${integrity.tp + integrity.fn}, others ${project.length - integrity.tp - integrity.fn}: precision ${integrity.precision.toFixed(3)}, recall ${integrity.recall.toFixed(3)} (tp ${integrity.tp}, fp ${integrity.fp}, fn ${integrity.fn})`,
  );

  for (const flag of ['sarcasm', 'mixed'] as const) {
    const gold = project.filter((r) => r.gold.flags?.includes(flag));
    const found = gold.filter((r) => reader.understand(r.gold.text).flags.includes(flag)).length;
    const wrong = project.filter(
      (r) => !r.gold.flags?.includes(flag) && reader.understand(r.gold.text).flags.includes(flag),
    ).length;
    const asComplaint = gold.filter((r) => r.family.label === 'complaint').length;
    print(
      `Flag '${flag}' on the held-out split: ${found} of ${gold.length} marked messages found, ${asComplaint} of them read as complaints; raised on ${wrong} other messages`,
    );
  }

  // Personal data must not change the reading: every held-out complaint, with contact details written in.
  const rand = prng(99);
  const complaints = project.filter((r) => familyOf(r.gold.act) === 'complaint');
  const unchanged = complaints.filter((r) => {
    const u = reader.understand(withPersonalData(r.gold.text, rand));
    return u.act === r.act && u.classification.label === r.family.label;
  }).length;
  print(
    `Personal data written into each of the ${complaints.length} held-out complaints: ${unchanged} keep their act and family (${((100 * unchanged) / Math.max(1, complaints.length)).toFixed(1)} %)`,
  );

  // Nor must a place and a time (issue 9): each held-out complaint read as a complaint, with one written in.
  const readAsComplaints = complaints.filter((r) => r.family.label === 'complaint');
  const keptWithPlace = readAsComplaints.filter(
    (r, i) => reader.classify(PLACE_AND_TIME[i % PLACE_AND_TIME.length]?.(r.gold.text) ?? '').label === 'complaint',
  ).length;
  print(
    `Place and time written into each of the ${readAsComplaints.length} held-out complaints read as complaints: ${keptWithPlace} stay complaints (${((100 * keptWithPlace) / Math.max(1, readAsComplaints.length)).toFixed(1)} %)`,
  );

  const result: EvalResult = {
    actMacroF1: acts.macroF1,
    actEce: actRel.ece,
    actWorstGap: actRel.worstGap,
    project: family.macroF1,
    nusax: nusax.macroF1,
    nusaxEce: nusaxRel.ece,
    nusaxWorstGap: nusaxRel.worstGap,
    integrity: { threshold, precision: integrity.precision, recall: integrity.recall },
    personalData: { complaints: complaints.length, unchanged },
  };
  if (opts.baselines === false) return result;

  print('');
  print('Side by side on the family label, trained now on the same data (train = project train split + IndoNLU SmSA');
  print(
    'train + NusaX train, public texts that nearly repeat an evaluation text removed); msgs/s = classifications per',
  );
  print('second on one core (second pass over both test sets):');
  print(
    `  ${'classifier'.padEnd(46)} ${'train n'.padStart(7)} ${'train s'.padStart(8)} ${'F1 project'.padStart(10)} ${'F1 NusaX'.padStart(8)} ${'msgs/s'.padStart(9)}`,
  );
  const train = buildTrainingData().train;
  // Labels only: the cross-fitted calibration changes confidences, never which label is most likely.
  const fresh = trainTextModel({ crossFitFolds: 0 });
  const oursFresh = createTextReader(fresh.model);
  const oursUnderTest: TextClassifierUnderTest = { name: 'ours', classify: (t) => oursFresh.classify(t).label };
  print(
    row(
      'ours (hashed n-grams + SGD, act-derived family)',
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
  const small = trainTextModel({ trainingData: sample, devData: loadProjectCorpus('dev') });
  const oursSmall = createTextReader(small.model);
  const oursSmallUnderTest: TextClassifierUnderTest = { name: 'ours', classify: (t) => oursSmall.classify(t).label };
  print(row('ours (sample)', sample.length, small.stats.seconds, measure(oursSmallUnderTest, sets)));
  return result;
}
