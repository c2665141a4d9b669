// What a copy of the SQLite file would give away: every row of every table as lower-case text, for tests that
// look for personal data in the store.
import Database from 'better-sqlite3';

/** Every row of every table of the SQLite file, as text (what a copy of the file would give away). */
export function dumpSqlite(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    return tables
      .map((t) => `${t.name}\n${JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())}`)
      .join('\n')
      .toLowerCase();
  } finally {
    db.close();
  }
}
