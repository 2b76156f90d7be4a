// Schema 1: the layout every later version starts from. Connections without their secrets,
// the secrets apart (only the background reads them), settings with defaults. Any earlier or
// broken value is repaired rather than kept, so every later step may rely on these shapes.
import { isRecord } from '../../../shared/guards';
import { DEFAULT_SETTINGS } from '../../../shared/protocol';
import { CONNECTIONS_KEY, DEFAULT_CONNECTION_KEY, EXPIRY_NOTIFIED_KEY, SECRETS_KEY, SETTINGS_KEY } from '../../../shared/storage-keys';
import type { Migration } from './migration';

/**
 * 0 -> 1. Keeps an array of connections and a record of secrets as they are, a string default
 * id, the stored settings over the defaults and a record of reminder marks; anything else
 * becomes the empty value ([], {}, null, DEFAULT_SETTINGS).
 */
export const initialLayout: Migration = {
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
};
