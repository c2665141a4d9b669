// Reads one citizen turn (issue 9): the dialogue act with calibrated confidence, the SOP family `classify` reports,
// integrity, sarcasm and mixed messages, language and slots. One pass of the shared linear model scores every head;
// the last text's reading is kept, because the core classifies, understands and routes the same message in a row.
import {
  DIALOGUE_ACTS,
  MESSAGE_LABELS,
  familyOf,
  type Classification,
  type DialogueAct,
  type MessageLabel,
  type Slots,
  type TurnContext,
  type Understanding,
} from '../types.js';
import { prepareText, prepareUncached, type PreparedText } from '../text/prepare.js';
import { PLACEHOLDER_WORDS } from '../text/placeholders.js';
import { createFastScorer } from '../model/fast-scorer.js';
import { calibrated, headLogits, headOf, lengthBand, remapTop, tempered, type LinearModel } from '../model/linear.js';
import { createIntegrityMatcher, CORE_INTEGRITY_KEYWORDS } from '../routing/integrity.js';
import { inContext } from './context.js';
import { saysResolved } from './handling.js';
import { detectLanguage } from './language.js';
import { hasPraiseCue, looksIronic, splitAtContrast } from './tone.js';

/** Confidence reported when a message has nothing to read (empty, digits only, other scripts, garbage). */
export const NO_EVIDENCE_CONFIDENCE = 0.34;
/** Upper bound on the confidence of a message made only of emoji, links, numbers or unknown words. */
export const WEAK_EVIDENCE_CAP = 0.5;
/** A side of a mixed message counts as praise, or as a grievance, at this probability. */
export const MIXED_SIDE_PROBABILITY = 0.5;
/**
 * Messages up to this many words are read as chat: praise joined to a grievance makes a complaint. A longer text (a
 * letter, a review) is read as a whole by the model, which has seen long mixed texts labelled either way. On the
 * development data 15 to 20 words did best (the project's mixed messages have 7 to 15); 20 leaves room.
 */
export const MIXED_MAX_WORDS = 20;

type Evidence = 'none' | 'weak' | 'ok';

/** What the text alone says, before the conversation's context. */
interface Reading {
  prepared: PreparedText;
  /** Calibrated act probabilities (after the low-evidence cap and the mixed-message rule). */
  act: Float64Array;
  /** How much of the text the model knows: nothing, little, or enough. */
  evidence: Evidence;
  integrity: number;
  flags: string[];
  praise?: string;
}

/** Integrity of one message: the model's probability and whether the flag is raised. */
export interface IntegrityReading {
  probability: number;
  flagged: boolean;
}

/** The model-backed reader behind TextUnderstanding.classify / understand and the router's integrity flag. */
export interface TextReader {
  readonly modelVersion: string;
  classify(text: string): Classification;
  understand(text: string, context?: TurnContext): Understanding;
  /** The integrity reading of already-prepared text (the router raises exactly this flag). */
  integrityOf(p: PreparedText): IntegrityReading;
  /** Calibrated probability of each act for the text alone (evaluation, tests). */
  actScores(text: string): Record<DialogueAct, number>;
}

/** Options of createTextReader. */
export interface ReaderOptions {
  /** An agency's own integrity keywords: one of them in a complaint raises the flag whatever the model says. */
  integrityKeywords?: readonly string[];
  /** Slot extraction; the default finds ticket numbers only. */
  slots?: (text: string) => Slots;
}

const TICKET = /\bADU[-\s]?([0-9A-Z]{4})[-\s]?([0-9A-Z]{4})\b/gi;

/** Ticket numbers named in a text, normalised: the slots read until the slot extractor is wired in. */
export function ticketSlots(text: string): Slots {
  const tickets = [...new Set([...text.matchAll(TICKET)].map((m) => `ADU-${m[1]}-${m[2]}`.toUpperCase()))];
  return { tickets, objectNumbers: [], amounts: [] };
}

/** Shrinks a distribution toward uniform until its largest value is at most `cap` (order kept, sum 1). */
function capConfidence(p: Float64Array, cap: number): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < p.length; k++) if ((p[k] ?? 0) > max) max = p[k] ?? 0;
  if (max <= cap) return p;
  const u = 1 / p.length;
  // A hair under the exact factor, so rounding never leaves the largest value above the cap.
  const lambda = ((cap - u) / (max - u)) * (1 - 1e-9);
  return p.map((v) => lambda * v + (1 - lambda) * u);
}

const FAMILY_INDEX = DIALOGUE_ACTS.map((a) => MESSAGE_LABELS.indexOf(familyOf(a)));

