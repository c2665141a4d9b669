// `aduan nlp train [--with-corrections] [--out FILE]` trains the text model (dialogue acts, family, integrity) and
// writes the versioned model file (default nlp/model/aduan-model-v2.json); with --with-corrections it adds the
// staff's re-labelled messages from the store. `aduan nlp eval [--model FILE] [--no-baselines] [--logistic-sample N]`
// prints per-act and per-family precision, recall and F1, reliability tables and calibration error, integrity
// precision and recall, and the comparison with natural's classifiers.
import type { Io } from '../main.js';
import { parseArgs } from '../bootstrap.js';
import { trainTextModel, DEFAULT_MODEL_PATH } from '../../../nlp/train.js';
import { runEvaluation } from '../../../nlp/eval/run-eval.js';
import type { Correction } from '../../../nlp/data/training-set.js';

const USAGE = `Usage: aduan nlp train [--with-corrections] [--out FILE]
       aduan nlp eval [--model FILE] [--no-baselines] [--logistic-sample N]
`;

async function loadCorrections(io: Io): Promise<Correction[]> {
  const { openStoreFromEnv } = await import('../../store/open.js');
  const store = await openStoreFromEnv();
  try {
    const corrections = await store.listCorrections();
    io.stdout.write(`staff corrections from the store: ${corrections.length}\n`);
    return corrections;
  } finally {
    await store.close();
  }
}

/** Dispatches `nlp train` and `nlp eval`; returns the exit code. */
export default async function run(argv: string[], io: Io): Promise<number> {
  const { flags, positional } = parseArgs(argv);
  const [sub] = positional;
  const print = (line: string): void => {
    io.stdout.write(`${line}\n`);
  };
  if (sub === 'train') {
    const corrections = flags['with-corrections'] === true ? await loadCorrections(io) : [];
    const outPath = typeof flags.out === 'string' ? flags.out : DEFAULT_MODEL_PATH;
    const result = trainTextModel({ corrections, outPath, log: print });
    print(`wrote ${outPath}`);
    print(`model version ${result.model.version}`);
    print(`training time ${result.stats.seconds.toFixed(1)} s`);
    return 0;
  }
  if (sub === 'eval') {
    const sample = typeof flags['logistic-sample'] === 'string' ? Number(flags['logistic-sample']) : undefined;
    if (sample !== undefined && (!Number.isInteger(sample) || sample < 30)) {
      io.stderr.write('--logistic-sample must be a whole number of at least 30\n');
      return 2;
    }
    runEvaluation({
      ...(typeof flags.model === 'string' ? { modelPath: flags.model } : {}),
      baselines: flags['no-baselines'] !== true,
      ...(sample !== undefined ? { logisticSample: sample } : {}),
      print,
    });
    return 0;
  }
  io.stderr.write(USAGE);
  return sub === undefined || sub === 'help' || flags.help ? 0 : 2;
}
