// Checks every document a write would send against its collection's schema (schemas.ts) before the first byte goes
// to the server, so a record that does not fit is refused whole with one clear error and nothing of the write is
// stored, whatever the write path (a transaction, an update that mongoose would not validate by itself).
import mongoose from 'mongoose';
import { InvalidRecordError } from './write-errors.js';

/** Any model of the store (its constructor takes the document to check). */
export type CheckedModel = new (doc: never) => { validate(): Promise<unknown> };

/** Validates `doc` as a document of `model`; throws InvalidRecordError naming `what` and the fields at fault. */
export async function validateDoc(model: CheckedModel, doc: object, what: string): Promise<void> {
  let err: unknown;
  try {
    await new model(doc as never).validate();
    return;
  } catch (e) {
    err = e;
  }
  throw refusal(err, what);
}

/** The store's error for a mongoose validation (or strict-mode) error. */
export function refusal(err: unknown, what: string): Error {
  if (err instanceof mongoose.Error.ValidationError) {
    const fields = Object.keys(err.errors);
    const detail = Object.entries(err.errors)
      .map(([path, e]) => `${path}: ${e.message.replace(/\.$/, '')}`)
      .join('; ');
    return new InvalidRecordError(what, fields, detail);
  }
  if (err instanceof mongoose.Error.StrictModeError) {
    return new InvalidRecordError(what, [err.path], err.message);
  }
  return err instanceof Error ? err : new Error(String(err));
}
