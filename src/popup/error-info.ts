// A failure as the popup shows it. The background's failures arrive as AppErrors (thrown by
// src/shared/messaging.ts, loaded on first use); this reads one without importing the class, so
// the popup's first chunk does not carry it.
import type { AppErrorInfo } from '../shared/errors';

/** The info of an AppError (anything with `toInfo()`), else a generic failure. */
export function errorInfo(e: unknown): AppErrorInfo {
  const withInfo = e as { toInfo?: () => AppErrorInfo } | null;
  if (withInfo && typeof withInfo.toInfo === 'function') return withInfo.toInfo();
  return { kind: 'internal', message: 'Something went wrong. Try again.' };
}
