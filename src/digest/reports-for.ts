// Finds the ReportStore of the configured store: SQLite reports read the same file through its raw handle;
// MongoDB reports need the store's mongoose connection, which the composition root hands over with useReports().
import type { ReportStore } from '../store/reports.js';
import type { Store } from '../store/port.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { SqliteReports } from '../store/sqlite/sqlite-reports.js';

const bound = new WeakMap<Store, ReportStore>();

/** Binds reports to a store (MongoDB: `useReports(store, mongoReports(connection))`). */
export function useReports(store: Store, reports: ReportStore): void {
  bound.set(store, reports);
}

/** The reports over `store`; throws for a store no reports were bound to. */
export function reportsFor(store: Store): ReportStore {
  let r = bound.get(store);
  if (r) return r;
  if (store instanceof SqliteStore) {
    r = new SqliteReports(store.database);
    bound.set(store, r);
    return r;
  }
  throw new Error(
    `No reports for the ${store.kind} store: bind them at start-up with useReports(store, mongoReports(connection)).`,
  );
}
