// `aduan classify [--jsonl] [--agency FILE] [--model FILE] [--unmasked]`: reads one message per line on standard
// input (or JSON lines with a "text" field) and writes one JSON object per line: the family label, its calibrated
// confidence, the division, topic and flags, the dialogue act with its confidence, the slots, and the model version.
// Personal data in the echoed text is masked unless --unmasked is given, because whatever is printed may end up in
// logs.
import { createInterface } from 'node:readline';
import type { Io } from '../main.js';
import { configFromEnv, parseArgs } from '../bootstrap.js';
import { loadAgency } from '../../config/agency.js';
import { loadTextUnderstanding, maskPersonalData } from '../../../nlp/index.js';

const USAGE = `Usage: aduan classify [--jsonl] [--agency FILE] [--model FILE] [--unmasked] < messages
  Reads one message per line (or, with --jsonl, one JSON object with a "text" field per line; an "id" field is
  copied to the output) and writes one JSON object per line:
  {"text","label","confidence","division","divisionConfidence","topic","flags","clarify","act","actConfidence",
  "slots","modelVersion"}. "label" is the family (complaint / praise / statement), "act" what the message does.
  Exit code 1 when some input lines were not valid JSON objects with a text field (they get an "error" line).
`;

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Classifies standard input line by line; returns the exit code (0, 1 for bad input lines, 2 for usage). */
export default async function run(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv);
  if (flags.help || flags.h) {
    io.stdout.write(USAGE);
    return 0;
  }
  const unknown = Object.keys(flags).filter((f) => !['jsonl', 'agency', 'model', 'unmasked'].includes(f));
  if (unknown.length > 0) {
    io.stderr.write(`Unknown option --${unknown[0]}.\n${USAGE}`);
    return 2;
  }
  const agencyPath = typeof flags.agency === 'string' ? flags.agency : configFromEnv().agencyConfigPath;
  const nlp = loadTextUnderstanding({
    agency: loadAgency(agencyPath),
    ...(typeof flags.model === 'string' ? { modelPath: flags.model } : {}),
  });
  const jsonl = flags.jsonl === true;
  const show = flags.unmasked === true ? (t: string): string => t : maskPersonalData;

  let bad = 0;
  let lineNo = 0;
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo++;
    let text: string;
    let id: unknown;
    if (jsonl) {
      if (line.trim() === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = undefined;
      }
      const record = parsed as { text?: unknown; id?: unknown } | undefined;
      if (!record || typeof record !== 'object' || typeof record.text !== 'string') {
        bad++;
        io.stdout.write(
          `${JSON.stringify({ line: lineNo, error: 'expected a JSON object with a string "text" field' })}\n`,
        );
        continue;
      }
      text = record.text;
      id = record.id;
    } else {
      text = line;
    }
    const u = nlp.understand(text);
    const c = u.classification;
    const r = nlp.route(text);
    const out = {
      ...(id !== undefined ? { id } : {}),
      text: show(text),
      label: c.label,
      confidence: round(c.confidence),
      division: r.division,
      divisionConfidence: round(r.confidence),
      topic: r.topic,
      flags: [...new Set([...r.flags, ...u.flags])],
      clarify: c.confidence < nlp.clarifyThreshold,
      act: u.act,
      actConfidence: round(u.confidence),
      slots: {
        ...u.slots,
        ...(u.slots.place !== undefined ? { place: show(u.slots.place) } : {}),
        ...(u.slots.time !== undefined ? { time: show(u.slots.time) } : {}),
      },
      modelVersion: c.modelVersion,
    };
    io.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return bad > 0 ? 1 : 0;
}
