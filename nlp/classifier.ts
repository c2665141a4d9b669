// SOP step 3: sorts a message into complaint / praise / statement with a calibrated confidence. The family is read
// from the dialogue act (nlp/understand/reader.ts): its label is the family of the most likely act, its confidence
// the summed probability of that family's acts, so `classify` and `understand` never disagree. Any input is
// accepted; text without words gets a low-confidence reading, so the flow asks instead of guessing.
import type { Classification } from './types.js';
import type { LinearModel } from './model/linear.js';
import { createTextReader } from './understand/reader.js';

export { NO_EVIDENCE_CONFIDENCE, WEAK_EVIDENCE_CAP } from './understand/reader.js';

/** What the rest of nlp/ needs from a classifier: classify one message, and which model answered. */
export interface MessageClassifier {
  classify(text: string): Classification;
  readonly modelVersion: string;
}

/** Wraps a loaded model as the classifier the core calls per message. */
export function createClassifier(model: LinearModel): MessageClassifier {
  const reader = createTextReader(model);
  return { modelVersion: model.version, classify: (text) => reader.classify(text) };
}
