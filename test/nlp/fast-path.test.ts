// The per-turn fast paths of nlp/ (issue 9's speed target) give exactly what the plain readings give: the same
// act, family and integrity numbers, the same division, topic and keywords, over thousands of varied texts (the act
// corpus, the dialogue turns, the slot sets, fresh generated turns, personal data, emoji, other scripts, junk). The
// plain readings are the code before it was optimised (test/support/nlp-reference.ts) or the path training uses
// (extractFeatures + logits, combinedActs); a fast path that drifts by a rounding step fails here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agencySchema, type Agency } from '../../src/domain/agency.js';
import { loadModel } from '../../nlp/model/serialize.js';
import { DEFAULT_MODEL_PATH } from '../../nlp/model/paths.js';
import { createFastScorer } from '../../nlp/model/fast-scorer.js';
import { calibrated, headLogits, headOf, lengthBand, logits } from '../../nlp/model/linear.js';
import { extractFeatures } from '../../nlp/features/extract.js';
import { cleanText, prepareText, prepareUncached, tokenize } from '../../nlp/text/prepare.js';
import { detectLanguage } from '../../nlp/understand/language.js';
import { combinedActs, createActCombiner } from '../../nlp/understand/reader.js';
import { createRouter } from '../../nlp/routing/router.js';
import { placeTokens } from '../../nlp/slots/place.js';
import { findObjectNumbers } from '../../nlp/slots/object-numbers.js';
import { normaliseForSlots } from '../../nlp/slots/normalise.js';
import { createIntegrityMatcher } from '../../nlp/routing/integrity.js';
import { equivalenceTexts } from '../support/nlp-texts.js';
import {
  referenceCleanText,
  referenceIntegrityMatcher,
  referenceObjectNumbers,
  referencePlaceTokens,
  referencePrepare,
  referenceRouter,
  referenceTokenize,
} from '../support/nlp-reference.js';

const model = loadModel(DEFAULT_MODEL_PATH);
const texts = equivalenceTexts();

