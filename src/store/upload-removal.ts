// Removing citizens' uploaded files (src/store/uploads.ts) when their data is erased: the files are deleted, not
// moved, and a file already gone counts as removed.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

const ID = /^[a-f0-9]{32}$/;

/** Deletes the uploads with these ids under `dataDir`; returns how many files were there. Other names are ignored. */
export async function removeUploads(dataDir: string, ids: string[]): Promise<number> {
  let removed = 0;
  for (const id of ids) {
    if (!ID.test(id)) continue;
    try {
      await rm(join(dataDir, 'uploads', id));
      removed++;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return removed;
}
