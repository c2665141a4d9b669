// FAQ retrieval measured on labelled questions (nlp/faq/testdata): of the questions answered, the share answered
// with the right entry (precision); of the questions the FAQ cannot answer, the share honestly left to staff
// (no-answer rate); of the answerable ones, the share answered right (recall).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { agencySchema, type Agency } from '../../src/domain/agency.js';
import { createFaqRetriever, type FaqRetriever } from './retriever.js';

/** A question and the id of the entry that answers it (null: none does). */
export interface FaqCase {
  question: string;
  expected: string | null;
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The evaluation sets of the two shipped profiles. */
export const FAQ_SETS = [
  {
    agency: 'bapenda-kota-padang',
    dev: here('testdata/bapenda-dev.tsv'),
    heldout: here('testdata/bapenda-heldout.tsv'),
    heldout2: here('testdata/bapenda-heldout-2.tsv'),
  },
  {
    agency: 'dprd-kota-yogyakarta',
    dev: here('testdata/dprd-dev.tsv'),
    heldout: here('testdata/dprd-heldout.tsv'),
    heldout2: here('testdata/dprd-heldout-2.tsv'),
  },
] as const;

/** The shipped agency profile of that id. */
export function loadAgencyProfile(id: string): Agency {
  const file = here(`../../src/config/agencies/${id}.json`);
  return agencySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Reads a question set. */
export function loadFaqCases(file: string): FaqCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [question = '', id = '-'] = l.split('\t');
      return { question, expected: id.trim() === '-' ? null : id.trim() };
    });
}

export interface FaqScores {
  answerable: number;
  unanswerable: number;
  /** Right entry among the questions answered. */
  precision: number;
  /** Answerable questions answered with the right entry. */
  recall: number;
  /** Unanswerable questions left to staff. */
  noAnswerRate: number;
  errors: Array<{ question: string; expected: string; got: string; score: number }>;
}

/** Scores a retriever on labelled questions for one agency. */
export function evaluateFaq(agency: Agency, cases: readonly FaqCase[], retriever?: FaqRetriever): FaqScores {
  const r = retriever ?? createFaqRetriever(agency.faq, { agencyNames: [agency.name, agency.shortName] });
  let answered = 0;
  let right = 0;
  let answerable = 0;
  let declined = 0;
  const errors: FaqScores['errors'] = [];
  for (const c of cases) {
    const match = r.answer(c.question, 'id');
    const got = match ? (agency.faq[match.index]?.id ?? `#${match.index}`) : null;
    if (c.expected) answerable++;
    if (match) answered++;
    if (match && got === c.expected) right++;
    if (!c.expected && !match) declined++;
    if (got !== c.expected)
      errors.push({
        question: c.question,
        expected: c.expected ?? '-',
        got: got ?? '-',
        score: match?.score ?? r.rank(c.question)[0]?.score ?? 0,
      });
  }
  const unanswerable = cases.length - answerable;
  return {
    answerable,
    unanswerable,
    precision: answered ? right / answered : 1,
    recall: answerable ? right / answerable : 1,
    noAnswerRate: unanswerable ? declined / unanswerable : 1,
    errors,
  };
}

/** One line per figure. */
export function formatFaqScores(name: string, s: FaqScores): string {
  return `${name}: precision of answered ${(s.precision * 100).toFixed(1)} %, answerable answered right ${(s.recall * 100).toFixed(1)} % (${s.answerable}), honest "no answer" ${(s.noAnswerRate * 100).toFixed(1)} % (${s.unanswerable})`;
}