function agency(file: string): Agency {
  const path = fileURLToPath(new URL(`../../src/config/agencies/${file}`, import.meta.url));
  return agencySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The first few texts on which `same` fails, with what each side gave. */
function differences<T>(fast: (t: string) => T, plain: (t: string) => T, same: (a: T, b: T) => boolean) {
  const out: Array<{ text: string; fast: T; plain: T }> = [];
  for (const text of texts) {
    const a = fast(text);
    const b = plain(text);
    if (!same(a, b) && out.length < 5) out.push({ text, fast: a, plain: b });
  }
  return out;
}

const sameArray = (a: ArrayLike<number>, b: ArrayLike<number>): boolean =>
  a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

describe('the per-turn fast paths', () => {
  it('runs over a large and varied text set', () => {
    expect(texts.length).toBeGreaterThan(12_000);
    expect(new Set(texts).size).toBeGreaterThan(11_000);
  });

  it("tokenizes every text as natural's Indonesian tokenizer does, lowercased or not", () => {
    const same = (a: string[], b: string[]): boolean => a.join('\u0001') === b.join('\u0001') && a.length === b.length;
    expect(differences(tokenize, referenceTokenize, same)).toEqual([]);
    expect(
      differences(
        (t) => tokenize(t.toLowerCase()),
        (t) => referenceTokenize(t.toLowerCase()),
        same,
      ),
    ).toEqual([]);
  });

  it('cleans every text as before, links and all', () => {
    const same = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);
    expect(differences(cleanText, referenceCleanText, same)).toEqual([]);
    const links = (t: string): string =>
      `${t} cek www.bapenda.padang.go.id. atau https://e-pbb.id/x. pajak.com. sppt.net/a.b.c Mail.ORG ok.Id`;
    expect(
      differences(
        (t) => cleanText(links(t)),
        (t) => referenceCleanText(links(t)),
        same,
      ),
    ).toEqual([]);
  });

  it('prepares every text into the words and clauses of splitting at clause marks and tokenizing each part', () => {
    const same = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);
    expect(differences(prepareUncached, referencePrepare, same)).toEqual([]);
  });

  it('tells the language of a text the same whether its apostrophes are curly, backticks or straight', () => {
    // detectLanguage no longer straightens them first: natural's tokens never held an apostrophe of any kind.
    const straight = (t: string): 'id' | 'en' => detectLanguage(t.replace(/[’`]/g, "'"));
    expect(differences(detectLanguage, straight, (a, b) => a === b)).toEqual([]);
    expect(texts.filter((t) => /[’`']/.test(t) && detectLanguage(t) === 'en').length).toBeGreaterThan(5);
  });

  it('finds the same integrity keyword in every text as the plain phrase scan', () => {
    const own = ['uang rokok', 'setoran', 'pelicin'];
    const fast = createIntegrityMatcher(own);
    const plain = referenceIntegrityMatcher(own);
    const found = (m: typeof fast) => (t: string) => m.find(prepareText(t).words);
    expect(differences(found(fast), found(plain), (a, b) => a === b)).toEqual([]);
    expect(texts.filter((t) => fast.find(prepareText(t).words) !== undefined).length).toBeGreaterThan(100);
  });

  it('splits every text into the words, offsets and clause ends the place patterns read, as the regular expressions did', () => {
    const same = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);
    const slotText = (t: string): string => normaliseForSlots(t);
    expect(
      differences(
        (t) => placeTokens(slotText(t)),
        (t) => referencePlaceTokens(slotText(t)),
        same,
      ),
    ).toEqual([]);
    // Raw text too: unusual white space (no-break, ideographic, line separators) and stray punctuation.
    expect(differences(placeTokens, referencePlaceTokens, same)).toEqual([]);
  });

  it('finds the same object numbers in every text as scanning for every pattern does', () => {
    const same = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);
    const slotText = (t: string): string => normaliseForSlots(t);
    const withNumbers = (t: string): string =>
      `${t} nop 13.71.010.001.002-0123.0 kode bayar 1371010001002012301 no sk 12/3`;
    expect(
      differences(
        (t) => findObjectNumbers(slotText(t), []),
        (t) => referenceObjectNumbers(slotText(t), []),
        same,
      ),
    ).toEqual([]);
    expect(
      differences(
        (t) => findObjectNumbers(withNumbers(t), []),
        (t) => referenceObjectNumbers(withNumbers(t), []),
        same,
      ),
    ).toEqual([]);
  });

  it('scores every text with the logits of the training path (extractFeatures and logits), to 1e-9', () => {
    const score = createFastScorer(model);
    const near = (a: Float64Array, b: Float64Array): boolean =>
      a.length === b.length && a.every((v, i) => Math.abs(v - (b[i] ?? NaN)) <= 1e-9);
    expect(
      differences(
        (t) => score(prepareText(t)).logits,
        (t) => logits(model, extractFeatures(prepareText(t), model.features)),
        near,
      ),
    ).toEqual([]);
  });

  it('turns logits into act and integrity probabilities exactly as combinedActs and the integrity head do', () => {
    const score = createFastScorer(model);
    const combine = createActCombiner(model);
    const integrity = headOf(model, 'integrity');
    const read = (fast: boolean) => (t: string) => {
      const p = prepareText(t);
      const z = score(p).logits;
      const band = lengthBand(p.words.length);
      if (fast) {
        const c = combine(z, band);
        return [...c.act, c.integrity];
      }
      return [...combinedActs(model, z, band), calibrated(integrity, headLogits(integrity, z), band)[1] ?? NaN];
    };
    expect(differences(read(true), read(false), sameArray)).toEqual([]);
  });

  it.each(['bapenda-kota-padang.json', 'dprd-kota-yogyakarta.json'])(
    'routes every text for %s as a TF-IDF map per division and a keyword scan do, to the last bit',
    (file) => {
      const a = agency(file);
      const router = createRouter(a, { integrity: () => false });
      const plain = referenceRouter(a);
      const fast = (t: string) => {
        const { flags: _flags, ...rest } = router.routePrepared(prepareText(t));
        return rest;
      };
      const same = (x: object, y: object): boolean => JSON.stringify(x) === JSON.stringify(y);
      expect(differences(fast, (t) => plain(prepareText(t)), same)).toEqual([]);
    },
  );
});
