// Numbered, pure migrations of the storage.local schema, run by the background on
// install/update (runtime.onInstalled) and, defensively, before the first request a fresh
// service worker handles. Each step takes the entries it knows and returns the entries to
// write; it must be idempotent-safe because the runner records the version after writing.
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import {
  CONNECTIONS_KEY,
  DEFAULT_CONNECTION_KEY,
  EXPIRY_NOTIFIED_KEY,
  SCHEMA_VERSION_KEY,
  SECRETS_KEY,
  SETTINGS_KEY,
} from '../../shared/storage-keys';
import type { StorageArea } from './area';

export type Entries = Record<string, unknown>;

export interface Migration {
  /** The schema version this step produces. */
  to: number;
  describe: string;
  migrate(entries: Entries): Entries;
}

/** Every key a migration may read or write. Caches are not migrated: they are rebuilt. */
export const MIGRATED_KEYS = [SCHEMA_VERSION_KEY, CONNECTIONS_KEY, SECRETS_KEY, DEFAULT_CONNECTION_KEY, SETTINGS_KEY, EXPIRY_NOTIFIED_KEY];

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export const MIGRATIONS: Migration[] = [
  {
    to: 1,
    describe: 'Initial layout: connections without secrets, secrets apart, settings with defaults.',
    migrate(e) {
      return {
        [CONNECTIONS_KEY]: Array.isArray(e[CONNECTIONS_KEY]) ? e[CONNECTIONS_KEY] : [],
        [SECRETS_KEY]: isRecord(e[SECRETS_KEY]) ? e[SECRETS_KEY] : {},
        [DEFAULT_CONNECTION_KEY]: typeof e[DEFAULT_CONNECTION_KEY] === 'string' ? e[DEFAULT_CONNECTION_KEY] : null,
        [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, ...(isRecord(e[SETTINGS_KEY]) ? e[SETTINGS_KEY] : {}) },
        [EXPIRY_NOTIFIED_KEY]: isRecord(e[EXPIRY_NOTIFIED_KEY]) ? e[EXPIRY_NOTIFIED_KEY] : {},
      };
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.to;

export interface MigrationOutcome {
  from: number;
  to: number;
  /** True when the stored schema is newer than this build knows (a downgrade): nothing is touched. */
  newerThanKnown: boolean;
}

/** Applies the steps after the stored version, in order, then records the new version. */
export async function runMigrations(area: StorageArea, migrations: Migration[] = MIGRATIONS): Promise<MigrationOutcome> {
  const target = migrations.at(-1)?.to ?? 0;
  const stored = await area.get(MIGRATED_KEYS);
  const raw = stored[SCHEMA_VERSION_KEY];
  const from = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : 0;
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