/**
 * Act probabilities rescaled so that each family's acts sum to a mix of the act head's family total and the family
 * head's probability (in MESSAGE_LABELS order; `weight` is the family head's share); within a family the acts keep
 * their proportions.
 */
export function matchFamilies(act: Float64Array, family: Float64Array, weight = 0.5): Float64Array {
  const sums = [0, 0, 0];
  act.forEach((v, k) => (sums[FAMILY_INDEX[k] ?? 2] = (sums[FAMILY_INDEX[k] ?? 2] ?? 0) + v));
  return act.map((v, k) => {
    const f = FAMILY_INDEX[k] ?? 2;
    const target = (1 - weight) * (sums[f] ?? 0) + weight * (family[f] ?? 0);
    return (sums[f] ?? 0) > 0 ? (v * target) / (sums[f] ?? 1) : 0;
  });
}

/** The distribution with `act` made the most likely (its probability raised to just above the largest other). */
function towards(p: Float64Array, act: DialogueAct): Float64Array {
  const k = DIALOGUE_ACTS.indexOf(act);
  const out = Float64Array.from(p);
  let other = 0;
  out.forEach((v, i) => (other = i === k ? other : Math.max(other, v)));
  out[k] = Math.max(out[k] ?? 0, other * 1.5);
  const sum = out.reduce((a, b) => a + b, 0);
  return out.map((v) => v / sum);
}

/** The distribution restricted to acts of the statement family, renormalised. */
function onlyStatements(p: Float64Array): Float64Array {
  const out = p.map((v, k) => (familyOf(DIALOGUE_ACTS[k] ?? 'statement') === 'statement' ? v : 0));
  const sum = out.reduce((a, b) => a + b, 0) || 1;
  return out.map((v) => v / sum);
}

function argmax(p: Float64Array): number {
  let best = 0;
  for (let k = 1; k < p.length; k++) if ((p[k] ?? 0) > (p[best] ?? 0)) best = k;
  return best;
}

function familyScores(act: Float64Array): Record<MessageLabel, number> {
  const out: Record<MessageLabel, number> = { complaint: 0, praise: 0, statement: 0 };
  DIALOGUE_ACTS.forEach((a, k) => (out[familyOf(a)] += act[k] ?? 0));
  return out;
}

// Every act with 0, in DIALOGUE_ACTS order: copied per turn, so each record has the same keys in the same order.
const ACT_RECORD = Object.fromEntries(DIALOGUE_ACTS.map((a) => [a, 0])) as Record<DialogueAct, number>;

