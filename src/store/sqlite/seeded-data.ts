// `aduan seed`'s view of a SQLite store: real cases are those without the `seeded` mark; removing seeded data
// deletes only marked cases and their events, in batches (a million seeded cases do not make one huge transaction).
import type Database from 'better-sqlite3';
import type { SeededData } from '../port.js';

export function sqliteSeededData(db: Database.Database): SeededData {
  const real = db.prepare("SELECT COUNT(*) AS n FROM cases WHERE json_extract(doc, '$.seeded') IS NOT 1");
  const batch = db.prepare("SELECT ticket FROM cases WHERE json_extract(doc, '$.seeded') IS 1 LIMIT 2000");
  const dropEvents = db.prepare('DELETE FROM case_events WHERE ticket IN (SELECT value FROM json_each(?))');
  const dropCases = db.prepare('DELETE FROM cases WHERE ticket IN (SELECT value FROM json_each(?))');
  const removeBatch = db.transaction((tickets: string[]) => {
    const json = JSON.stringify(tickets);
    return { events: dropEvents.run(json).changes, cases: dropCases.run(json).changes };
  });
  return {
    async countRealCases() {
      return (real.get() as { n: number }).n;
    },
    async removeSeeded() {
      const total = { cases: 0, events: 0 };
      for (;;) {
        const tickets = (batch.all() as Array<{ ticket: string }>).map((r) => r.ticket);
        if (tickets.length === 0) return total;
        const r = removeBatch.immediate(tickets);
        total.cases += r.cases;
        total.events += r.events;
      }
    },
  };
}
