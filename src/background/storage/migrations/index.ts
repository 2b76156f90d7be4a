// Every migration, in order: add a step as the next numbered file (with its test) and list it
// here. The last step's `to` is the schema version this build writes.
import { initialLayout } from './001-initial-layout';
import type { Migration } from './migration';

/** The step's types, for the runner (../migrate.ts). */
export type { Entries, Migration } from './migration';

/** The steps, oldest first; each `to` is one more than the previous one's. */
export const MIGRATIONS: readonly Migration[] = [initialLayout];

/** The storage.local schema version this build reads and writes. */
export const SCHEMA_VERSION: number = MIGRATIONS.at(-1)!.to;
