// natural's own classifiers, used as they come (its Indonesian stemmer StemmerId, lowercased text), for the
// side-by-side comparison issue 3 asks for. Both build dense feature vectors over the whole vocabulary, so their
// cost grows with vocabulary size; LogisticRegressionClassifier (full-batch gradient descent on dense matrices) is
// only practical on a few hundred documents.
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import LogisticRegressionClassifier from 'natural/lib/natural/classifiers/logistic_regression_classifier.js';
import stemmerId from 'natural/lib/natural/stemmers/indonesian/stemmer_id.js';
import { MESSAGE_LABELS, type MessageLabel } from '../types.js';
import type { LabeledText } from '../data/datasets.js';

/** The one method the comparison needs from any classifier. */
export interface TextClassifierUnderTest {
  name: string;
  classify(text: string): MessageLabel;
}

/** A baseline with the cost of training it. */
export interface TrainedBaseline {
  classifier: TextClassifierUnderTest;
  trainSeconds: number;
  trainSize: number;
}

function asLabel(s: string): MessageLabel {
  return (MESSAGE_LABELS as readonly string[]).includes(s) ? (s as MessageLabel) : 'statement';
}

/** Trains natural's BayesClassifier (StemmerId) on the given data. */
export function trainNaturalBayes(data: readonly LabeledText[]): TrainedBaseline {
  const started = performance.now();
  const c = new BayesClassifier(stemmerId);
  for (const d of data) c.addDocument(d.text.toLowerCase(), d.label);
  c.train();
  return {
    classifier: { name: 'natural BayesClassifier', classify: (t) => asLabel(c.classify(t.toLowerCase())) },
    trainSeconds: (performance.now() - started) / 1000,
    trainSize: data.length,
  };
}

/** Trains natural's LogisticRegressionClassifier (StemmerId) on the given data. */
export function trainNaturalLogistic(data: readonly LabeledText[]): TrainedBaseline {
  const started = performance.now();
  const c = new LogisticRegressionClassifier(stemmerId);
  for (const d of data) c.addDocument(d.text.toLowerCase(), d.label);
  c.train();
  return {
    classifier: { name: 'natural LogisticRegressionClassifier', classify: (t) => asLabel(c.classify(t.toLowerCase())) },
    trainSeconds: (performance.now() - started) / 1000,
    trainSize: data.length,
  };
}

/** A label-stratified, evenly spread sample of `n` examples (deterministic). */
export function stratifiedSample(data: readonly LabeledText[], n: number): LabeledText[] {
  if (n >= data.length) return [...data];
  const out: LabeledText[] = [];
  for (const label of MESSAGE_LABELS) {
    const of = data.filter((d) => d.label === label);
    const want = Math.round((n * of.length) / data.length);
    const step = of.length / Math.max(1, want);
    for (let i = 0; i < want; i++) {
      const d = of[Math.floor(i * step)];
      if (d) out.push(d);
    }
  }
  return out;
}
