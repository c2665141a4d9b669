// Answers a citizen's question from the agency's FAQ by retrieval over every entry (issue 9 item 6): each entry is
// known by its example questions, keywords and answers, as IDF-weighted terms. An entry's score mixes how close the
// question is to its nearest example question (cosine) with how much of the question's information the entry's
// vocabulary covers; below the threshold the FAQ has no answer and the question goes to staff.
import type { FaqEntry } from '../../src/domain/agency.js';
import type { FaqMatch } from '../types.js';
import { ASPECTS, faqTerms } from './terms.js';
import { asksSomething } from './asks.js';

/** Chosen on the development sets (nlp/faq/testdata/*-dev.tsv); see nlp/faq/README.md. */
export const DEFAULT_FAQ_THRESHOLD = 0.5;
/** How much a question term that no entry is about counts against an entry (1 = as much as a term of another entry). */
const CONTEXT_WEIGHT = 0.35;
/** An entry that covers none of the aspects asked (where, when, how long...) keeps this share of its score. */
const ASPECT_PENALTY = 0.6;

interface IndexedEntry {
  questions: Array<{ terms: string[]; normSq: number }>;
  /** Terms of the questions and keywords: what the entry is about. */
  topic: Set<string>;
  /** Terms of the answers only: they count half. */
  answer: Set<string>;
}

/** A ranked candidate, for evaluation and tests. */
export interface FaqCandidate {
  index: number;
  score: number;
}

export interface FaqRetriever {
  /**
   * The best entry's answer in the citizen's language, or null when the message asks nothing or no entry scores at
   * or above the threshold.
   */
  answer(text: string, language: 'id' | 'en'): FaqMatch | null;
  /** Every entry's score for a question, best first. */
  rank(text: string): FaqCandidate[];
  threshold: number;
}

/** Builds the retriever for an agency's FAQ (once, at start-up). */
export function createFaqRetriever(
  faq: readonly FaqEntry[],
  options: { threshold?: number; agencyNames?: readonly string[] } = {},
): FaqRetriever {
  // Every question may name the agency ("kantor bapenda padang"): its name says nothing about what is asked.
  // Nor do the words for an office: "jam buka kantor" is about opening hours, "parkir di kantor" is not.
  const ignore = new Set([...(options.agencyNames ?? []).flatMap((n) => faqTerms(n)), 'kantor']);
  const terms = (text: string): string[] => faqTerms(text, ignore);
  const entries: IndexedEntry[] = faq.map((f) => {
    const questionTerms = (f.questions ?? []).map(terms);
    const keywordTerms = f.keywords.flatMap(terms);
    const topic = new Set([...questionTerms.flat(), ...keywordTerms]);
    const answer = new Set([...terms(f.answerId), ...terms(f.answerEn)].filter((t) => !topic.has(t)));
    // Keywords are a short example question too ("jam buka", "cek tagihan").
    const examples = [...questionTerms, ...f.keywords.map(terms)].filter((t) => t.length > 0);
    return { questions: examples.map((terms) => ({ terms, normSq: 0 })), topic, answer };
  });

  // Document frequency over what entries are about (not their long answers): a term most entries share ("pbb")
  // tells them apart poorly.
  const df = new Map<string, number>();
  for (const e of entries) for (const t of e.topic) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, entries.length);
  const idf = (t: string): number => Math.log(1 + n / ((df.get(t) ?? 0) + 0.5));
  for (const e of entries) for (const q of e.questions) q.normSq = q.terms.reduce((s, t) => s + idf(t) ** 2, 0);

  function rank(text: string): FaqCandidate[] {
    const query = terms(text);
    if (query.length === 0 || entries.length === 0) return [];
    const weight = new Map(query.map((t) => [t, idf(t) ** 2]));
    let total = 0;
    for (const w of weight.values()) total += w;
    // A term no entry is about ("kelompok tani") is context; a term another entry is about ("alamat" when asking the
    // office-hours entry) says the question is a different one, so it weighs fully against.
    let unknown = 0;
    for (const [t, w] of weight) if (!df.has(t)) unknown += w;
    const effective = total - (1 - CONTEXT_WEIGHT) * unknown;
    const out: FaqCandidate[] = entries.map((e, index) => {
      let nearest = 0;
      for (const q of e.questions) {
        let dot = 0;
        for (const t of q.terms) dot += weight.get(t) ?? 0;
        if (dot > 0) nearest = Math.max(nearest, dot / Math.sqrt(effective * q.normSq));
      }
      let covered = 0;
      let unknownCovered = 0;
      for (const [t, w] of weight) {
        const got = e.topic.has(t) ? w : e.answer.has(t) ? w / 2 : 0;
        covered += got;
        if (!df.has(t)) unknownCovered += got;
      }
      let aspectsAsked = 0;
      let aspectsMissed = 0;
      let topicMatched = false;
      for (const t of weight.keys()) {
        if (ASPECTS.has(t)) aspectsAsked++;
        if (ASPECTS.has(t) && !e.topic.has(t)) aspectsMissed++;
        if (!ASPECTS.has(t) && e.topic.has(t)) topicMatched = true;
      }
      // Sharing only the kind of question ("where...?") is not answering it.
      if (!topicMatched) return { index, score: 0 };
      const against = total - covered - (1 - CONTEXT_WEIGHT) * (unknown - unknownCovered);
      const coverage = covered / Math.max(1e-9, covered + against);
      const score = 0.5 * Math.min(1, nearest) + 0.5 * coverage;
      const penalty = aspectsMissed > 0 ? 1 - (1 - ASPECT_PENALTY) * (aspectsMissed / aspectsAsked) : 1;
      return { index, score: score * penalty };
    });
    return out.sort((a, b) => b.score - a.score);
  }

  const retriever: FaqRetriever = {
    threshold: options.threshold ?? DEFAULT_FAQ_THRESHOLD,
    rank,
    answer(text, language) {
      // A message that asks nothing is not answered, however many words it shares with an entry.
      if (!asksSomething(text)) return null;
      const best = rank(text)[0];
      const entry = best ? faq[best.index] : undefined;
      if (!best || !entry || best.score < retriever.threshold) return null;
      return { index: best.index, answer: language === 'en' ? entry.answerEn : entry.answerId, score: best.score };
    },
  };
  return retriever;
}
