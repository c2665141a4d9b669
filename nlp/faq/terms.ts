// The terms a question is matched by: the shared content terms (slang mapped, synonyms merged, stemmed) after known
// phrases are joined ("balik nama", "jatuh tempo"), without the words every question has ("how", "cara", "bisa").
import { joinPhrases } from '../text/synonyms.js';
import { textTerms } from '../text/terms.js';

// Question words and request verbs: present in answerable and unanswerable questions alike, so they carry nothing.
const QUESTION_WORDS = new Set([
  'what',
  'how',
  'which',
  'who',
  'why',
  'much',
  'many',
  'should',
  'could',
  'would',
  'need',
  'want',
  'get',
  'there',
  'are',
  'cara',
  'bisa',
  'gimana',
  'gmn',
  'bagaimana',
  'apa',
  'berapa',
  'brp',
  'mau',
  'ingin',
  'boleh',
  'caranya',
  'prosedur',
  'tanya',
  'nanya',
  'info',
]);

/** Unique matching terms of a question, in order; `ignore` holds terms to drop too (the agency's own name). */
export function faqTerms(text: string, ignore: ReadonlySet<string> = NONE): string[] {
  const out: string[] = [];
  for (const t of textTerms(joinPhrases(text)))
    if (!QUESTION_WORDS.has(t) && !ignore.has(t) && !out.includes(t)) out.push(t);
  return out;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * What a question asks about, beyond its topic: where, when, how long, what is required, what it costs, who, which
 * schedule. An entry that does not speak of the asked aspect does not answer the question ("berapa lama validasi
 * bphtb" is not answered by the BPHTB requirements).
 */
export const ASPECTS: ReadonlySet<string> = new Set([
  'dimana',
  'kapan',
  'durasi',
  'syarat',
  'biaya',
  'siapa',
  'jadwal',
  'jumlah',
  'beda',
]);
