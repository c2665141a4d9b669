// Which MongoDB migrations a start runs (src/store/mongo/migration-plan.ts), decided without a server: the steps
// after the recorded version, in order; none when up to date; a database newer than the code is refused by name.
import { describe, expect, it } from 'vitest';
import { planMigrations, SchemaTooNewError } from '../../src/store/mongo/migration-plan.js';
import { MONGO_STEPS } from '../../src/store/mongo/migrations.js';

const steps = [
  { version: 1, name: 'indexes' },
  { version: 2, name: 'typed records' },
  { version: 3, name: 'repeat index' },
];

describe('planning the MongoDB schema migrations', () => {
  it('runs every step on a new (or pre-migration) database, in order', () => {
    expect(planMigrations(0, steps).map((s) => s.version)).toEqual([1, 2, 3]);
  });

  it('runs only the steps after the recorded version', () => {
    expect(planMigrations(1, steps).map((s) => s.name)).toEqual(['typed records', 'repeat index']);
    expect(planMigrations(2, steps).map((s) => s.version)).toEqual([3]);
  });

  it('runs nothing on a database at the newest version', () => {
    expect(planMigrations(3, steps)).toEqual([]);
  });

  it('refuses a database newer than the code, naming both versions', () => {
    expect(() => planMigrations(5, steps)).toThrow(SchemaTooNewError);
    expect(() => planMigrations(5, steps)).toThrow(
      /^MONGODB_URI: the database's schema is version 5, newer than this Aduan knows \(version 3\)\./,
    );
  });

  it('refuses a step list with a gap or out of order, and a recorded version that is not a count', () => {
    expect(() => planMigrations(0, [steps[0]!, steps[2]!])).toThrow(/step 2 is numbered 3/);
    expect(() => planMigrations(-1, steps)).toThrow(/not valid/);
    expect(() => planMigrations(1.5, steps)).toThrow(/not valid/);
  });

  it("the store's own step list is numbered 1, 2, 3… with a name for each", () => {
    expect(MONGO_STEPS.map((s) => s.version)).toEqual(MONGO_STEPS.map((_, i) => i + 1));
    for (const s of MONGO_STEPS) expect(s.name.length).toBeGreaterThan(5);
    expect(planMigrations(0, MONGO_STEPS)).toHaveLength(MONGO_STEPS.length);
  });
});