function asRecord(p: Float64Array): Record<DialogueAct, number> {
  const out = { ...ACT_RECORD };
  for (let k = 0; k < DIALOGUE_ACTS.length; k++) out[DIALOGUE_ACTS[k] as DialogueAct] = p[k] ?? 0;
  return out;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const GRIEVANCE_ACTS: ReadonlySet<DialogueAct> = new Set(['complaint', 'dissatisfied']);

/**
 * The calibrated act probabilities of one message from its logits. The SOP family is read two ways, by the family
 * head and by summing the act head over each family's acts; their mean is the family distribution, the act
 * probabilities are rescaled within each family to match it (so the most likely act and the family agree), and the
 * model's output temperature calibrates the result.
 */
export function combinedActs(model: LinearModel, logits: Float64Array, band: number): Float64Array {
  const actHead = headOf(model, 'act');
  let act = calibrated(actHead, headLogits(actHead, logits), band);
  const familyHead = model.heads.find((h) => h.name === 'family');
  if (familyHead) {
    const family = calibrated(familyHead, headLogits(familyHead, logits), band);
    act = matchFamilies(act, family);
  }
  return tempered(act, model.output, band);
}

/** The calibrated act probabilities and integrity probability of one message, computed from its logits. */
export type ActCombiner = (logits: Float64Array, band: number) => { act: Float64Array; integrity: number };

/**
 * combinedActs and the integrity head's calibrated probability for one model, on the per-turn path: the same
 * arithmetic in the same order (so the same numbers, bit for bit), without the intermediate arrays, slices and
 * head look-ups. test/nlp/fast-path.test.ts holds it to combinedActs.
 */
export function createActCombiner(model: LinearModel): ActCombiner {
  const actHead = headOf(model, 'act');
  const familyHead = model.heads.find((h) => h.name === 'family');
  const integrityHead = headOf(model, 'integrity');
  const nAct = actHead.labels.length;
  const nFamily = familyHead?.labels.length ?? 0;
  const family = new Float64Array(nFamily);
  const sums = new Float64Array(3);
  const familyIndex = Int32Array.from(FAMILY_INDEX, (f) => f);

  /** calibrated(head, headLogits(head, logits), band) into `out`. */
  function calibrateInto(head: typeof actHead, logits: Float64Array, band: number, out: Float64Array): void {
    const T = head.calibration.temperatures[band] ?? head.calibration.temperatures[0] ?? 1;
    const offsets = head.calibration.offsets;
    const n = out.length;
    let max = -Infinity;
    for (let k = 0; k < n; k++) {
      const v = (logits[head.offset + k] ?? 0) / T + (offsets[k] ?? 0);
      out[k] = v;
      if (v > max) max = v;
    }
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const e = Math.exp((out[k] ?? 0) - max);
      out[k] = e;
      sum += e;
    }
    for (let k = 0; k < n; k++) out[k] = (out[k] ?? 0) / sum;
  }

  const integrityOut = new Float64Array(integrityHead.labels.length);
  return (logits, band) => {
    const act = new Float64Array(nAct);
    calibrateInto(actHead, logits, band, act);
    if (familyHead) {
      calibrateInto(familyHead, logits, band, family);
      // matchFamilies with weight 0.5
      sums[0] = 0;
      sums[1] = 0;
      sums[2] = 0;
      for (let k = 0; k < nAct; k++) {
        const f = familyIndex[k] ?? 2;
        sums[f] = (sums[f] ?? 0) + (act[k] ?? 0);
      }
      for (let k = 0; k < nAct; k++) {
        const f = familyIndex[k] ?? 2;
        const sf = sums[f] ?? 0;
        const target = (1 - 0.5) * sf + 0.5 * (family[f] ?? 0);
        act[k] = sf > 0 ? ((act[k] ?? 0) * target) / (sums[f] ?? 1) : 0;
      }
    }
    // tempered(act, model.output, band), in place
    const out = model.output;
    const T = out?.temperatures[band] ?? out?.temperatures[0] ?? 1;
    if (T !== 1) {
      let sum = 0;
      for (let k = 0; k < nAct; k++) {
        const v = Math.pow(Math.max(act[k] ?? 0, 1e-300), 1 / T);
        act[k] = v;
        sum += v;
      }
      sum = sum || 1;
      for (let k = 0; k < nAct; k++) act[k] = (act[k] ?? 0) / sum;
    }
    // and tempered()'s confidence map of the band, when the model has one (nlp-model: isotonic output calibration)
    const map = out?.maps?.[band];
    calibrateInto(integrityHead, logits, band, integrityOut);
    return { act: map ? remapTop(act, map) : act, integrity: integrityOut[1] ?? 0 };
  };
}

