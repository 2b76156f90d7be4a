// Runs the numbered, pure migrations of the storage.local schema (./migrations/): in the
// background on install/update (runtime.onInstalled) and, defensively, before the first request
// a fresh service worker handles (src/background/index.ts). Each step takes the entries it knows
// and returns the entries to write; the runner records the version only after writing them.
import { schemaVersionItem } from '../../shared/storage-items';
import {
  CONNECTIONS_KEY,
  DEFAULT_CONNECTION_KEY,
  EXPIRY_NOTIFIED_KEY,
  SCHEMA_VERSION_KEY,
  SECRETS_KEY,
  SETTINGS_KEY,
} from '../../shared/storage-keys';
import type { StorageArea } from './area';
import { MIGRATIONS, type Entries, type Migration } from './migrations';

/** Every key a migration may read or write. Caches are not migrated: they are rebuilt. */
export const MIGRATED_KEYS = [SCHEMA_VERSION_KEY, CONNECTIONS_KEY, SECRETS_KEY, DEFAULT_CONNECTION_KEY, SETTINGS_KEY, EXPIRY_NOTIFIED_KEY];

/** What a run did: the stored version before (`from`) and after (`to`). */
export interface MigrationOutcome {
  from: number;
  to: number;
  /** True when the stored schema is newer than this build knows (a downgrade): nothing is touched. */
  newerThanKnown: boolean;
}

/**
 * Applies the steps after the stored version, in order, then records the new version. A missing
 * or malformed version counts as 0 (a fresh install). A stored version newer than the last step
 * is left alone with all its data. Rejects with the area's error when a write fails; the version
 * is then not recorded, so the next run applies the steps again.
 */
export async function runMigrations(area: StorageArea, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationOutcome> {
  const target = migrations.at(-1)?.to ?? 0;
  const stored = await area.get(MIGRATED_KEYS);
  const from = schemaVersionItem.read(stored[SCHEMA_VERSION_KEY]);
  if (from > target) return { from, to: from, newerThanKnown: true };
  if (from === target) return { from, to: from, newerThanKnown: false };

  let entries: Entries = { ...stored };
  for (const step of migrations) {
    if (step.to <= from) continue;
    entries = { ...entries, ...step.migrate(entries), [SCHEMA_VERSION_KEY]: step.to };
  }
  // Version last, after the data: a worker stopped mid-write re-runs the steps next time.
  const { [SCHEMA_VERSION_KEY]: _version, ...data } = entries;
  await area.set(data);
  await area.set({ [SCHEMA_VERSION_KEY]: target });
  return { from, to: target, newerThanKnown: false };
}
