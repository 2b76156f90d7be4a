// The shape of one numbered step of the storage.local schema (src/background/storage/migrate.ts
// runs them). Pattern of Bitwarden's numbered migrators: one file and one test per step.

/** storage.local entries by key, as read (unchecked: a step checks what it relies on). */
export type Entries = Record<string, unknown>;

/**
 * One step. `migrate` is pure: it takes the entries it knows and returns those to write, never
 * changing its input; it may run again on its own output (a worker stopped before the version
 * was recorded), so it must give the same result.
 */
export interface Migration {
  /** The schema version this step produces. */
  to: number;
  /** What the step changes, for readers. */
  describe: string;
  migrate(entries: Entries): Entries;
}
