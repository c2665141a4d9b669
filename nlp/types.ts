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
  /** The divisions' keywords the text contains, of any division (what the message is about, in the agency's terms). */
  keywords?: string[];
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

/**
 * What a citizen's turn does in the conversation (issue 9), read for every message, not only the first one.
 * The flows decide with the conversation state *and* the act: an answer is an answer only when it reads as one.
 */
export type DialogueAct =
  /** A new grievance: something went wrong and the citizen wants it handled. */
  | 'complaint'
  /** Kritik / saran / aspirasi: an idea or request for change (the SOP counts it as a complaint; it gets a ticket). */
  | 'suggestion'
  | 'praise'
  /** Plain information, nothing asked and nothing wrong. */
  | 'statement'
  /** A request for information ("apa syarat balik nama sppt?"). */
  | 'question'
  /** Dissatisfaction with an earlier case or its handling ("saya tidak puas", "kok ditutup padahal belum beres"). */
  | 'dissatisfied'
  /** Yes / satisfied / agreed ("iya", "sudah beres", "puas"). */
  | 'yes'
  /** No / not satisfied as a short answer ("belum", "ngga", "tidak puas"). */
  | 'no'
  /** Calling off what is being written ("gak jadi deh", "batalin aja min"). */
  | 'cancel'
  /** More facts for a case already reported ("tambahan keterangan: ..."). */
  | 'add_info'
  /** Asks how a case is going ("gimana aduan saya?", "status ADU-..."). */
  | 'status'
  | 'greeting'
  /** Thanks or acknowledgement ("ok makasih min", "👍"). */
  | 'thanks'
  /** "Don't know / nothing / skip" ("ga ada", "gak tau", "lewati"). */
  | 'dont_know'
  /** Asks to have their personal data deleted ("hapus data saya"), UU 27/2022. */
  | 'erase'
  /** Nothing to do with the agency (spam, chit-chat, test messages). */
  | 'unrelated';

export const DIALOGUE_ACTS: readonly DialogueAct[] = [
  'complaint',
  'suggestion',
  'praise',
  'statement',
  'question',
  'dissatisfied',
  'yes',
  'no',
  'cancel',
  'add_info',
  'status',
  'greeting',
  'thanks',
  'dont_know',
  'erase',
  'unrelated',
];

/** The SOP family (what `classify` returns) of each act: complaints, praise, and statements of every other kind. */
export function familyOf(act: DialogueAct): MessageLabel {
  if (act === 'complaint' || act === 'suggestion' || act === 'dissatisfied') return 'complaint';
  if (act === 'praise') return 'praise';
  return 'statement';
}

/** Facts found in one message, whatever was asked (issue 9: slots by meaning). */
export interface Slots {
  /** Where it happened ("di loket 3 kantor Bapenda", "Jl. Sudirman"). */
  place?: string;
  /** When / since when ("sejak 2 minggu", "kemarin", "12/11/2026"). */
  time?: string;
  /** Tickets named in the text, normalised (ADU-XXXX-XXXX). */
  tickets: string[];
  /** Object numbers: NOP (PBB), NPWPD, other registration numbers. */
  objectNumbers: Array<{ kind: 'nop' | 'npwpd' | 'other'; value: string }>;
  /** Money amounts ("100rb" → 100000). */
  amounts: Array<{ value: number; text: string }>;
  /** The text speaks of evidence the citizen has ('mentioned') or says there is none ('none'). */
  evidence?: 'mentioned' | 'none';
}

/** Context that may shift how a short turn is read ("ga ada" to a question is an answer, not a new message). */
export interface TurnContext {
  /** What the bot asked last, if it waits for an answer. */
  expecting?: 'closure' | 'followup' | 'rating' | 'clarify' | 'confirm_case' | 'where' | 'since' | 'what' | 'photo';
  /** The citizen has cases on record (dissatisfaction then has something to refer to). */
  hasCases?: boolean;
}

/** Everything read from one turn. */
export interface Understanding {
  act: DialogueAct;
  /** Calibrated probability of `act`, 0..1. */
  confidence: number;
  /** Calibrated probability of every act (sums to 1). */
  scores: Record<DialogueAct, number>;
  /** The message's SOP family with its confidence, as `classify` gives it (reports, the classify command). */
  classification: Classification;
  slots: Slots;
  /** 'integrity' (pungli, suap, gratifikasi, calo...), 'sarcasm', 'mixed' (praise and grievance together). */
  flags: string[];
  /** Probability that the message reports an integrity breach (bribery, illegal levies), 0..1. */
  integrity: number;
  /** For a mixed message: the praising part, to pass on beside the complaint. */
  praise?: string;
  language: 'id' | 'en';
}

/** An answer from the agency's FAQ, found by retrieval over all entries. */
export interface FaqMatch {
  /** Index of the entry in the agency profile's `faq`. */
  index: number;
  answer: string;
  /** Retrieval score 0..1; only matches at or above the retriever's own threshold are returned. */
  score: number;
}

export interface TextUnderstanding {
  classify(text: string): Classification;
  /** The dialogue act, slots and flags of one turn (issue 9). */
  understand(text: string, context?: TurnContext): Understanding;
  /** The best FAQ answer for a question, or null when the FAQ has none (then staff answer it). */
  answerFaq(text: string, language: 'id' | 'en'): FaqMatch | null;
  route(text: string): Routing;
  repeats: RepeatIndex;
  /** Below this confidence the intake flow asks the citizen one clarifying question. */
  readonly clarifyThreshold: number;
}