/** Builds the reader for a loaded model. */
export function createTextReader(model: LinearModel, opts: ReaderOptions = {}): TextReader {
  const score = createFastScorer(model);
  const combine = createActCombiner(model);
  const integrityHead = headOf(model, 'integrity');
  const threshold = integrityHead.threshold ?? 0.5;
  const core = new Set(CORE_INTEGRITY_KEYWORDS.map((k) => k.toLowerCase()));
  const own = (opts.integrityKeywords ?? []).filter((k) => !core.has(k.toLowerCase().trim()));
  const agencyMatcher = own.length ? createIntegrityMatcher(own) : undefined;
  const slotsOf = opts.slots ?? ticketSlots;

  /** Act probabilities and integrity probability of prepared text, from the model alone. */
  function scoreText(p: PreparedText): { act: Float64Array; integrity: number; evidence: Evidence } {
    const scored = score(p);
    const band = lengthBand(p.words.length);
    const combined = combine(scored.logits, band);
    let act = combined.act;
    const hasEmoji = p.words.some((w) => w.startsWith('emo'));
    let evidence: Evidence = 'ok';
    if (scored.known === 0 && !hasEmoji) {
      // Nothing readable: not a grievance or praise we could act on, and said with low confidence. Letters the
      // model cannot read (gibberish, another script) are unrelated; bare marks ("-", "...") it may read itself.
      evidence = 'none';
      act = onlyStatements(act);
      if (p.words.some((w) => /[a-z]/.test(w) && !PLACEHOLDER_WORDS.has(w) && w !== 'num'))
        act = towards(act, 'unrelated');
      act = capConfidence(act, NO_EVIDENCE_CONFIDENCE);
    } else if (scored.known === 0 || scored.known < 0.3 * scored.evidence) {
      evidence = 'weak';
      act = capConfidence(act, WEAK_EVIDENCE_CAP);
    }
    return { act, integrity: combined.integrity, evidence };
  }

  function integrityReading(p: PreparedText, act: Float64Array, probability: number): IntegrityReading {
    if (probability >= threshold) return { probability, flagged: true };
    const complaint = familyScores(act).complaint;
    if (agencyMatcher && complaint >= 0.5 && agencyMatcher.find(p.words) !== undefined) {
      return { probability: threshold, flagged: true };
    }
    return { probability, flagged: false };
  }

  let lastText: unknown;
  let lastReading: Reading | undefined;

  function read(text: string): Reading {
    if (lastReading && text === lastText) return lastReading;
    const prepared = prepareText(text);
    const base = scoreText(prepared);
    let act = base.act;
    const flags: string[] = [];
    let praise: string | undefined;
    const best = DIALOGUE_ACTS[argmax(act)] ?? 'statement';
    if (best === 'complaint' || best === 'dissatisfied' || best === 'praise') {
      // A compliment joined to a grievance: the message is the grievance, the compliment is passed on.
      const sides = prepared.words.length <= MIXED_MAX_WORDS ? splitAtContrast(text) : undefined;
      if (sides) {
        // Not through prepareText's cache: the whole message stays there for route() right after.
        const left = scoreText(prepareUncached(sides.left)).act;
        const right = scoreText(prepareUncached(sides.right)).act;
        const praiseAt = DIALOGUE_ACTS.indexOf('praise');
        const grievance = (p: Float64Array): number =>
          (p[DIALOGUE_ACTS.indexOf('complaint')] ?? 0) + (p[DIALOGUE_ACTS.indexOf('dissatisfied')] ?? 0);
        for (const [good, bad, goodText] of [
          [left, right, sides.left],
          [right, left, sides.right],
        ] as const) {
          if ((good[praiseAt] ?? 0) >= MIXED_SIDE_PROBABILITY && grievance(bad) >= MIXED_SIDE_PROBABILITY) {
            if (looksIronic(goodText)) break;
            act = bad;
            praise = goodText.trim();
            flags.push('mixed');
            break;
          }
        }
      }
    }
    const finalAct = DIALOGUE_ACTS[argmax(act)] ?? 'statement';
    // A grievance that praises (outside a mixed message) praises ironically.
    if (!praise && GRIEVANCE_ACTS.has(finalAct) && hasPraiseCue(prepared)) flags.push('sarcasm');
    const integrity = integrityReading(prepared, act, base.integrity);
    if (integrity.flagged) flags.unshift('integrity');
    const reading: Reading = {
      prepared,
      act,
      evidence: base.evidence,
      integrity: integrity.probability,
      flags,
      ...(praise !== undefined ? { praise } : {}),
    };
    lastText = text;
    lastReading = reading;
    return reading;
  }

  function classifyReading(r: Reading): Classification {
    const label = familyOf(DIALOGUE_ACTS[argmax(r.act)] ?? 'statement');
    const cap = r.evidence === 'none' ? NO_EVIDENCE_CONFIDENCE : r.evidence === 'weak' ? WEAK_EVIDENCE_CAP : 1;
    // The family sums (familyScores) in MESSAGE_LABELS order, then tempered: the same additions in the same order.
    const family = new Float64Array(MESSAGE_LABELS.length);
    for (let k = 0; k < r.act.length; k++) {
      const f = FAMILY_INDEX[k] ?? 2;
      family[f] = (family[f] ?? 0) + (r.act[k] ?? 0);
    }
    const vector = tempered(family, model.familyOutput, lengthBand(r.prepared.words.length));
    const capped = capConfidence(vector, cap);
    const scores = { complaint: capped[0] ?? 0, praise: capped[1] ?? 0, statement: capped[2] ?? 0 };
    return { label, confidence: scores[label], modelVersion: model.version, scores };
  }

  return {
    modelVersion: model.version,
    classify(text) {
      return classifyReading(read(typeof text === 'string' ? text : ''));
    },
    understand(text, context) {
      const t = typeof text === 'string' ? text : '';
      const r = read(t);
      // Without a context inContext returns a copy of the reading's act probabilities: read them as they are.
      const act = context ? inContext(r.act, context, context.expecting !== undefined && saysResolved(t)) : r.act;
      const best = argmax(act);
      return {
        act: DIALOGUE_ACTS[best] ?? 'statement',
        confidence: act[best] ?? 0,
        scores: asRecord(act),
        classification: classifyReading(r),
        slots: slotsOf(t),
        flags: [...r.flags],
        integrity: r.integrity,
        ...(r.praise !== undefined ? { praise: r.praise } : {}),
        language: detectLanguage(t),
      };
    },
    integrityOf(p) {
      if (lastReading && sameWords(lastReading.prepared.words, p.words)) {
        return { probability: lastReading.integrity, flagged: lastReading.flags.includes('integrity') };
      }
      const s = scoreText(p);
      return integrityReading(p, s.act, s.integrity);
    },
    actScores(text) {
      return asRecord(read(text).act);
    },
  };
}
