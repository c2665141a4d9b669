// How the conversation shifts the reading of a turn (TurnContext): "ga ada" to "ada foto?" answers the question,
// "👍" to "apakah masalah Anda sudah selesai?" means yes, "saya tidak puas" from someone with no case on record is
// more likely a new grievance. The model reads the text alone; these log-prior shifts are applied to its calibrated
// probabilities and renormalised. The sizes are set by hand (there is no labelled corpus of turns in context) and
// checked by the context examples in test/nlp/understand.test.ts.
import { DIALOGUE_ACTS, type DialogueAct, type TurnContext } from '../types.js';

type Shift = Partial<Record<DialogueAct, number>>;

/** Questions answered with yes or no (closure, follow-up, which case, a clarifying question). */
const YES_NO: ReadonlySet<NonNullable<TurnContext['expecting']>> = new Set([
  'closure',
  'followup',
  'confirm_case',
  'clarify',
]);
/** Questions asking for a detail of the complaint being written. */
const DETAIL: ReadonlySet<NonNullable<TurnContext['expecting']>> = new Set(['where', 'since', 'what', 'photo']);

const YES_NO_SHIFT: Shift = { yes: 1.2, no: 1.2, dissatisfied: 0.4, cancel: 0.3 };
const DETAIL_SHIFT: Shift = { dont_know: 1.0, statement: 0.8, add_info: 0.4, complaint: 0.3, cancel: 0.3 };
const RATING_SHIFT: Shift = { praise: 0.6, dissatisfied: 0.6, yes: 0.4, no: 0.4 };

function shiftOf(context: TurnContext | undefined): Shift | undefined {
  if (!context) return undefined;
  const e = context.expecting;
  const shift: Shift =
    e && YES_NO.has(e)
      ? { ...YES_NO_SHIFT }
      : e && DETAIL.has(e)
        ? { ...DETAIL_SHIFT }
        : e === 'rating'
          ? { ...RATING_SHIFT }
          : {};
  if (context.hasCases === false) shift.dissatisfied = (shift.dissatisfied ?? 0) - 1.5;
  if (context.hasCases === true && !e) shift.dissatisfied = (shift.dissatisfied ?? 0) + 0.3;
  return Object.keys(shift).length ? shift : undefined;
}

/** Moves probability `from` one act `to` another (the text means the other act in this context). */
function move(p: Float64Array, from: DialogueAct, to: DialogueAct): void {
  const f = DIALOGUE_ACTS.indexOf(from);
  const t = DIALOGUE_ACTS.indexOf(to);
  p[t] = (p[t] ?? 0) + (p[f] ?? 0);
  p[f] = 0;
}

/**
 * The act probabilities of a turn in its context (a new array; `p` is left alone). At a yes/no question an
 * acknowledgement ("ok", "👍") answers yes; to a question about a detail a bare "no" means there is none; to "is it
 * solved?" an answer that `resolved` (the problem is gone) means yes.
 */
export function inContext(p: Float64Array, context: TurnContext | undefined, resolved = false): Float64Array {
  const shift = shiftOf(context);
  const out = Float64Array.from(p);
  const e = context?.expecting;
  if (e && YES_NO.has(e)) move(out, 'thanks', 'yes');
  // "Udh ga bocor lagi" to "is it solved?": the grievance words are what is gone.
  if (resolved && (e === 'closure' || e === 'followup'))
    for (const from of ['complaint', 'dissatisfied', 'no', 'cancel', 'dont_know'] as const) move(out, from, 'yes');
  if (e && DETAIL.has(e)) move(out, 'no', 'dont_know');
  if (!shift) return out;
  let sum = 0;
  DIALOGUE_ACTS.forEach((act, k) => {
    out[k] = (out[k] ?? 0) * Math.exp(shift[act] ?? 0);
    sum += out[k] ?? 0;
  });
  for (let k = 0; k < out.length; k++) out[k] = (out[k] ?? 0) / (sum || 1);
  return out;
}
