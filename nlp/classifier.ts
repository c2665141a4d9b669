// SOP step 3: sorts a message into complaint / praise / statement with a calibrated confidence, using the saved
// linear model. Any input is accepted; text without words gets `statement` with a confidence below any sensible
// clarify threshold, so the flow asks instead of guessing.
import { MESSAGE_LABELS, type Classification, type MessageLabel } from './types.js';
import { prepareText } from './text/prepare.js';
import { softmax, type LinearModel } from './model/linear.js';
import { createFastScorer } from './model/fast-scorer.js';

/** Confidence reported when a message has nothing to classify (empty, digits only, other scripts, garbage). */
export const NO_EVIDENCE_CONFIDENCE = 0.34;
/** Upper bound on the confidence of a message made only of emoji, links or numbers. */
export const WEAK_EVIDENCE_CAP = 0.5;

/** What the rest of nlp/ needs from a classifier: classify one message, and which model answered. */
export interface MessageClassifier {
  classify(text: string): Classification;
  readonly modelVersion: string;
}

function scoresOf(p: Float64Array): Record<MessageLabel, number> {
  const out = {} as Record<MessageLabel, number>;
  MESSAGE_LABELS.forEach((l, k) => (out[l] = p[k] ?? 0));
  return out;
}

/** Wraps a loaded model as the classifier the core calls per message. */
export function createClassifier(model: LinearModel): MessageClassifier {
  const score = createFastScorer(model);
  const statementScores = (): Record<MessageLabel, number> => {
    const rest = (1 - NO_EVIDENCE_CONFIDENCE) / 2;
    return { complaint: rest, praise: rest, statement: NO_EVIDENCE_CONFIDENCE };
  };
  return {
    modelVersion: model.version,
    classify(text: string): Classification {
      const prepared = prepareText(text);
      const scored = score(prepared);
      const hasEvidence = scored.known > 0;
      const hasEmoji = prepared.words.some((w) => w.startsWith('emo'));
      if (!hasEvidence && !hasEmoji) {
        return {
          label: 'statement',
          confidence: NO_EVIDENCE_CONFIDENCE,
          modelVersion: model.version,
          scores: statementScores(),
        };
      }
      const p = softmax(scored.logits, model.temperature);
      let best = 0;
      for (let k = 1; k < p.length; k++) if ((p[k] ?? 0) > (p[best] ?? 0)) best = k;
      let confidence = p[best] ?? 0;
      // Mostly unknown words (gibberish, another language): the label is a guess, so say so.
      if (!hasEvidence || scored.known < 0.3 * scored.evidence) confidence = Math.min(confidence, WEAK_EVIDENCE_CAP);
      return { label: model.labels[best] ?? 'statement', confidence, modelVersion: model.version, scores: scoresOf(p) };
    },
  };
}
