// Assembles the training and development data: the project corpus, staff corrections and the public sentiment sets,
// with every public training text that nearly repeats an evaluation text removed (see dedup.ts).
import type { MessageLabel } from '../types.js';
import { loadNusax, loadProjectCorpus, loadSmsa, type LabeledText } from './datasets.js';
import { withoutNearCopies } from './dedup.js';

/** The assembled data of one training run. */
export interface TrainingData {
  train: LabeledText[];
  /** Held-out data for calibration and model choice (project dev split + NusaX valid); never trained on. */
  dev: LabeledText[];
  /** Public training texts dropped as near copies of evaluation texts. */
  droppedNearCopies: number;
}

/** A staff member's re-label of a message (Store.listCorrections). */
export interface Correction {
  text: string;
  label: MessageLabel;
}

/** Training data for the shipped model; `corrections` (staff re-labels) are added with their own source tag. */
export function buildTrainingData(corrections: readonly Correction[] = []): TrainingData {
  const projectTrain = loadProjectCorpus('train');
  const projectDev = loadProjectCorpus('dev');
  const nusaxValid = loadNusax('valid');
  const evaluationTexts = [...loadNusax('test'), ...nusaxValid, ...loadProjectCorpus('test'), ...projectDev].map((d) => d.text);
  const publicTrain = [...loadSmsa('train'), ...loadNusax('train')];
  const { kept, dropped } = withoutNearCopies(publicTrain, evaluationTexts, 0.3);
  const corrected = corrections
    .filter((c) => typeof c.text === 'string' && c.text.trim() !== '')
    .map((c) => ({ text: c.text, label: c.label, source: 'correction' }));
  return {
    train: [...projectTrain, ...corrected, ...kept],
    dev: [...projectDev, ...nusaxValid],
    droppedNearCopies: dropped,
  };
}
