// Assembles the training and development data: the project corpus, staff corrections and the public sentiment sets,
// with every public text that nearly repeats an evaluation text removed (see dedup.ts).
import type { MessageLabel } from '../types.js';
import { loadNusax, loadProjectCorpus, loadSmsa, type LabeledText } from './datasets.js';
import { withoutNearCopies } from './dedup.js';

/** The assembled data of one training run. */
export interface TrainingData {
  train: LabeledText[];
  /**
   * Held-out data for calibration, the integrity threshold and model choice (project dev split and a slice of SmSA
   * valid for review-length texts); never trained on. NusaX valid is trained on: NusaX test stays untouched.
   */
  dev: LabeledText[];
  /** Public texts dropped as near copies of evaluation texts. */
  droppedNearCopies: number;
}

/** A staff member's re-label of a message (Store.listCorrections). */
export interface Correction {
  text: string;
  label: MessageLabel;
}

/** SmSA valid texts used for calibration (review-length texts, where the chat corpus has few examples). */
const SMSA_CALIBRATION = 600;

/** Training data for the shipped model; `corrections` (staff re-labels) are added with their own source tag. */
export function buildTrainingData(corrections: readonly Correction[] = []): TrainingData {
  const projectTrain = loadProjectCorpus('train');
  const projectDev = loadProjectCorpus('dev');
  const nusaxValid = loadNusax('valid');
  const nusaxTest = loadNusax('test');
  const evaluationTexts = [...nusaxTest, ...loadProjectCorpus('test'), ...projectDev].map((d) => d.text);
  const smsaTrain = loadSmsa('train');
  const smsaLimit = Number(process.env.ADUAN_EXP_SMSA ?? smsaTrain.length);
  const smsaStep = smsaTrain.length / Math.min(smsaLimit, smsaTrain.length);
  const publicTrain = [
    ...smsaTrain.filter((_, i) => Math.floor(i / smsaStep) !== Math.floor((i - 1) / smsaStep)),
    ...loadNusax('train'),
  ];
  const { kept, dropped } = withoutNearCopies(publicTrain, evaluationTexts, 0.3);
  // SmSA valid for calibration, minus anything close to a test text; every 2nd one keeps the label mix.
  const smsaValid = withoutNearCopies(loadSmsa('valid'), [...nusaxTest, ...kept].map((d) => d.text), 0.3)
    .kept.filter((_, i) => i % 2 === 0)
    .slice(0, SMSA_CALIBRATION);
  const corrected: LabeledText[] = corrections
    .filter((c) => typeof c.text === 'string' && c.text.trim() !== '')
    .map((c) => ({ text: c.text, label: c.label, act: c.label, source: 'correction' }));
  return {
    train: [...projectTrain, ...corrected, ...kept, ...nusaxValid],
    dev: [...projectDev, ...smsaValid],
    droppedNearCopies: dropped,
  };
}
