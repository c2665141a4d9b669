// Where the shipped model lives. The file name carries the format generation; the `version` inside it changes
// with every retrain and is what Classification.modelVersion reports.
import { fileURLToPath } from 'node:url';

/** Default model file, committed to the repository and loaded at start-up. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('./aduan-model-v2.json', import.meta.url));

/** Name part of every model version string; bump when features or format change incompatibly. */
export const MODEL_NAME = 'aduan-text-v2';
