// Text understanding for Aduan (SOP steps 3-5, the dialogue acts of issue 9, personal-data masking): the only module
// the core imports from nlp/. Loading is synchronous and fast (a saved model file, no training at start-up);
// per-message calls are in-memory.
import type { Agency } from '../src/domain/agency.js';
import type { TextUnderstanding } from './types.js';
import { loadModel } from './model/serialize.js';
import { DEFAULT_MODEL_PATH } from './model/paths.js';
import { createRouter } from './routing/router.js';
import { createRepeatIndex, DEFAULT_REPEAT_THRESHOLD } from './repeat/repeat-index.js';
import { createTextReader } from './understand/reader.js';
import { extractSlots } from './slots/index.js';
import { createFaqRetriever, DEFAULT_FAQ_THRESHOLD } from './faq/retriever.js';

// The contract types, the personal-data masker, and the parts the core may want to build on its own.
export * from './types.js';
export { maskPersonalData, findPersonalData, maskContact } from './pii.js';
export { extractSlots, isVaguePlace } from './slots/index.js';
export { handlingCue, type HandlingCue } from './understand/handling.js';
export { announcedKind, type AnnouncedKind } from './understand/announced.js';
export { createRepeatIndex, DEFAULT_REPEAT_THRESHOLD } from './repeat/repeat-index.js';
export { createRouter } from './routing/router.js';
export { createFaqRetriever, DEFAULT_FAQ_THRESHOLD } from './faq/retriever.js';
export { DEFAULT_MODEL_PATH } from './model/paths.js';

/** Default clarify threshold: below this calibrated confidence the intake flow asks one clarifying question. */
export const DEFAULT_CLARIFY_THRESHOLD = 0.55;

/** Loads the saved model (no training at start-up) and builds routing for the agency. Synchronous, fast (< 200 ms). */
export function loadTextUnderstanding(opts: {
  agency: Agency;
  modelPath?: string;
  repeatThreshold?: number;
  clarifyThreshold?: number;
  /** Minimum FAQ retrieval score for an answer (below it the question goes to staff). */
  faqThreshold?: number;
}): TextUnderstanding {
  const reader = createTextReader(loadModel(opts.modelPath ?? DEFAULT_MODEL_PATH), {
    integrityKeywords: opts.agency.integrityKeywords,
    slots: extractSlots,
  });
  // Routing and the FAQ prepare their terms (every division example, every FAQ question) when first asked, not at
  // start-up: a first message that needs neither is answered without waiting for them.
  // route() raises the 'integrity' flag exactly when understand() does: one reading of the model for both.
  let router: ReturnType<typeof createRouter> | null = null;
  const routerOf = () => (router ??= createRouter(opts.agency, { integrity: (p) => reader.integrityOf(p).flagged }));
  const repeats = createRepeatIndex({ threshold: opts.repeatThreshold ?? DEFAULT_REPEAT_THRESHOLD });
  let faq: ReturnType<typeof createFaqRetriever> | null = null;
  const faqOf = () =>
    (faq ??= createFaqRetriever(opts.agency.faq, {
      threshold: opts.faqThreshold ?? DEFAULT_FAQ_THRESHOLD,
      agencyNames: [opts.agency.name, opts.agency.shortName],
    }));
  return {
    classify: (text) => reader.classify(text),
    understand: (text, context) => reader.understand(text, context),
    answerFaq: (text, language) => faqOf().answer(text, language),
    route: (text) => routerOf().route(text),
    repeats,
    clarifyThreshold: opts.clarifyThreshold ?? DEFAULT_CLARIFY_THRESHOLD,
  };
}
