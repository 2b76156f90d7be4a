// Payload schemas shared by several handlers. Strict objects: unknown keys are rejected.
import { z } from 'zod';

/** A request without a payload. */
export const empty = z.strictObject({});
/** A connection id, test id or other identifier from our own pages. */
export const id = z.string().min(1).max(100);
/** A calendar date as YYYY-MM-DD (the form only: updateConnection checks it is a real date). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
/** A connection name as typed (the service trims it and enforces 100 characters). */
export const connectionName = z.string().max(200);
/**
 * An issue key as Jira writes it (project key, "-", number): it becomes part of a request path,
 * so nothing else may pass (the popup upper-cases what the user typed).
 */
export const issueKey = z
  .string()
  .max(100)
  .regex(/^[A-Z][A-Z0-9_]*-[1-9]\d{0,9}$/);
/** The extension's own pages (popup, options): the only senders of requests about Jira data. */
export const EXTENSION_PAGES = ['extension-page'] as const;
