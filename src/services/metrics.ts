// Counters of things the service refused or noticed (e.g. wrong-ticket lookups over the limit), kept in memory for
// the health report. Counters restart at zero with the process, as monitoring systems expect of counters.
export class Counters {
  private readonly counts = new Map<string, number>();

  /** Adds `by` to the counter `name`. */
  add(name: string, by = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + by);
  }

  /** Every counter's value, by name. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
