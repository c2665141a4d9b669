// The contract between the core and text understanding. The core (src/, flows/) depends only on these types;
// nlp/ implements them. Everything here is synchronous and in-memory so the per-message path stays fast.

/** SOP step 3 sorts every message into one of these. Questions, greetings, information and suggestions are statements. */
export type MessageLabel = 'complaint' | 'praise' | 'statement';

export const MESSAGE_LABELS: readonly MessageLabel[] = ['complaint', 'praise', 'statement'];

export interface Classification {
  label: MessageLabel;
  /** Calibrated probability of `label`, 0..1. Below `TextUnderstanding.clarifyThreshold` the flow asks instead of guessing. */
  confidence: number;
  modelVersion: string;
  /** Calibrated probability of every label (sums to 1); optional so other classifiers may omit it. */
  scores?: Record<MessageLabel, number>;
}

export interface Routing {
  /** Division id from the agency configuration (e.g. "pbb-p2"). */
  division: string;
  /** Score of the chosen division, 0..1. */
  confidence: number;
  /** Short topic words for the case card and digests (e.g. "tagihan pbb", "antrian"). */
  topic: string;
  /** Flags raised whatever the division, e.g. "integrity" for extortion / illegal levies (pungli, suap). */
  flags: string[];
}

export interface RepeatCandidate {
  ticket: string;
  /** Similarity 0..1 of the new text to the earlier complaint. */
  similarity: number;
  /** True when the earlier complaint came from the same citizen identity. */
  sameCitizen: boolean;
}

/** An in-memory index of earlier complaints, rebuilt from the store at start-up. Lookups never scan every document. */
export interface RepeatIndex {
  add(doc: { ticket: string; citizenKey: string; text: string }): void;
  remove(ticket: string): void;
  /** Earlier complaints at or above the repeat threshold, best first (same-citizen matches included). */
  findSimilar(text: string, citizenKey: string, limit?: number): RepeatCandidate[];
  readonly size: number;
}

export interface TextUnderstanding {
  classify(text: string): Classification;
  route(text: string): Routing;
  repeats: RepeatIndex;
  /** Below this confidence the intake flow asks the citizen one clarifying question. */
  readonly clarifyThreshold: number;
}
