// What the unique indexes' refusals mean to the store: a conflict for inserts, "someone else got there" for upserts.
import { ConflictError } from '../port.js';

/** E11000: a unique index refused the write (also inside a bulk write error). */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: unknown; writeErrors?: unknown } | null;
  if (e?.code === 11000 || e?.code === 11001) return true;
  return Array.isArray(e?.writeErrors) && e.writeErrors.some((w: { code?: unknown } | null) => w?.code === 11000);
}

/** Runs an insert; an existing key (a ticket, a conversation) becomes a ConflictError like a stale version does. */
export async function insertOrConflict(what: string, insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (err) {
    if (isDuplicateKey(err)) throw new ConflictError(what);
    throw err;
  }
}

/**
 * Runs an upsert once more if it lost an insert race: two upserts of a new key may both try to insert, and the
 * loser (refused by the unique index) then finds the winner's document and updates it.
 */
export async function retryOnDuplicate<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return upsert();
  }
}

/**
 * A record the store's schema refuses (a missing ticket, an unknown stage, a number where text belongs): thrown
 * before anything of the write is sent, so nothing of it is stored. Names the record and every field at fault.
 */
export class InvalidRecordError extends Error {
  constructor(
    readonly record: string,
    readonly fields: string[],
    detail: string,
  ) {
    super(`MongoDB store refused ${record}: ${detail}. Nothing of this write was stored.`);
    this.name = 'InvalidRecordError';
  }
}
