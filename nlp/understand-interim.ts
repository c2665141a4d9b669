// A stand-in for the dialogue-act reader until the act model lands (issue 9): the act is the SOP family from the
// classifier, slots hold only the tickets named, FAQ answers come from keyword hits. Replaced, not extended.
import type { Agency } from '../src/domain/agency.js';
import { DIALOGUE_ACTS, type Classification, type DialogueAct, type FaqMatch, type Understanding } from './types.js';

const TICKET = /\bADU[-\s]?([0-9A-Z]{4})[-\s]?([0-9A-Z]{4})\b/gi;

export function interimUnderstanding(classification: Classification, text: string): Understanding {
  const act: DialogueAct = classification.label;
  const scores = Object.fromEntries(DIALOGUE_ACTS.map((a) => [a, a === act ? classification.confidence : 0])) as Record<
    DialogueAct,
    number
  >;
  const tickets = [...text.matchAll(TICKET)].map((m) => `ADU-${m[1]}-${m[2]}`.toUpperCase());
  return {
    act,
    confidence: classification.confidence,
    scores,
    classification,
    slots: { tickets, objectNumbers: [], amounts: [] },
    flags: [],
    integrity: 0,
    language: 'id',
  };
}

export function interimFaq(agency: Agency, text: string, language: 'id' | 'en'): FaqMatch | null {
  const lower = text.toLowerCase();
  const index = agency.faq.findIndex((f) => f.keywords.some((k) => lower.includes(k.toLowerCase())));
  const f = agency.faq[index];
  if (!f) return null;
  return { index, answer: language === 'en' ? f.answerEn : f.answerId, score: 1 };
}
