// Which schema migrations a start runs, decided from the version the database records and the steps this code
// knows: pure, so it is tested without a server (the part that talks to MongoDB is migrations.ts).

/** A step as the planner sees it: its version (1, 2, 3… in order) and a name for the record and the logs. */
export interface PlannedStep {
  version: number;
  name: string;
}

/** The database was migrated by a newer Aduan than this one: starting could misread its records. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly stored: number,
    readonly known: number,
  ) {
    super(
      `MONGODB_URI: the database's schema is version ${stored}, newer than this Aduan knows (version ${known}). ` +
        'It was upgraded by a newer release: run that release (or newer), never an older one, on this database.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/**
 * The steps to run, in order, to bring a database at `stored` to the newest version `steps` know. Refuses a
 * database newer than the code; refuses a step list with gaps or out of order (a programming error).
 */
export function planMigrations<S extends PlannedStep>(stored: number, steps: readonly S[]): S[] {
  steps.forEach((s, i) => {
    if (s.version !== i + 1) throw new Error(`migration step ${i + 1} is numbered ${s.version} (${s.name})`);
  });
  if (!Number.isInteger(stored) || stored < 0) throw new Error(`the recorded schema version ${stored} is not valid`);
  if (stored > steps.length) throw new SchemaTooNewError(stored, steps.length);
  return steps.slice(stored);
}
