// `aduan seed`'s view of a MongoDB store (see src/store/sqlite/seeded-data.ts): the `seeded` mark inside each case
// document, removal in batches of tickets.
import type { Connection } from 'mongoose';
import type { SeededData } from '../port.js';

export function mongoSeededData(conn: Connection): SeededData {
  const db = () => {
    if (!conn.db) throw new Error('MongoDB connection is not open');
    return conn.db;
  };
  return {
    async countRealCases() {
      return db()
        .collection('cases')
        .countDocuments({ 'doc.seeded': { $ne: true } });
    },
    async removeSeeded() {
      const total = { cases: 0, events: 0 };
      for (;;) {
        const tickets = (
          await db()
            .collection<{ ticket: string }>('cases')
            .find({ 'doc.seeded': true }, { projection: { ticket: 1 } })
            .limit(2000)
            .toArray()
        ).map((d) => d.ticket);
        if (tickets.length === 0) return total;
        total.events += (
          await db()
            .collection('case_events')
            .deleteMany({ ticket: { $in: tickets } })
        ).deletedCount;
        total.cases += (
          await db()
            .collection('cases')
            .deleteMany({ ticket: { $in: tickets } })
        ).deletedCount;
      }
    },
  };
}
